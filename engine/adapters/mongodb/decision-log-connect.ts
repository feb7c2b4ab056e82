import { MongoError } from 'mongodb';
import { openMongoClient, type MongoConnection, type MongoOptions } from './connect.js';
import { StoreUnavailableError, TongbanError } from '../../core/errors.js';
import type { DataKeyMaterial } from '../data-key.js';

export interface MongoDecisionLogOptions extends MongoOptions {
  /** Encrypts the stored input and decision, each whole; absent: TONGBAN_DATA_KEY, else `<TONGBAN_DATA_DIR>/data.key`. */
  key?: DataKeyMaterial;
}
export type MongoDecisionLogConnection = MongoConnection;

/** The writer reads back what it just recorded (primary); a reader keeps its URI's read preference. */
export function connectDecisionLog(options: MongoDecisionLogOptions, role: 'writer' | 'reader'): Promise<MongoDecisionLogConnection> {
  return openMongoClient(options, { appName: role === 'writer' ? 'tongban-decision-log' : 'tongban-decision-log-reader', primary: role === 'writer', cannotConnect: 'stores.mongodb.cannotConnectDecisionLog' });
}

/** Callers never see a raw driver error: any driver failure becomes StoreUnavailableError. */
export function toDecisionLogError(error: unknown, operation: string): unknown {
  if (error instanceof TongbanError || !(error instanceof MongoError)) return error;
  return new StoreUnavailableError({ key: 'stores.mongodb.decisionLogUnavailable', values: { operation, reason: error.message } }, {
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
