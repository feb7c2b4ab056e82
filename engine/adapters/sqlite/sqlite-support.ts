import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailableError } from '../../core/errors.js';
import type { CatalogueKey } from '../../core/i18n/index.js';

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

/** Personal data lives in these files: only the service's own user may read them. */
export const DATA_FILE_MODE = 0o600;
export const DATA_DIR_MODE = 0o700;

/** The files SQLite keeps beside a database; they hold the same data. */
const COMPANION_SUFFIXES = ['-wal', '-shm', '-journal'];

/**
 * Creates the file 0600 before SQLite opens it, and tightens one left readable by an older
 * version. SQLite creates -wal, -shm and -journal with the database file's mode; existing ones
 * are tightened too.
 */
function restrictToOwner(file: string): void {
  closeSync(openSync(file, 'a', DATA_FILE_MODE));
  for (const path of [file, ...COMPANION_SUFFIXES.map((suffix) => file + suffix)]) {
    if (existsSync(path)) chmodSync(path, DATA_FILE_MODE);
  }
}

/**
 * Opens one of Tongban's SQLite files for writing — created if absent (mode 0600, its directory
 * 0700 when created), WAL, foreign keys on, the migrations applied — or throws StoreUnavailableError with the store's sentence (`cannotOpen`, a catalogue key taking {file} and {reason}).
 */
export function openWritableSqlite(file: string, migrations: readonly string[], cannotOpen: CatalogueKey, options: { readonly pageSize?: number } = {}): Database.Database {
  let db: Database.Database | undefined;
  try {
    // A directory created here is the owner's alone (0700); an existing one is the operator's choice.
    mkdirSync(dirname(file), { recursive: true, mode: DATA_DIR_MODE });
    restrictToOwner(file);
    db = new Database(file);
    db.pragma('busy_timeout = 5000');
    // Takes effect only on a new, empty file, and only before WAL is on; an existing file keeps its own.
    if (options.pageSize) db.pragma(`page_size = ${options.pageSize}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db?.close();
    throw new StoreUnavailableError({ key: cannotOpen, values: { file, reason: (error as Error).message } }, { adapter: 'sqlite', file });
  }
}
