import { uiText, type Language, type Problem } from '../core/index.js';
import { readerLanguage } from './reader-language.js';
import { SESSION_SELECTOR_HEADER, tabPersonId, tabToken } from './tab-person.js';

/**
 * An error answer of the Tongban API (`{ error: { code, message, details } }`) plus the HTTP status; status 0 is "no answer".
 * `language` is the language its message is in: the answer's Content-Language (the server answers in the language the
 * request asked for, where its catalogue has the message), or the reader's for the client's own messages.
 */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown, readonly language: Language = 'zh-CN') {
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

/** The language an answer says it is in (Content-Language); Chinese, the source, when it names neither of ours. */
function answerLanguage(res: Response): Language {
  return res.headers.get('Content-Language')?.trim() === 'mn-Mong' ? 'mn-Mong' : 'zh-CN';
}

async function errorOf(res: Response, asked: Language): Promise<ApiError> {
  let code = `http-${res.status}`;
  let message = uiText('webkit.api.status', asked, { status: res.status });
  let language = asked;
  let details: unknown;
  try {
    const payload = (await res.json()) as { error?: { code?: string; message?: string; details?: unknown } };
    if (payload.error) {
      code = payload.error.code ?? code;
      if (payload.error.message !== undefined) {
        message = payload.error.message;
        language = answerLanguage(res);
      }
      details = payload.error.details;
    }
  } catch {
    /* not JSON: keep the status text */
  }
  return new ApiError(res.status, code, message, details, language);
}

/**
 * A client of the Tongban API with the app's own token and 401 handling. Each request asks for answers
 * in the reader's language (`Accept-Language: mn-Mong` or `zh-CN`, see reader-language.ts), whatever
 * the browser's own preference, so the server's messages match the page.
 */
export function createApiClient(defaults: ApiClientOptions = {}): ApiClient {
  const send = async (path: string, options: RequestOptions = {}): Promise<Response> => {
    const language = readerLanguage();
    const headers: Record<string, string> = { Accept: options.accept ?? 'application/json', 'Accept-Language': language, ...options.headers };
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
      throw new ApiError(0, 'network', uiText('webkit.api.network', language), undefined, language);
    }
    if (res.ok) return res;
    const error = await errorOf(res, language);
    if (res.status === 401) defaults.onUnauthorized?.(error);
    throw error;
  };
  return {
    send,
    request: async <T>(path: string, options?: RequestOptions) => (await (await send(path, options)).json()) as T,
    requestText: async (path: string, options?: RequestOptions) => (await send(path, options)).text(),
  };
}

/**
 * What to tell the user for each kind of failure: what happened and what to do next, in the language of the
 * server's message (so a Mongolian message is never set inside a Chinese sentence), else the reader's.
 */
export function advice(error: unknown): string {
  if (!(error instanceof ApiError)) return uiText('webkit.advice.unknown', readerLanguage(), { message: (error as Error | undefined)?.message ?? String(error) });
  const { message, language } = error;
  switch (error.status) {
    case 0: return uiText('webkit.advice.network', language);
    case 401: return uiText('webkit.advice.unauthorized', language);
    case 403: return uiText('webkit.advice.forbidden', language, { message });
    case 404: return uiText('webkit.advice.notFound', language, { message });
    case 409: return uiText('webkit.advice.refresh', language, { message });
    case 413: return uiText('webkit.advice.tooLarge', language);
    case 415: return uiText('webkit.advice.unsupportedType', language, { message });
    case 422: return uiText('webkit.advice.invalid', language, { message });
    case 428: return uiText('webkit.advice.refresh', language, { message });
    default: return uiText('webkit.advice.other', language, { message, status: error.status });
  }
}
