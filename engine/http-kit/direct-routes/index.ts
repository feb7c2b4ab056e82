import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { ApiRequest, ApiResponse, ApiRoute } from '../mount.js';

type Next = (error?: unknown) => void;
/** An edge step as the app's middleware is written: calls `next` once, with an error to stop. */
export type EdgeStep = (req: ApiRequest, res: ApiResponse, next: Next) => void;

/**
 * The pathname's parameters when it is one of `path`'s (`/api/runtime/:division/items/:code/evaluate`)
 * as Express 5's router matches it — literal segments in any letter case, an optional trailing
 * slash, each parameter one non-empty segment, percent-decoded — else null. Anything else it
 * declines (a parameter that does not decode, a doubled slash), and the router answers as ever.
 */
export function pathMatcher(path: string): (pathname: string) => Record<string, string> | null {
  const pattern = path.split('/').slice(1).map((segment) => (segment.startsWith(':') ? { param: segment.slice(1) } : segment.toLowerCase()));
  if (pattern.some((segment) => typeof segment === 'string' && /[:*?()[\]{}]/.test(segment))) throw new Error(`a direct route's path has only literal segments and :parameters: ${path}`);
  return (pathname) => {
    const segments = pathname.split('/');
    // [''(before the first slash), …segments, ''(a trailing slash)]
    const count = segments[segments.length - 1] === '' ? segments.length - 2 : segments.length - 1;
    if (segments[0] !== '' || count !== pattern.length) return null;
    const params: Record<string, string> = {};
    for (let i = 0; i < pattern.length; i++) {
      const expected = pattern[i]!;
      const actual = segments[i + 1]!;
      if (typeof expected === 'string') {
        if (actual !== expected && actual.toLowerCase() !== expected) return null;
      } else {
        if (actual === '') return null;
        if (actual.includes('%')) {
          try {
            params[expected.param] = decodeURIComponent(actual);
          } catch {
            return null;
          }
        } else params[expected.param] = actual;
      }
    }
    return params;
  };
}

/** What a direct route needs of the app it belongs to: the same edge the router gives every route. */
export interface DirectEdge {
  /** Steps before the handler, in the app's order (request log, security headers, rate limit, body). */
  stepsFor(route: ApiRoute): EdgeStep[];
  /** Authentication, authorisation, the body's schema and the handler. */
  run(route: ApiRoute): EdgeStep;
  /** The app's error answer. */
  fail(error: unknown, req: ApiRequest, res: ApiResponse): void;
}

interface Served {
  match: (pathname: string) => Record<string, string> | null;
  serve: (req: ApiRequest, res: ApiResponse, params: Record<string, string>, search: string | null) => void;
}

/**
 * The hot routes (`direct: true`: a runtime's evaluate) served without walking the app's router.
 * Express walks every layer in order — the request log, the security headers, compression, the
 * rate limiter's and the body parser's routers, then each mounted route's pattern until one
 * matches — and on a runtime with its 60-odd routes that walk cost more than the decision itself.
 * A direct route gets the same steps, called in the same order, with nothing in between. A request
 * the matcher declines (another method, an odd path) returns false and the router serves it.
 *
 * The pair stays node's own request and response: Express gives them its prototypes (req.query,
 * res.json …) by Object.setPrototypeOf on every request, and on node 20 that alone costs about
 * 80 µs a request (a bare JSON endpoint: 31 µs of CPU without it, 103-121 µs with it) — objects
 * whose prototype changes after creation leave V8's fast paths in node's own HTTP code. So a direct
 * route's handler gets `params`, `query` and `body` and answers with node's API (answerJson, setHeader),
 * never with express's helpers (res.status, res.json, res.send).
 */
export function directDispatcher(routes: readonly ApiRoute[], edge: DirectEdge): (req: IncomingMessage, res: ServerResponse) => boolean {
  const byMethod = new Map<string, Served[]>();
  for (const route of routes) {
    if (!route.direct) continue;
    const match = pathMatcher(route.path);
    const steps = [...edge.stepsFor(route), edge.run(route)];
    const serve = (req: ApiRequest, res: ApiResponse, params: Record<string, string>, search: string | null) => {
      (req as ApiRequest & { originalUrl?: string }).originalUrl = req.url;
      req.params = params;
      // As the app's 'simple' query parser (node's querystring) reads it.
      req.query = parseQuery(search ?? '');
      let index = 0;
      const next: Next = (error) => {
        if (error !== undefined) {
          edge.fail(error, req, res);
          return;
        }
        const step = steps[index++];
        if (step) step(req, res, next);
      };
      next();
    };
    const method = route.method.toUpperCase();
    byMethod.set(method, [...(byMethod.get(method) ?? []), { match, serve }]);
  }
  return (req, res) => {
    const candidates = byMethod.get(req.method ?? '');
    if (!candidates) return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const pathname = query === -1 ? url : url.slice(0, query);
    for (const candidate of candidates) {
      const params = candidate.match(pathname);
      if (params) {
        candidate.serve(req as ApiRequest, res as ApiResponse, params, query === -1 ? null : url.slice(query + 1));
        return true;
      }
    }
    return false;
  };
}
