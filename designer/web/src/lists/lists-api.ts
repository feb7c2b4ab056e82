import type { DataListEntry, DataListKind, ReportPeriod } from '../../../../engine/core/index.js';
import { createApiClient } from '../../../../engine/web-kit/index.js';

// Signed in by the session cookie (as the rest of the designer); a 401 shows the sign-in again.
const client = createApiClient({ onUnauthorized: () => window.dispatchEvent(new CustomEvent('tongban:unauthorized')) });
const enc = encodeURIComponent;

/** The change since the period before, per figure (null for the first snapshot). */
export type Change = Record<string, number> | null;
export interface PeriodReportView {
  snapshot: { period: ReportPeriod; key: string; start: string; end: string; takenAt: string; takenBy: string };
  previousKey: string | null;
  localities: { division: string; name: string; level: 'league_city' | 'banner_county'; parentCode: string | null; claimed: number; localFieldsCompleted: number; casesAccepted: number; casesDispatched: number; casesOverdue: number; claimsLate?: number; lateBatches?: string[]; change: Change }[];
  departments: { department: string; published: number; drafts: number; casesAccepted: number; casesDispatched: number; casesOverdue: number; change: Change }[];
}

/** A batch of items with its own claim deadline (分批认领; the core's ClaimBatch). */
export interface ClaimBatchView { name: string; codes: string[]; deadline: string }
export interface CampaignView { name: string; deadline: string; batches?: ClaimBatchView[]; updatedAt: string; updatedBy: string }

export interface DataNeedsView {
  generatedAt: string;
  departments: { owningDepartment: string; dataItems: { dataItem: string; items: { code: string; name: string; department: string; sharingMethod: { label: string } }[] }[] }[];
}

export const listsApi = {
  entries: (kind: DataListKind) => client.request<{ kind: DataListKind; entries: DataListEntry[] }>(`/api/lists/${kind}`),
  put: (kind: DataListKind, id: string, body: Record<string, string>) => client.request<DataListEntry>(`/api/lists/${kind}/${enc(id)}`, { method: 'PUT', json: body }),
  remove: (kind: DataListKind, id: string) => client.send(`/api/lists/${kind}/${enc(id)}`, { method: 'DELETE' }),
  needs: () => client.request<DataNeedsView>('/api/catalogue/data-needs'),
  report: (period: ReportPeriod, key?: string) => client.request<PeriodReportView>(`/api/reports/periods/${period}${key ? `?key=${enc(key)}` : ''}`),
  snapshots: (period: ReportPeriod) => client.request<{ snapshots: { key: string; takenAt: string; takenBy: string }[] }>(`/api/reports/periods/${period}/snapshots`),
  takeSnapshot: (period: ReportPeriod) => client.request<{ key: string }>(`/api/reports/periods/${period}/snapshots`, { method: 'POST' }),
  campaign: () => client.request<{ campaign: CampaignView | null }>('/api/campaign'),
  putBatches: (batches: ClaimBatchView[]) => client.request<{ campaign: CampaignView }>('/api/campaign/batches', { method: 'PUT', json: { batches } }),
  /** The same resource as CSV (the API answers CSV to Accept: text/csv), saved by the browser. */
  downloadCsv: async (path: string, filename: string) => {
    const text = await client.requestText(path, { accept: 'text/csv' });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    URL.revokeObjectURL(url);
  },
};
