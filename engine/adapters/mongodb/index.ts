/**
 * Every store port on MongoDB (driver 7): the config store and its read-only reader, the decision
 * log and the intake store. No multi-document transactions: FerretDB and standalone servers have none.
 */
export { openMongoReader, openMongoStore } from './open-config-store.js';
export { MongoConfigReader } from './mongo-config-reader.js';
export { MongoConfigStore } from './mongo-config-store.js';
export type { MongoOptions } from './connect.js';
export { ensureMongoDecisionIndexes, openMongoDecisionLog, openMongoDecisionLogReader } from './open-decision-log.js';
export { MongoDecisionLogReader, MongoDecisionLogWriter } from './mongo-decision-log.js';
export { DECISIONS_COLLECTION, type DecisionDocument } from './decision-documents.js';
export type { MongoDecisionLogOptions } from './decision-log-connect.js';
export { ensureIntakeIndexes, ensureMongoIntakeIndexes, INTAKE_ATTACHMENTS_COLLECTION, INTAKES_COLLECTION, MongoIntakeStore, openMongoIntakeStore, type MongoIntakeStoreOptions } from './mongo-intake-store.js';
export { reencryptMongoPersonalData } from './data-key-reencryption.js';
