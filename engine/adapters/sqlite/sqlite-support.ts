import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailableError } from '../../core/errors.js';

/** A UNIQUE or PRIMARY KEY constraint refused the write: someone else got there first. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Applies the migrations a file has not seen yet, each in its own transaction; PRAGMA user_version counts them. */
export function migrate(db: Database.Database, migrations: readonly string[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let step = current; step < migrations.length; step++) {
    db.transaction(() => {
      db.exec(migrations[step] ?? '');
      db.pragma(`user_version = ${step + 1}`);
    }).immediate();
  }
}

/**
 * Opens one of Tongban's SQLite files for writing — created if absent, WAL, foreign keys on, the
 * migrations applied — or throws StoreUnavailableError naming the store (`label`) and the file.
 */
export function openWritableSqlite(file: string, migrations: readonly string[], label: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    throw new StoreUnavailableError(`无法打开${label} ${file}：${(error as Error).message}`, { adapter: 'sqlite', file });
  }
}
