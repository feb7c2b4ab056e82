/**
 * One side of the HTTP benchmark, run as its own process so that server and load generator do
 * not share an event loop: `bare` is Express parsing the same JSON body and answering a constant;
 * `runtime` is Tongban's runtime API on a seeded SQLite store.
 */
import express from 'express';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentHash } from '../../engine/core/index.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { seedEmptyStore } from '../../engine/services/index.js';
import { openSqliteReader, openSqliteStore } from '../../engine/adapters/sqlite/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { generatedItem } from './generated-item.js';

const mode = process.argv[2];
let app: express.Express;
if (mode === 'bare') {
  app = express();
  app.disable('x-powered-by');
  app.disable('etag');
  app.post('/api/runtime/:division/items/:code/evaluate', express.json({ limit: '1mb' }), (_req, res) => {
    res.json({ outcome: 'accept' });
  });
} else {
  const file = join(mkdtempSync(join(tmpdir(), 'tongban-bench-')), 'tongban.db');
  const store = openSqliteStore({ file });
  await seedEmptyStore({ store, catalogue: loadSampleCatalogue(), claimFor: ['150102'] });
  const { config } = generatedItem();
  await store.upsertItem({ code: config.code, name: config.standard.name, department: config.standard.department.name, createdAt: new Date().toISOString() });
  await store.putClaim({ division: '150102', code: config.code, follow: 'latest', local: {}, claimedAt: 'bench', claimedBy: 'bench', updatedAt: 'bench', updatedBy: 'bench' });
  await store.insertVersion({ code: config.code, version: 1, hash: contentHash(config), baseVersion: null, publishedAt: new Date().toISOString(), publishedBy: 'bench', author: 'bench', reviewer: null, reason: 'bench', legalBasis: 'bench', changeKind: 'establish', config });
  app = createRuntimeApp({ reader: openSqliteReader({ file }), logger: createLogger(() => undefined, 'silent') });
}
const server = app.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`LISTENING ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
