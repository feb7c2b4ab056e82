import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../engine/core/index.js';
import { openIntakeStore } from '../../engine/adapters/index.js';
import { openSqliteIntakeStore } from '../../engine/adapters/sqlite/index.js';
import { describeIntakeStoreContract } from './intake-store-contract.js';
import { newIntake, PDF } from './fixtures.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'tongban-intake-'));

describeIntakeStoreContract('sqlite', async () => {
  const dir = tempDir();
  const store = openSqliteIntakeStore({ file: join(dir, 'intake.db') });
  return { store, close: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
});

describe('sqlite intake store', () => {
  it('keeps its own file intake.db in the data directory, and never deletes a record or changes an attachment', async () => {
    const dir = tempDir();
    try {
      const store = await openIntakeStore({ dataDir: dir, mongodbDatabase: 'unused' });
      expect(store.adapter).toBe('sqlite');
      const record = await store.create(newIntake());
      await store.addAttachment(record.caseNumber, { name: 'a.pdf', contentType: 'application/pdf', data: PDF });
      expect(existsSync(join(dir, 'intake.db'))).toBe(true);
      expect(existsSync(join(dir, 'tongban.db'))).toBe(false);
      const raw = new Database(join(dir, 'intake.db'));
      expect(() => raw.prepare('DELETE FROM intakes').run()).toThrow(/never deleted/);
      expect(() => raw.prepare("UPDATE intake_attachments SET name = 'x'").run()).toThrow(/never changed/);
      expect(() => raw.prepare('DELETE FROM intake_attachments').run()).toThrow(/never deleted/);
      raw.close();
      await store.close();
      await expect(store.get(record.caseNumber)).rejects.toThrow(/已关闭/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('working days', () => {
  it('adds working days on the official calendar (weekends, public holidays, make-up working weekends)', () => {
    expect(addWorkingDays('2025-06-02', 5)).toBe('2025-06-09'); // 端午节 Mon → next Mon
    expect(addWorkingDays('2025-06-06', 5)).toBe('2025-06-13'); // Fri → next Fri
    expect(addWorkingDays('2025-06-07', 5)).toBe('2025-06-13'); // Sat → Fri
    expect(addWorkingDays('2025-06-08', 1)).toBe('2025-06-09'); // Sun → Mon
    expect(addWorkingDays('2025-12-29', 5)).toBe('2026-01-06'); // 元旦 1–3 January 2026, Sunday 4th worked
  });
});
