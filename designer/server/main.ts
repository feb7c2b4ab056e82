/**
 * `npm start`: the whole product on one machine — the region designer API and the read-only
 * runtime API in one process, on the embedded SQLite store (or MongoDB when MONGODB_URI is set).
 * A league/banner centre runs `runtime/server/main.ts` on its own instead.
 */
import { checkBootstrapToken, ensureBootstrapAdmin, seedEmptyStore } from '../../engine/services/index.js';
import { listDivisions } from '../../engine/core/index.js';
import { ensureRuntimeIndexes, loadLookupKey, openDecisionLog, openIntakeStore, openConfigReader, openConfigStore, storeSettingsFromEnv } from '../../engine/adapters/index.js';
import { createLogger, rateLimitsFromEnv, serveUntilSignalled } from '../../engine/http-kit/index.js';
import { KeyFileError, loadPublisherSigning } from '../../engine/adapters/key-files/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { join } from 'node:path';
import { createDesignerApp } from './index.js';

const logger = createLogger(undefined, (process.env.TONGBAN_LOG_LEVEL as 'info' | 'warn' | 'error' | 'silent' | undefined) ?? 'info');
const settings = storeSettingsFromEnv();
const port = Number(process.env.PORT ?? 3000);
const bodyLimit = Number(process.env.TONGBAN_BODY_LIMIT ?? 1024 * 1024);
const uploadLimit = Number(process.env.TONGBAN_UPLOAD_LIMIT ?? 5 * 1024 * 1024);

// The configuration is checked before anything is written — the store, and the publishing key a
// first start generates under the data directory: a first start that fails on configuration leaves
// everything as it was (seeding itself resumes where a crash left it).
const configuredAdminToken = process.env.TONGBAN_ADMIN_TOKEN || undefined;
try {
  checkBootstrapToken(configuredAdminToken);
  rateLimitsFromEnv(process.env);
} catch (error) {
  const problems = (error as { problems?: { message: string }[] }).problems ?? [];
  process.stderr.write(`${(error as Error).message}${problems.map((p) => `\n  ${p.message}`).join('')}\n`);
  process.exit(1);
}
// The publishing key is checked before anything is written: a key that cannot sign what the
// runtimes trust must stop the start, not leave a store seeded with versions nobody serves.
let signing;
try {
  signing = loadPublisherSigning({ env: process.env, dataDir: settings.dataDir, now: new Date().toISOString() });
} catch (error) {
  if (!(error instanceof KeyFileError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (signing.bootstrapped) {
  logger.warn('signing with the key generated under the data directory; a production region runs `tongban key init` and sets TONGBAN_SIGNING_KEY_FILE and TONGBAN_TRUSTED_KEYS', {
    keyId: signing.signer.keyId, privateKeyFile: signing.privateKeyFile,
  });
}
const store = await openConfigStore(settings);
await ensureRuntimeIndexes(settings);
// The sample items are claimed by every league and banner so that a new installation's windows work at once.
const localities = listDivisions().filter((d) => d.level !== 'region').map((d) => d.code);
const { seeded } = await seedEmptyStore({ store, catalogue: loadSampleCatalogue(), claimFor: localities, signer: signing.signer });
if (seeded.length > 0) logger.info('seeded sample catalogue', { items: seeded.length, claimedBy: localities.length });
const bootstrap = await ensureBootstrapAdmin({ store, configuredToken: configuredAdminToken });
const runtimeReader = await openConfigReader(settings);
const decisionLog = await openDecisionLog(settings);
const intakeStore = await openIntakeStore(settings);
const bundleLimit = process.env.TONGBAN_BUNDLE_LIMIT ? Number(process.env.TONGBAN_BUNDLE_LIMIT) : undefined;
const checkpointEvery = process.env.TONGBAN_CHECKPOINT_EVERY ? Number(process.env.TONGBAN_CHECKPOINT_EVERY) : undefined;
const app = createDesignerApp({
  signing, store, runtimeReader, decisionLog, intakeStore, logger, bodyLimit, uploadLimit, lookupKey: loadLookupKey(settings), ...(bundleLimit ? { bundleLimit } : {}),
  ...(checkpointEvery ? { checkpointEvery } : {}), runtimeCheckpointFile: join(settings.dataDir, 'audit-checkpoint-seen.json'),
});

await serveUntilSignalled(app, port, {
  ...(process.env.TONGBAN_HOST ? { host: process.env.TONGBAN_HOST } : {}),
  logger,
  banner: (url) => [
    ...(bootstrap.token
      ? [`First start: the administrator's token (shown only now; keep it safe) is`, `  ${bootstrap.token}`, '']
      : bootstrap.created ? ['First start: the administrator uses the token from TONGBAN_ADMIN_TOKEN.', ''] : []),
    `Tongban is running on ${store.adapter === 'sqlite' ? `SQLite (${settings.dataDir}/tongban.db)` : `MongoDB (database ${settings.mongodbDatabase})`}`,
    `  Designer       ${url}/designer/   (region authors and reviewers sign in with their token)`,
    `  Window app     ${url}/window/150102   (operators sign in with their token; public form at ${url}/window/public/150102)`,
    `  Designer API   ${url}/api/items`,
    `  Runtime API    ${url}/api/runtime/150102/items   (any GB/T 2260 code of the region)`,
    `  Service guide  ${url}/api/runtime/150102/items/SAMPLE-GA-0001/guide   (Accept: text/html)`,
    `  OpenAPI        ${url}/api/openapi.json`,
    `  Health         ${url}/api/health`,
  ],
  close: async () => {
    await intakeStore.close();
    await decisionLog.close();
    await runtimeReader.close();
    await store.close();
  },
});
