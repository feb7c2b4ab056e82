// The decision-log contract against a real MongoDB-protocol server (FerretDB from the global
// setup, or MONGODB_URI). Never skipped: without a server it passes locally and says why, but
// fails under CI.

import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';
import { StoreUnavailableError } from '../../engine/core/index.js';
import { openDecisionLog, openDecisionLogReader } from '../../engine/adapters/index.js';
import { openMongoDecisionLog, openMongoDecisionLogReader } from '../../engine/adapters/mongodb/index.js';
import { describeDecisionLogContract } from './decision-log-contract.js';
import { newDecision } from './fixtures.js';
import { PersonalDataCodec } from '../../engine/adapters/personal-data-codec.js';
import { loadDataKeyRing } from '../../engine/adapters/data-key.js';

const uri = inject('mongoUri') ?? '';
const skipReason = inject('mongoSkipReason') ?? 'global setup did not provide mongoUri';

const uniqueDatabase = (): string => `tongban_decisions_${Date.now()}_${randomBytes(4).toString('hex')}`;

if (!uri) {
  it('mongodb decision log contract: needs a MongoDB server', () => {
    console.warn(`[decision-log/mongodb.test] no MongoDB server: ${skipReason}`);
    expect(process.env.CI, `a MongoDB server is required under CI: ${skipReason}`).not.toBe('true');
  });
} else {
  describeDecisionLogContract('mongodb', async () => {
    const database = uniqueDatabase();
    const log = await openMongoDecisionLog({ uri, database });
    return {
      log,
      openReader: () => openMongoDecisionLogReader({ uri, database }),
      close: async () => {
        await log.close();
        const admin = await new MongoClient(uri).connect();
        await admin.db(database).dropDatabase();
        await admin.close();
      },
    };
  });

  describe('mongodb decision log', () => {
    it('stores input and decision as canonical JSON strings, creates its indexes, and a reader creates nothing', async () => {
      const database = uniqueDatabase();
      const admin = await new MongoClient(uri).connect();
      try {
        const reader = await openMongoDecisionLogReader({ uri, database });
        expect(await reader.list()).toEqual([]);
        expect(await reader.count()).toBe(0);
        expect(await reader.health()).toMatchObject({ ok: true, adapter: 'mongodb', readOnly: true });
        await reader.close();
        expect(await admin.db(database).listCollections().toArray()).toEqual([]);

        const settings = { dataDir: mkdtempSync(join(tmpdir(), 'tongban-data-key-')), mongodbDatabase: database, runtimeMongodbUri: uri };
        const log = await openDecisionLog(settings);
        expect(log.adapter).toBe('mongodb');
        expect(await log.health()).toMatchObject({ ok: true, readOnly: false, details: { indexes: 'ensured' } });
        const recorded = await log.record(newDecision());
        const document = await admin.db(database).collection('decisions').findOne({ id: recorded.id });
        expect(document).toMatchObject({ id: recorded.id, code: recorded.code, version: 1, outcome: 'supplement', division: '150102' });
        // Each part one ciphertext, kept as a JSON string: nothing of the application readable in the store.
        expect(document?.inputJson).toMatch(/^"enc:v2:[0-9a-f]{16}:[A-Za-z0-9+/=]+"$/);
        expect(document?.decisionJson).toMatch(/^"enc:v2:[0-9a-f]{16}:[A-Za-z0-9+/=]+"$/);
        expect(JSON.stringify(document)).not.toContain('张三');
        expect(document).not.toHaveProperty('input');

        // A document as the previous release wrote it: plain JSON with each ID number and mobile sealed on its own.
        const codec = new PersonalDataCodec(loadDataKeyRing(settings));
        const seal = codec.sealer();
        const legacy = { ...recorded, id: 'D0000000000CCCCCCCCCCCCCCCC' };
        const legacyInput = JSON.stringify({ ...legacy.input, formData: seal(legacy.input.formData) });
        expect(legacyInput).toMatch(/"enc:v2:[0-9a-f]{16}:/);
        const { _id, ...fields } = document ?? {};
        await admin.db(database).collection('decisions').insertOne({ ...fields, id: legacy.id, inputJson: legacyInput, decisionJson: JSON.stringify(seal(legacy.decision)) });
        expect(await log.get(legacy.id)).toEqual(legacy);
        const indexes = (await admin.db(database).collection('decisions').indexes()).map((i) => i.name);
        expect(indexes).toEqual(expect.arrayContaining(['decisions_id_unique', 'decisions_code_version_id', 'decisions_division_id', 'decisions_at']));

        const auditor = await openDecisionLogReader(settings);
        expect(await auditor.get(recorded.id)).toEqual(recorded);
        expect('record' in auditor).toBe(false);
        await auditor.close();
        await log.close();
      } finally {
        await admin.db(database).dropDatabase();
        await admin.close();
      }
    });

    it('reports an unreachable server as StoreUnavailableError without echoing credentials', async () => {
      const error = await openMongoDecisionLog({ uri: 'mongodb://someone:s3cret@127.0.0.1:1/?serverSelectionTimeoutMS=300', database: 'x' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).not.toContain('s3cret');
    });
  });
}
