import type { Express } from 'express';
import type { Logger } from '../../engine/http/index.js';
import { ItemLifecycle } from '../../engine/lifecycle/index.js';
import type { ConfigReader, ConfigStore } from '../../engine/store/index.js';
import type { DecisionLogWriter } from '../../engine/decision-log/index.js';
import { decisionRoutes } from './decision-routes.js';
import { createApiApp, DEFAULT_BODY_LIMIT } from '../../runtime/server/api-app.js';
import { PublishedConfigs } from '../../runtime/server/published-configs.js';
import { runtimeRoutes } from '../../runtime/server/runtime-routes.js';
import { accessRoutes } from './access-routes.js';
import { catalogueRoutes } from './catalogue-routes.js';
import { diffRoutes } from './diff-routes.js';
import { localityRoutes } from './locality-routes.js';
import { designerRoutes } from './designer-routes.js';

export interface DesignerAppOptions {
  store: ConfigStore;
  /**
   * When given, the runtime API is served from the same process over this read-only reader
   * (the embedded single-machine product); a separate runtime process is the production layout.
   */
  runtimeReader?: ConfigReader;
  /** The decision log: the embedded runtime records into it, auditors replay from it. */
  decisionLog?: DecisionLogWriter;
  logger: Logger;
  bodyLimit?: number;
  now?: () => string;
}

export function createDesignerApp({ store, runtimeReader, decisionLog, logger, bodyLimit = DEFAULT_BODY_LIMIT, now }: DesignerAppOptions): Express {
  const lifecycle = new ItemLifecycle(store, now);
  const runtime = runtimeReader ? new PublishedConfigs(runtimeReader) : null;
  const app = createApiApp({
    title: 'Tongban designer API (region)',
    description: 'Authoring, review, publication and audit of item standards; plus the read-only runtime API when embedded.',
    routes: [
      ...designerRoutes({ store, lifecycle }),
      ...diffRoutes({ store }),
      ...catalogueRoutes({ store, lifecycle }),
      ...accessRoutes({ store }),
      ...localityRoutes({ store }),
      ...(decisionLog ? decisionRoutes({ store, decisions: decisionLog }) : []),
      ...(runtime ? runtimeRoutes({ configs: runtime, logger, ...(decisionLog ? { decisionLog } : {}) }) : []),
    ],
    stores: runtimeReader ? { config: store, runtime: runtimeReader } : { config: store },
    principals: store,
    logger,
    bodyLimit,
  });
  app.locals.lifecycle = lifecycle;
  if (runtime) app.locals.configs = runtime;
  return app;
}
