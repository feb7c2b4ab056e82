import { describe, expect, it } from 'vitest';
import { addDays } from '../codes/index.js';
import { officialWorkingCalendar as calendar, WorkingCalendar, parseCalendarYear, addWorkingDays, weekday } from './index.js';

describe('working days on the official calendar', () => {
  it('skips the days off of the notice and counts the make-up working weekends', () => {
    expect(calendar.addWorkingDays('2026-09-30', 1)).toEqual({ date: '2026-10-08' }); // 国庆节 1–7 October
    expect(calendar.addWorkingDays('2026-02-13', 1)).toEqual({ date: '2026-02-14' }); // Saturday worked for 春节
    expect(calendar.addWorkingDays('2026-02-13', 2)).toEqual({ date: '2026-02-24' }); // 春节 15–23 February
    expect(calendar.addWorkingDays('2026-02-27', 1)).toEqual({ date: '2026-02-28' });
    expect(calendar.addWorkingDays('2024-02-09', 1)).toEqual({ date: '2024-02-18' }); // Sunday worked for 春节
    expect(calendar.addWorkingDays('2025-09-26', 1)).toEqual({ date: '2025-09-28' });
    expect(calendar.addWorkingDays('2025-09-30', 1)).toEqual({ date: '2025-10-09' }); // 国庆节、中秋节 1–8 October
    expect(calendar.addWorkingDays('2025-05-30', 1)).toEqual({ date: '2025-06-03' }); // 端午节 31 May – 2 June
  });

  it('does not count the day of acceptance, even when it is a working day', () => {
    expect(calendar.addWorkingDays('2026-03-02', 1)).toEqual({ date: '2026-03-03' });
    expect(calendar.addWorkingDays('2026-03-07', 1)).toEqual({ date: '2026-03-09' }); // accepted on a Saturday
  });

  it('gives the day itself or the next working day for n = 0', () => {
    expect(calendar.addWorkingDays('2026-03-02', 0)).toEqual({ date: '2026-03-02' });
    expect(calendar.addWorkingDays('2026-10-03', 0)).toEqual({ date: '2026-10-08' });
  });

  it('crosses year boundaries', () => {
    expect(calendar.addWorkingDays('2025-12-31', 1)).toEqual({ date: '2026-01-04' }); // 元旦 1–3 January, Sunday 4th worked
    expect(calendar.addWorkingDays('2025-12-31', 3)).toEqual({ date: '2026-01-06' });
    expect(calendar.addWorkingDays('2024-12-31', 1)).toEqual({ date: '2025-01-02' });
    expect(calendar.addWorkingDays('2023-12-29', 1)).toEqual({ date: '2024-01-02', calendarMissing: [2023] });
  });

  it('says which years had no data instead of silently counting weekends only', () => {
    expect(calendar.addWorkingDays('2026-12-30', 1)).toEqual({ date: '2026-12-31' });
    expect(calendar.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-01', calendarMissing: [2027] });
    expect(calendar.addWorkingDays('2027-03-05', 1)).toEqual({ date: '2027-03-08', calendarMissing: [2027] });
    expect(calendar.addWorkingDays('2022-12-31', 300).calendarMissing).toEqual([2023]);
    expect(calendar.addWorkingDays('2022-12-30', 300).calendarMissing).toEqual([2022, 2023]);
    expect(calendar.addWorkingDays('2026-06-01', 400).calendarMissing).toEqual([2027]);
    expect(calendar.describeDay('2027-01-01')).toEqual({ date: '2027-01-01', working: true, kind: 'workday', calendarMissing: [2027] });
    expect(calendar.workingDaysBetween('2026-12-25', '2027-01-08')).toEqual({ days: 10, calendarMissing: [2027] });
    expect(calendar.addNaturalDays('2026-12-20', 30)).toMatchObject({ calendarMissing: [2027] });
  });

  it('counts the working days of each year as the law gives them (weekdays less 11, from 2025 13, holidays)', () => {
    // 2024: 366 days, 104 weekend days, 11 statutory holidays; 2025 and 2026: 365, 104, 13.
    expect(calendar.workingDaysBetween('2023-12-31', '2024-12-31')).toEqual({ days: 251 });
    expect(calendar.workingDaysBetween('2024-12-31', '2025-12-31')).toEqual({ days: 248 });
    expect(calendar.workingDaysBetween('2025-12-31', '2026-12-31')).toEqual({ days: 248 });
  });

  it('counts between two dates, after the first up to the second', () => {
    expect(calendar.workingDaysBetween('2026-09-30', '2026-10-08')).toEqual({ days: 1 });
    expect(calendar.workingDaysBetween('2026-10-08', '2026-09-30')).toEqual({ days: -1 });
    expect(calendar.workingDaysBetween('2026-10-08', '2026-10-08')).toEqual({ days: 0 });
    expect(calendar.workingDaysBetween('2026-10-01', '2026-10-07')).toEqual({ days: 0 });
  });

  it('describes a day', () => {
    expect(calendar.describeDay('2026-02-16')).toEqual({ date: '2026-02-16', working: false, kind: 'holiday', holiday: '春节' });
    expect(calendar.describeDay('2026-09-20')).toEqual({ date: '2026-09-20', working: true, kind: 'make-up-workday', holiday: '国庆节' });
    expect(calendar.describeDay('2026-03-07')).toEqual({ date: '2026-03-07', working: false, kind: 'weekend' });
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
    expect(calendar.isWorkingDay('2026-10-11')).toBe(false);
  });

  it('counts natural days (自然日) as such, ending a period that falls on a day off on the next working day', () => {
    expect(calendar.addNaturalDays('2026-09-20', 10)).toEqual({ date: '2026-09-30' });
    expect(calendar.addNaturalDays('2026-09-25', 7)).toEqual({ date: '2026-10-08', extendedFrom: '2026-10-02' });
    expect(calendar.addNaturalDays('2026-03-02', 5)).toEqual({ date: '2026-03-09', extendedFrom: '2026-03-07' });
    expect(calendar.addNaturalDays('2026-02-10', 4)).toEqual({ date: '2026-02-14' }); // a make-up Saturday is a working day
  });

  it('counts months to the corresponding day, or the month’s last day', () => {
    expect(calendar.addMonths('2024-01-31', 1)).toEqual({ date: '2024-02-29' });
    expect(calendar.addMonths('2025-01-31', 1)).toEqual({ date: '2025-02-28' });
    expect(calendar.addMonths('2025-03-10', 12)).toEqual({ date: '2026-03-10' });
    expect(calendar.addMonths('2026-01-15', 1)).toEqual({ date: '2026-02-24', extendedFrom: '2026-02-15' }); // 春节 15–23 February
    expect(calendar.addMonths('2025-11-30', 3)).toEqual({ date: '2026-02-28' }); // a make-up Saturday
    expect(calendar.addMonths('2026-03-07', 0)).toEqual({ date: '2026-03-09', extendedFrom: '2026-03-07' });
  });

  it('refuses what it cannot compute', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-01', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => calendar.addMonths('2026-02-01', -1)).toThrow(RangeError);
    expect(() => new WorkingCalendar([calendar.year(2026)!, calendar.year(2026)!])).toThrow(RangeError);
  });

  it('keeps the plain addWorkingDays and weekday of earlier callers, now on the official calendar', () => {
    expect(addWorkingDays('2025-06-06', 5)).toBe('2025-06-13');
    expect(addWorkingDays('2025-12-29', 5)).toBe('2026-01-06');
    expect(weekday('2026-10-10')).toBe(6);
  });

  it('uses the years it is given and nothing else', () => {
    const only2027 = new WorkingCalendar([
      parseCalendarYear({
        year: 2027,
        notice: { issuer: '国务院办公厅', title: '测试通知', documentNumber: '测试〔2026〕1号', published: '2026-11-01' },
        holidays: [{ name: '元旦', days: 1, daysOff: ['2027-01-01'], makeUpWorkdays: [] }],
      }),
    ]);
    expect(only2027.years()).toEqual([2027]);
    expect(only2027.addWorkingDays('2026-12-31', 1)).toEqual({ date: '2027-01-04' });
    expect(only2027.addWorkingDays('2026-12-30', 1)).toEqual({ date: '2026-12-31', calendarMissing: [2026] });
  });
});

