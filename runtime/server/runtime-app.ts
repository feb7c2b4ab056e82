import type { Express } from 'express';
import { type Logger, createApiApp, DEFAULT_BODY_LIMIT } from '../../engine/http-kit/index.js';
import type { ConfigReader, DecisionLogWriter, IntakeStore } from '../../engine/ports/index.js';
import { calendarRoutes } from './calendar-routes.js';
import { DEFAULT_UPLOAD_LIMIT, intakeRoutes, intakeUploads } from './intake-routes.js';
import { PublishedConfigs } from './published-configs.js';
import { runtimeRoutes } from './runtime-routes.js';
import { mountWindowApp } from './web-app.js';

export interface RuntimeAppOptions {
  /** Read-only by type: a runtime is never handed a store it could write configs with. */
  reader: ConfigReader;
  /** The runtime's own store of the decisions it makes; the only thing it may write. */
  decisionLog?: DecisionLogWriter;
  /** The runtime's intake records (办件) and attachments; without it the intake routes are not served. */
  intakeStore?: IntakeStore;
  logger: Logger;
  bodyLimit?: number;
  /** Largest attachment in bytes (TONGBAN_UPLOAD_LIMIT, default 5 MiB). */
  uploadLimit?: number;
  /** Serve the built window app at /window/ (default true; false for an API-only process). */
  windowApp?: boolean;
}

export function createRuntimeApp({ reader, decisionLog, intakeStore, logger, bodyLimit = DEFAULT_BODY_LIMIT, uploadLimit = DEFAULT_UPLOAD_LIMIT, windowApp = true }: RuntimeAppOptions): Express & { locals: { configs: PublishedConfigs } } {
  const configs = new PublishedConfigs(reader);
  const app = createApiApp({
    title: 'Tongban runtime API (league / banner)',
    description: 'Read-only acceptance service over the published item standards: items, guides, configs and decisions.',
    routes: [
      ...runtimeRoutes({ configs, logger, ...(decisionLog ? { decisionLog } : {}) }),
      ...calendarRoutes(),
      ...(intakeStore ? intakeRoutes({ configs, reader, intakes: intakeStore, logger, ...(decisionLog ? { decisionLog } : {}) }) : []),
    ],
    ...(intakeStore ? { rawBodies: [intakeUploads(uploadLimit)] } : {}),
    stores: { config: reader, ...(decisionLog ? { decisions: decisionLog } : {}), ...(intakeStore ? { intakes: intakeStore } : {}) },
    principals: reader,
    logger,
    bodyLimit,
    ...(windowApp ? { before: (app: Express) => mountWindowApp(app) } : {}),
  });
  app.locals.configs = configs;
  return app as Express & { locals: { configs: PublishedConfigs } };
}
