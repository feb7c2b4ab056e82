// The shared store contract against a real MongoDB-protocol server (FerretDB from the global
// setup, or MONGODB_URI). Never skipped: without a server it passes locally and says why, but
// fails under CI.

import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { describe, expect, inject, it } from 'vitest';
import { canonicalJson, contentHash, ConflictError, StoreUnavailableError, verifyAuditChain, type NewAuditEvent, type VersionRecord } from '../../engine/core/index.js';
import { toVersionDocument } from '../../engine/adapters/mongodb/config-documents.js';
import { openMongoReader, openMongoStore } from '../../engine/adapters/mongodb/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { describeStoreContract } from './store-contract.js';

const uri = inject('mongoUri') ?? '';
const skipReason = inject('mongoSkipReason') ?? 'global setup did not provide mongoUri';

const uniqueDatabase = (): string => `tongban_contract_${Date.now()}_${randomBytes(4).toString('hex')}`;

function version(code: string, n: number): VersionRecord {
  const config = itemConfig(code);
  return {
    code, version: n, hash: contentHash(config), baseVersion: null, publishedAt: '2025-01-01T00:00:00.000Z', publishedBy: 'r',
    author: 'a', reviewer: 'r', reason: '首版', legalBasis: '《行政许可法》', changeKind: 'establish', config,
  };
}

if (!uri) {
  it('mongodb store contract: needs a MongoDB server', () => {
    console.warn(`[mongodb.test] no MongoDB server: ${skipReason}`);
    expect(process.env.CI, `a MongoDB server is required under CI: ${skipReason}`).not.toBe('true');
  });
} else {
  describeStoreContract('mongodb', async () => {
    const database = uniqueDatabase();
    const store = await openMongoStore({ uri, database });
    const admin = new MongoClient(uri);
    await admin.connect();
    return {
      store,
      openReader: () => openMongoReader({ uri, database }),
      tamperAuditEvent: async (seq, reason) => {
        await admin.db(database).collection('audit_events').updateOne({ seq }, { $set: { reason } });
      },
      close: async () => {
        await store.close();
        await admin.db(database).dropDatabase();
        await admin.close();
      },
    };
  });

  describe('mongodb adapter', () => {
    it('completes a publication cut off between its version and its audit event when the store is opened', async () => {
      const database = uniqueDatabase();
      const admin = await new MongoClient(uri).connect();
      try {
        const first = await openMongoStore({ uri, database });
        await first.appendAudit({ at: '2025-01-01T00:00:00.000Z', actor: 'a', action: 'draft.created', code: 'CUT-1', version: null, reason: null, details: null });
        await first.close();
        // The first of publishVersion's writes, as a process killed right after it leaves it.
        const cut = version('CUT-1', 1);
        const event: NewAuditEvent = { at: cut.publishedAt, actor: 'author-a', action: 'version.published', code: 'CUT-1', version: 1, reason: '首版', details: { hash: cut.hash } };
        await admin.db(database).collection('versions').insertOne({ ...toVersionDocument(cut), publicationJson: canonicalJson(event) });
        for (let reopen = 0; reopen < 2; reopen++) {
          const store = await openMongoStore({ uri, database });
          const events = await store.listAudit({ limit: 100 });
          expect(events.filter((e) => e.action === 'version.published' && e.code === 'CUT-1' && e.version === 1)).toHaveLength(1);
          expect(verifyAuditChain(events).ok).toBe(true);
          expect(await store.getVersion('CUT-1', 1)).toEqual(cut);
          expect((await store.listVersions('CUT-1'))[0]).not.toHaveProperty('publicationJson');
          await store.close();
        }
      } finally {
        await admin.db(database).dropDatabase();
        await admin.close();
      }
    });

    it('turns a duplicate-key error on insertVersion into a ConflictError naming the item and version', async () => {
      const database = uniqueDatabase();
      const store = await openMongoStore({ uri, database });
      try {
        await store.insertVersion(version('DUP-1', 1));
        const error = await store.insertVersion(version('DUP-1', 1)).then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(ConflictError);
        expect((error as ConflictError).message).toBe('事项 DUP-1 的第 1 版已由他人发布');
        expect((error as ConflictError).details).toEqual({ code: 'DUP-1', version: 1 });
      } finally {
        await store.close();
        const admin = await new MongoClient(uri).connect();
        await admin.db(database).dropDatabase();
        await admin.close();
      }
    });

    it('stores configs with $-keys as canonical JSON and a reader creates nothing on the server', async () => {
      const database = uniqueDatabase();
      const admin = await new MongoClient(uri).connect();
      try {
        const reader = await openMongoReader({ uri, database });
        expect(await reader.listItems()).toEqual([]);
        expect(await reader.health()).toMatchObject({ ok: true, adapter: 'mongodb', readOnly: true });
        await reader.close();
        expect(await admin.db(database).listCollections().toArray()).toEqual([]);

        const store = await openMongoStore({ uri, database });
        const record = version('REF-1', 1);
        (record.config.form.schema as Record<string, unknown>).$defs = { 'a.b': { $ref: '#/x', $schema: 'y' } };
        record.hash = contentHash(record.config);
        await store.insertVersion(record);
        expect(contentHash((await store.getVersion('REF-1', 1))?.config)).toBe(record.hash);
        await store.close();
      } finally {
        await admin.db(database).dropDatabase();
        await admin.close();
      }
    });

    it('re-creates a discarded draft for exactly one of several racers and keeps one document per draft', async () => {
      const database = uniqueDatabase();
      const store = await openMongoStore({ uri, database });
      const admin = await new MongoClient(uri).connect();
      try {
        const config = itemConfig('RACE-1');
        const draft = { code: 'RACE-1', baseVersion: null, status: 'editing' as const, config, hash: 'h', createdAt: 't', createdBy: 'a', updatedAt: 't', updatedBy: 'a' };
        await store.createDraft(draft);
        await store.updateDraft('RACE-1', 1, { updatedBy: 'b' });
        await store.deleteDraft('RACE-1', 2);
        const racers = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => store.createDraft({ ...draft, createdBy: `c${i}` })));
        expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect(racers.filter((r) => r.status === 'rejected' && r.reason instanceof ConflictError)).toHaveLength(7);
        expect((await store.getDraft('RACE-1'))?.revision).toBe(4);
        expect(await admin.db(database).collection('drafts').countDocuments({ code: 'RACE-1' })).toBe(1);
      } finally {
        await store.close();
        await admin.db(database).dropDatabase();
        await admin.close();
      }
    });

    it('reports an unreachable server as StoreUnavailableError without echoing credentials', async () => {
      const error = await openMongoStore({ uri: 'mongodb://someone:s3cret@127.0.0.1:1/?serverSelectionTimeoutMS=300', database: 'x' }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as Error).message).not.toContain('s3cret');
    });
  });
}
