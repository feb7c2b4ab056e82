import type { Collection, Document, Filter } from 'mongodb';
import type { PersonalDataCodec } from '../personal-data-codec.js';
import { openMongoClient, type MongoOptions } from './connect.js';
import { DECISIONS_COLLECTION } from './decision-documents.js';
import { guard } from './driver-errors.js';
import { INTAKES_COLLECTION } from './mongo-intake-store.js';

const BATCH = 500;

export interface ReencryptionCount {
  scanned: number;
  reencrypted: number;
}

/**
 * Re-encrypts with the codec's current key every personal value in the JSON string fields of one
 * collection, in _id order. Each document is one update, filtered on the text it replaces, so a
 * document changed meanwhile is left for the next run; a crash leaves every document either as it
 * was (readable with the old key, which the ring keeps) or re-encrypted. Running again finishes.
 */
async function reencryptCollection(collection: Collection<Document>, fields: readonly string[], codec: PersonalDataCodec): Promise<ReencryptionCount> {
  const count: ReencryptionCount = { scanned: 0, reencrypted: 0 };
  let after: unknown = null;
  for (;;) {
    const filter = (after === null ? {} : { _id: { $gt: after } }) as Filter<Document>;
    const projection = Object.fromEntries(fields.map((field) => [field, 1]));
    const page = await guard('reencrypt', () => collection.find(filter, { projection }).sort({ _id: 1 }).limit(BATCH).toArray());
    if (page.length === 0) return count;
    for (const document of page) {
      const changed: Record<string, string> = {};
      const was: Record<string, string> = {};
      for (const field of fields) {
        const text = document[field];
        if (typeof text !== 'string') continue;
        const next = codec.reencryptStoredJson(text);
        if (next !== null) {
          changed[field] = next;
          was[field] = text;
        }
      }
      if (Object.keys(changed).length > 0) {
        const result = await guard('reencrypt', () => collection.updateOne({ _id: document._id, ...was }, { $set: changed }));
        if (result.modifiedCount > 0) count.reencrypted++;
      }
    }
    count.scanned += page.length;
    after = page[page.length - 1]?._id;
  }
}

/** Re-encrypts the decision log (`decisions`: inputJson, decisionJson) and the intake records (`intakes`: recordJson). */
export async function reencryptMongoPersonalData(options: MongoOptions, codec: PersonalDataCodec): Promise<{ decisions: ReencryptionCount; intakes: ReencryptionCount }> {
  const { client, db } = await openMongoClient(options, { appName: 'tongban-key-rotation', primary: true, cannotConnect: 'stores.mongodb.cannotConnectPersonalData' });
  try {
    return {
      decisions: await reencryptCollection(db.collection(DECISIONS_COLLECTION), ['inputJson', 'decisionJson'], codec),
      intakes: await reencryptCollection(db.collection(INTAKES_COLLECTION), ['recordJson'], codec),
    };
  } finally {
    await client.close();
  }
}
