// The effective calendar a runtime counts on, over a real SQLite store: files overlaid by the
// stored years, re-read once the loaded calendar is old enough, at once after refresh().
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCalendarYear } from '../../engine/core/index.js';
import { openSqliteReader, openSqliteStore, type SqliteConfigStore } from '../../engine/adapters/sqlite/index.js';
import { effectiveCalendar, overlayCalendarYears, putCalendarYear } from '../../engine/services/index.js';

const notice = { issuer: '国务院办公厅', title: '测试通知', documentNumber: '测试〔2026〕27号', published: '2026-11-10' };
const year2027 = { year: 2027, notice, holidays: [{ name: '元旦', days: 3, daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkdays: [] }] };

describe('effective calendar', () => {
  let dir: string;
  let store: SqliteConfigStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tongban-calendar-'));
    store = openSqliteStore({ file: join(dir, 'tongban.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-reads the stored years once the loaded calendar is maxAgeMs old, and at once on refresh()', async () => {
    let now = Date.parse('2026-12-02T00:00:00Z');
    const reader = openSqliteReader({ file: join(dir, 'tongban.db') });
    try {
      const provider = effectiveCalendar({ reader, maxAgeMs: 1_000, clock: () => new Date(now) });
      expect(provider.current().years()).toEqual([2024, 2025, 2026]);
      expect((await provider.calendar()).addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-01', calendarMissing: [2027] });
      await putCalendarYear({ store, body: year2027, actor: 'admin' });
      now += 999;
      expect((await provider.calendar()).hasYear(2027)).toBe(false);
      now += 1;
      expect((await provider.calendar()).addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04' });
      expect(provider.current().hasYear(2027)).toBe(true);
      expect((await provider.years()).map((y) => [y.year, y.source, y.storedBy ?? null])).toEqual([[2024, 'file', null], [2025, 'file', null], [2026, 'file', null], [2027, 'stored', 'admin']]);

      await putCalendarYear({ store, body: { ...year2027, holidays: [{ name: '元旦', days: 1, daysOff: ['2027-01-01'], makeUpWorkdays: [] }] }, actor: 'admin' });
      expect((await provider.calendar()).describeDay('2027-01-02').kind).toBe('holiday'); // still the year loaded before: 元旦 1–3 January
      expect((await provider.refresh()).describeDay('2027-01-02')).toEqual({ date: '2027-01-02', working: false, kind: 'weekend' });
    } finally {
      await reader.close();
    }
  });

  it('lets a stored year replace the file’s year of the same number', () => {
    const files = [parseCalendarYear({ ...year2027, notice: { ...notice, documentNumber: 'file' } })];
    const stored = [{ year: 2027, calendar: parseCalendarYear(year2027), storedAt: '2026-12-02T00:00:00.000Z', storedBy: 'admin', reason: null }];
    expect(overlayCalendarYears(files, stored)).toEqual([{ year: 2027, source: 'stored', calendar: stored[0]!.calendar, storedAt: '2026-12-02T00:00:00.000Z', storedBy: 'admin', reason: null }]);
    expect(overlayCalendarYears(files, []).map((y) => y.source)).toEqual(['file']);
  });
});
