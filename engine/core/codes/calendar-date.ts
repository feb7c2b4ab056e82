/**
 * Calendar dates (出生日期, 受理日期, 办结期限) as plain `YYYY-MM-DD` strings.
 *
 * A calendar date is not an instant. `new Date('1990-03-01')` means UTC midnight, which is
 * still 28 February on a PC set to a time zone west of Greenwich, so a birth date held in a
 * `Date` can move by a day depending on whose browser reads it. All arithmetic here is
 * therefore done on integers (day numbers in the proleptic Gregorian calendar) and never
 * touches the host time zone or `Intl` data.
 *
 * @module
 */

/** A calendar date split into its parts; months and days count from 1. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

// Four-digit years only (YYYY-MM-DD): it is the form GB/T 7408 (ISO 8601) uses for exchange and
// the form ID numbers carry, and it keeps plain string comparison equal to date order.
const ISO_DATE_LENGTH = 10;
const CODE_0 = 48;
const CODE_HYPHEN = 45;
const MIN_DAY_NUMBER = toDayNumber(0, 1, 1);
const MAX_DAY_NUMBER = toDayNumber(9999, 12, 31);
const MS_PER_DAY = 86_400_000;
// Inner Mongolia keeps Beijing time (Asia/Shanghai): UTC+8 all year, no daylight saving
// since 1991, so a fixed offset is exact for any "now" this system will see and needs no
// time-zone database in the browser.
const REGION_UTC_OFFSET_MS = 8 * 3_600_000;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Parses a strict `YYYY-MM-DD` string. Returns null for anything else, including
 * impossible dates such as `2023-02-29` and timestamps with a time part, so a value that
 * passes can be stored and compared as a string without further checks.
 */
export function parseIsoDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string' || value.length !== ISO_DATE_LENGTH) return null;
  if (value.charCodeAt(4) !== CODE_HYPHEN || value.charCodeAt(7) !== CODE_HYPHEN) return null;
  // Read digit by digit rather than with a regular expression: every date field and every date
  // condition of every decision comes through here, and a match allocates an array and three strings.
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The ASCII digits of `text` at [start, start + count) as a number, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - CODE_0;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

export function isIsoDate(value: unknown): value is string {
  return parseIsoDate(value) !== null;
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number): string => String(n).padStart(width, '0');
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Negative, zero or positive like `Array.prototype.sort` expects. Throws on invalid input. */
export function compareIsoDates(a: string, b: string): number {
  requireDate(a, 'compareIsoDates');
  requireDate(b, 'compareIsoDates');
  // Valid strict dates are fixed-width with the most significant field first.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  const start = requireDate(date, 'addDays');
  if (!Number.isSafeInteger(days)) {
    throw new RangeError(`addDays: days must be an integer, got ${String(days)}`);
  }
  const target = toDayNumber(start.year, start.month, start.day) + days;
  if (target < MIN_DAY_NUMBER || target > MAX_DAY_NUMBER) {
    throw new RangeError(`addDays: ${date} + ${days} days leaves the years 0000–9999`);
  }
  return formatIsoDate(fromDayNumber(target));
}

/**
 * Age in full years (周岁) on `onDate`.
 *
 * The age goes up on the birthday itself. Someone born on 29 February has no birthday in a
 * common year and turns a year older on 1 March: until 28 February the anniversary has not
 * yet been reached. Some legal rules (e.g. for criminal responsibility) count a person as
 * having reached an age only from the day after the birthday; callers applying such a rule
 * should pass `addDays(onDate, -1)`.
 *
 * Throws when `onDate` is before `birthDate`: an age before birth is a data error that a
 * silent negative number would hide.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const birth = requireDate(birthDate, 'ageOn');
  const on = requireDate(onDate, 'ageOn');
  if (onDate < birthDate) {
    throw new RangeError(`ageOn: ${onDate} is before the birth date ${birthDate}`);
  }
  const birthdayReached = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return on.year - birth.year - (birthdayReached ? 0 : 1);
}

/**
 * Today's date in the region (Asia/Shanghai), whatever the time zone of the machine running
 * this. Deadlines and ages are decided by the date at the service window, not by the clerk's
 * or the applicant's device settings.
 */
export function todayInRegion(now: Date = new Date()): string {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('todayInRegion: invalid Date');
  return formatIsoDate(fromDayNumber(Math.floor((ms + REGION_UTC_OFFSET_MS) / MS_PER_DAY)));
}

function requireDate(value: string, caller: string): CalendarDate {
  const date = parseIsoDate(value);
  if (date === null) throw new RangeError(`${caller}: not a YYYY-MM-DD date: ${String(value)}`);
  return date;
}

// Days since 1970-01-01, after H. Hinnant's "days_from_civil". Integer arithmetic instead of
// Date.UTC, which maps years 0–99 to 1900–1999 and would need special-casing.
function toDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year; // the computation counts years from 1 March
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}
