import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll } from 'vitest';
import { onMongo } from '../support/mongo-suite.js';
import { describeDataKeyRotation } from './data-key-rotation.js';

onMongo('data key rotation on MongoDB', (uri) => {
  const client = new MongoClient(uri);
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await client.close();
  });

  describeDataKeyRotation('MongoDB', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tongban-rotate-'));
    const database = `tongban_rotate_${randomBytes(4).toString('hex')}`;
    const db = client.db(database);
    cleanups.push(async () => {
      await db.dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    });
    return {
      env: { MONGODB_URI: uri, MONGODB_DB: database },
      dataDir,
      storedTexts: async () => [
        ...(await db.collection('decisions').find({}, { projection: { _id: 0, inputJson: 1, decisionJson: 1 } }).toArray()).map((d) => `${d.inputJson}${d.decisionJson}`),
        ...(await db.collection('intakes').find({}, { projection: { _id: 0, recordJson: 1 } }).toArray()).map((d) => String(d.recordJson)),
      ],
    };
  }, { decisions: 300, intakes: 20, killWindowMs: 3000 });
});
