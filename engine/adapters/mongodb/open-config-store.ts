import { collectionsOf, ensureIndexes } from './collections.js';
import { connectMongo, type MongoOptions } from './connect.js';
import { toStoreError } from './driver-errors.js';
import { MongoConfigReader } from './mongo-config-reader.js';
import { MongoConfigStore } from './mongo-config-store.js';





/** The designer's writable store: connects and makes sure the indexes every write relies on exist. */
export async function openMongoStore(options: MongoOptions): Promise<MongoConfigStore> {
  const connection = await connectMongo(options, 'store');
  try {
    await ensureIndexes(collectionsOf(connection.db));
  } catch (error) {
    await connection.client.close().catch(() => undefined);
    throw toStoreError(error, 'ensureIndexes');
  }
  const store = new MongoConfigStore(connection);
  try {
    await store.completePublications();
  } catch (error) {
    await connection.client.close().catch(() => undefined);
    throw error;
  }
  return store;
}

/** A runtime's store: an object with no write methods that creates nothing on the server. */
export async function openMongoReader(options: MongoOptions): Promise<MongoConfigReader> {
  return new MongoConfigReader(await connectMongo(options, 'reader'));
}
