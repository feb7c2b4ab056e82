import type { Principal } from '../../core/access/principal.js';
import { isDivisionWithin } from '../../core/codes/index.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import { toCsv } from '../../core/csv/index.js';
import { findDivision } from '../../core/divisions/index.js';
import { BadRequestError, catalogueProblem, ForbiddenError, type Problem, ValidationFailedError } from '../../core/errors.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
import { caseStages, caseStatuses, isCaseStatus, labelOf, type CaseStage, type CaseStatus } from '../../core/vocabulary/index.js';
import type { CaseQuery, CaseRow, IntakeStore } from '../../ports/intake-store/port.js';

/** A case of a list, with labels and its overdue flag as of today. */
export interface CaseListEntry extends Omit<CaseRow, 'applicantKey'> {
  statusLabel: string;
  dueStageLabel: string | null;
  receivingName: string;
  handlingName: string;
  overdue: boolean;
}

export interface CaseListRequest {
  division?: string;
  status?: string;
  item?: string;
  department?: string;
  overdue?: boolean;
  dueWithin?: number;
  /** Only the cases the principal's own division must act on now. */
  mine?: boolean;
  /** An applicant's ID number (matched by keyed hash). */
  applicantKey?: string;
  /** One case number. */
  caseNumber?: string;
  after?: string;
  limit?: number;
}

const nameOf = (division: string): string => findDivision(division)?.name ?? division;

/** Whose cases a principal may list: a window its locality and below, a handler its department, supervisors all. */
export function listingScope(principal: Principal, division: string | undefined): { within: string; department?: string } {
  if (principal.role === 'handler') {
    if (division !== undefined && division !== principal.division) throw new ForbiddenError({ key: 'services.cases.lists.handlerScope', values: { name: principal.name, department: String(principal.department) } }, { division });
    return { within: principal.division ?? '', department: principal.department ?? '' };
  }
  if (principal.role === 'operator') {
    const own = principal.division ?? '';
    const asked = division ?? own;
    if (!isDivisionWithin(asked, own)) throw new ForbiddenError({ key: 'services.cases.lists.operatorScope', values: { name: principal.name, place: nameOf(own) } }, { division: asked, own });
    return { within: asked };
  }
  return { within: division ?? '150000' };
}

const REGION = '150000';

/**
 * 全区通办 of a 补正: a window of any division finds a case waiting for 补正 by its number or the
 * applicant's ID number, wherever it was received (rows only: masked applicant, no form data).
 * Null when the request is not such a search or the principal is not a window.
 */
export function supplementSearchQuery(principal: Principal, request: CaseListRequest): CaseQuery | null {
  if (principal.role !== 'operator' || !principal.division) return null;
  if (!request.caseNumber && !request.applicantKey) return null;
  if (request.mine || request.overdue || request.dueWithin !== undefined || request.item || request.department) return null;
  if (request.status && !request.status.split(',').map((code) => code.trim()).includes('supplement-requested')) return null;
  return {
    within: REGION, statuses: ['supplement-requested'],
    ...(request.caseNumber ? { caseNumber: request.caseNumber } : {}), ...(request.applicantKey ? { applicantKey: request.applicantKey } : {}),
    ...(request.limit !== undefined ? { limit: request.limit } : {}),
  };
}


export function toListEntry(row: CaseRow, today: string): CaseListEntry {
  const { applicantKey: _key, ...rest } = row;
  return {
    ...rest,
    statusLabel: labelOf(caseStatuses, row.status),
    dueStageLabel: row.dueStage ? labelOf(caseStages, row.dueStage) : null,
    receivingName: nameOf(row.receivingDivision),
    handlingName: nameOf(row.handlingDivision),
    overdue: row.dueDate !== null && row.dueDate < today,
  };
}

/** Turns a supervisor's or a clerk's filters into a store query. */
export function caseQueryFor(principal: Principal, request: CaseListRequest, today: string, calendar: WorkingCalendar): CaseQuery {
  const problems: Problem[] = [];
  const scope = listingScope(principal, request.division);
  const query: CaseQuery = { within: scope.within };
  if (scope.department !== undefined) query.department = scope.department;
  else if (request.department) query.department = request.department;
  if (request.status) {
    const statuses = request.status.split(',').map((code) => code.trim()).filter(Boolean);
    const unknown = statuses.filter((code) => !isCaseStatus(code));
    if (unknown.length) problems.push(catalogueProblem('/status', 'case.query', { key: 'services.cases.lists.unknownStatus', values: { codes: unknown.join(uiText('server.listSeparator')) } }));
    else query.statuses = statuses as CaseStatus[];
  }
  if (request.item) query.code = request.item;
  if (request.overdue) query.dueBefore = today;
  if (request.dueWithin !== undefined) {
    if (!Number.isSafeInteger(request.dueWithin) || request.dueWithin < 0 || request.dueWithin > 365) problems.push(catalogueProblem('/dueWithin', 'case.query', { key: 'services.cases.lists.dueWithin' }));
    else query.dueOnOrBefore = calendar.addWorkingDays(today, request.dueWithin).date;
  }
  if (request.mine) {
    if (!principal.division) throw new BadRequestError({ key: 'services.cases.lists.mineNeedsDivision' }, { role: principal.role });
    query.holderDivision = principal.division;
  }
  if (request.applicantKey) query.applicantKey = request.applicantKey;
  if (request.caseNumber) query.caseNumber = request.caseNumber;
  if (request.after) query.afterCaseNumber = request.after;
  if (request.limit !== undefined) query.limit = request.limit;
  if (problems.length) throw new ValidationFailedError({ key: 'services.cases.query.invalid' }, problems);
  return query;
}

export interface OverdueGroup {
  division: string;
  divisionName: string;
  department: string;
  stage: CaseStage;
  stageLabel: string;
  count: number;
  caseNumbers: string[];
}

const PAGE = 1000;

/** Every overdue case within a locality, grouped by the division that must act, the department and the late stage. */
export async function overdueReport({ intakes, within, today }: { intakes: IntakeStore; within: string; today: string }): Promise<{ today: string; within: string; total: number; groups: OverdueGroup[] }> {
  const groups = new Map<string, OverdueGroup>();
  let after: string | undefined;
  let total = 0;
  for (;;) {
    const rows = await intakes.listCases({ within, dueBefore: today, limit: PAGE, ...(after ? { afterCaseNumber: after } : {}) });
    for (const row of rows) {
      if (row.dueStage === null || row.holderDivision === null) continue;
      total++;
      const key = `${row.holderDivision}|${row.department}|${row.dueStage}`;
      const group = groups.get(key) ?? { division: row.holderDivision, divisionName: nameOf(row.holderDivision), department: row.department, stage: row.dueStage, stageLabel: labelOf(caseStages, row.dueStage), count: 0, caseNumbers: [] };
      group.count++;
      group.caseNumbers.push(row.caseNumber);
      groups.set(key, group);
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]?.caseNumber;
  }
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.division.localeCompare(b.division));
  return { today, within, total, groups: sorted };
}

export function overdueReportCsv(report: Awaited<ReturnType<typeof overdueReport>>): string {
  return toCsv([
    [
      uiText('core.form.format.cnDivision'), uiText('services.cases.overdueCsv.division'), uiText('runtime.queue.col.department'),
      uiText('services.cases.overdueCsv.stage'), uiText('services.cases.overdueCsv.count'), uiText('runtime.queue.caseNumber'),
    ],
    ...report.groups.map((group) => [group.division, group.divisionName, group.department, group.stageLabel, group.count, group.caseNumbers.join(' ')]),
  ]);
}