/** A small deterministic PRNG (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('working-day properties over random dates 2024–2027', () => {
  const next = random(20_261_201);
  const cases = Array.from({ length: 2_000 }, () => ({ from: addDays('2024-01-01', Math.floor(next() * 1_461)), n: 1 + Math.floor(next() * 60) }));

  it('always lands on a working day after the start, and counting back gives n', () => {
    const failures: string[] = [];
    for (const { from, n } of cases) {
      const { date, calendarMissing } = calendar.addWorkingDays(from, n);
      const back = calendar.workingDaysBetween(from, date);
      if (!calendar.isWorkingDay(date) || date <= from || back.days !== n) failures.push(`${from} + ${n} → ${date}, back ${back.days}`);
      if ((date >= '2027-01-01') !== (calendarMissing?.[0] === 2027)) failures.push(`${from} + ${n} → ${date}, calendarMissing ${String(calendarMissing)}`);
    }
    expect(failures).toEqual([]);
  });

  it('adds up: (d + a) + b = d + (a + b)', () => {
    const failures: string[] = [];
    for (const { from, n } of cases.slice(0, 500)) {
      const a = Math.floor(n / 2) + 1;
      const stepwise = calendar.addWorkingDays(calendar.addWorkingDays(from, a).date, n).date;
      if (stepwise !== calendar.addWorkingDays(from, a + n).date) failures.push(`${from} ${a} ${n}`);
    }
    expect(failures).toEqual([]);
  });

  it('ends natural-day periods on a working day no earlier than the plain sum', () => {
    const failures: string[] = [];
    for (const { from, n } of cases.slice(0, 500)) {
      const result = calendar.addNaturalDays(from, n);
      const plain = addDays(from, n);
      if (!calendar.isWorkingDay(result.date) || result.date < plain || (result.date !== plain) !== (result.extendedFrom === plain)) failures.push(`${from} + ${n} → ${JSON.stringify(result)}`);
    }
    expect(failures).toEqual([]);
  });
});
