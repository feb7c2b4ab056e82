import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { TongbanError } from '../../core/errors.js';
import { uiText } from '../../core/i18n/index.js';
import type { RouteSpec } from '../route-table.js';

/** The budgets a route can declare (`rateLimit: 'public'`): one per kind of caller. */
export type RateLimitTier = 'public';

/** Requests per minute per client address for each tier; 0 turns the tier's limit off. */
export type RateLimits = Record<RateLimitTier, number>;

/** Generous for a window or a kiosk behind one address, low enough to stop a flood. */
export const DEFAULT_PUBLIC_RATE_LIMIT = 600;

const WINDOW_MS = 60_000;

/** An anonymous caller used up its budget; `Retry-After` says when to try again. */
export class TooManyRequestsError extends TongbanError {
  readonly status = 429;
  readonly code = 'too_many_requests';
}

/** TONGBAN_PUBLIC_RATE_LIMIT: requests per minute per client address on public routes (default 600, 0 = no limit). */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): RateLimits {
  const raw = env.TONGBAN_PUBLIC_RATE_LIMIT;
  if (raw === undefined || raw === '') return { public: DEFAULT_PUBLIC_RATE_LIMIT };
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`TONGBAN_PUBLIC_RATE_LIMIT must be a whole number of requests per minute (0 = no limit), got "${raw}"`);
  return { public: value };
}

type Next = (error?: unknown) => void;
type Middleware = (req: IncomingMessage, res: ServerResponse, next: Next) => void;

function limiterFor(tier: RateLimitTier, perMinute: number): Middleware {
  return rateLimit({
    windowMs: WINDOW_MS,
    limit: perMinute,
    // RateLimit and RateLimit-Policy (IETF draft 8) on every limited answer; Retry-After on a 429.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: tier,
    // The check formats an Error's stack to see whether a limiter is made inside a request; ours are
    // made once at start-up. Under --enable-source-maps that one stack made node parse the bundle's
    // whole source map at every start (tens of milliseconds, megabytes kept for good).
    validate: { creationStack: false },
    // A caller with a bearer token is authenticated next (a bad token answers 401), so only anonymous calls count.
    skip: (req) => req.headers.authorization !== undefined,
    handler: (_req, res, next) => {
      const retryAfter = String(res.getHeader('Retry-After') ?? Math.ceil(WINDOW_MS / 1000));
      next(new TooManyRequestsError({ key: 'server.http.tooManyRequests', values: { seconds: retryAfter } }, { limit: perMinute, windowSeconds: WINDOW_MS / 1000, retryAfterSeconds: Number(retryAfter) }));
    },
  }) as unknown as Middleware;
}

/** One limiter per tier in use (its budget shared by every route of the tier); a tier limited to 0 has none. */
export type TierLimiters = ReadonlyMap<RateLimitTier, Middleware>;

export function tierLimiters(routes: readonly RouteSpec[], limits: RateLimits): TierLimiters {
  const limiters = new Map<RateLimitTier, Middleware>();
  for (const { rateLimit: tier } of routes) if (tier && limits[tier] && !limiters.has(tier)) limiters.set(tier, limiterFor(tier, limits[tier]));
  return limiters;
}

/**
 * Counts each call of a route that declares a `rateLimit` tier against the caller's budget for
 * that tier (all routes of a tier share one budget per client address) and refuses with 429 beyond it.
 */
export function rateLimiter(routes: readonly RouteSpec[], limits: RateLimits, limiters: TierLimiters = tierLimiters(routes, limits)): Router {
  const router = express.Router();
  // Two declared paths can match one request (/api/calendar/working-days and /api/calendar/:year): count it once.
  const counted = new WeakSet<IncomingMessage>();
  for (const route of routes) {
    const limiter = route.rateLimit && limiters.get(route.rateLimit);
    if (!limiter) continue;
    router[route.method](route.path, ((req: IncomingMessage, res: ServerResponse, next: Next) => {
      // Signed-in callers are not counted (the limiter skips them too): decided before any of its work.
      if (req.headers.authorization !== undefined || counted.has(req)) return next();
      counted.add(req);
      limiter(req, res, next);
    }) as never);
  }
  return router;
}
