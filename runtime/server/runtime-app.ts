import type { Express } from 'express';
import type { Logger } from '../../engine/http/index.js';
import type { ConfigReader } from '../../engine/store/index.js';
import type { DecisionLogWriter } from '../../engine/decision-log/index.js';
import { createApiApp, DEFAULT_BODY_LIMIT } from './api-app.js';
import { PublishedConfigs } from './published-configs.js';
import { runtimeRoutes } from './runtime-routes.js';

export interface RuntimeAppOptions {
  /** Read-only by type: a runtime is never handed a store it could write configs with. */
  reader: ConfigReader;
  /** The runtime's own store of the decisions it makes; the only thing it may write. */
  decisionLog?: DecisionLogWriter;
  logger: Logger;
  bodyLimit?: number;
}

export function createRuntimeApp({ reader, decisionLog, logger, bodyLimit = DEFAULT_BODY_LIMIT }: RuntimeAppOptions): Express & { locals: { configs: PublishedConfigs } } {
  const configs = new PublishedConfigs(reader);
  const app = createApiApp({
    title: 'Tongban runtime API (league / banner)',
    description: 'Read-only acceptance service over the published item standards: items, guides, configs and decisions.',
    routes: runtimeRoutes({ configs, logger, ...(decisionLog ? { decisionLog } : {}) }),
    stores: { config: reader },
    principals: reader,
    logger,
    bodyLimit,
  });
  app.locals.configs = configs;
  return app as Express & { locals: { configs: PublishedConfigs } };
}
