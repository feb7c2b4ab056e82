import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Router } from 'express';
import { TongbanError } from '../../core/errors.js';
import { uiText } from '../../core/i18n/index.js';
import type { HttpMethod, RouteSpec } from '../route-table.js';

/** A known API path called with a method it does not declare; `Allow` lists the ones it does. */
export class MethodNotAllowedError extends TongbanError {
  readonly status = 405;
  readonly code = 'method_not_allowed';
}

const ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The methods a path answers: the declared ones, and HEAD wherever GET is (express answers it). */
export function allowedMethods(methods: Iterable<HttpMethod>): string[] {
  const allowed = new Set([...methods].map((m) => m.toUpperCase()));
  if (allowed.has('GET')) allowed.add('HEAD');
  return ORDER.filter((m) => allowed.has(m));
}

type Next = (error?: unknown) => void;

/**
 * Mounted after the declared routes: a request that reaches it on a declared path used a method
 * none of the path's routes declares, and is answered 405 with `Allow`; unknown paths pass on (404).
 */
export function methodNotAllowed(routes: readonly RouteSpec[]): Router {
  const router = express.Router();
  const byPath = new Map<string, Set<HttpMethod>>();
  for (const route of routes) (byPath.get(route.path) ?? byPath.set(route.path, new Set()).get(route.path)!).add(route.method);
  // One request can match several declared paths (/api/calendar/working-days and /api/calendar/:year): Allow is their union.
  const matched = new WeakMap<IncomingMessage, Set<HttpMethod>>();
  for (const [path, methods] of byPath) {
    router.all(path, ((req: IncomingMessage, _res: ServerResponse, next: Next) => {
      const seen = matched.get(req) ?? new Set<HttpMethod>();
      for (const method of methods) seen.add(method);
      matched.set(req, seen);
      next();
    }) as never);
  }
  router.use(((req: IncomingMessage, res: ServerResponse, next: Next) => {
    const seen = matched.get(req);
    if (!seen) return next();
    const allow = allowedMethods(seen);
    res.setHeader('Allow', allow.join(', '));
    const path = req.url?.split('?')[0] ?? '';
    next(new MethodNotAllowedError({ key: 'server.http.methodNotAllowed', values: { path, method: req.method ?? '', allow: allow.join(uiText('server.listSeparator')) } }, { method: req.method, path, allow }));
  }) as never);
  return router;
}
