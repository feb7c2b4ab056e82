/**
 * A league/banner runtime on its own: read-only over the region's published configs.
 * With MongoDB, give it RUNTIME_MONGODB_URI of a user that has only the `read` role.
 */
import { loadLookupKey, openDecisionLog, openIntakeStore, openConfigReader, storeSettingsFromEnv } from '../../engine/adapters/index.js';
import { createLogger, serveUntilSignalled } from '../../engine/http-kit/index.js';
import { KeyFileError, loadTrustedKeys } from '../../engine/adapters/key-files/index.js';
import { join } from 'node:path';
import { createRuntimeApp } from './runtime-app.js';

const logger = createLogger(undefined, (process.env.TONGBAN_LOG_LEVEL as 'info' | 'warn' | 'error' | 'silent' | undefined) ?? 'info');
const settings = storeSettingsFromEnv();
const port = Number(process.env.PORT ?? 3100);
// Only versions signed by these keys are served (TONGBAN_TRUSTED_KEYS; on the region's own
// machine, the key `npm start` generated under the data directory).
let trusted;
try {
  trusted = loadTrustedKeys({ env: process.env, dataDir: settings.dataDir });
} catch (error) {
  if (!(error instanceof KeyFileError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
if (!trusted.file) logger.warn('no trusted publishing keys (TONGBAN_TRUSTED_KEYS): every version will be refused', {});
const reader = await openConfigReader(settings);
const decisionLog = await openDecisionLog(settings);
const intakeStore = await openIntakeStore(settings);
const app = createRuntimeApp({
  reader, trustedKeys: trusted.trustedKeys, decisionLog, intakeStore, logger, lookupKey: loadLookupKey(settings),
  // The newest audit checkpoint this runtime has seen; health alarms if the config store falls behind it.
  checkpointFile: join(settings.dataDir, 'audit-checkpoint-seen.json'),
  // Generated form-validator code, sealed per installation: a restart loads validators instead of compiling them.
  validatorCodeDir: join(settings.dataDir, 'validator-code'),
  bodyLimit: Number(process.env.TONGBAN_BODY_LIMIT ?? 1024 * 1024),
  uploadLimit: Number(process.env.TONGBAN_UPLOAD_LIMIT ?? 5 * 1024 * 1024),
});

await serveUntilSignalled(app, port, {
  ...(process.env.TONGBAN_HOST ? { host: process.env.TONGBAN_HOST } : {}),
  logger,
  banner: (url) => [`Tongban runtime (read-only, ${reader.adapter})`, `  Window  ${url}/window/`, `  Items   ${url}/api/runtime/<division>/items`, `  OpenAPI ${url}/api/openapi.json`],
  close: async () => {
    await intakeStore.close();
    await decisionLog.close();
    await reader.close();
  },
});
