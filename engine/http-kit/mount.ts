import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorize } from '../core/access/access-policy.js';
import type { Principal } from '../core/access/principal.js';
import { NotFoundError } from '../core/errors.js';
import { uiText } from '../core/i18n/index.js';
import { answerJson } from './compression/index.js';
import { toErrorResponse } from './error-response.js';
import { answerLanguage } from './request-language/index.js';
import { checkRequestBody, type HttpMethod, type RouteSpec } from './route-table.js';

/** What handlers see of a request; express's Request satisfies it. */
export interface ApiRequest extends IncomingMessage {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body?: unknown;
  /** Set once the bearer token is checked; null on public routes called without one. */
  principal?: Principal | null;
}

/** Resolves the caller from the request (bearer token); null when there is none. Throws for a bad token. */
export type Authenticate = (req: ApiRequest) => Promise<Principal | null>;

/** What handlers use of a response; express's Response satisfies it. */
export interface ApiResponse extends ServerResponse {
  status(code: number): this;
  json(body: unknown): this;
  type(type: string): this;
  send(body: string | Buffer): this;
}

export type ApiHandler = (req: ApiRequest, res: ApiResponse) => Promise<unknown> | unknown;
export type ApiRoute = RouteSpec<ApiHandler>;

type Next = (error?: unknown) => void;
type Middleware = (req: ApiRequest, res: ApiResponse, next: Next) => void;
export type Mountable = { [method in HttpMethod]: (path: string, handler: Middleware) => unknown };

/**
 * Mounts declared routes. Before a handler runs, the caller is authenticated and authorised by
 * the route's declared access, and the body is checked against the route's schema.
 */
export function mountRoutes(router: Mountable, routes: readonly ApiRoute[], authenticate: Authenticate): void {
  for (const spec of routes) router[spec.method](spec.path, routeRunner(spec, authenticate));
}

/** One declared route as middleware: authenticate, authorise, check the body, run the handler; any failure goes to `next`. */
export function routeRunner(spec: ApiRoute, authenticate: Authenticate): Middleware {
  const isPublic = spec.access !== undefined && 'public' in spec.access;
  return (req, res, next) => {
    Promise.resolve()
      .then(async () => {
        req.principal = isPublic && !req.headers.authorization ? null : await authenticate(req);
        await authorize(spec.access, req, req.principal);
        checkRequestBody(spec, req.body);
        return spec.handler(req, res);
      })
      .catch(next);
  };
}

export interface ErrorLogger {
  error(message: string, fields: Record<string, unknown>): void;
}

/** Express-style 4-argument error handler producing `{ error: { code, message, details } }`. */
export function apiErrorHandler(logger: ErrorLogger) {
  return (error: unknown, req: ApiRequest, res: ApiResponse, _next: Next): void => {
    const headersSent = res.headersSent;
    const { status, body, unexpected } = toErrorResponse(error, headersSent ? 'zh-CN' : answerLanguage(req, res));
    if (unexpected) logger.error('unexpected error', { method: req.method, path: req.url?.split('?')[0], error: (error as Error)?.stack ?? String(error) });
    if (headersSent) {
      res.end();
      return;
    }
    answerJson(req, res, body, status);
  };
}

/** Unknown /api paths answer in the API's error shape, not with an HTML page. */
export function apiNotFound(req: ApiRequest, _res: ApiResponse, next: Next): void {
  // Mounted under /api, Express strips the mount from req.url; the caller asked for the whole path.
  const path = ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0] ?? '';
  next(new NotFoundError({ key: 'server.http.noSuchEndpoint', values: { method: req.method ?? '', path } }, { method: req.method, path }));
}
