import { checkpointPolicy, DEFAULT_CHECKPOINT_INTERVAL, ephemeralProcessSigning, systemClock, type Clock, type Signing } from '../../engine/core/index.js';
import type { Express } from 'express';
import { type Logger, createApiApp, DEFAULT_BODY_LIMIT } from '../../engine/http-kit/index.js';
import { AuditTrailAuditor, effectiveCalendar, ItemLifecycle, Sessions } from '../../engine/services/index.js';
import type { ConfigReader, ConfigStore, DecisionLogWriter, IntakeStore } from '../../engine/ports/index.js';
import { decisionRoutes } from './decision-routes.js';
import { calendarRoutes, DEFAULT_UPLOAD_LIMIT, runtimeModule, templateDownloadRoutes } from '../../runtime/server/index.js';
import { mountDesignerWeb } from './designer-web.js';
import { accessRoutes } from './access-routes.js';
import { catalogueRoutes } from './catalogue-routes.js';
import { diffRoutes } from './diff-routes.js';
import { localityRoutes } from './locality-routes.js';
import { designerRoutes } from './designer-routes.js';
import { calendarAdminRoutes } from './calendar-admin-routes.js';
import { programmeRoutes } from './programme-routes.js';
import { templateRoutes, templateUpload } from './template-routes.js';

export interface DesignerAppOptions {
  store: ConfigStore;
  /**
   * When given, the runtime API is served from the same process over this read-only reader
   * (the embedded single-machine product); a separate runtime process is the production layout.
   */
  runtimeReader?: ConfigReader;
  /** The decision log: the embedded runtime records into it, auditors replay from it. */
  decisionLog?: DecisionLogWriter;
  /** The embedded runtime's intake records (办件); served only together with runtimeReader. */
  intakeStore?: IntakeStore;
  logger: Logger;
  bodyLimit?: number;
  /** Largest attachment in bytes (TONGBAN_UPLOAD_LIMIT, default 5 MiB). */
  uploadLimit?: number;
  /** The server's clock, the only source of the dates the designer records (tests inject a fixed one). */
  clock?: Clock;
  /** Largest catalogue bundle POST /api/catalogue/import accepts (TONGBAN_BUNDLE_LIMIT, default 32 MiB). */
  bundleLimit?: number;
  /** With an embedded runtime, serve the built window app at /window/ (default true). */
  windowApp?: boolean;
  /** Serve the designer web app at /designer/ (default true). */
  designerWeb?: boolean;
  /**
   * The region's publishing key and the public keys it trusts (TONGBAN_SIGNING_KEY_FILE,
   * TONGBAN_TRUSTED_KEYS): publications are signed with it; the embedded runtime and bundle
   * imports accept only versions the trusted keys signed. Default: this process's ephemeral key.
   */
  signing?: Signing;
  /** Key of the applicant index of the embedded runtime's cases (see RuntimeModuleOptions). */
  lookupKey?: Uint8Array;
  /** A signed audit checkpoint every this many events, besides one at every publication (TONGBAN_CHECKPOINT_EVERY, default 50). */
  checkpointEvery?: number;
  /** Where the embedded runtime remembers the newest audit checkpoint it has seen (see RuntimeModuleOptions.checkpointFile). */
  runtimeCheckpointFile?: string;
  /** How long a person's browser session lasts from sign-in (TONGBAN_SESSION_HOURS, default 10). */
  sessionHours?: number;
}

export function createDesignerApp({ store, runtimeReader, decisionLog, intakeStore, logger, bodyLimit = DEFAULT_BODY_LIMIT, uploadLimit = DEFAULT_UPLOAD_LIMIT, clock = systemClock, bundleLimit, windowApp = true, designerWeb = true, signing = ephemeralProcessSigning(), lookupKey, checkpointEvery = DEFAULT_CHECKPOINT_INTERVAL, runtimeCheckpointFile, sessionHours }: DesignerAppOptions): Express {
  const lifecycle = new ItemLifecycle({ store, clock, signer: signing.signer });
  const { trustedKeys } = signing;
  // The publishing key also signs the audit trail's checkpoints, written by the store as it appends.
  store.useCheckpoints(checkpointPolicy({ signer: signing.signer, clock, every: checkpointEvery }));
  const auditor = new AuditTrailAuditor({ reader: store, trustedKeys });
  // One effective calendar: a year an admin stores here is what the embedded runtime counts on at once.
  const calendar = effectiveCalendar({ reader: store });
  // The embedded runtime is the league/banner runtime's own module, over the read-only reader.
  const runtime = runtimeReader
    ? runtimeModule({ reader: runtimeReader, trustedKeys, ...(decisionLog ? { decisionLog } : {}), ...(intakeStore ? { intakeStore } : {}), logger, uploadLimit, windowApp, calendar, clock, ...(lookupKey ? { lookupKey } : {}), ...(runtimeCheckpointFile ? { checkpointFile: runtimeCheckpointFile } : {}) })
    : null;
  const app = createApiApp({
    title: 'Tongban designer API (region)',
    description: 'Authoring, review, publication and audit of item standards; plus the read-only runtime API when embedded.',
    routes: [
      ...designerRoutes({ store, lifecycle, clock, auditor }),
      ...diffRoutes({ store }),
      ...catalogueRoutes({ store, lifecycle, clock, trustedKeys, ...(bundleLimit ? { bundleLimit } : {}) }),
      ...accessRoutes({ store, clock }),
      ...localityRoutes({ store, clock, trustedKeys }),
      ...calendarAdminRoutes({ store, calendar, clock }),
      ...programmeRoutes({ store, clock, ...(intakeStore ? { intakeStore } : {}) }),
      ...templateRoutes({ store, clock }),
      // The embedded runtime serves the template downloads; without one the designer serves them itself.
      ...(runtime ? [] : templateDownloadRoutes({ reader: store })),
      ...calendarRoutes({ calendar, clock }),
      ...(decisionLog ? decisionRoutes({ store, decisions: decisionLog }) : []),
      ...(runtime?.routes ?? []),
    ],
    rawBodies: [...(runtime?.rawBodies ?? []), templateUpload],
    stores: {
      config: store,
      ...(runtimeReader ? { runtime: runtimeReader } : {}),
      ...(decisionLog ? { decisions: decisionLog } : {}),
      ...runtime?.stores,
    },
    principals: store,
    // People sign in with a session cookie (the designer and the embedded window app); tools keep bearer tokens.
    sessions: new Sessions({ keeper: store, principals: store, clock, ...(sessionHours ? { hours: sessionHours } : {}) }),
    clock,
    logger,
    bodyLimit,
    before: (app: Express) => {
      if (designerWeb) mountDesignerWeb(app);
      runtime?.mountWeb(app);
    },
  });
  app.locals.lifecycle = lifecycle;
  if (runtime) app.locals.configs = runtime.configs;
  return app;
}
