import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDecisionLog, openDecisionLogReader } from '../../engine/adapters/index.js';
import { openSqliteDecisionLog, openSqliteDecisionLogReader } from '../../engine/adapters/sqlite/index.js';
import { describeDecisionLogContract } from './decision-log-contract.js';
import { newDecision } from './fixtures.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'tongban-decisions-'));

describeDecisionLogContract('sqlite', async () => {
  const dir = tempDir();
  const file = join(dir, 'decisions.db');
  const log = openSqliteDecisionLog({ file });
  return {
    log,
    openReader: async () => openSqliteDecisionLogReader({ file }),
    close: async () => {
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('sqlite decision log', () => {
  it('is append-only: the trigger refuses UPDATE and DELETE, even over a raw connection', async () => {
    const dir = tempDir();
    const file = join(dir, 'decisions.db');
    const log = openSqliteDecisionLog({ file });
    try {
      const recorded = await log.record(newDecision());
      const raw = new Database(file);
      expect(() => raw.prepare("UPDATE decisions SET outcome = 'accept'").run()).toThrow(/append-only/);
      expect(() => raw.prepare('UPDATE decisions SET record_json = ? WHERE id = ?').run('{}', recorded.id)).toThrow(/append-only/);
      expect(() => raw.prepare('DELETE FROM decisions').run()).toThrow(/append-only/);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(raw.pragma('user_version', { simple: true })).toBe(1);
      raw.close();
      expect(await log.get(recorded.id)).toEqual(recorded);
    } finally {
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens a reader read-only, and reads a missing file as an empty log until a writer creates it', async () => {
    const dir = tempDir();
    const file = join(dir, 'decisions.db');
    try {
      const reader = openSqliteDecisionLogReader({ file });
      expect(await reader.list()).toEqual([]);
      expect(await reader.count()).toBe(0);
      expect(await reader.get('D0')).toBeNull();
      expect(await reader.health()).toMatchObject({ ok: true, readOnly: true, details: { exists: false } });
      expect(existsSync(file)).toBe(false);

      const log = openSqliteDecisionLog({ file });
      const recorded = await log.record(newDecision());
      expect(await reader.list()).toEqual([recorded]);
      const raw = (reader as unknown as { connection(): Database.Database }).connection();
      expect(raw.readonly).toBe(true);
      expect(() => raw.prepare('INSERT INTO decisions (id, at, division, code, version, outcome, record_json) VALUES (1, 2, 3, 4, 5, 6, 7)').run()).toThrow(/readonly/i);
      await reader.close();
      await expect(reader.list()).rejects.toThrow(/已关闭/);
      await log.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps its own file in the data directory, apart from the config store', async () => {
    const dir = tempDir();
    try {
      const settings = { dataDir: dir, mongodbDatabase: 'tongban' };
      const log = await openDecisionLog(settings);
      expect(log.adapter).toBe('sqlite');
      const recorded = await log.record(newDecision());
      expect(existsSync(join(dir, 'decisions.db'))).toBe(true);
      expect(existsSync(join(dir, 'tongban.db'))).toBe(false);
      const reader = await openDecisionLogReader(settings);
      expect(await reader.get(recorded.id)).toEqual(recorded);
      expect('record' in reader).toBe(false);
      await reader.close();
      await log.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
