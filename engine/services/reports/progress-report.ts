import { systemClock, type Clock } from '../../core/clock/index.js';
import { listDivisions } from '../../core/divisions/index.js';
import { uiTexts } from '../../core/i18n/catalogue/catalogue.js';
import type { Language } from '../../core/vocabulary/index.js';
import type { ConfigReader } from '../../ports/config-store/port.js';
import type { CampaignRecord, ClaimBatch } from '../../core/model/records.js';

/** Each item's claim deadline and the batch it is counted under: its batch's, else the campaign's. */
export function claimDeadlineOf(campaign: CampaignRecord | null): (code: string) => { batch: string; deadline: string } | null {
  if (!campaign) return () => null;
  const byCode = new Map<string, { batch: string; deadline: string }>();
  for (const batch of campaign.batches ?? []) for (const code of batch.codes) byCode.set(code, { batch: batch.name, deadline: batch.deadline });
  return (code) => byCode.get(code) ?? { batch: campaign.name, deadline: campaign.deadline };
}

export interface LocalityProgress {
  division: string;
  name: string;
  level: 'league_city' | 'banner_county';
  parentCode: string | null;
  offered: number;
  claimed: number;
  localFieldsCompleted: number;
  unclaimed: string[];
  /** Unclaimed items whose batch's deadline (or, in no batch, the campaign's) has passed. */
  late: string[];
  /** The batches with late items, by name (the campaign's name for items in no batch). */
  lateBatches: string[];
  overdue: boolean;
}

export interface DepartmentProgress {
  department: string;
  published: number;
  drafts: number;
  inReview: number;
  lastChange: string | null;
  daysSinceLastChange: number | null;
}

export interface ProgressReport {
  generatedAt: string;
  campaign: { name: string; deadline: string; batches: ClaimBatch[] } | null;
  localities: LocalityProgress[];
  departments: DepartmentProgress[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 周调度、月通报: which leagues and banners have claimed and configured the offered items, who is
 * overdue against the campaign deadline, and how far each department's items have got.
 */
export async function progressReport({ store, clock = systemClock }: { store: ConfigReader; clock?: Clock }): Promise<ProgressReport> {
  const now = clock();
  const items = (await store.listItems()).filter((item) => item.latestVersion !== null && !item.withdrawn);
  const claims = await store.listClaims();
  const campaign = await store.getCampaign();
  const localFieldsOf = new Map<string, string[]>();
  for (const item of items) {
    const version = await store.getVersion(item.code, item.latestVersion as number);
    localFieldsOf.set(item.code, version?.config.standard.localFields ?? []);
  }
  const today = new Date(now.getTime() + 8 * 60 * 60 * 1000).toISOString().slice(0, 10);
  const deadlineOf = claimDeadlineOf(campaign);
  const localities = listDivisions()
    .filter((d) => d.level !== 'region')
    .map((division): LocalityProgress => {
      const mine = claims.filter((c) => c.division === division.code && localFieldsOf.has(c.code));
      const claimedCodes = new Set(mine.map((c) => c.code));
      const completed = mine.filter((c) => (localFieldsOf.get(c.code) ?? []).every((field) => (c.local[field] ?? '') !== '')).length;
      const unclaimed = items.filter((item) => !claimedCodes.has(item.code)).map((item) => item.code);
      const lateBatches = new Set<string>();
      const late = unclaimed.filter((code) => {
        const due = deadlineOf(code);
        if (!due || today <= due.deadline) return false;
        lateBatches.add(due.batch);
        return true;
      });
      return {
        division: division.code,
        name: division.name,
        level: division.level as LocalityProgress['level'],
        parentCode: division.parentCode,
        offered: items.length,
        claimed: claimedCodes.size,
        localFieldsCompleted: completed,
        unclaimed,
        late,
        lateBatches: [...lateBatches],
        overdue: late.length > 0,
      };
    });
  const allItems = await store.listItems();
  const departments = new Map<string, DepartmentProgress>();
  for (const item of allItems) {
    const entry = departments.get(item.department) ?? { department: item.department, published: 0, drafts: 0, inReview: 0, lastChange: null, daysSinceLastChange: null };
    if (item.latestVersion !== null && !item.withdrawn) entry.published++;
    if (item.draft) entry.drafts++;
    if (item.draft?.status === 'submitted') entry.inReview++;
    for (const at of [item.latestPublishedAt, item.draft?.updatedAt, item.withdrawn?.at]) {
      if (at && (entry.lastChange === null || at > entry.lastChange)) entry.lastChange = at;
    }
    departments.set(item.department, entry);
  }
  for (const entry of departments.values()) {
    if (entry.lastChange) entry.daysSinceLastChange = Math.floor((now.getTime() - Date.parse(entry.lastChange)) / DAY_MS);
  }
  return {
    generatedAt: now.toISOString(),
    campaign: campaign ? { name: campaign.name, deadline: campaign.deadline, batches: campaign.batches ?? [] } : null,
    localities,
    departments: [...departments.values()].sort((a, b) => a.department.localeCompare(b.department, 'zh')),
  };
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The same report as CSV (UTF-8 with BOM, so spreadsheet software opens the Chinese correctly). */
export function progressCsv(report: ProgressReport, language: Language = 'zh-CN'): string {
  const t = uiTexts(language);
  const rows: unknown[][] = [[
    t('services.reports.col.category'), t('services.reports.col.codeOrDepartment'), t('services.reports.col.name'), t('designer.reports.col.level'), t('services.reports.col.parent'),
    t('services.reports.col.offered'), t('designer.reports.col.claimed'), t('designer.reports.col.localFieldsCompleted'), t('services.reports.col.overdue'), t('services.reports.col.lateCount'),
    t('designer.batches.lateBatches'), t('designer.reports.col.published'), t('designer.reports.col.drafts'), t('services.reports.col.inReview'), t('designer.items.changed'), t('services.reports.col.daysSince'),
  ]];
  for (const l of report.localities) rows.push([t('services.reports.locality'), l.division, l.name, t(l.level === 'league_city' ? 'designer.reports.level.leagueCity' : 'designer.reports.level.bannerCounty'), l.parentCode, l.offered, l.claimed, l.localFieldsCompleted, t(l.overdue ? 'webkit.form.yes' : 'webkit.form.no'), l.late.length, l.lateBatches.join(t('server.listSeparator')), '', '', '', '', '']);
  for (const d of report.departments) rows.push([t('designer.reports.col.department'), d.department, d.department, '', '', '', '', '', '', '', '', d.published, d.drafts, d.inReview, d.lastChange, d.daysSinceLastChange]);
  return '\ufeff' + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
