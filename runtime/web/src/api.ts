import { uiText, type Decision, type DeliveryMethod, type DocumentKind, type ItemConfig, type ServiceGuide } from '../../../engine/core/index.js';
import { createApiClient } from '../../../engine/web-kit/index.js';

const client = createApiClient();

export const getJson = client.request;
export const getText = client.requestText;

export const runtimePath = (division: string, rest = '') => `/api/runtime/${encodeURIComponent(division)}${rest}`;

export interface OfferedItem {
  code: string;
  name: string;
  /** 别名 the standard carries (低保), for search. */
  aliases?: string[];
  department: string | { name?: string };
  version: number;
  hash: string | null;
  latestVersion: number;
  follow: 'latest' | number;
  publishedAt: string | null;
}

export interface ItemList {
  division: { code: string; name: string };
  items: OfferedItem[];
}

export interface ItemDetail {
  item: { code: string; version: number | null; hash: string };
  config: ItemConfig;
  local: Record<string, string>;
}

export type { Decision, ServiceGuide };

export interface DivisionNode {
  code: string;
  name: string;
  level: string;
  children: DivisionNode[];
}

export interface Intake {
  caseNumber: string;
  [key: string]: unknown;
}

export interface SavedIntake {
  intake: Intake;
  decision: Decision;
  mismatch?: unknown;
  /** The case the save opened (办件流转). */
  case?: CaseView;
}

export function departmentName(department: OfferedItem['department']): string {
  return typeof department === 'string' ? department : (department?.name ?? '');
}

/**
 * Opens a printable notice in a new tab. The tab is opened at once (a popup opened after an await
 * is blocked) and filled when the page arrives; the document route needs the bearer token, so the
 * page is fetched here and shown through a Blob URL. Returns whether a tab could be opened.
 */
export async function openNotice(division: string, caseNumber: string, kind: DocumentKind, token: string): Promise<boolean> {
  const tab = window.open('', '_blank');
  try {
    const html = await getText(runtimePath(division, `/intakes/${encodeURIComponent(caseNumber)}/documents/${kind}`), { token, accept: 'text/html' });
    const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    if (tab) tab.location.href = url;
    else window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return tab !== null;
  } catch (error) {
    tab?.close();
    throw error;
  }
}

/** 2026-05-01T02:03:04Z → 2026/5/1 10:03:04 (the region's clock, whatever the browser's zone). */
export function localTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/** 2026-05-01 → 2026年5月1日 */
export function chineseDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  return uiText('notice.dateFormat', 'zh-CN', { year: year ?? '', month: Number(month), day: Number(day) });
}

/** One case of a work queue, as GET /api/cases lists it (applicant masked). */
export interface CaseEntry {
  caseNumber: string;
  createdAt: string;
  receivingDivision: string;
  receivingName: string;
  handlingDivision: string;
  handlingName: string;
  department: string;
  code: string;
  itemName: string;
  status: string;
  statusLabel: string;
  holderDivision: string | null;
  dueStage: string | null;
  dueStageLabel: string | null;
  dueDate: string | null;
  promisedDue: string | null;
  overdue: boolean;
  applicantLabel: string | null;
  updatedAt: string;
  seq: number;
}

export interface CasePage {
  cases: CaseEntry[];
  next: string | null;
  today: string;
}

export interface CaseStageView {
  stage: string;
  label: string;
  opensOn: string;
  due: string;
  doneAt: string | null;
  cancelled: boolean;
  overdue: boolean;
  calendarMissing?: number[];
}

export interface CaseTimelineEntry {
  seq: number;
  type: string;
  typeLabel: string;
  at: string;
  actor: { id: string; name: string; role: string };
  division: string;
  divisionName: string;
  department: string | null;
  comment: string;
  details: Record<string, unknown>;
  hash: string;
}

/** GET /api/cases/{caseNumber}: the case as this principal sees it. */
export interface CaseView {
  caseNumber: string;
  status: string;
  statusLabel: string;
  item: { code: string; version: number; name: string; hash: string };
  acceptance: { outcome: Decision['outcome']; outcomeLabel: string; at: string };
  receiving: { division: string; name: string };
  handling: { division: string; name: string; department: string };
  holder: { division: string; name: string; place: string } | null;
  returnedFrom: string | null;
  departmentDecision: { result: string; resultName?: string | null; resultNumber?: string | null; reason?: string | null; at: string } | null;
  delivery: { method: string; trackingNumber?: string | null; at: string } | null;
  promisedTimeLimit: unknown;
  promisedDue: string | null;
  keptOriginals: string[];
  stages: CaseStageView[];
  nextDue: CaseStageView | null;
  overdue: boolean;
  allowedEvents: string[];
  yourEvents: string[];
  timeline: CaseTimelineEntry[];
  integrity: { ok: boolean; checked: number; firstBroken: { seq: number } | null };
  calendarMissing?: number[];
  /** 容缺受理: the applicant's commitment (null for any other case). */
  commitment?: CaseCommitmentView | null;
  /** 补正: what is missing now and the agency's 5-day limit, for a case answered 需补正 at intake. */
  supplement?: CaseSupplementView;
}

export interface CaseSupplementView {
  receivedAt: string;
  noticeDue: string;
  noticeIssuedAt: string | null;
  late: boolean;
  deemedAcceptedFrom: string | null;
  missingMaterials: { id: string; name: string; deferrable: boolean }[];
  materials: { id: string; name: string }[];
  corrections: string[];
}

export interface CaseCommitmentView {
  state: 'awaiting' | 'pending' | 'fulfilled';
  stateLabel: string;
  materials: { id: string; name: string }[];
  supplementBy: string | null;
  latestSupplementBy: string | null;
  committedAt: string | null;
  fulfilledAt: string | null;
  overdue: boolean;
  consequence: string | null;
  basis: string | null;
}

/** GET /api/public/cases/{caseNumber}: what an applicant may see, nothing personal. */
export interface PublicProgress {
  caseNumber: string;
  itemName: string;
  status: string;
  statusLabel: string;
  stage: string | null;
  stageDue: string | null;
  promisedDue: string | null;
  handlingPlace: string;
  department: string;
  updatedAt: string;
  calendarMissing?: number[];
}

/** What POST /api/cases/{caseNumber}/events takes. */
export interface CaseEventBody {
  type: string;
  comment?: string;
  trackingNumber?: string;
  result?: 'approved' | 'refused';
  resultNumber?: string;
  reason?: string;
  method?: DeliveryMethod;
  recipient?: string;
  /** commit (容缺受理): the last day to hand in the 容缺后补 materials. */
  supplementBy?: string;
  /** fulfil-commitment: the 容缺后补 materials handed in; supplement: the materials handed in later. */
  materials?: string[];
  /** supplement: decide on the version the case was opened with, or the one now in force here. */
  version?: 'opened' | 'current';
}
