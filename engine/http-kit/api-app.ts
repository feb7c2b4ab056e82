import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
// Siblings, not ./index.js: the layer's entry re-exports this module.
import * as apiSchemas from './api-schemas.js';
import { bearerAuthenticator, type PrincipalLookup } from './bearer-auth.js';
import { collectBody, jsonBody } from './json-body.js';
import { apiErrorHandler, apiNotFound, mountRoutes, routeRunner, type ApiRequest, type ApiResponse, type ApiRoute, type Mountable } from './mount.js';
import { directDispatcher, type EdgeStep } from './direct-routes/index.js';
import { requestLog, type Logger } from './request-log.js';
import { buildOpenApi } from './route-table.js';
import { compressResponses } from './compression/index.js';
import { methodNotAllowed } from './method-not-allowed/index.js';
import { rateLimiter, rateLimitsFromEnv, tierLimiters, type RateLimits } from './rate-limit/index.js';
import { routeSecureHeaders, secureHeaders, securePolicies } from './secure-headers/index.js';
import type { Sessions } from '../services/sessions/index.js';
import { sessionCookieAuthenticator, sessionRoutes, SESSION_COOKIE } from './session-cookie/index.js';
import { systemClock, type Clock } from '../core/clock/index.js';
import type { StoreHealth } from '../core/model/index.js';

export interface ApiAppOptions {
  title: string;
  description: string;
  routes: ApiRoute[];
  /** Stores whose state /api/health reports (config store, decision log, intake store …). */
  stores: Record<string, { health(): Promise<StoreHealth> }>;
  /** Where bearer tokens are looked up (the config store, or a runtime's read-only view of it). */
  principals: PrincipalLookup;
  logger: Logger;
  /** Largest accepted request body in bytes (413 beyond). */
  bodyLimit: number;
  /** Extra middleware before the API (static web apps). */
  before?: (app: Express) => void;
  /** POST routes whose body is raw bytes (uploads): read into `req.body` as a Buffer, never by the JSON parser. */
  rawBodies?: RawBodyRoute[];
  /** Requests per minute per client address for routes declaring a `rateLimit` tier; default from the environment (TONGBAN_PUBLIC_RATE_LIMIT, 600). */
  rateLimits?: RateLimits;
  /** People's browser sessions: with them, /api/session and session cookies are served besides bearer tokens (GET /api/me always). */
  sessions?: Sessions;
  /** The server's clock (cookie lifetimes); default the system's. */
  clock?: Clock;
  /** false: even `direct` routes go through the router (what the direct routes are compared with in tests). */
  directRoutes?: boolean;
}

export interface RawBodyRoute {
  /** Express-style path of a declared POST route. */
  path: string;
  /** Largest accepted body in bytes. */
  limit: number;
  /** The 413 error to answer with; `size` is the declared length when known. */
  tooLarge: (size: number | null) => Error;
}

type Next = (error?: unknown) => void;
type AppHandle = (this: Express, req: IncomingMessage, res: ServerResponse, callback?: Next) => void;

/** Reads a raw body up to `limit` bytes into a Buffer, stopping the moment it is exceeded. */
function rawBody({ limit, tooLarge }: RawBodyRoute) {
  return (req: IncomingMessage & { body?: unknown }, _res: ServerResponse, next: Next): void => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN);
    if (declared > limit) {
      req.resume();
      next(tooLarge(declared));
      return;
    }
    collectBody(req, limit, {
      tooLarge: () => next(tooLarge(null)),
      error: next,
      done: (bytes) => {
        req.body = bytes;
        next();
      },
    });
  };
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The HTTP skeleton shared by the designer and every runtime: security headers, compression and
 * rate limits at the edge, JSON bodies with a size limit and no prototype keys, declared routes,
 * 405 for an undeclared method, generated OpenAPI, health, and errors in one shape.
 */
