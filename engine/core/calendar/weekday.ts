import { parseIsoDate } from '../codes/index.js';

/** 0 = Sunday … 6 = Saturday, for a valid ISO date (proleptic Gregorian, no time zone involved). */
export function weekday(date: string): number {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`weekday: invalid date ${date}`);
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}
