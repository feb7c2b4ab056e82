import { MongoClient, type Document } from 'mongodb';
import { canonicalJson, type AuditEvent } from '../../engine/core/index.js';
import { mongoInstallation, type TestInstallation } from '../support/installation.js';
import { onMongo } from '../support/mongo-suite.js';
import { describeAuditTampering } from './tamper.js';

/** Collections a restore of the config database puts back. */
const CONFIG_COLLECTIONS = ['items', 'drafts', 'versions', 'audit_events', 'audit_checkpoints', 'claims'];

onMongo('audit and case tampering on mongodb', (uri) => {
  /** Someone with write access to the database, past the servers. */
  async function withDb<T>(t: TestInstallation, work: (db: ReturnType<MongoClient['db']>) => Promise<T>): Promise<T> {
    const client = new MongoClient(uri);
    try {
      return await work(client.db(t.settings.mongodbDatabase));
    } finally {
      await client.close();
    }
  }
  const auditDocument = ({ details, ...fields }: AuditEvent) => ({ ...fields, detailsJson: details === null ? null : canonicalJson(details) });

  describeAuditTampering('mongodb', mongoInstallation(uri), {
    deleteAuditAfter: (t, seq) => withDb(t, async (db) => {
      await db.collection('audit_events').deleteMany({ seq: { $gt: seq } });
    }),
    replaceAuditEvents: (t, events) => withDb(t, async (db) => {
      for (const event of events) await db.collection('audit_events').replaceOne({ seq: event.seq }, auditDocument(event));
    }),
    setIndexedActor: (t, seq, actor) => withDb(t, async (db) => {
      await db.collection('audit_events').updateOne({ seq }, { $set: { actor } });
    }),
    indexedActorDetectedAs: 'broken-link',
    insertRawVersion: (t, { config, ...meta }) => withDb(t, async (db) => {
      await db.collection('versions').insertOne({ ...meta, configJson: canonicalJson(config) });
    }),
    deleteVersion: (t, code, version) => withDb(t, async (db) => {
      await db.collection('versions').deleteOne({ code, version });
    }),
    snapshotConfigStore: async (t) => {
      const copy = await withDb(t, async (db) => {
        const saved = new Map<string, Document[]>();
        for (const name of CONFIG_COLLECTIONS) saved.set(name, await db.collection(name).find({}).toArray());
        return saved;
      });
      return () => withDb(t, async (db) => {
        for (const [name, documents] of copy) {
          await db.collection(name).deleteMany({});
          if (documents.length > 0) await db.collection(name).insertMany(documents);
        }
      });
    },
    deleteCaseEvent: (t, caseNumber, seq) => withDb(t, async (db) => {
      await db.collection('case_events').deleteOne({ caseNumber, seq });
    }),
    setCaseStatus: (t, caseNumber, status) => withDb(t, async (db) => {
      await db.collection('intakes').updateOne({ caseNumber }, { $set: { status } });
    }),
  });
});
