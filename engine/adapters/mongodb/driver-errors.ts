import { MongoError, MongoServerError } from 'mongodb';
import { StoreUnavailableError, TongbanError } from '../../core/errors.js';

const DUPLICATE_KEY = 11000;

/** A unique index refused the write: someone else got there first. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

/**
 * Callers must never see a raw driver error: domain errors pass through, any other driver
 * failure (network, server selection, authorisation, unsupported command) is something the
 * caller cannot fix and becomes StoreUnavailableError.
 */
export function toStoreError(error: unknown, operation: string): unknown {
  if (error instanceof TongbanError || !(error instanceof MongoError)) return error;
  return new StoreUnavailableError({ key: 'stores.mongodb.configStoreUnavailable', values: { operation, reason: error.message } }, {
    adapter: 'mongodb',
    operation,
    driverError: error.name,
    ...(error.code === undefined ? {} : { driverCode: error.code }),
  });
}

/** Runs one driver call; a duplicate key becomes `onDuplicateKey()` when given, anything else a store error. */
export async function guard<T>(operation: string, run: () => Promise<T>, onDuplicateKey?: () => Error): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (onDuplicateKey && isDuplicateKey(error)) throw onDuplicateKey();
    throw toStoreError(error, operation);
  }
}

/** For writes that retry when a unique index refuses them: resolves false instead of throwing. */
export async function unlessDuplicateKey(operation: string, run: () => Promise<unknown>): Promise<boolean> {
  try {
    await run();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw toStoreError(error, operation);
  }
}
