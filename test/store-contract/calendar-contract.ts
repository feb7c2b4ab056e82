import { expect, it } from 'vitest';
import { parseCalendarYear, type CalendarYearRecord } from '../../engine/core/index.js';
import type { StoreHarness } from './store-contract.js';

const notice = { issuer: '国务院办公厅', title: '国务院办公厅关于2027年部分节假日安排的通知', documentNumber: '测试〔2026〕9号', published: '2026-11-10' };

function record(year: number, storedBy: string, daysOff: string[]): CalendarYearRecord {
  return {
    year,
    calendar: parseCalendarYear({ year, notice: { ...notice, url: 'https://www.gov.cn/zhengce/content/test.htm' }, holidays: [{ name: '元旦', days: daysOff.length, daysOff, makeUpWorkdays: [] }] }),
    storedAt: `2026-12-0${storedBy.length % 9}T08:00:00.000Z`,
    storedBy,
    reason: storedBy === 'admin-a' ? null : '国务院办公厅更正通知',
  };
}

/** Calendar years stored by region administrators: both adapters keep, replace and list them alike. */
export function calendarYearContract(harness: () => StoreHarness): void {
  it('stores calendar years by number, returns the one it replaces, and runtimes read them', async () => {
    const h = harness();
    expect(await h.store.calendarYears()).toEqual([]);
    const first = record(2027, 'admin-a', ['2027-01-01']);
    expect(await h.store.putCalendarYear(first)).toBeNull();
    const other = record(2028, 'admin-a', ['2028-01-01']);
    expect(await h.store.putCalendarYear(other)).toBeNull();
    const second = record(2027, 'admin-bb', ['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(await h.store.putCalendarYear(second)).toEqual(first);
    expect(await h.store.calendarYears()).toEqual([second, other]);
    const reader = await h.openReader();
    try {
      expect(await reader.calendarYears()).toEqual([second, other]);
      expect((reader as unknown as Record<string, unknown>).putCalendarYear).toBeUndefined();
    } finally {
      await reader.close();
    }
  });
}
