import { MongoClient, MongoError, ReadPreference, type Db } from 'mongodb';
import { StoreUnavailableError, TongbanError } from '../../core/errors.js';

export interface MongoDecisionLogOptions {
  /** Connection string; may carry credentials, so it never appears in errors or health details. */
  uri: string;
  database: string;
}

export interface MongoDecisionLogConnection {
  client: MongoClient;
  db: Db;
  database: string;
}

const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 10_000;

/**
 * One client per opened log. The writer pins reads to the primary so a runtime reads back what it
 * just recorded; a reader keeps the read preference of its URI (e.g. secondaries).
 */
export async function connectDecisionLog({ uri, database }: MongoDecisionLogOptions, role: 'writer' | 'reader'): Promise<MongoDecisionLogConnection> {
  let client: MongoClient | undefined;
  try {
    client = new MongoClient(uri, {
      appName: role === 'writer' ? 'tongban-decision-log' : 'tongban-decision-log-reader',
      ...(/[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: DEFAULT_SERVER_SELECTION_TIMEOUT_MS }),
    });
    await client.connect();
    const db = client.db(database, role === 'writer' ? { readPreference: ReadPreference.primary } : {});
    return { client, db, database };
  } catch (error) {
    await client?.close().catch(() => undefined);
    throw new StoreUnavailableError(`无法连接 MongoDB 决定记录库 ${database}：${(error as Error).message}`, { adapter: 'mongodb', database });
  }
}

/** Callers never see a raw driver error: any driver failure becomes StoreUnavailableError. */
export function toDecisionLogError(error: unknown, operation: string): unknown {
  if (error instanceof TongbanError || !(error instanceof MongoError)) return error;
  return new StoreUnavailableError(`MongoDB 决定记录库暂不可用（${operation}）：${error.message}`, {
    adapter: 'mongodb',
    operation,
    driverError: error.name,
    ...(error.code === undefined ? {} : { driverCode: error.code }),
  });
}

export async function guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toDecisionLogError(error, operation);
  }
}
