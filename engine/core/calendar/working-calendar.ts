import { addDays, daysInMonth, formatIsoDate, parseIsoDate } from '../codes/index.js';
import type { CalendarYear } from './calendar-year.js';
import { isWeekend } from './weekday.js';

/**
 * Years a result was computed for without calendar data: there, only Saturdays and Sundays were
 * taken as days off, so the result is an estimate. Present only when not empty.
 */
export interface CalendarMissing {
  calendarMissing?: number[];
}

export interface CalendarDateResult extends CalendarMissing {
  date: string;
}

export interface NaturalDateResult extends CalendarDateResult {
  /** The period's own last day when it fell on a day off and `date` is the next working day. */
  extendedFrom?: string;
}

export interface WorkingDayCount extends CalendarMissing {
  days: number;
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make-up-workday';

export interface DayDescription extends CalendarMissing {
  date: string;
  working: boolean;
  /** workday: Monday–Friday; weekend: Saturday/Sunday; holiday: a day off of the notice; make-up-workday: 调休上班日. */
  kind: DayKind;
  /** The holiday a day off or a make-up working day belongs to, e.g. 春节. */
  holiday?: string;
}

/** Bound on the working or natural days one call may add: decades, far beyond any legal time limit. */
export const MAX_CALENDAR_STEP = 36_600;

interface MarkedDay {
  working: boolean;
  holiday: string;
}

/** Collects the data-less years a computation looked at. */
class Touched {
  private readonly missing = new Set<number>();
  constructor(private readonly loaded: ReadonlySet<number>) {}
  see(date: string): void {
    const year = Number(date.slice(0, 4));
    if (!this.loaded.has(year)) this.missing.add(year);
  }
  result<T extends object>(value: T): T & CalendarMissing {
    return this.missing.size === 0 ? value : { ...value, calendarMissing: [...this.missing].sort((a, b) => a - b) };
  }
}

function requireDate(date: string, caller: string): void {
  if (!parseIsoDate(date)) throw new RangeError(`${caller}: not a YYYY-MM-DD date: ${String(date)}`);
}

function requireCount(n: number, caller: string): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_CALENDAR_STEP) throw new RangeError(`${caller}: expected an integer 0–${MAX_CALENDAR_STEP}, got ${String(n)}`);
}

/**
 * Working-day arithmetic over the official calendar (法定节假日 and 调休上班日) of the years it
 * holds. A year it does not hold is counted on weekends alone, and every result that looked at such
 * a year says so in `calendarMissing`.
 */
export class WorkingCalendar {
  private readonly byYear: ReadonlyMap<number, CalendarYear>;
  private readonly marked = new Map<string, MarkedDay>();
  private readonly loaded: ReadonlySet<number>;

  /** Years must already be checked (parseCalendarYear); a year given twice is refused. */
  constructor(years: readonly CalendarYear[]) {
    const byYear = new Map<number, CalendarYear>();
    for (const year of years) {
      if (byYear.has(year.year)) throw new RangeError(`WorkingCalendar: year ${year.year} given twice`);
      byYear.set(year.year, year);
      for (const holiday of year.holidays) {
        for (const date of holiday.daysOff) this.marked.set(date, { working: false, holiday: holiday.name });
        for (const date of holiday.makeUpWorkdays) this.marked.set(date, { working: true, holiday: holiday.name });
      }
    }
    this.byYear = byYear;
    this.loaded = new Set(byYear.keys());
  }

  /** The years with calendar data, ascending. */
  years(): number[] {
    return [...this.loaded].sort((a, b) => a - b);
  }

  year(year: number): CalendarYear | undefined {
    return this.byYear.get(year);
  }

  hasYear(year: number): boolean {
    return this.loaded.has(year);
  }

  describeDay(date: string): DayDescription {
    requireDate(date, 'describeDay');
    const touched = new Touched(this.loaded);
    touched.see(date);
    const marked = this.marked.get(date);
    if (marked) return touched.result({ date, working: marked.working, kind: marked.working ? 'make-up-workday' : 'holiday', holiday: marked.holiday });
    const weekend = isWeekend(date);
    return touched.result({ date, working: !weekend, kind: weekend ? 'weekend' : 'workday' });
  }

