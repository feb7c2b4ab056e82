/** Every store port on one SQLite file each (better-sqlite3): tongban.db, decisions.db, intake.db. */
export { openSqliteReader, openSqliteStore, SqliteConfigStore, type SqliteOptions } from './sqlite-config-store.js';
export { SqliteConfigReader } from './sqlite-config-reader.js';
export { openSqliteDecisionLog, openSqliteDecisionLogReader, SqliteDecisionLogReader, SqliteDecisionLogWriter, type SqliteDecisionLogOptions } from './sqlite-decision-log.js';
export { openSqliteIntakeStore, SqliteIntakeStore, type SqliteIntakeStoreOptions } from './sqlite-intake-store.js';
export { reencryptSqlitePersonalData, type ReencryptionCount } from './data-key-reencryption.js';
