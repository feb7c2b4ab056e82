import type { Decision, DocumentKind, ItemConfig, ServiceGuide } from '../../../engine/core/index.js';
import { createApiClient } from '../../../engine/web-kit/index.js';

const client = createApiClient();

export const getJson = client.request;
export const getText = client.requestText;

export const runtimePath = (division: string, rest = '') => `/api/runtime/${encodeURIComponent(division)}${rest}`;

export interface OfferedItem {
  code: string;
  name: string;
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
}

export function departmentName(department: OfferedItem['department']): string {
  return typeof department === 'string' ? department : (department?.name ?? '');
}

/** One row of the window's intake list, as the server masks it. */
export interface IntakeRow {
  caseNumber: string;
  createdAt: string;
  createdBy: string;
  item: { code: string; name?: string; version: number };
  scenario: string;
  outcome: Decision['outcome'];
  applicant: { name?: string; idNumber?: string; phone?: string };
  attachments: number;
  mismatch: boolean;
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
