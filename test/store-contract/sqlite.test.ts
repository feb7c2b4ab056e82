import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openSqliteReader, openSqliteStore } from '../../engine/adapters/sqlite/index.js';
import { describeStoreContract } from './store-contract.js';

describeStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-sqlite-'));
  const file = join(dir, 'tongban.db');
  const store = openSqliteStore({ file });
  return {
    store,
    openReader: async () => openSqliteReader({ file }),
    tamperAuditEvent: async (seq, reason) => {
      const db = new Database(file);
      db.exec('DROP TRIGGER audit_no_update');
      const row = db.prepare('SELECT event_json FROM audit_events WHERE seq = ?').get(seq) as { event_json: string };
      db.prepare('UPDATE audit_events SET event_json = ? WHERE seq = ?').run(JSON.stringify({ ...JSON.parse(row.event_json), reason }), seq);
      db.close();
    },
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

it('sqlite: a runtime connection cannot write even when it tries raw SQL, and published versions cannot be altered', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-sqlite-'));
  const file = join(dir, 'tongban.db');
  const store = openSqliteStore({ file });
  await store.upsertItem({ code: 'X', name: 'n', department: 'd', createdAt: '2025-01-01T00:00:00Z' });
  const reader = openSqliteReader({ file });
  const raw = (reader as unknown as { db: Database.Database }).db;
  expect(raw.readonly).toBe(true);
  expect(() => raw.prepare("UPDATE items SET name = 'hacked'").run()).toThrow(/readonly/i);
  const writer = (store as unknown as { db: Database.Database }).db;
  writer.prepare("INSERT INTO versions (code, version, hash, published_at, meta_json, config_json) VALUES ('X', 1, 'h', 't', '{}', '{}')").run();
  expect(() => writer.prepare("UPDATE versions SET config_json = '{\"x\":1}'").run()).toThrow(/immutable/);
  expect(() => writer.prepare('DELETE FROM versions').run()).toThrow(/immutable/);
  await reader.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
