import type { Problem } from '../core/index.js';
import { SESSION_SELECTOR_HEADER, tabPersonId, tabToken } from './tab-person.js';

/** An error answer of the Tongban API (`{ error: { code, message, details } }`) plus the HTTP status; status 0 is "no answer". */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'ApiError';
  }

  /** The problems of a 422 answer, when there are any. */
  get problems(): Problem[] {
    const problems = (this.details as { problems?: unknown } | undefined)?.problems;
    return Array.isArray(problems) ? (problems as Problem[]) : [];
  }
}

export interface RequestOptions {
  method?: string;
  /** A JSON body; sent with `Content-Type: application/json`. */
  json?: unknown;
  /** A raw body (a file, form data); its type comes from `headers`. */
  body?: BodyInit;
  headers?: Record<string, string>;
  accept?: string;
  /**
   * The bearer token; `undefined` or '' uses the client's own, else the signed-in person's (the
   * browser's session cookie, or the tab's token where the server keeps no sessions); `null`
   * sends no credential at all.
   */
  token?: string | null;
}

export interface ApiClientOptions {
  /** The token sent when a request names none (e.g. the signed-in session's). */
  token?: () => string | null;
  /** Called on every 401 answer before the error is thrown (e.g. to show the sign-in again). */
  onUnauthorized?: (error: ApiError) => void;
}

export interface ApiClient {
  /** The raw response of a successful request; any failure is thrown as an ApiError. */
  send(path: string, options?: RequestOptions): Promise<Response>;
  /** The JSON body of a successful request. */
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  /** The text body of a successful request (a diff, a printable notice). */
  requestText(path: string, options?: RequestOptions): Promise<string>;
}

async function errorOf(res: Response): Promise<ApiError> {
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
    /* not JSON: keep the status text */
  }
  return new ApiError(res.status, code, message, details);
}

/** A client of the Tongban API with the app's own token and 401 handling. */
export function createApiClient(defaults: ApiClientOptions = {}): ApiClient {
  const send = async (path: string, options: RequestOptions = {}): Promise<Response> => {
    const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', ...options.headers };
    const token = options.token === undefined || options.token === '' ? (defaults.token?.() ?? tabToken()) : options.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    else if (options.token !== null) {
      // Signed in by cookie: name the person this tab signed in as (see tab-person.ts).
      const person = tabPersonId();
      if (person) headers[SESSION_SELECTOR_HEADER] = person;
    }
    let body = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    let res: Response;
    try {
      // The session cookie goes only to our own origin (it is SameSite=Strict and HttpOnly besides).
      res = await fetch(path, { method: options.method ?? 'GET', headers, credentials: 'same-origin', ...(body !== undefined ? { body } : {}) });
    } catch {
      throw new ApiError(0, 'network', '无法连接服务器，请检查网络后重试');
    }
    if (res.ok) return res;
    const error = await errorOf(res);
    if (res.status === 401) defaults.onUnauthorized?.(error);
    throw error;
  };
  return {
    send,
    request: async <T>(path: string, options?: RequestOptions) => (await (await send(path, options)).json()) as T,
    requestText: async (path: string, options?: RequestOptions) => (await send(path, options)).text(),
  };
}

/** What to tell the user for each kind of failure: what happened and what to do next. */
export function advice(error: unknown): string {
  if (!(error instanceof ApiError)) return `出错了：${(error as Error | undefined)?.message ?? String(error)}。请重试。`;
  switch (error.status) {
    case 0: return '无法连接服务器。请检查网络，然后重试。';
    case 401: return '登录已失效或令牌无效。请重新登录。';
    case 403: return `没有权限：${error.message}。请联系管理员确认您的角色与部门。`;
    case 404: return `${error.message}。该事项可能已被删除，请返回事项列表刷新。`;
    case 409: return `${error.message}。请刷新后再试。`;
    case 413: return '内容过大，无法保存。请精简后再试。';
    case 415: return `${error.message}。请换用支持的文件类型。`;
    case 422: return `${error.message}。请根据下方标出的问题修改后再试。`;
    case 428: return `${error.message}。请刷新后再试。`;
    default: return `${error.message}（${error.status}）。请稍后重试；如仍失败请联系管理员。`;
  }
}
