import { MongoClient, ReadPreference, type Db } from 'mongodb';
import { StoreUnavailableError } from '../../core/errors.js';
import type { CatalogueKey } from '../../core/i18n/index.js';

export interface MongoOptions {
  /** Connection string; may carry credentials, so it never appears in errors or health details. */
  uri: string;
  database: string;
}

export interface MongoConnection {
  client: MongoClient;
  db: Db;
  database: string;
}

/** Without this a dead server makes every call (health included) hang for the driver's 30 s default. */
const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 10_000;

/**
 * Opens one client for one store object. `primary` pins reads to the primary so a writer always
 * reads its own writes (a draft it just saved, the audit tail it chains onto); readers keep
 * whatever read preference their URI asks for, e.g. secondaries of a replica set.
 */
export async function openMongoClient({ uri, database }: MongoOptions, { appName, primary, cannotConnect }: { appName: string; primary: boolean; cannotConnect: CatalogueKey }): Promise<MongoConnection> {
  let client: MongoClient | undefined;
  try {
    client = new MongoClient(uri, {
      appName,
      ...(/[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: DEFAULT_SERVER_SELECTION_TIMEOUT_MS }),
    });
    await client.connect();
    const db = client.db(database, primary ? { readPreference: ReadPreference.primary } : {});
    return { client, db, database };
  } catch (error) {
    await client?.close().catch(() => undefined);
    throw new StoreUnavailableError({ key: cannotConnect, values: { database, reason: (error as Error).message } }, { adapter: 'mongodb', database });
  }
}

/** The config store (the designer's, pinned to the primary) or a runtime's reader. */
export function connectMongo(options: MongoOptions, role: 'store' | 'reader'): Promise<MongoConnection> {
  return openMongoClient(options, { appName: role === 'store' ? 'tongban-designer' : 'tongban-runtime', primary: role === 'store', cannotConnect: 'stores.mongodb.cannotConnectConfigStore' });
}
