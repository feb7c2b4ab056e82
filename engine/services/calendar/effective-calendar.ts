import { systemClock, type Clock } from '../../core/clock/index.js';
import {
  officialCalendarYears,
  WorkingCalendar,
  type CalendarYear,
  type CalendarYearRecord,
  type CalendarYearSource,
} from '../../core/calendar/index.js';
import type { ConfigReader } from '../../ports/config-store/port.js';

/** One year of the effective calendar and where it comes from. */
export interface EffectiveCalendarYear {
  year: number;
  source: CalendarYearSource;
  calendar: CalendarYear;
  /** Who stored it and when (stored years only). */
  storedAt?: string;
  storedBy?: string;
  reason?: string | null;
}

/** The files' years overlaid by the stored ones: a stored year replaces the file's year of that number. */
export function overlayCalendarYears(files: readonly CalendarYear[], stored: readonly CalendarYearRecord[]): EffectiveCalendarYear[] {
  const byYear = new Map<number, EffectiveCalendarYear>();
  for (const calendar of files) byYear.set(calendar.year, { year: calendar.year, source: 'file', calendar });
  for (const record of stored) {
    byYear.set(record.year, { year: record.year, source: 'stored', calendar: record.calendar, storedAt: record.storedAt, storedBy: record.storedBy, reason: record.reason });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** How long a loaded calendar is used before the stored years are read again (a runtime in its own process). */
export const CALENDAR_MAX_AGE_MS = 2_000;

export interface EffectiveCalendarOptions {
  reader: ConfigReader;
  /** The years shipped in standards/calendar (default: the official files). */
  files?: readonly CalendarYear[];
  /** Re-read the stored years when the loaded calendar is older than this; 0: on every call. */
  maxAgeMs?: number;
  clock?: Clock;
}

/**
 * The working-day calendar every deadline is computed with: standards/calendar overlaid by the
 * years region administrators stored. Reading a handful of small rows is cheap, so the stored
 * years are simply re-read once the loaded calendar is `maxAgeMs` old (concurrent callers share
 * one read); the process that stores a year calls `refresh()` and sees it at once.
 */
export class EffectiveCalendar {
  private readonly reader: ConfigReader;
  private readonly files: readonly CalendarYear[];
  private readonly maxAgeMs: number;
  private readonly clock: Clock;
  private loaded: { years: EffectiveCalendarYear[]; calendar: WorkingCalendar; at: number } | null = null;
  private loading: Promise<{ years: EffectiveCalendarYear[]; calendar: WorkingCalendar }> | null = null;
  private filesOnly: WorkingCalendar | null = null;

  constructor({ reader, files = officialCalendarYears, maxAgeMs = CALENDAR_MAX_AGE_MS, clock = systemClock }: EffectiveCalendarOptions) {
    this.reader = reader;
    this.files = files;
    this.maxAgeMs = maxAgeMs;
    this.clock = clock;
  }

  /** The effective calendar, re-read from the store when the loaded one is stale. */
  async calendar(): Promise<WorkingCalendar> {
    return (await this.fresh()).calendar;
  }

  /** Each year of the effective calendar with its source (file, or stored: who, when, why). */
  async years(): Promise<EffectiveCalendarYear[]> {
    return (await this.fresh()).years;
  }

  /**
   * The calendar as last loaded, without waiting for the store (the files alone before the first
   * load). For synchronous code; a handler that can await should use `calendar()`.
   */
  current(): WorkingCalendar {
    if (!this.loaded || this.isStale()) void this.fresh().catch(() => undefined);
    return this.loaded?.calendar ?? (this.filesOnly ??= new WorkingCalendar(this.files));
  }

  /** Reads the stored years now: after this process stored one. */
  async refresh(): Promise<WorkingCalendar> {
    this.loaded = null;
    return (await this.load()).calendar;
  }

  private isStale(): boolean {
    return !this.loaded || this.clock().getTime() - this.loaded.at >= this.maxAgeMs;
  }

  private async fresh(): Promise<{ years: EffectiveCalendarYear[]; calendar: WorkingCalendar }> {
    if (this.loaded && !this.isStale()) return this.loaded;
    return this.load();
  }

  private load(): Promise<{ years: EffectiveCalendarYear[]; calendar: WorkingCalendar }> {
    if (this.loading) return this.loading;
    const at = this.clock().getTime();
    this.loading = (async () => {
      try {
        const years = overlayCalendarYears(this.files, await this.reader.calendarYears());
        const loaded = { years, calendar: new WorkingCalendar(years.map((y) => y.calendar)), at };
        this.loaded = loaded;
        return loaded;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}

/** The effective calendar over a store (see EffectiveCalendar). */
export function effectiveCalendar(options: EffectiveCalendarOptions): EffectiveCalendar {
  return new EffectiveCalendar(options);
}
