import type { ExampleReport, ItemConfig, Problem, AuditEvent, DraftRecord, ItemSummary, VersionMeta, VersionRecord } from '../../../engine/core/index.js';

/** An error answer of the Tongban API (`{ error: { code, message, details } }`) plus the HTTP status. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
  }
  /** The problems of a 422 answer, when there are any. */
  get problems(): Problem[] {
    const problems = (this.details as { problems?: unknown } | undefined)?.problems;
    return Array.isArray(problems) ? (problems as Problem[]) : [];
  }
}

const TOKEN_KEY = 'tongban.designer.token';

export const session = {
  token(): string | null {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch {
      return null;
    }
  },
  signIn(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  signOut(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

export interface RequestOptions {
  method?: string;
  json?: unknown;
  headers?: Record<string, string>;
  accept?: string;
  token?: string | null;
}

/** What to tell the author for each kind of failure: what happened and what to do. */
export function advice(error: unknown): string {
  if (!(error instanceof ApiError)) return `出错了：${(error as Error)?.message ?? String(error)}。请重试。`;
  switch (error.status) {
    case 0: return '无法连接服务器。请检查网络，然后重试。';
    case 401: return '登录已失效或令牌无效。请重新登录。';
    case 403: return `没有权限：${error.message}。请联系管理员确认您的角色与部门。`;
    case 404: return `${error.message}。该事项可能已被删除，请返回事项列表刷新。`;
    case 409: return `${error.message}。请刷新后再试。`;
    case 413: return '内容过大，无法保存。请精简后再试。';
    case 422: return `${error.message}。请根据下方标出的问题修改后再试。`;
    case 428: return `${error.message}。请刷新后再试。`;
    default: return `${error.message}（${error.status}）。请稍后重试；如仍失败请联系管理员。`;
  }
}

export async function send(path: string, options: RequestOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', ...options.headers };
  const token = options.token === undefined ? session.token() : options.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  let res: Response;
  try {
    res = await fetch(path, { method: options.method ?? 'GET', headers, ...(body !== undefined ? { body } : {}) });
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器');
  }
  if (!res.ok) {
    let code = `http-${res.status}`;
    let message = `服务器返回 ${res.status}`;
    let details: unknown;
    try {
      const payload = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
      if (payload.error) {
        code = payload.error.code ?? code;
        message = payload.error.message ?? message;
        details = payload.error.details;
      }
    } catch {
      /* not JSON */
    }
    if (res.status === 401) window.dispatchEvent(new CustomEvent('tongban:unauthorized'));
    throw new ApiError(res.status, code, message, details);
  }
  return res;
}

export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options);
  return (await res.json()) as T;
}

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
    const res = await send(`/api/items/${encodeURIComponent(code)}/diff${q.size ? `?${q.toString()}` : ''}`, { accept: 'text/plain' });
    return res.text();
  },
  validateDraft: (code: string) =>
    getJson<{ valid: boolean; problems: Problem[]; examples: ExampleReport | null; revision: number }>(`/api/items/${encodeURIComponent(code)}/draft/validate`, { method: 'POST' }),
  version: (code: string, version: number) => getJson<VersionRecord>(`/api/items/${encodeURIComponent(code)}/versions/${version}`),
  audit: (code: string) => getJson<{ events: AuditEvent[] }>(`/api/audit?code=${encodeURIComponent(code)}&limit=1000`),
};

export type Role = 'admin' | 'reviewer' | 'author';

/** Checks that a token is valid (the role only shapes the screens; the server decides what each principal may do). */
export async function checkToken(token: string): Promise<void> {
  await getJson('/api/items', { token });
}
