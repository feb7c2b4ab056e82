import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import type { PersonalDataCodec } from '../personal-data-codec.js';

/** Rows read and rewritten per transaction: a crash loses at most one batch, which the next run redoes. */
const BATCH = 500;

/** A JSON column's value: text whose personal values are sealed one by one, or (the decision log's bodies) one sealed whole, as bytes. */
type StoredBody = string | Uint8Array;

export interface ReencryptionCount {
  scanned: number;
  reencrypted: number;
}

/**
 * Re-encrypts with the codec's current key every personal value of one table's JSON column,
 * a batch per transaction, in key order. Idempotent (a row already under the current key is not
 * touched) and resumable (a crash rolls back the open batch; the rest were committed).
 *
 * `appendOnlyTrigger` names a trigger that refuses every UPDATE (the decision log's): each batch
 * drops it and creates it again inside its own transaction, so outside that transaction the table
 * is exactly as append-only as before — only this maintenance step ever rewrites a row, and only
 * its ciphertexts.
 */
function reencryptTable(db: Database.Database, codec: PersonalDataCodec, { table, key, column, appendOnlyTrigger }: { table: string; key: string; column: string; appendOnlyTrigger?: string }): ReencryptionCount {
  const count: ReencryptionCount = { scanned: 0, reencrypted: 0 };
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return count;
  const page = db.prepare(`SELECT ${key} AS k, ${column} AS json FROM ${table} WHERE ${key} > ? ORDER BY ${key} LIMIT ${BATCH}`);
  const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ? AND ${column} = ?`);
  const triggerSql = appendOnlyTrigger
    ? (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(appendOnlyTrigger) as { sql: string } | undefined)?.sql
    : undefined;
  const writeBatch = db.transaction((changes: { k: string; json: StoredBody; next: StoredBody }[]) => {
    if (triggerSql) db.exec(`DROP TRIGGER ${appendOnlyTrigger}`);
    for (const change of changes) update.run(change.next, change.k, change.json);
    if (triggerSql) db.exec(triggerSql);
  });
  let after = '';
  for (;;) {
    const rows = page.all(after) as { k: string; json: StoredBody }[];
    if (rows.length === 0) return count;
    const changes = rows.flatMap((row) => {
      const next = typeof row.json === 'string' ? codec.reencryptStoredJson(row.json) : codec.reencryptJsonBytes(row.json);
      return next === null ? [] : [{ ...row, next }];
    });
    if (changes.length > 0) writeBatch(changes);
    count.scanned += rows.length;
    count.reencrypted += changes.length;
    after = (rows[rows.length - 1] as { k: string }).k;
  }
}

function withFile<T>(file: string, work: (db: Database.Database) => T): T | null {
  if (!existsSync(file)) return null;
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    return work(db);
  } finally {
    db.close();
  }
}

/** Re-encrypts the decision log (decisions.db) and the intake records (intake.db); a file not made yet holds nothing to re-encrypt. */
export function reencryptSqlitePersonalData(files: { decisionLog: string; intake: string }, codec: PersonalDataCodec): { decisions: ReencryptionCount; intakes: ReencryptionCount } {
  const none = { scanned: 0, reencrypted: 0 };
  return {
    decisions: withFile(files.decisionLog, (db) => reencryptTable(db, codec, { table: 'decisions', key: 'id', column: 'record_json', appendOnlyTrigger: 'decisions_no_update' })) ?? none,
    intakes: withFile(files.intake, (db) => reencryptTable(db, codec, { table: 'intakes', key: 'case_number', column: 'record_json' })) ?? none,
  };
}
