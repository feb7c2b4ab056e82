import type { Express } from 'express';
import { createApiApp, DEFAULT_BODY_LIMIT, type RateLimits } from '../../engine/http-kit/index.js';
import { calendarRoutes } from './calendar-routes.js';
import type { PublishedConfigs } from './published-configs.js';
import { runtimeModule, type RuntimeModuleOptions } from './runtime-module.js';

export interface RuntimeAppOptions extends RuntimeModuleOptions {
  bodyLimit?: number;
  /** false: the evaluate route goes through the router like every other (to compare the two). */
  directRoutes?: boolean;
  rateLimits?: RateLimits;
}

/** A league/banner runtime on its own: the runtime module behind the shared HTTP kit. */
export function createRuntimeApp({ bodyLimit = DEFAULT_BODY_LIMIT, directRoutes, rateLimits, ...options }: RuntimeAppOptions): Express & { locals: { configs: PublishedConfigs } } {
  const runtime = runtimeModule(options);
  const app = createApiApp({
    title: 'Tongban runtime API (league / banner)',
    description: 'Read-only acceptance service over the published item standards: items, guides, configs and decisions.',
    routes: [...runtime.routes, ...calendarRoutes({ calendar: runtime.calendar })],
    rawBodies: runtime.rawBodies,
    // The config store is the first store health reports (its `store` field).
    stores: { config: options.reader, ...runtime.stores },
    principals: options.reader,
    logger: options.logger,
    bodyLimit,
    ...(directRoutes !== undefined ? { directRoutes } : {}),
    ...(rateLimits ? { rateLimits } : {}),
    before: runtime.mountWeb,
  });
  app.locals.configs = runtime.configs;
  return app as Express & { locals: { configs: PublishedConfigs } };
}
