/**
 * The runtime process the bench and the kill test start: what `runtime/server/main.ts` composes
 * (config reader, decision log and intake store from the environment, request logging at
 * TONGBAN_LOG_LEVEL to stdout, graceful SIGTERM), trusting the one publishing key the parent
 * seeded the store with (BENCH_TRUSTED_PUBLIC_KEY, hex).
 */
import { openConfigReader, openDecisionLog, openIntakeStore, storeSettingsFromEnv } from '../../engine/adapters/index.js';
import { trustedKeyEntry } from '../../engine/core/index.js';
import { createLogger, serveUntilSignalled } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { join } from 'node:path';

const logger = createLogger(undefined, (process.env.TONGBAN_LOG_LEVEL as 'info' | 'warn' | 'error' | 'silent' | undefined) ?? 'info');
const settings = storeSettingsFromEnv();
const publicKey = process.env.BENCH_TRUSTED_PUBLIC_KEY ?? '';
const reader = await openConfigReader(settings);
const decisionLog = await openDecisionLog(settings);
const intakeStore = await openIntakeStore(settings);
const app = createRuntimeApp({
  reader, decisionLog, intakeStore, logger,
  trustedKeys: [trustedKeyEntry(publicKey, '2000-01-01T00:00:00.000Z')],
  bodyLimit: 1024 * 1024,
  // As runtime/server/main.ts: validator code kept in the data directory between starts.
  validatorCodeDir: join(settings.dataDir, 'validator-code'),
});
await serveUntilSignalled(app, Number(process.env.PORT), {
  host: '127.0.0.1',
  logger,
  banner: (url) => [`bench runtime ${url}`],
  close: async () => {
    await intakeStore.close();
    await decisionLog.close();
    await reader.close();
  },
});
