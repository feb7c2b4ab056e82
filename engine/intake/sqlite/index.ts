export { openSqliteIntakeStore, SqliteIntakeStore, type SqliteIntakeStoreOptions } from './sqlite-intake-store.js';
