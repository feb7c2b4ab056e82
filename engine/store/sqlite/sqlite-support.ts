import type Database from 'better-sqlite3';

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
