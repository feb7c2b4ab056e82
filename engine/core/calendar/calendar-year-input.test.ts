import { describe, expect, it } from 'vitest';
import { calendarYearChanges, calendarYearInputProblems, officialCalendarYears, parseCalendarYear } from './index.js';

const notice = { issuer: '国务院办公厅', title: '测试通知', documentNumber: '测试〔2026〕1号', published: '2026-11-01' };
const good = { year: 2027, notice, holidays: [{ name: '元旦', days: 1, daysOff: ['2027-01-01'], makeUpWorkdays: [] }] };

describe('calendarYearInputProblems', () => {
  it('accepts the shipped files ($schema included) and a well-formed year', () => {
    for (const year of officialCalendarYears) expect(calendarYearInputProblems({ $schema: './calendar-year.schema.json', ...year })).toEqual([]);
    expect(calendarYearInputProblems(good)).toEqual([]);
  });

  it('adds what only the schema sees (unknown fields, types, a malformed URL) to the calendar rules, each field once', () => {
    const problems = calendarYearInputProblems({
      ...good,
      notice: { ...notice, url: 'not a url', published: '2026-13-01' },
      holidays: [{ name: '元旦', days: '1', daysOff: ['2027-01-01'], makeUpWorkdays: ['2027-01-04'], note: 'x' }],
      extra: true,
    });
    expect(problems.map((p) => `${p.pointer} ${p.code}`)).toEqual([
      '/notice/published calendar.notice',
      '/holidays/0/days calendar.count',
      '/holidays/0/makeUpWorkdays/0 calendar.make-up-weekday',
      '/extra schema.additionalProperties',
      '/notice/url schema.format',
      '/holidays/0/note schema.additionalProperties',
    ]);
    expect(problems.find((p) => p.pointer === '/extra')?.message).toBe('工作日历中没有「extra」这一字段');
  });
});

describe('calendarYearChanges', () => {
  it('names the notice fields, holidays and dates a replacement changes', () => {
    const before = parseCalendarYear(good);
    const after = parseCalendarYear({
      ...good,
      notice: { ...notice, documentNumber: '测试〔2026〕2号' },
      holidays: [{ name: '元旦', days: 2, daysOff: ['2027-01-01', '2027-01-02'], makeUpWorkdays: [] }, { name: '春节', days: 1, daysOff: ['2027-02-06'], makeUpWorkdays: ['2027-01-31'] }],
    });
    expect(calendarYearChanges(before, after)).toEqual({
      notice: ['documentNumber'], holidaysAdded: ['春节'], holidaysRemoved: [],
      daysOffAdded: ['2027-01-02', '2027-02-06'], daysOffRemoved: [], makeUpWorkdaysAdded: ['2027-01-31'], makeUpWorkdaysRemoved: [],
    });
    expect(calendarYearChanges(after, before)).toMatchObject({ holidaysRemoved: ['春节'], daysOffRemoved: ['2027-01-02', '2027-02-06'], makeUpWorkdaysRemoved: ['2027-01-31'] });
    expect(calendarYearChanges(null, before)).toMatchObject({ notice: ['documentNumber', 'issuer', 'published', 'title'], daysOffAdded: ['2027-01-01'] });
  });
});
