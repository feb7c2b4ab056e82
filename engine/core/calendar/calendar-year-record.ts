import type { CalendarYear } from './calendar-year.js';

/** A year a region administrator stored (PUT /api/calendar/{year}, `tongban calendar put`). */
export interface CalendarYearRecord {
  year: number;
  calendar: CalendarYear;
  /** The server's clock when it was stored (ISO instant). */
  storedAt: string;
  storedBy: string;
  reason: string | null;
}

/** Where a year of the effective calendar comes from: a file of standards/calendar or the store. */
export type CalendarYearSource = 'file' | 'stored';

/** What replacing a year changes, date by date: what a reviewer of the audit trail needs to see. */
export interface CalendarYearChanges {
  /** Fields of the notice that differ (documentNumber, published …). */
  notice: string[];
  holidaysAdded: string[];
  holidaysRemoved: string[];
  daysOffAdded: string[];
  daysOffRemoved: string[];
  makeUpWorkdaysAdded: string[];
  makeUpWorkdaysRemoved: string[];
}

function dates(year: CalendarYear | null, pick: 'daysOff' | 'makeUpWorkdays'): Set<string> {
  return new Set(year?.holidays.flatMap((h) => h[pick]) ?? []);
}

const minus = (a: Set<string>, b: Set<string>): string[] => [...a].filter((x) => !b.has(x)).sort();

/** The changes from `before` (null: the year was not loaded) to `after`. */
export function calendarYearChanges(before: CalendarYear | null, after: CalendarYear): CalendarYearChanges {
  const noticeKeys = [...new Set([...Object.keys(before?.notice ?? {}), ...Object.keys(after.notice)])].sort() as (keyof CalendarYear['notice'])[];
  const names = (year: CalendarYear | null) => new Set(year?.holidays.map((h) => h.name) ?? []);
  return {
    notice: before ? noticeKeys.filter((key) => before.notice[key] !== after.notice[key]) : noticeKeys,
    holidaysAdded: minus(names(after), names(before)),
    holidaysRemoved: minus(names(before), names(after)),
    daysOffAdded: minus(dates(after, 'daysOff'), dates(before, 'daysOff')),
    daysOffRemoved: minus(dates(before, 'daysOff'), dates(after, 'daysOff')),
    makeUpWorkdaysAdded: minus(dates(after, 'makeUpWorkdays'), dates(before, 'makeUpWorkdays')),
    makeUpWorkdaysRemoved: minus(dates(before, 'makeUpWorkdays'), dates(after, 'makeUpWorkdays')),
  };
}
