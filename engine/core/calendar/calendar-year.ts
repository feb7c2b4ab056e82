import { ValidationFailedError, type Problem } from '../errors.js';
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
  const problem = (pointer: string, code: string, message: string): void => {
    problems.push({ pointer, code: `calendar.${code}`, message });
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    problem('', 'type', '工作日历应为对象');
    return problems;
  }
  const { year, notice, holidays } = value as Partial<Record<keyof CalendarYear, unknown>>;
  if (!Number.isInteger(year) || (year as number) < 1949 || (year as number) > 9999) problem('/year', 'year', '年份应为 1949–9999 的整数');
  const n = notice as Partial<Record<keyof HolidayNotice, unknown>> | undefined;
  if (!n || typeof n !== 'object') problem('/notice', 'notice', '应注明放假安排通知（标题、文号、成文日期）');
  else {
    for (const key of ['issuer', 'title', 'documentNumber'] as const) if (!text(n[key])) problem(`/notice/${key}`, 'notice', '不能为空');
    if (!isIsoDate(n.published)) problem('/notice/published', 'notice', '成文日期应为 YYYY-MM-DD');
  }
  if (!Array.isArray(holidays) || holidays.length === 0) {
    problem('/holidays', 'holidays', '至少应有一个节假日');
    return problems;
  }
  const seen = new Map<string, string>();
  const claim = (date: string, pointer: string) => {
    const earlier = seen.get(date);
    if (earlier) problem(pointer, 'duplicate', `${date} 已出现在 ${earlier}`);
    else seen.set(date, pointer);
  };
  holidays.forEach((raw: unknown, i) => {
    const at = `/holidays/${i}`;
    const h = raw as Partial<Record<keyof Holiday, unknown>> | null;
    if (!h || typeof h !== 'object') return problem(at, 'holiday', '节假日应为对象');
    if (!text(h.name)) problem(`${at}/name`, 'holiday', '节日名称不能为空');
    const daysOff = Array.isArray(h.daysOff) ? h.daysOff : [];
    const makeUp = Array.isArray(h.makeUpWorkdays) ? h.makeUpWorkdays : null;
    if (daysOff.length === 0) problem(`${at}/daysOff`, 'days-off', '应列出放假日期');
    if (makeUp === null) problem(`${at}/makeUpWorkdays`, 'make-up', '应列出调休上班日（没有时为空数组）');
    if (h.days !== daysOff.length) problem(`${at}/days`, 'count', `通知写明共 ${String(h.days)} 天，列出的放假日期有 ${daysOff.length} 天`);
    const inYear = (date: unknown, pointer: string): date is string => {
      if (!isIsoDate(date)) problem(pointer, 'date', '应为 YYYY-MM-DD 日期');
      else if (Number(date.slice(0, 4)) !== year) problem(pointer, 'year', `${date} 不在 ${String(year)} 年内`);
      else return true;
      return false;
    };
    daysOff.forEach((date: unknown, j) => {
      const pointer = `${at}/daysOff/${j}`;
      if (!inYear(date, pointer)) return;
      const previous = daysOff[j - 1];
      if (j > 0 && isIsoDate(previous) && addDays(previous, 1) !== date) problem(pointer, 'consecutive', `放假日期应连续，${previous} 之后是 ${date}`);
      claim(date, pointer);
    });
    (makeUp ?? []).forEach((date: unknown, j) => {
      const pointer = `${at}/makeUpWorkdays/${j}`;
      if (!inYear(date, pointer)) return;
      if (!isWeekend(date)) problem(pointer, 'make-up-weekday', `${date} 不是周六或周日，不能作为调休上班日`);
      claim(date, pointer);
    });
  });
  return problems;
}

/** The year's data, checked; throws ValidationFailedError naming each problem. */
export function parseCalendarYear(value: unknown): CalendarYear {
  const problems = calendarYearProblems(value);
  if (problems.length > 0) throw new ValidationFailedError('工作日历数据有误', problems);
  const { year, notice, holidays } = value as CalendarYear;
  return {
    year,
    notice: { ...notice },
    holidays: holidays.map(({ name, days, daysOff, makeUpWorkdays }) => ({ name, days, daysOff: [...daysOff], makeUpWorkdays: [...makeUpWorkdays] })),
  };
}