  /**
   * Whether the hall is open that day. For a year without data this is the weekend guess: when the
   * answer is shown or stored, use describeDay, which says so.
   */
  isWorkingDay(date: string): boolean {
    requireDate(date, 'isWorkingDay');
    return this.marked.get(date)?.working ?? !isWeekend(date);
  }

  /**
   * The date `n` working days after `from` (行政许可法 第八十二条: counted in working days, without
   * statutory holidays). The day of `from` itself does not count, so the result is always a working
   * day after it; n = 0 gives `from` when it is a working day, else the next one.
   * 2026-09-30 + 1 → 2026-10-08 (国庆节 1–7 October).
   */
  addWorkingDays(from: string, n: number): CalendarDateResult {
    requireDate(from, 'addWorkingDays');
    requireCount(n, 'addWorkingDays');
    const touched = new Touched(this.loaded);
    let current = from;
    let left = n;
    if (n === 0) {
      touched.see(current);
      if (this.isWorkingDay(current)) return touched.result({ date: current });
      left = 1;
    }
    while (left > 0) {
      current = addDays(current, 1);
      touched.see(current);
      if (this.isWorkingDay(current)) left--;
    }
    return touched.result({ date: current });
  }

  /**
   * Working days after `from` up to and including `to`; negative when `to` is before `from`.
   * The inverse of addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n).date) = n for n ≥ 1.
   */
  workingDaysBetween(from: string, to: string): WorkingDayCount {
    requireDate(from, 'workingDaysBetween');
    requireDate(to, 'workingDaysBetween');
    const touched = new Touched(this.loaded);
    const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
    let days = 0;
    for (let current = start; current < end; ) {
      current = addDays(current, 1);
      touched.see(current);
      if (this.isWorkingDay(current)) days++;
    }
    return touched.result({ days: sign * days || 0 });
  }

  /**
   * The last day of a period of `n` natural days (自然日) from `from`: the day of `from` does not
   * count (民法典 第二百零一条), and a period ending on a day off ends on the next working day
   * instead (第二百零三条), reported with the period's own end in `extendedFrom`.
   */
  addNaturalDays(from: string, n: number): NaturalDateResult {
    requireDate(from, 'addNaturalDays');
    requireCount(n, 'addNaturalDays');
    return this.endOfPeriod(addDays(from, n));
  }

  /**
   * The last day of a period of `n` months from `from`: the corresponding day of the month it
   * ends in, or that month's last day when it has none (民法典 第二百零二条: 2024-01-31 + 1 month →
   * 2024-02-29); moved to the next working day when that is a day off (第二百零三条).
   */
  addMonths(from: string, n: number): NaturalDateResult {
    const start = parseIsoDate(from);
    if (!start) throw new RangeError(`addMonths: not a YYYY-MM-DD date: ${String(from)}`);
    if (!Number.isSafeInteger(n) || n < 0 || n > 1200) throw new RangeError(`addMonths: expected an integer 0–1200, got ${String(n)}`);
    const monthIndex = start.year * 12 + (start.month - 1) + n;
    const year = Math.floor(monthIndex / 12);
    if (year > 9999) throw new RangeError(`addMonths: ${from} + ${n} months leaves the years 0000–9999`);
    const month = (monthIndex % 12) + 1;
    return this.endOfPeriod(formatIsoDate({ year, month, day: Math.min(start.day, daysInMonth(year, month)) }));
  }

  private endOfPeriod(end: string): NaturalDateResult {
    const touched = new Touched(this.loaded);
    touched.see(end);
    if (this.isWorkingDay(end)) return touched.result({ date: end });
    let current = end;
    do {
      current = addDays(current, 1);
      touched.see(current);
    } while (!this.isWorkingDay(current));
    return touched.result({ date: current, extendedFrom: end });
  }
}
