import type { Express } from 'express';
import type { ApiRoute, Logger, RawBodyRoute } from '../../engine/http-kit/index.js';
import type { ConfigReader, DecisionLogWriter, IntakeStore } from '../../engine/ports/index.js';
import type { StoreHealth, TrustedKey } from '../../engine/core/index.js';
import type { WorkingCalendar } from '../../engine/core/index.js';
import { CaseBook, CaseVerifier, effectiveCalendar, type EffectiveCalendar } from '../../engine/services/index.js';
import { ephemeralProcessSigning, formValidatorCompiler, systemClock, type Clock } from '../../engine/core/index.js';
import { nativeContentHash, nativeSha256Hex, nativeStatementVerifier } from './native-crypto.js';
import { ValidatorCodeFiles } from './validator-code-files.js';
import { CheckpointWatch } from './checkpoint-watch.js';
import { randomBytes } from 'node:crypto';
import { caseRoutes } from './case-routes.js';
import { DEFAULT_UPLOAD_LIMIT, intakeRoutes, intakeUploads } from './intake-routes.js';
import { PublishedConfigs } from './published-configs.js';
import { runtimeRoutes } from './runtime-routes.js';
import { templateDownloadRoutes } from './template-download-routes.js';
import { mountFonts } from './fonts.js';
import { mountWindowApp } from './web-app.js';

export interface RuntimeModuleOptions {
  /** Read-only by type: a runtime is never handed a store it could write configs with. */
  reader: ConfigReader;
  /** The region's trusted publishing keys (TONGBAN_TRUSTED_KEYS): only versions they signed are served. */
  trustedKeys?: readonly TrustedKey[];
  /** The runtime's own store of the decisions it makes; the only thing it may write. */
  decisionLog?: DecisionLogWriter;
  /** The runtime's intake records (办件) and attachments; without it the intake routes are not served. */
  intakeStore?: IntakeStore;
  logger: Logger;
  /** Largest attachment in bytes (TONGBAN_UPLOAD_LIMIT, default 5 MiB). */
  uploadLimit?: number;
  /** Serve the built window app at /window/ (default true; false for an API-only process). */
  windowApp?: boolean;
  /** The effective working-day calendar (default: one over `reader`); the region's process shares its own. */
  calendar?: EffectiveCalendar;
  /**
   * Key of the applicant index (TONGBAN_LOOKUP_KEY, or the installation's lookup.key): centres
   * sharing an intake store share it. Default: a key of this process only (tests).
   */
  lookupKey?: Uint8Array;
  /** The server's clock: case events and due dates are dated by it. */
  clock?: Clock;
  /**
   * Where the runtime keeps the newest audit checkpoint it has seen (its data directory's
   * audit-checkpoint-seen.json); without it, only in memory. Health alarms when the store falls behind it.
   */
  checkpointFile?: string;
  /**
   * Where generated form-validator code is kept between starts (`<data>/validator-code`): a
   * restarted runtime loads each form's validator instead of compiling it. Without it, validators
   * are compiled once per process (and shared by identical forms).
   */
  validatorCodeDir?: string;
}

/**
 * The league/banner runtime as parts to mount: its routes, its raw-body upload routes, the stores
 * its health reports, and the window app. The runtime's own process and the region's all-in-one
 * process both build their HTTP app from these, so neither reaches into the runtime's internals.
 */
export interface RuntimeModule {
  configs: PublishedConfigs;
  routes: ApiRoute[];
  rawBodies: RawBodyRoute[];
  /** The runtime's own stores (decision log, intakes); the config reader is the caller's to report. */
  stores: Record<string, { health(): Promise<StoreHealth> }>;
  mountWeb(app: Express): void;
  /**
   * The working-day calendar deadlines are counted on: standards/calendar overlaid by the years
   * region administrators stored, re-read when they change. Await it in a handler.
   */
  workingCalendar(): Promise<WorkingCalendar>;
  /** The same calendar's provider: `years()` with their sources, `current()` for synchronous code. */
  calendar: EffectiveCalendar;
  /** The runtime's cases, when it has an intake store. */
  cases: CaseBook | null;
  /** The newest audit checkpoint seen, and the rollback alarm. */
  checkpoints: CheckpointWatch;
}

export function runtimeModule({ reader, trustedKeys, decisionLog, intakeStore, logger, uploadLimit = DEFAULT_UPLOAD_LIMIT, windowApp = true, calendar = effectiveCalendar({ reader }), lookupKey = randomBytes(32), clock = systemClock, checkpointFile, validatorCodeDir }: RuntimeModuleOptions): RuntimeModule {
  const checkpoints = new CheckpointWatch({ reader, trustedKeys: trustedKeys ?? ephemeralProcessSigning().trustedKeys, ...(checkpointFile ? { file: checkpointFile } : {}) });
  // Look once at start-up, then at every health check: what it saw survives a restart when a file is given.
  void checkpoints.observe().catch(() => undefined);
  // Signatures and hashes on node:crypto (the same checks as the core's pure-JS ones, far cheaper at start-up).
  const configs = new PublishedConfigs(reader, {
    ...(trustedKeys ? { trustedKeys } : {}),
    verifyStatement: nativeStatementVerifier,
    hashConfig: nativeContentHash,
    hashText: nativeSha256Hex,
    compileForm: formValidatorCompiler({ hash: nativeSha256Hex, ...(validatorCodeDir ? { store: new ValidatorCodeFiles(validatorCodeDir) } : {}) }),
  });
  const recording = decisionLog ? { decisionLog } : {};
  // A 补正 decides on the exact version the case was opened with, or on the one in force at the supplementing window.
  const versions = { exact: (code: string, version: number, hash: string) => configs.exact(code, version, hash), inForce: (code: string, division: string) => configs.inForce(code, division) };
  const cases = intakeStore ? new CaseBook({ intakes: intakeStore, reader, calendar: () => calendar.calendar(), clock, lookupKey, versions, ...recording }) : null;
  return {
    configs,
    routes: [
      ...runtimeRoutes({ configs, logger, ...recording }),
      ...templateDownloadRoutes({ reader }),
      ...(intakeStore && cases ? intakeRoutes({ configs, reader, intakes: intakeStore, logger, calendar, cases, clock, ...recording }) : []),
      ...(cases && intakeStore ? caseRoutes({ cases, verifier: new CaseVerifier({ intakes: intakeStore }) }) : []),
    ],
    rawBodies: intakeStore ? [intakeUploads(uploadLimit)] : [],
    // `signatures`: the versions refused for a missing or untrusted signature raise the alarm in health.
    // `auditCheckpoints`: a config store behind the newest checkpoint seen (rolled back, rewritten) raises the alarm.
    stores: { signatures: configs, auditCheckpoints: checkpoints, ...(decisionLog ? { decisions: decisionLog } : {}), ...(intakeStore ? { intakes: intakeStore } : {}) },
    mountWeb: (app) => {
      // The guide page and the documents need the Mongolian font whether or not the window app is served.
      mountFonts(app);
      if (windowApp) mountWindowApp(app);
    },
    workingCalendar: () => calendar.calendar(),
    calendar,
    cases,
    checkpoints,
  };
}
