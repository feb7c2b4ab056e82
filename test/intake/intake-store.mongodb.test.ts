import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../engine/core/index.js';
import { openIntakeStore } from '../../engine/adapters/index.js';
import { openMongoIntakeStore } from '../../engine/adapters/mongodb/index.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeIntakeStoreContract } from './intake-store-contract.js';
import { newIntake, PDF } from './fixtures.js';

const uniqueDatabase = (): string => `tongban_intake_${Date.now()}_${randomBytes(4).toString('hex')}`;

onMongo('mongodb intake store', (uri) => {
  describeIntakeStoreContract('mongodb', async () => {
    const database = uniqueDatabase();
    const store = await openMongoIntakeStore({ uri, database });
    return {
      store,
      close: async () => {
        await store.close();
        const admin = await new MongoClient(uri).connect();
        await admin.db(database).dropDatabase();
        await admin.close();
      },
    };
  });

  describe('mongodb intake store', () => {
    it('keeps records as canonical JSON in `intakes` and bytes in `intake_attachments`, with its indexes, reopening cleanly', async () => {
      const database = uniqueDatabase();
      const admin = await new MongoClient(uri).connect();
      try {
        const settings = { dataDir: mkdtempSync(join(tmpdir(), 'tongban-data-key-')), mongodbDatabase: database, runtimeMongodbUri: uri };
        const store = await openIntakeStore(settings);
        expect(store.adapter).toBe('mongodb');
        expect(await store.health()).toMatchObject({ ok: true, details: { indexes: 'ensured' } });
        const record = await store.create(newIntake());
        const meta = await store.addAttachment(record.caseNumber, { name: 'a.pdf', contentType: 'application/pdf', data: PDF });
        const document = await admin.db(database).collection('intakes').findOne({ caseNumber: record.caseNumber });
        expect(document).toMatchObject({ caseNumber: record.caseNumber, receivingDivision: '150102', handlingDivision: '150102', code: 'ITEM-1' });
        expect(typeof document?.recordJson).toBe('string');
        const attachment = await admin.db(database).collection('intake_attachments').findOne({ id: meta.id });
        expect(attachment).toMatchObject({ caseNumber: record.caseNumber, size: PDF.length });
        const names = (await admin.db(database).collection('intakes').indexes()).map((i) => i.name);
        expect(names).toEqual(expect.arrayContaining(['intakes_case_number_unique', 'intakes_created']));
        await store.close();
        // A second start finds the indexes and does not re-create them (FerretDB drops the connection on that).
        const again = await openIntakeStore(settings);
        expect((await again.get(record.caseNumber))?.attachments).toEqual([meta]);
        await again.close();
      } finally {
        await admin.db(database).dropDatabase();
        await admin.close();
      }
    });

    it('reports an unreachable server as StoreUnavailableError without echoing credentials', async () => {
      const error = await openMongoIntakeStore({ uri: 'mongodb://someone:s3cret@127.0.0.1:1/?serverSelectionTimeoutMS=300', database: 'x' }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).not.toContain('s3cret');
    });
  });
});
