import { addDays } from '../codes/index.js';
import { officialWorkingCalendar, type WorkingCalendar } from '../calendar/index.js';

/** A time limit as the standard states it: an amount and a unit code (WD 工作日, CD 自然日, M 月, H 小时). */
export interface StatedLimit {
  value: number;
  unit: string;
}

/**
 * How a promised limit compares with the statutory one:
 * - `within`: it ends no later than the statutory limit whatever day the application is made;
 * - `exceeds`: it ends later for some start day (`example` names one, with both end dates);
 * - `not-comparable`: no rule converts one unit into the other (hours against days or months).
 */
export type LimitComparison =
  | { kind: 'within' }
  | { kind: 'exceeds'; example?: { from: string; promisedEnd: string; statutoryEnd: string } }
  | { kind: 'not-comparable' };

const DAY_UNITS = new Set(['WD', 'CD', 'M']);

/**
 * The last day of a period counted from `from` by the official rules: working days skip the
 * holidays of the calendar (行政许可法第八十二条), natural days and months end on the next working day
 * when their last day is a day off (民法典第二百零一条至第二百零三条).
 */
function endOf(calendar: WorkingCalendar, from: string, limit: StatedLimit): string {
  if (limit.unit === 'WD') return calendar.addWorkingDays(from, limit.value).date;
  if (limit.unit === 'CD') return calendar.addNaturalDays(from, limit.value).date;
  return calendar.addMonths(from, limit.value).date;
}

function nextMonth(date: string): string {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

const cache = new Map<string, LimitComparison>();

/**
 * Compares limits in different units by counting both from every day of the years the working-day
 * calendar holds: a promise of 40 个工作日 against a statutory 1 个月 is found to exceed it, with a
 * day to show. Same units compare directly; hours compare only with hours. Results are cached per
 * pair (the designer validates on every keystroke).
 */
export function compareTimeLimits(promised: StatedLimit, statutory: StatedLimit, calendar: WorkingCalendar = officialWorkingCalendar): LimitComparison {
  if (promised.unit === statutory.unit) return promised.value > statutory.value ? { kind: 'exceeds' } : { kind: 'within' };
  if (!DAY_UNITS.has(promised.unit) || !DAY_UNITS.has(statutory.unit)) return { kind: 'not-comparable' };
  if (!Number.isInteger(promised.value) || !Number.isInteger(statutory.value) || promised.value < 0 || statutory.value < 0) return { kind: 'not-comparable' };
  const key = `${promised.value}${promised.unit}|${statutory.value}${statutory.unit}|${calendar.years().join(',')}`;
  const known = cache.get(key);
  if (known) return known;
  let result: LimitComparison = { kind: 'within' };
  const years = calendar.years();
  const first = years[0];
  const last = years[years.length - 1];
  if (first !== undefined && last !== undefined) {
    // Long limits are counted from the first of each month only: the loop stays short.
    const step = Math.max(promised.value, statutory.value) > 400 ? 'month' : 'day';
    try {
      for (let from = `${first}-01-01`; from <= `${last}-12-31`; from = step === 'day' ? addDays(from, 1) : nextMonth(from)) {
        const promisedEnd = endOf(calendar, from, promised);
        const statutoryEnd = endOf(calendar, from, statutory);
        if (promisedEnd > statutoryEnd) {
          result = { kind: 'exceeds', example: { from, promisedEnd, statutoryEnd } };
          break;
        }
      }
    } catch {
      // Beyond what the calendar arithmetic counts (centuries): no rule to compare them by.
      result = { kind: 'not-comparable' };
    }
  }
  cache.set(key, result);
  return result;
}
