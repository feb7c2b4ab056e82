import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { openDecisionLog } from '../../engine/adapters/index.js';
import { openMongoStore } from '../../engine/adapters/mongodb/index.js';
import { onMongo } from '../support/mongo-suite.js';

onMongo('mongodb restart', (uri) => {
  describe('MongoDB stores across restarts', () => {
    it('opens the config store and the decision log again on a database that already has their indexes', async () => {
      const database = `tongban_restart_${Date.now()}_${randomBytes(3).toString('hex')}`;
      const settings = { dataDir: mkdtempSync(join(tmpdir(), 'tongban-data-key-')), mongodbUri: uri, mongodbDatabase: database };
      for (let start = 0; start < 2; start++) {
        const store = await openMongoStore({ uri, database });
        expect((await store.health()).ok).toBe(true);
        const log = await openDecisionLog(settings);
        expect((await log.health()).ok).toBe(true);
        await log.close();
        await store.close();
      }
      const client = new MongoClient(uri);
      const names = (await client.db(database).collection('decisions').listIndexes().toArray()).map((i) => i.name);
      expect(names).toEqual(expect.arrayContaining(['decisions_id_unique', 'decisions_code_version_id']));
      await client.db(database).dropDatabase();
      await client.close();
    });
  });
});
