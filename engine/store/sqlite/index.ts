export { openSqliteReader, openSqliteStore, SqliteConfigStore, type SqliteOptions } from './sqlite-store.js';
export { SqliteConfigReader } from './sqlite-reader.js';
