/*
 * MongoDB decision log: collection `decisions` in the config database (MONGODB_DB, default
 * "tongban"). A runtime's user can read the configs and append to this one collection, nothing
 * else — so it can never write a config, and never change or delete a recorded decision.
 * In mongosh, as an administrator (replace "tongban" if MONGODB_DB differs):
 *
 *   use tongban
 *   db.createRole({
 *     role: "tongbanDecisionWriter",
 *     privileges: [{ resource: { db: "tongban", collection: "decisions" }, actions: ["insert"] }],
 *     roles: []
 *   })
 *   db.createUser({
 *     user: "tongban-runtime",
 *     pwd: passwordPrompt(),
 *     roles: [{ role: "read", db: "tongban" }, { role: "tongbanDecisionWriter", db: "tongban" }]
 *   })
 *   // an existing runtime user instead:
 *   db.grantRolesToUser("tongban-runtime", [{ role: "tongbanDecisionWriter", db: "tongban" }])
 *
 *   // The indexes. The writer creates them itself when its user may (e.g. readWrite); under the
 *   // insert-only role above it cannot, so create them once (same names as the writer uses), or
 *   // call ensureMongoDecisionIndexes() from a process with readWrite:
 *   db.decisions.createIndex({ id: 1 }, { unique: true, name: "decisions_id_unique" })
 *   db.decisions.createIndex({ code: 1, version: 1, id: 1 }, { name: "decisions_code_version_id" })
 *   db.decisions.createIndex({ division: 1, id: 1 }, { name: "decisions_division_id" })
 *   db.decisions.createIndex({ at: 1 }, { name: "decisions_at" })
 *
 * RUNTIME_MONGODB_URI then names that user, e.g. mongodb://tongban-runtime:…@host/tongban?authSource=tongban.
 */
import { MongoServerError } from 'mongodb';
import { connectDecisionLog, toDecisionLogError, type MongoDecisionLogOptions } from './decision-log-connect.js';
import { decisionsOf, ensureDecisionIndexes } from './decision-documents.js';
import { MongoDecisionLogReader, MongoDecisionLogWriter } from './mongo-decision-log.js';
import { dataDirFromEnv } from '../data-key.js';
import { personalDataCodec } from '../personal-data-codec.js';


const UNAUTHORIZED = 13;

/**
 * A runtime's writer. It creates the indexes when its user is allowed to; a user with only the
 * insert role (see above) is not, and the writer then relies on the indexes an administrator made
 * (health reports `indexes: 'not-permitted'`). Any other failure closes the client and throws.
 */
export async function openMongoDecisionLog(options: MongoDecisionLogOptions): Promise<MongoDecisionLogWriter> {
  const connection = await connectDecisionLog(options, 'writer');
  let indexes: 'ensured' | 'not-permitted' = 'ensured';
  try {
    await ensureDecisionIndexes(decisionsOf(connection.db));
  } catch (error) {
    if (error instanceof MongoServerError && error.code === UNAUTHORIZED) indexes = 'not-permitted';
    else {
      await connection.client.close().catch(() => undefined);
      throw toDecisionLogError(error, 'ensureIndexes');
    }
  }
  return new MongoDecisionLogWriter(connection, personalDataCodec(options.key, dataDirFromEnv), false, { indexes });
}

/** An auditor's or reviewer's reader: never writes, never creates an index. */
export async function openMongoDecisionLogReader(options: MongoDecisionLogOptions): Promise<MongoDecisionLogReader> {
  return new MongoDecisionLogReader(await connectDecisionLog(options, 'reader'), personalDataCodec(options.key, dataDirFromEnv));
}

/** For a process with readWrite (the designer, a setup CLI): creates the decision log's indexes. */
export async function ensureMongoDecisionIndexes(options: MongoDecisionLogOptions): Promise<void> {
  const connection = await connectDecisionLog(options, 'writer');
  try {
    await ensureDecisionIndexes(decisionsOf(connection.db));
  } catch (error) {
    throw toDecisionLogError(error, 'ensureIndexes');
  } finally {
    await connection.client.close().catch(() => undefined);
  }
}
