// Smoke test for the MongoDB-protocol server provided by test/support/global-setup.ts
// (FerretDB+SQLite, or MONGODB_URI). Never skipped: without a server it passes locally
// (and says why) but fails under CI.

import { randomBytes } from 'node:crypto';
import { MongoClient, MongoServerError } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';

const uri = inject('mongoUri') ?? '';
const skipReason = inject('mongoSkipReason') ?? 'global setup did not provide mongoUri';

describe('MongoDB test server', () => {
  it('stores documents and enforces unique indexes', async () => {
    if (!uri) {
      console.warn(`[mongo-server.test] no MongoDB server: ${skipReason}`);
      expect(process.env.CI, `a MongoDB server is required under CI: ${skipReason}`).not.toBe('true');
      return;
    }

    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
    const dbName = `tongban_smoke_${Date.now()}_${randomBytes(3).toString('hex')}`;
    try {
      await client.connect();
      const db = client.db(dbName);
      const items = db.collection<{ _id?: unknown; code: string; title: string }>('items');

      const { insertedId } = await items.insertOne({ code: 'A-1', title: '户籍证明' });
      const found = await items.findOne({ _id: insertedId });
      expect(found).toMatchObject({ code: 'A-1', title: '户籍证明' });

      await items.createIndex({ code: 1 }, { unique: true, name: 'code_unique' });
      const err = await items.insertOne({ code: 'A-1', title: 'duplicate' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(MongoServerError);
      expect((err as MongoServerError).code).toBe(11000);
      expect(await items.countDocuments({ code: 'A-1' })).toBe(1);
    } finally {
      await client.db(dbName).dropDatabase().catch(() => undefined);
      await client.close();
    }
  });
});
