import type { CalendarCoverage, ConfigDescription, ConfigDiff, Decision, ExampleReport, ItemConfig, Problem, AuditEvent, DraftRecord, ItemSummary, VersionMeta, VersionRecord } from '../../../engine/core/index.js';

/** The impact report of POST /api/items/:code/impact (engine/services' ImpactReport, restated: the app bundles no service code). */
export interface ImpactCauseView { kind: 'rule' | 'field' | 'material' | 'deferral' | 'channel' | 'input'; text: string; title?: string; name?: string }
export interface ImpactReport {
  code: string;
  version: number;
  examined: number;
  changed: { id: string; division: string; date: string; before: Decision['outcome']; after: Decision['outcome'] | 'error'; causes: ImpactCauseView[] }[];
  transitions: { before: Decision['outcome']; after: Decision['outcome'] | 'error'; count: number }[];
}
import { createApiClient, sessionFor } from '../../../engine/web-kit/index.js';

/** The author's token, for this browser tab only. */
export const session = sessionFor('designer');

// Every request carries the session's token; a 401 anywhere sends the author back to sign-in.
const client = createApiClient({
  token: () => session.token(),
  onUnauthorized: () => window.dispatchEvent(new CustomEvent('tongban:unauthorized')),
});

const { send, request: getJson } = client;

// The API's record shapes are the store's own types (type-only: nothing server-side is bundled).
export type { AuditEvent, DraftRecord, DraftStatus, ItemSummary, VersionMeta, VersionRecord } from '../../../engine/core/index.js';

export const api = {
  items: () => getJson<{ items: ItemSummary[] }>('/api/items'),
  item: (code: string) => getJson<{ item: ItemSummary; versions: VersionMeta[]; latest: VersionRecord | null }>(`/api/items/${encodeURIComponent(code)}`),
  draft: (code: string) => getJson<DraftRecord>(`/api/items/${encodeURIComponent(code)}/draft`),
  saveDraft: (code: string, config: ItemConfig, revision: number | null) =>
    getJson<DraftRecord>(`/api/items/${encodeURIComponent(code)}/draft`, {
      method: 'PUT',
      json: config,
      ...(revision !== null ? { headers: { 'If-Match': `"${revision}"` } } : {}),
    }),
  discard: (code: string, revision: number) =>
    send(`/api/items/${encodeURIComponent(code)}/draft`, { method: 'DELETE', headers: { 'If-Match': `"${revision}"` } }),
  step: (code: string, step: 'submit' | 'approve' | 'return', revision: number, body?: unknown) =>
    getJson<DraftRecord>(`/api/items/${encodeURIComponent(code)}/draft/${step}`, {
      method: 'POST',
      headers: { 'If-Match': `"${revision}"` },
      ...(body !== undefined ? { json: body } : {}),
    }),
  publish: (code: string, revision: number, body: { reason: string; legalBasis: string; changeKind?: string }) =>
    getJson<VersionMeta>(`/api/items/${encodeURIComponent(code)}/publish`, { method: 'POST', headers: { 'If-Match': `"${revision}"` }, json: body }),
  diffText: async (code: string, from?: string, to?: string) => {
    const q = new URLSearchParams();
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    return client.requestText(`/api/items/${encodeURIComponent(code)}/diff${q.size ? `?${q.toString()}` : ''}`, { accept: 'text/plain' });
  },
  /** The structural diff as JSON (default: latest published version → draft). */
  diff: (code: string, from?: string, to?: string) => {
    const q = new URLSearchParams();
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    return getJson<ConfigDiff>(`/api/items/${encodeURIComponent(code)}/diff${q.size ? `?${q.toString()}` : ''}`);
  },
  /** The whole draft in Chinese prose: what a reviewer reads of a new item. */
  description: (code: string) => getJson<ConfigDescription>(`/api/items/${encodeURIComponent(code)}/description`),
  /** Recorded decisions of the latest version replayed against the draft, with what changes each. */
  impact: (code: string) => getJson<ImpactReport>(`/api/items/${encodeURIComponent(code)}/impact`, { method: 'POST' }),
  validateDraft: (code: string) =>
    getJson<{ valid: boolean; problems: Problem[]; examples: ExampleReport | null; coverage?: Problem[]; revision: number }>(`/api/items/${encodeURIComponent(code)}/draft/validate`, { method: 'POST' }),
  version: (code: string, version: number) => getJson<VersionRecord>(`/api/items/${encodeURIComponent(code)}/versions/${version}`),
  audit: (code: string) => getJson<{ events: AuditEvent[] }>(`/api/audit?code=${encodeURIComponent(code)}&limit=1000`),
  /** Whether deadlines computed today need a calendar year that is not loaded (the server's clock). */
  calendarCoverage: () => getJson<CalendarCoverage>('/api/calendar/coverage'),
};

export type Role = 'admin' | 'reviewer' | 'author';

/** Checks that a token is valid (the role only shapes the screens; the server decides what each principal may do). */
export async function checkToken(token: string): Promise<void> {
  await getJson('/api/items', { token });
}