export function createApiApp(options: ApiAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'simple');
  const log = requestLog(options.logger);
  app.use(log as never);
  const healthRoute: ApiRoute = {
    method: 'get', path: '/api/health', summary: 'Service and store health', tags: ['health'], access: { public: true },
    responses: { 200: { description: 'Healthy', schema: apiSchemas.health }, 503: { description: 'A store is unavailable', schema: apiSchemas.health } },
    handler: async (_req, res) => {
      const stores = Object.fromEntries(await Promise.all(Object.entries(options.stores).map(async ([name, store]) => [name, await store.health()] as const)));
      const ok = Object.values(stores).every((h) => h.ok);
      res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', store: Object.values(stores)[0], stores });
    },
  };
  const openApiRoute: ApiRoute = {
    method: 'get', path: '/api/openapi.json', summary: 'This OpenAPI 3.1 document', tags: ['health'], access: { public: true },
    responses: { 200: { description: 'OpenAPI document', schema: { type: 'object' } } },
    handler: (_req, res) => res.json(openApi()),
  };
  const routes = [healthRoute, openApiRoute, ...sessionRoutes({ sessions: options.sessions ?? null, clock: options.clock ?? systemClock }), ...options.routes];
  // Edge concerns, before anything answers: headers and compression apply to every response (web apps too).
  const policies = securePolicies(routes);
  app.use(secureHeaders(routes, policies));
  app.use(compressResponses() as never);
  // Limits are checked before any body is read, so a flood costs no parsing.
  const limits = options.rateLimits ?? rateLimitsFromEnv();
  const limiters = tierLimiters(routes, limits);
  app.use(rateLimiter(routes, limits, limiters));
  options.before?.(app);
  if (options.rawBodies?.length) {
    // A sub-router: its layers are not routes of the app, so route listings and OpenAPI stay as declared.
    const uploads = express.Router();
    for (const route of options.rawBodies) uploads.post(route.path, rawBody(route) as never);
    app.use(uploads);
  }
  // Routes that declare a larger JSON body (e.g. a 150-item catalogue bundle) parse it themselves first.
  const parsedAlready = new WeakSet<IncomingMessage>();
  const largeBodies = express.Router();
  for (const route of options.routes) {
    const limit = route.body?.limit;
    if (!limit || limit <= options.bodyLimit) continue;
    const parse = jsonBody(limit);
    largeBodies[route.method](route.path, ((req: IncomingMessage, res: ServerResponse, next: Next) => {
      parsedAlready.add(req);
      parse(req, res, next);
    }) as never);
  }
  // Only where some route declares one: an empty router is still a layer every request walks through.
  if (largeBodies.stack.length > 0) app.use(largeBodies);
  const json = jsonBody(options.bodyLimit);
  app.use('/api', ((req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: Next) => (Buffer.isBuffer(req.body) || parsedAlready.has(req) ? next() : json(req, res, next))) as never);

  // Built when first asked for, not at start: few processes are ever asked, and every one starts.
  let openApiDocument: Record<string, unknown> | undefined;
  const openApi = () => (openApiDocument ??= buildOpenApi(routes, { title: options.title, version: '0.1.0', description: options.description }, options.sessions ? { sessionCookie: SESSION_COOKIE } : {}));
  const bearer = bearerAuthenticator(options.principals);
  const authenticate = options.sessions ? sessionCookieAuthenticator({ bearer, sessions: options.sessions }) : bearer;
  mountRoutes(app as unknown as Mountable, routes, authenticate);
  app.use(methodNotAllowed(routes));
  app.use('/api', apiNotFound as never);
  const answerError = apiErrorHandler(options.logger);
  app.use(answerError as never);

  // The hot routes skip the router's walk with the same edge steps, in the same order (compression
  // is the answer's own: answerJson compresses as the middleware would).
  for (const route of routes) {
    if (route.direct && (!route.path.startsWith('/api/') || options.rawBodies?.some((raw) => raw.path === route.path))) throw new Error(`a direct route is a JSON route under /api: ${route.path}`);
  }
  // What app.handle does before its router runs: Express's own request and response, for the one edge
  // step a direct route shares with the router that needs them (express-rate-limit reads req.ip and req.app).
  const asExpressPair = (req: IncomingMessage & { res?: ServerResponse }, res: ServerResponse & { locals?: unknown }) => {
    req.res = res;
    Object.setPrototypeOf(req, app.request);
    Object.setPrototypeOf(res, app.response);
    res.locals ??= Object.create(null);
  };
  const serveDirect = directDispatcher(routes, {
    stepsFor: (route) => {
      const headers = routeSecureHeaders(policies, route);
      const limiter = route.rateLimit ? limiters.get(route.rateLimit) : undefined;
      const limit = route.body?.limit && route.body.limit > options.bodyLimit ? route.body.limit : options.bodyLimit;
      const steps: EdgeStep[] = [log as EdgeStep, (_req, res, next) => { headers(res); next(); }];
      // As the rate limiter's router: signed-in callers are not counted.
      if (limiter) {
        steps.push((req, res, next) => {
          if (req.headers.authorization !== undefined) return next();
          asExpressPair(req, res);
          limiter(req, res, next);
        });
      }
      steps.push(jsonBody(limit) as EdgeStep);
      return steps;
    },
    run: (route) => routeRunner(route, authenticate),
    fail: (error: unknown, req: ApiRequest, res: ApiResponse) => answerError(error, req, res, () => undefined),
  });
  if (options.directRoutes === false) return app;
  const routed = (app as unknown as { handle: AppHandle }).handle;
  (app as unknown as { handle: AppHandle }).handle = function handle(this: Express, req, res, callback) {
    if (!serveDirect(req, res)) routed.call(this, req, res, callback);
  };
  return app;
}
