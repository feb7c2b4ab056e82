import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDecisionLog, openDecisionLogReader } from '../../engine/adapters/index.js';
import { openSqliteDecisionLog, openSqliteDecisionLogReader } from '../../engine/adapters/sqlite/index.js';
import { describeDecisionLogContract } from './decision-log-contract.js';
import { newDecision } from './fixtures.js';
import { PersonalDataCodec } from '../../engine/adapters/personal-data-codec.js';
import { loadDataKeyRing } from '../../engine/adapters/data-key.js';

/** The codec of a store that made its own data.key in `dir`. */
const codec = (dir: string) => new PersonalDataCodec(loadDataKeyRing({ dataDir: dir }));

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

  it('makes a new file with 8 KB pages and keeps the pages of a file made before', async () => {
    const dir = tempDir();
    try {
      const fresh = join(dir, 'decisions.db');
      const log = openSqliteDecisionLog({ file: fresh });
      await log.record(newDecision());
      await log.close();
      const older = join(dir, 'older.db');
      const made = new Database(older);
      made.pragma('page_size = 4096');
      made.pragma('journal_mode = WAL');
      made.close();
      const olderLog = openSqliteDecisionLog({ file: older });
      const kept = await olderLog.record(newDecision());
      expect(await olderLog.get(kept.id)).toEqual(kept);
      await olderLog.close();
      for (const [file, pageSize] of [[fresh, 8192], [older, 4096]] as const) {
        const raw = new Database(file, { readonly: true });
        expect(raw.pragma('page_size', { simple: true })).toBe(pageSize);
        expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
        raw.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('settles a record only once its batch is committed, and reads records written before bodies were compact', async () => {
    const dir = tempDir();
    const file = join(dir, 'decisions.db');
    const log = openSqliteDecisionLog({ file });
    try {
      const raw = new Database(file);
      const pending = Array.from({ length: 40 }, (_, n) => log.record(newDecision({ n })));
      // Nothing is written in the turn that asked: the batch commits right after it.
      expect((raw.prepare('SELECT COUNT(*) AS n FROM decisions').get() as { n: number }).n).toBe(0);
      const recorded = await Promise.all(pending);
      expect((raw.prepare('SELECT COUNT(*) AS n FROM decisions').get() as { n: number }).n).toBe(40);
      const stored = (raw.prepare('SELECT record_json FROM decisions WHERE id = ?').get(recorded[0]?.id) as { record_json: Buffer }).record_json;
      // One ciphertext for the whole body, as bytes after its key id; opened, the compact body.
      expect(Buffer.isBuffer(stored)).toBe(true);
      expect(stored.toString('latin1', 0, 24)).toMatch(/^enc:v2:[0-9a-f]{16}:$/);
      const body = JSON.parse(codec(dir).openJsonBytes(stored)) as Record<string, unknown>;
      expect(Object.keys(body).sort()).toEqual(['channel', 'decision', 'hash', 'input']);

      const old = { ...recorded[1], id: 'D0000000000AAAAAAAAAAAAAAAA' };
      raw.prepare('INSERT INTO decisions (id, at, division, code, version, outcome, record_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(old.id, old.at, old.division, old.code, old.version, old.outcome, JSON.stringify({ ...old, decision: { ...old.decision, explanation: [] } }));
      expect(await log.get(old.id)).toMatchObject({ ...old, decision: { ...old.decision } });
      raw.close();
    } finally {
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads bodies written before they were sealed whole (ID numbers and mobiles sealed one by one), and keeps a value that only looks like a ciphertext', async () => {
    const dir = tempDir();
    const file = join(dir, 'decisions.db');
    const log = openSqliteDecisionLog({ file });
    try {
      const lookalike = 'enc:v2:0123456789abcdef:AAAA';
      const base = newDecision();
      const recorded = await log.record({ ...base, input: { ...base.input, formData: { ...base.input.formData, note: lookalike } } });
      expect(await log.get(recorded.id)).toEqual(recorded);
      expect(recorded.input.formData).toMatchObject({ note: lookalike });

      // The body as the previous release stored it: plain JSON with each personal value sealed on its own.
      const perValue = codec(dir);
      const seal = perValue.sealer();
      const legacy = { ...recorded, id: 'D0000000000BBBBBBBBBBBBBBBB' };
      const legacyBody = { channel: legacy.channel, hash: legacy.hash, input: { ...legacy.input, formData: seal(legacy.input.formData) }, decision: seal(legacy.decision), by: legacy.by };
      expect(JSON.stringify(legacyBody.input.formData)).toMatch(/"enc:v2:[0-9a-f]{16}:/);
      const raw = new Database(file);
      raw.prepare('INSERT INTO decisions (id, at, division, code, version, outcome, record_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(legacy.id, legacy.at, legacy.division, legacy.code, legacy.version, legacy.outcome, JSON.stringify(legacyBody));
      raw.close();
      expect(await log.get(legacy.id)).toEqual(legacy);
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
