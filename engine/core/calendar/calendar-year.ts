import { catalogueProblem, ValidationFailedError, type CatalogueMessage, type Problem } from '../errors.js';
import { addDays, isIsoDate } from '../codes/index.js';
import { isWeekend } from './weekday.js';

/** The notice a year's dates come from (国务院办公厅关于 YYYY 年部分节假日安排的通知). */
export interface HolidayNotice {
  issuer: string;
  title: string;
  documentNumber: string;
  /** 成文日期, YYYY-MM-DD. */
  published: string;
  url?: string;
}

/** One holiday of the notice: its days off and the weekends worked in exchange (调休上班日). */
export interface Holiday {
  name: string;
  /** 共 N 天, as the notice states it; equals daysOff.length. */
  days: number;
  daysOff: string[];
  makeUpWorkdays: string[];
}

/** One year of the official working-day calendar (standards/calendar/YYYY.json). */
export interface CalendarYear {
  year: number;
  notice: HolidayNotice;
  holidays: Holiday[];
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Everything wrong with a year's data, beyond its JSON Schema: dates outside the year, a count
 * that does not match the days listed, days off that are not consecutive, a make-up working day
 * that is not a Saturday or Sunday, a day listed twice. Empty when the data can be used.
 */
export function calendarYearProblems(value: unknown): Problem[] {
  const problems: Problem[] = [];
  const problem = (pointer: string, code: string, key: CatalogueMessage['key'], values?: CatalogueMessage['values']): void => {
    problems.push(catalogueProblem(pointer, `calendar.${code}`, values ? { key, values } : { key }));
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problem('', 'type', 'core.calendar.notObject');
    return problems;
  }
  const { year, notice, holidays } = value as Partial<Record<keyof CalendarYear, unknown>>;
  if (!Number.isInteger(year) || (year as number) < 1949 || (year as number) > 9999) problem('/year', 'year', 'core.calendar.year');
  const n = notice as Partial<Record<keyof HolidayNotice, unknown>> | undefined;
  if (!n || typeof n !== 'object') problem('/notice', 'notice', 'core.calendar.notice');
  else {
    for (const key of ['issuer', 'title', 'documentNumber'] as const) if (!text(n[key])) problem(`/notice/${key}`, 'notice', 'core.calendar.blank');
    if (!isIsoDate(n.published)) problem('/notice/published', 'notice', 'core.calendar.published');
  }
  if (!Array.isArray(holidays) || holidays.length === 0) {
    problem('/holidays', 'holidays', 'core.calendar.noHolidays');
    return problems;
  }
  const seen = new Map<string, string>();
  const claim = (date: string, pointer: string) => {
    const earlier = seen.get(date);
    if (earlier) problem(pointer, 'duplicate', 'core.calendar.duplicate', { date, earlier });
    else seen.set(date, pointer);
  };
  holidays.forEach((raw: unknown, i) => {
    const at = `/holidays/${i}`;
    const h = raw as Partial<Record<keyof Holiday, unknown>> | null;
    if (!h || typeof h !== 'object') return problem(at, 'holiday', 'core.calendar.holidayNotObject');
    if (!text(h.name)) problem(`${at}/name`, 'holiday', 'core.calendar.holidayName');
    const daysOff = Array.isArray(h.daysOff) ? h.daysOff : [];
    const makeUp = Array.isArray(h.makeUpWorkdays) ? h.makeUpWorkdays : null;
    if (daysOff.length === 0) problem(`${at}/daysOff`, 'days-off', 'core.calendar.daysOff');
    if (makeUp === null) problem(`${at}/makeUpWorkdays`, 'make-up', 'core.calendar.makeUp');
    if (h.days !== daysOff.length) problem(`${at}/days`, 'count', 'core.calendar.count', { stated: String(h.days), listed: daysOff.length });
    const inYear = (date: unknown, pointer: string): date is string => {
      if (!isIsoDate(date)) problem(pointer, 'date', 'core.calendar.date');
      else if (Number(date.slice(0, 4)) !== year) problem(pointer, 'year', 'core.calendar.outsideYear', { date, year: String(year) });
      else return true;
      return false;
    };
    daysOff.forEach((date: unknown, j) => {
      const pointer = `${at}/daysOff/${j}`;
      if (!inYear(date, pointer)) return;
      const previous = daysOff[j - 1];
      if (j > 0 && isIsoDate(previous) && addDays(previous, 1) !== date) problem(pointer, 'consecutive', 'core.calendar.consecutive', { previous, date });
      claim(date, pointer);
    });
    (makeUp ?? []).forEach((date: unknown, j) => {
      const pointer = `${at}/makeUpWorkdays/${j}`;
      if (!inYear(date, pointer)) return;
      if (!isWeekend(date)) problem(pointer, 'make-up-weekday', 'core.calendar.makeUpWeekday', { date });
      claim(date, pointer);
    });
  });
  return problems;
}

/** The year's data, checked; throws ValidationFailedError naming each problem. */
export function parseCalendarYear(value: unknown): CalendarYear {
  const problems = calendarYearProblems(value);
  if (problems.length > 0) throw new ValidationFailedError({ key: 'core.calendar.invalid' }, problems);
  const { year, notice, holidays } = value as CalendarYear;
  return {
    year,
    notice: { ...notice },
    holidays: holidays.map(({ name, days, daysOff, makeUpWorkdays }) => ({ name, days, daysOff: [...daysOff], makeUpWorkdays: [...makeUpWorkdays] })),
  };
}
