/*
 * MongoDB intake store: collections `intakes` and `intake_attachments` in the config database
 * (MONGODB_DB, default "tongban"). A runtime's user may insert and update these two collections
 * and nothing else, next to `read` on the configs (see the README, "Intake records (办件)").
 */
export { ensureIntakeIndexes, ensureMongoIntakeIndexes, INTAKE_ATTACHMENTS_COLLECTION, INTAKES_COLLECTION, MongoIntakeStore, openMongoIntakeStore, type MongoIntakeStoreOptions } from './mongo-intake-store.js';
