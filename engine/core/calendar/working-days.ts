import { addDays, parseIsoDate } from '../codes/index.js';

/** 0 = Sunday … 6 = Saturday, for a valid ISO date (proleptic Gregorian, no time zone involved). */
export function weekday(date: string): number {
  const parsed = parseIsoDate(date);
  if (!parsed) throw new RangeError(`weekday: invalid date ${date}`);
  return new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day)).getUTCDay();
}

/**
 * The date `days` working days after `date`, skipping Saturdays and Sundays (public holidays and
 * adjusted working weekends are not known to the engine). 2025-06-06 (Fri) + 5 → 2025-06-13 (Fri).
 */
export function addWorkingDays(date: string, days: number): string {
  let current = date;
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    const day = weekday(current);
    if (day !== 0 && day !== 6) left--;
  }
  return current;
}
