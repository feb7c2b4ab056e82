import express, { type Express } from 'express';
import {
  apiErrorHandler,
  apiNotFound,
  apiSchemas,
  buildOpenApi,
  jsonBody,
  mountRoutes,
  requestLog,
  bearerAuthenticator,
  type ApiRoute,
  type Logger,
  type Mountable,
} from '../../engine/http/index.js';
import type { ConfigReader } from '../../engine/store/index.js';

export interface ApiAppOptions {
  title: string;
  description: string;
  routes: ApiRoute[];
  /** Stores whose state /api/health reports. */
  stores: Record<string, ConfigReader>;
  /** Where bearer tokens are looked up (the config store, or a runtime's read-only view of it). */
  principals: Pick<ConfigReader, 'findPrincipalByTokenHash'>;
  logger: Logger;
  /** Largest accepted request body in bytes (413 beyond). */
  bodyLimit: number;
  /** Extra middleware before the API (static web apps). */
  before?: (app: Express) => void;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * The HTTP skeleton shared by the designer and every runtime: JSON bodies with a size limit and
 * no prototype keys, declared routes, generated OpenAPI, health, and errors in one shape.
 */
export function createApiApp(options: ApiAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.set('query parser', 'simple');
  app.use(requestLog(options.logger) as never);
  options.before?.(app);
  app.use('/api', jsonBody(options.bodyLimit) as never);

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
    handler: (_req, res) => res.json(openApi),
  };
  const routes = [healthRoute, openApiRoute, ...options.routes];
  const openApi = buildOpenApi(routes, { title: options.title, version: '0.1.0', description: options.description });
  mountRoutes(app as unknown as Mountable, routes, bearerAuthenticator(options.principals));
  app.use('/api', apiNotFound as never);
  app.use(apiErrorHandler(options.logger) as never);
  return app;
}
