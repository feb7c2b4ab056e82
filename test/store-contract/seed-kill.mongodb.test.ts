import { randomBytes } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { afterAll } from 'vitest';
import { onMongo } from '../support/mongo-suite.js';
import { describeSeedKill, freshDataDir, removeDirs, type SeededContents } from './seed-kill.js';

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

onMongo('first start on MongoDB', (uri) => {
  const client = new MongoClient(uri);
  afterAll(() => client.close());

  describeSeedKill('MongoDB', {
    async fresh() {
      const dataDir = freshDataDir(dirs);
      const database = `tongban_seed_kill_${randomBytes(4).toString('hex')}`;
      const db = client.db(database);
      const count = (name: string, filter: object = {}) => db.collection(name).countDocuments(filter);
      const contents = async (): Promise<SeededContents> => {
        const codes = new Set((await db.collection('versions').find({}, { projection: { _id: 0, code: 1 } }).toArray()).map((v) => v.code as string));
        const items = (await db.collection('items').find({}, { projection: { _id: 0, code: 1 } }).toArray()).map((i) => i.code as string);
        return {
          items: items.length,
          versions: await count('versions'),
          claims: await count('claims'),
          seededEvents: await count('audit_events', { action: 'store.seeded' }),
          admins: await count('principals', { role: 'admin' }),
          orphans: items.filter((code) => !codes.has(code)).length,
        };
      };
      return {
        env: { MONGODB_URI: uri, MONGODB_DB: database },
        dataDir,
        contents,
        written: async () => (await db.listCollections({}, { nameOnly: true }).toArray()).length > 0,
        // The first item document is the seed's first write (indexes are created just before it).
        writeMarker: () => count('items'),
        drop: async () => { await db.dropDatabase(); },
      };
    },
  }, { kills: 8, killWindowMs: 1500 });
});
