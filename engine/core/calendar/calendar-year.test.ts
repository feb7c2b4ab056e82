import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '../errors.js';
import { calendarCoverage, calendarMissingNote, calendarYearProblems, officialCalendarYears, parseCalendarYear, WorkingCalendar, weekday } from './index.js';

const notice = { issuer: '国务院办公厅', title: '测试通知', documentNumber: '测试〔2026〕1号', published: '2026-11-01' };
const codes = (value: unknown) => calendarYearProblems(value).map((p) => `${p.pointer} ${p.code}`);

describe('the shipped calendar years', () => {
  it('are 2024, 2025 and 2026, each citing its notice', () => {
    expect(officialCalendarYears.map((y) => [y.year, y.notice.documentNumber, y.notice.published])).toEqual([
      [2024, '国办发明电〔2023〕7号', '2023-10-25'],
      [2025, '国办发明电〔2024〕12号', '2024-11-12'],
      [2026, '国办发明电〔2025〕7号', '2025-11-04'],
    ]);
    for (const year of officialCalendarYears) expect(year.notice.title).toBe(`国务院办公厅关于${year.year}年部分节假日安排的通知`);
  });

  it('give every holiday the number of days its notice states, and make-up days only on weekends', () => {
    for (const year of officialCalendarYears) {
      expect(calendarYearProblems(year)).toEqual([]);
      for (const holiday of year.holidays) {
        expect(holiday.daysOff.length, `${year.year} ${holiday.name}`).toBe(holiday.days);
        for (const date of holiday.makeUpWorkdays) expect([0, 6], date).toContain(weekday(date));
      }
    }
    const summary = (year: number) => officialCalendarYears.find((y) => y.year === year)!.holidays.map((h) => `${h.name} ${h.daysOff[0]}+${h.days} ${h.makeUpWorkdays.join(',')}`);
    expect(summary(2026)).toEqual([
      '元旦 2026-01-01+3 2026-01-04',
      '春节 2026-02-15+9 2026-02-14,2026-02-28',
      '清明节 2026-04-04+3 ',
      '劳动节 2026-05-01+5 2026-05-09',
      '端午节 2026-06-19+3 ',
      '中秋节 2026-09-25+3 ',
      '国庆节 2026-10-01+7 2026-09-20,2026-10-10',
    ]);
  });
});

describe('calendarYearProblems', () => {
  const good = { year: 2027, notice, holidays: [{ name: '元旦', days: 1, daysOff: ['2027-01-01'], makeUpWorkdays: [] }] };

  it('accepts a well-formed year', () => {
    expect(calendarYearProblems(good)).toEqual([]);
    expect(parseCalendarYear(good)).toEqual(good);
  });

  it('names a make-up working day that is not a Saturday or Sunday', () => {
    expect(codes({ ...good, holidays: [{ name: '元旦', days: 1, daysOff: ['2027-01-01'], makeUpWorkdays: ['2027-01-06'] }] })).toEqual(['/holidays/0/makeUpWorkdays/0 calendar.make-up-weekday']);
  });

  it('names a count that does not match the days listed, gaps, dates outside the year and days listed twice', () => {
    expect(codes({ ...good, holidays: [{ name: '春节', days: 3, daysOff: ['2027-02-06', '2027-02-07'], makeUpWorkdays: [] }] })).toEqual(['/holidays/0/days calendar.count']);
    expect(codes({ ...good, holidays: [{ name: '春节', days: 2, daysOff: ['2027-02-06', '2027-02-08'], makeUpWorkdays: [] }] })).toEqual(['/holidays/0/daysOff/1 calendar.consecutive']);
    expect(codes({ ...good, holidays: [{ name: '元旦', days: 1, daysOff: ['2026-12-31'], makeUpWorkdays: [] }] })).toEqual(['/holidays/0/daysOff/0 calendar.year']);
    expect(codes({ ...good, holidays: [good.holidays[0], { name: '又一个', days: 1, daysOff: ['2027-01-01'], makeUpWorkdays: [] }] })).toEqual(['/holidays/1/daysOff/0 calendar.duplicate']);
    expect(codes({ ...good, holidays: [{ name: '元旦', days: 1, daysOff: ['2027-02-30'], makeUpWorkdays: [] }] })).toEqual(['/holidays/0/daysOff/0 calendar.date']);
  });

  it('names a missing notice and odd shapes without throwing', () => {
    expect(codes({ year: 2027, holidays: good.holidays })).toEqual(['/notice calendar.notice']);
    expect(codes({ ...good, notice: { ...notice, published: '2026-11' } })).toEqual(['/notice/published calendar.notice']);
    expect(codes(null)).toEqual([' calendar.type']);
    expect(codes({ year: 'x', notice, holidays: [null] })).toContain('/year calendar.year');
    expect(() => parseCalendarYear({ ...good, holidays: [] })).toThrow(ValidationFailedError);
  });
});

describe('calendarCoverage', () => {
  it('warns from 1 December that next year has no data', () => {
    expect(calendarCoverage('2026-11-30')).toEqual({ today: '2026-11-30', loadedYears: [2024, 2025, 2026], missing: [] });
    const december = calendarCoverage('2026-12-01');
    expect(december.missing).toEqual([2027]);
    expect(december.warning).toContain('2027 年节假日安排尚未载入');
    expect(calendarCoverage('2027-02-01').missing).toEqual([2027]);
    expect(calendarCoverage('2027-12-01').missing).toEqual([2027, 2028]);
  });

  it('is quiet when next year is loaded', () => {
    const year = (y: number) => parseCalendarYear({ year: y, notice, holidays: [{ name: '元旦', days: 1, daysOff: [`${y}-01-01`], makeUpWorkdays: [] }] });
    expect(calendarCoverage('2026-12-15', new WorkingCalendar([year(2026), year(2027)])).missing).toEqual([]);
  });

  it('words the note shown next to an estimated date', () => {
    expect(calendarMissingNote([2027])).toBe('2027 年节假日安排尚未载入，期限按周末推算，仅供参考');
    expect(calendarMissingNote([2027, 2028])).toBe('2027、2028 年节假日安排尚未载入，期限按周末推算，仅供参考');
  });
});
