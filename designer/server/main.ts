/**
 * `npm start`: the whole product on one machine — the region designer API and the read-only
 * runtime API in one process, on the embedded SQLite store (or MongoDB when MONGODB_URI is set).
 * A league/banner centre runs `runtime/server/main.ts` on its own instead.
 */
import { createLogger } from '../../engine/http/index.js';
import { seedEmptyStore } from '../../engine/lifecycle/index.js';
import { openConfigReader, openConfigStore, storeSettingsFromEnv } from '../../engine/store/open-store.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { serveUntilSignalled } from '../../runtime/server/serve.js';
import { createDesignerApp } from './designer-app.js';

const logger = createLogger(undefined, (process.env.TONGBAN_LOG_LEVEL as 'info' | 'warn' | 'error' | 'silent' | undefined) ?? 'info');
const settings = storeSettingsFromEnv();
const port = Number(process.env.PORT ?? 3000);
const bodyLimit = Number(process.env.TONGBAN_BODY_LIMIT ?? 1024 * 1024);

const store = await openConfigStore(settings);
const { seeded } = await seedEmptyStore(store, loadSampleCatalogue());
if (seeded.length > 0) logger.info('seeded sample catalogue', { items: seeded });
const runtimeReader = await openConfigReader(settings);
const app = createDesignerApp({ store, runtimeReader, logger, bodyLimit });

await serveUntilSignalled(app, port, {
  logger,
  banner: (url) => [
    `Tongban 通办 is running on ${store.adapter === 'sqlite' ? `SQLite (${settings.dataDir}/tongban.db)` : `MongoDB (database ${settings.mongodbDatabase})`}`,
    `  Designer API   ${url}/api/items`,
    `  Runtime API    ${url}/api/runtime/150102/items   (any GB/T 2260 code of the region)`,
    `  Service guide  ${url}/api/runtime/150102/items/SAMPLE-GA-0001/guide   (Accept: text/html)`,
    `  OpenAPI        ${url}/api/openapi.json`,
    `  Health         ${url}/api/health`,
  ],
  close: async () => {
    await runtimeReader.close();
    await store.close();
  },
});
