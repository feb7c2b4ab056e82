import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll } from 'vitest';
import { describeSeedKill, freshDataDir, removeDirs, type SeededContents } from './seed-kill.js';

const dirs: string[] = [];
afterAll(() => removeDirs(dirs));

function storeContents(dir: string): SeededContents {
  const file = join(dir, 'tongban.db');
  if (!existsSync(file)) return { items: 0, versions: 0, claims: 0, seededEvents: 0, admins: 0, orphans: 0 };
  const db = new Database(file, { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const contents = {
    items: count('SELECT COUNT(*) AS n FROM items'),
    versions: count('SELECT COUNT(*) AS n FROM versions'),
    claims: count('SELECT COUNT(*) AS n FROM claims'),
    seededEvents: count("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'store.seeded'"),
    admins: count("SELECT COUNT(*) AS n FROM principals WHERE json_extract(record_json, '$.role') = 'admin'"),
    orphans: count('SELECT COUNT(*) AS n FROM items i WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.code = i.code)'),
  };
  db.close();
  return contents;
}

describeSeedKill('SQLite', {
  async fresh() {
    const dataDir = freshDataDir(dirs);
    const wal = join(dataDir, 'tongban.db-wal');
    return {
      env: {},
      dataDir,
      contents: async () => storeContents(dataDir),
      written: async () => existsSync(join(dataDir, 'tongban.db')),
      // The write-ahead log grows with the start's first write; seeding follows at once.
      writeMarker: async () => (existsSync(wal) ? statSync(wal).size : -1),
      drop: async () => undefined,
    };
  },
}, { kills: 6, killWindowMs: 600 });

