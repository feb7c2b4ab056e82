import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { expect, it } from 'vitest';
import { onMongo } from '../support/mongo-suite.js';
import { expectPublicationsSurviveKills } from './publish-kill.js';

onMongo('publish kill -9 on MongoDB', (uri) => {
  it('MongoDB: kill -9 during publications never leaves a version without its audit event once the store is reopened', async () => {
    const database = `tongban_kill_${randomBytes(4).toString('hex')}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'tongban-kill-'));
    try {
      const versions = await expectPublicationsSurviveKills({ dataDir, mongodbUri: uri, mongodbDatabase: database }, 5);
      expect(versions).toBeGreaterThan(1);
    } finally {
      const admin = await new MongoClient(uri).connect();
      await admin.db(database).dropDatabase();
      await admin.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
