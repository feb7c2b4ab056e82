import type { AuditEvent, AuditTrailReport, Decision, ItemSummary, VersionMeta, VersionRecord, ExampleReport, Problem } from '../../../../engine/core/index.js';
import { createApiClient, type Person } from '../../../../engine/web-kit/index.js';

// Signed in by the session cookie (as the rest of the designer); a 401 shows the sign-in again.
const client = createApiClient({ onUnauthorized: () => window.dispatchEvent(new CustomEvent('tongban:unauthorized')) });
const get = client.request;
const enc = encodeURIComponent;

/** One locality's adoption of an item (GET /api/reports/adoption). */
export interface LocalityAdoption {
  division: string;
  name: string;
  follow: 'latest' | number;
  serves: number;
  hash: string;
  upToDate: boolean;
  laggingSince: string | null;
  drift: boolean;
}

export interface AdoptionReport {
  generatedAt: string;
  items: { code: string; name: string; latestVersion: number; latestHash: string; latestPublishedAt: string; withdrawn: boolean; localities: LocalityAdoption[]; summary: { claimed: number; upToDate: number; lagging: number; drift: number } }[];
  drift: { code: string; version: number; recordedHash: string; actualHash: string; servedAt: string[] }[];
  untrusted: { code: string; version: number; reason: string; message: string; servedAt: string[] }[];
}

/** A recorded decision as GET /api/decisions lists it (personal data masked). */
export interface RecordedDecisionEntry {
  id: string;
  at: string;
  division: string;
  channel: string;
  code: string;
  version: number;
  hash: string;
  input: { scenario: string; formData: Record<string, unknown>; materials: string[]; date: string; creditBlacklisted?: boolean };
  outcome: Decision['outcome'];
  decision: Omit<Decision, 'explanation'>;
  /** The person signed in at the window; absent on older records. */
  by?: { id: string; name: string };
}

export interface ReplayResult {
  id: string;
  item: { code: string; version: number; hash: string };
  identical: boolean;
  differences: string[];
  recordedOutcome: Decision['outcome'];
  replayedOutcome: Decision['outcome'];
}

export interface ImpactReport {
  code: string;
  version: number;
  examined: number;
  changed: { id: string; division: string; date: string; before: Decision['outcome']; after: Decision['outcome'] | 'error'; reasons: { rule: string; type: string; message: string }[]; causes: { kind: string; text: string }[] }[];
  transitions: { before: Decision['outcome']; after: Decision['outcome'] | 'error'; count: number }[];
}

export interface DecisionQuery {
  code?: string;
  division?: string;
  outcome?: string;
  from?: string;
  to?: string;
  afterId?: string;
}

function queryString(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') q.set(key, String(value));
  return q.size ? `?${q.toString()}` : '';
}

export const auditorApi = {
  people: () => get<{ people: Person[] }>('/api/people'),
  items: () => get<{ items: ItemSummary[] }>('/api/items'),
  item: (code: string) => get<{ item: ItemSummary; versions: VersionMeta[]; latest: VersionRecord | null }>(`/api/items/${enc(code)}`),
  version: (code: string, version: number) => get<VersionRecord>(`/api/items/${enc(code)}/versions/${version}`),
  /** The diff as the Chinese text report (the diff API's own wording). */
  diffText: (code: string, from: string, to: string) => client.requestText(`/api/items/${enc(code)}/diff${queryString({ from, to })}`, { accept: 'text/plain' }),
  audit: (params: { code?: string; afterSeq?: number; limit?: number }) => get<{ events: AuditEvent[]; nextAfterSeq: number | null }>(`/api/audit${queryString(params)}`),
  verify: () => get<AuditTrailReport & { events: number; checkpoints: { stored: number; trusted: number } }>('/api/audit/verify'),
  adoption: () => get<AdoptionReport>('/api/reports/adoption'),
  decisions: (query: DecisionQuery) => get<{ decisions: RecordedDecisionEntry[]; nextAfterId: string | null }>(`/api/decisions${queryString({ ...query, limit: 50 })}`),
  replay: (id: string) => get<ReplayResult>('/api/audit/replay', { method: 'POST', json: { id } }),
  impact: (code: string) => get<ImpactReport>(`/api/items/${enc(code)}/impact`, { method: 'POST' }),
  /** Validates a config and runs its examples on the server, without saving (the dossier's example results). */
  check: (config: unknown) => get<{ valid: boolean; problems: Problem[]; examples: ExampleReport | null }>('/api/validate', { method: 'POST', json: config }),
  draft: (code: string) => get<{ code: string; revision: number; status: string; baseVersion: number | null; config: unknown; createdBy: string; updatedBy: string; updatedAt: string; review?: unknown }>(`/api/items/${enc(code)}/draft`),
};

export { usePeople } from '../people.js';

/** 2026-05-01T02:03:04Z → 2026-05-01 10:03 (the region's clock, whatever the browser's zone). */
export function regionTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).replace(/\//g, '-');
}
