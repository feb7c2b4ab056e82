import { systemClock, type Clock } from '../../core/clock/index.js';
import { addDays, todayInRegion } from '../../core/codes/calendar-date.js';
import { BadRequestError, ConflictError } from '../../core/errors.js';
import type { DepartmentFigures, LocalityFigures, ReportSnapshot } from '../../core/model/programme-records.js';
import { FINAL_CASE_STATUSES, labelOf, reportPeriods, type Language, type ReportPeriod } from '../../core/vocabulary/index.js';
import { uiTexts } from '../../core/i18n/catalogue/catalogue.js';
import { toCsv } from '../../core/csv/csv.js';
import type { ConfigStore } from '../../ports/config-store/port.js';
import type { CaseRow, IntakeStore } from '../../ports/intake-store/port.js';
import { progressReport } from './progress-report.js';

/** The week (ISO 8601, Monday first) or month holding `date` (YYYY-MM-DD). */
export function periodOf(period: ReportPeriod, date: string): { key: string; start: string; end: string } {
  if (period === 'month') {
    const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
    const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    return { key: date.slice(0, 7), start: `${date.slice(0, 7)}-01`, end: addDays(next, -1) };
  }
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  const start = addDays(date, -weekday);
  const thursday = addDays(start, 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${year}-01-01T00:00:00Z`)) / 86_400_000 / 7) + 1;
  return { key: `${year}-W${String(week).padStart(2, '0')}`, start, end: addDays(start, 6) };
}

const KEY_PATTERN: Record<ReportPeriod, RegExp> = { week: /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, month: /^\d{4}-(0[1-9]|1[0-2])$/ };

export function assertPeriodKey(period: ReportPeriod, key: string): void {
  if (!KEY_PATTERN[period].test(key)) throw new BadRequestError({ key: 'services.reports.badPeriodKey', values: { period: labelOf(reportPeriods, period), example: period === 'week' ? '2026-W49' : '2026-12', key } }, { param: 'key' }, 'bad_parameter');
}

async function allCases(intakeStore: IntakeStore | undefined): Promise<CaseRow[]> {
  if (!intakeStore) return [];
  const rows: CaseRow[] = [];
  for (let after: string | undefined; ; ) {
    const page = await intakeStore.listCases({ limit: 1000, ...(after ? { afterCaseNumber: after } : {}) });
    rows.push(...page);
    if (page.length < 1000) return rows;
    after = page[page.length - 1]?.caseNumber;
  }
}

interface CaseCounts { casesAccepted: number; casesDispatched: number; casesOverdue: number }

function countCases(cases: readonly CaseRow[], today: string): CaseCounts {
  let casesAccepted = 0, casesDispatched = 0, casesOverdue = 0;
  for (const c of cases) {
    if (c.status === 'not-accepted' || c.status === 'supplement-requested') continue;
    casesAccepted++;
    if (c.handlingDivision !== c.receivingDivision) casesDispatched++;
    if (!FINAL_CASE_STATUSES.includes(c.status) && c.dueDate !== null && c.dueDate < today) casesOverdue++;
  }
  return { casesAccepted, casesDispatched, casesOverdue };
}

/** A locality's own cases: a banner's and its stations' (codes under it); a league's and its banners'. */
function within(division: string, level: LocalityFigures['level'], code: string): boolean {
  return code.startsWith(level === 'league_city' ? division.slice(0, 4) : division);
}

/** The figures as they stand now: claims and local fields (progress report), cases received at each locality and by department. */
export async function currentFigures({ store, intakeStore, clock = systemClock }: { store: ConfigStore; intakeStore?: IntakeStore; clock?: Clock }): Promise<Pick<ReportSnapshot, 'localities' | 'departments'>> {
  const progress = await progressReport({ store, clock });
  const cases = await allCases(intakeStore);
  const today = todayInRegion(clock());
  const localities = progress.localities.map((l): LocalityFigures => ({
    division: l.division, name: l.name, level: l.level, parentCode: l.parentCode, claimed: l.claimed, localFieldsCompleted: l.localFieldsCompleted,
    claimsLate: l.late.length, lateBatches: l.lateBatches,
    ...countCases(cases.filter((c) => within(l.division, l.level, c.receivingDivision)), today),
  }));
  const departmentNames = new Set([...progress.departments.map((d) => d.department), ...cases.map((c) => c.department)]);
  const departments = [...departmentNames].sort((a, b) => a.localeCompare(b, 'zh')).map((department): DepartmentFigures => {
    const d = progress.departments.find((p) => p.department === department);
    return { department, published: d?.published ?? 0, drafts: d?.drafts ?? 0, ...countCases(cases.filter((c) => c.department === department), today) };
  });
  return { localities, departments };
}

export interface SnapshotRequest {
  store: ConfigStore;
  intakeStore?: IntakeStore;
  clock?: Clock;
  period: ReportPeriod;
}

/** Takes the snapshot of the current period (by the server's clock); ConflictError when it was already taken. */
export async function takeReportSnapshot({ store, intakeStore, clock = systemClock, period, actor }: SnapshotRequest & { actor: string }): Promise<ReportSnapshot> {
  const now = clock();
  const snapshot: ReportSnapshot = { period, ...periodOf(period, todayInRegion(now)), takenAt: now.toISOString(), takenBy: actor, ...(await currentFigures({ store, ...(intakeStore ? { intakeStore } : {}), clock })) };
  await store.insertReportSnapshot(snapshot);
  return snapshot;
}

type Change<T> = { [K in keyof T]: T[K] extends number ? number : never };
const FIGURES = ['claimed', 'localFieldsCompleted', 'casesAccepted', 'casesDispatched', 'casesOverdue'] as const;
const DEPARTMENT_FIGURES = ['published', 'drafts', 'casesAccepted', 'casesDispatched', 'casesOverdue'] as const;

export interface LocalityRow extends LocalityFigures { change: Partial<Change<LocalityFigures>> | null }
export interface DepartmentRow extends DepartmentFigures { change: Partial<Change<DepartmentFigures>> | null }

/** One period's report with the change since the previous snapshot of the same kind (null where there is none). */
export interface PeriodReport {
  snapshot: Omit<ReportSnapshot, 'localities' | 'departments'>;
  previousKey: string | null;
  localities: LocalityRow[];
  departments: DepartmentRow[];
}

function delta<T extends object>(now: T, before: T | undefined, fields: readonly (keyof T)[]): Record<string, number> | null {
  if (!before) return null;
  return Object.fromEntries(fields.map((f) => [f, (now[f] as number) - (before[f] as number)]));
}

export function comparePeriods(snapshot: ReportSnapshot, previous: ReportSnapshot | null): PeriodReport {
  const { localities, departments, ...head } = snapshot;
  return {
    snapshot: head,
    previousKey: previous?.key ?? null,
    localities: localities.map((l) => ({ ...l, change: previous ? delta(l, previous.localities.find((p) => p.division === l.division), FIGURES) : null })),
    departments: departments.map((d) => ({ ...d, change: previous ? delta(d, previous.departments.find((p) => p.department === d.department), DEPARTMENT_FIGURES) : null })),
  };
}

/**
 * The report of a period: its snapshot compared with the one before. Without a key, the current
 * period, whose snapshot is taken (by `system`) the first time it is asked for; a past period
 * without a snapshot is NotFound-like (null).
 */
export async function periodReport({ store, intakeStore, clock = systemClock, period, key }: SnapshotRequest & { key?: string }): Promise<PeriodReport | null> {
  if (key !== undefined) assertPeriodKey(period, key);
  const current = periodOf(period, todayInRegion(clock())).key;
  const wanted = key ?? current;
  let snapshots = await store.listReportSnapshots(period);
  if (wanted === current && !snapshots.some((s) => s.key === wanted)) {
    try {
      await takeReportSnapshot({ store, ...(intakeStore ? { intakeStore } : {}), clock, period, actor: 'system' });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error; // taken meanwhile by another request: read it
    }
    snapshots = await store.listReportSnapshots(period);
  }
  const index = snapshots.findIndex((s) => s.key === wanted);
  if (index < 0) return null;
  return comparePeriods(snapshots[index] as ReportSnapshot, index > 0 ? (snapshots[index - 1] as ReportSnapshot) : null);
}

const signed = (n: number | undefined): string => (n === undefined ? '' : n > 0 ? `+${n}` : String(n));

/** The report as CSV: one line per league, banner and department with each figure and its change. */
export function periodReportCsv(report: PeriodReport, language: Language = 'zh-CN'): string {
  const t = uiTexts(language);
  const change = t('services.reports.col.change');
  const rows: (string | number)[][] = [[
    t('designer.reports.snapshotKey'), t('services.reports.col.category'), t('services.reports.col.codeOrDepartment'), t('services.reports.col.name'), t('services.reports.col.parent'),
    t('designer.reports.col.claimed'), change, t('designer.reports.col.localFieldsCompleted'), change, t('designer.reports.col.published'), change,
    t('designer.reports.col.casesAccepted'), change, t('designer.reports.col.casesDispatched'), change, t('designer.reports.col.casesOverdue'), change,
    t('designer.batches.lateClaims'), t('designer.batches.lateBatches'),
  ]];
  const k = report.snapshot.key;
  for (const l of report.localities) {
    const c = l.change ?? {};
    rows.push([k, t(l.level === 'league_city' ? 'designer.reports.level.leagueCity' : 'designer.reports.level.bannerCounty'), l.division, l.name, l.parentCode ?? '', l.claimed, signed(c.claimed), l.localFieldsCompleted, signed(c.localFieldsCompleted), '', '', l.casesAccepted, signed(c.casesAccepted), l.casesDispatched, signed(c.casesDispatched), l.casesOverdue, signed(c.casesOverdue), l.claimsLate ?? '', (l.lateBatches ?? []).join(t('server.listSeparator'))]);
  }
  for (const d of report.departments) {
    const c = d.change ?? {};
    rows.push([k, t('designer.reports.col.department'), d.department, d.department, '', '', '', '', '', d.published, signed(c.published), d.casesAccepted, signed(c.casesAccepted), d.casesDispatched, signed(c.casesDispatched), d.casesOverdue, signed(c.casesOverdue), '', '']);
  }
  return toCsv(rows);
}
