import { MongoClient, ReadPreference, type Db } from 'mongodb';
import { StoreUnavailableError } from '../../core/errors.js';

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
 * One client per opened store. The designer's store pins reads to the primary so it always reads
 * its own writes (a draft it just saved, the audit tail it chains onto); a runtime's reader keeps
 * whatever read preference its URI asks for, e.g. secondaries of a replica set.
 */
export async function connectMongo({ uri, database }: MongoOptions, role: 'store' | 'reader'): Promise<MongoConnection> {
  let client: MongoClient | undefined;
  try {
    client = new MongoClient(uri, {
      appName: role === 'store' ? 'tongban-designer' : 'tongban-runtime',
      ...(/[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: DEFAULT_SERVER_SELECTION_TIMEOUT_MS }),
    });
    await client.connect();
    const db = client.db(database, role === 'store' ? { readPreference: ReadPreference.primary } : {});
    return { client, db, database };
  } catch (error) {
    await client?.close().catch(() => undefined);
    throw new StoreUnavailableError(`无法连接 MongoDB 配置库 ${database}：${(error as Error).message}`, { adapter: 'mongodb', database });
  }
}
