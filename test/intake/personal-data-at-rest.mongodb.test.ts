// ID numbers and mobiles are encrypted at rest in the MongoDB stores (`intakes` and `decisions`):
// the raw documents never hold them, `get` gives them back, and another key cannot read them.
import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../engine/core/index.js';
import { openMongoDecisionLog, openMongoDecisionLogReader, openMongoIntakeStore } from '../../engine/adapters/mongodb/index.js';
import { onMongo } from '../support/mongo-suite.js';
import { newDecision } from '../decision-log/fixtures.js';
import { ID_NUMBER, MOBILE, newIntake } from './fixtures.js';

const uniqueDatabase = (): string => `tongban_at_rest_${Date.now()}_${randomBytes(4).toString('hex')}`;

onMongo('mongodb personal data at rest', (uri) => {
  describe('personal data at rest (MongoDB)', () => {
    it('`intakes` holds no ID number or mobile, get returns them, another key is refused', async () => {
      const database = uniqueDatabase();
      const admin = await new MongoClient(uri).connect();
      const key = randomBytes(32);
      try {
        const store = await openMongoIntakeStore({ uri, database, key });
        const created = await store.create(newIntake());
        expect(await store.get(created.caseNumber)).toEqual(created);
        expect(created.formData).toMatchObject({ applicant: { idNumber: ID_NUMBER, mobile: MOBILE } });
        await store.close();

        const document = await admin.db(database).collection('intakes').findOne({ caseNumber: created.caseNumber }, { projection: { _id: 0 } });
        const raw = JSON.stringify(document);
        expect(raw).not.toContain(ID_NUMBER);
        expect(raw).not.toContain(MOBILE);
        expect(JSON.parse(String(document?.recordJson)).formData.applicant.mobile).toMatch(/^enc:v2:[0-9a-f]{16}:/);

        const stranger = await openMongoIntakeStore({ uri, database, key: randomBytes(32) });
        await expect(stranger.get(created.caseNumber)).rejects.toBeInstanceOf(StoreUnavailableError);
        await stranger.close();
      } finally {
        await admin.db(database).dropDatabase();
        await admin.close();
      }
    });

    it('`decisions` holds no ID number or mobile, get returns them, another key is refused', async () => {
      const database = uniqueDatabase();
      const admin = await new MongoClient(uri).connect();
      const key = randomBytes(32);
      try {
        const log = await openMongoDecisionLog({ uri, database, key });
        const recorded = await log.record(newDecision());
        expect(await log.get(recorded.id)).toEqual(recorded);
        expect(recorded.input.formData).toMatchObject({ applicant: { idNumber: ID_NUMBER, mobile: MOBILE } });
        await log.close();

        const raw = JSON.stringify(await admin.db(database).collection('decisions').findOne({ id: recorded.id }, { projection: { _id: 0 } }));
        expect(raw).not.toContain(ID_NUMBER);
        expect(raw).not.toContain(MOBILE);

        const reader = await openMongoDecisionLogReader({ uri, database, key });
        expect(await reader.list()).toEqual([recorded]);
        await reader.close();
        const stranger = await openMongoDecisionLogReader({ uri, database, key: randomBytes(32) });
        await expect(stranger.get(recorded.id)).rejects.toThrow(/数据密钥/);
        await stranger.close();
      } finally {
        await admin.db(database).dropDatabase();
        await admin.close();
      }
    });
  });
});
