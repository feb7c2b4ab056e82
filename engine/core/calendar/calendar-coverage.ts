import { parseIsoDate } from '../codes/index.js';
import { uiText } from '../i18n/catalogue/catalogue.js';
import { calendarMissingNote } from './calendar-missing-note.js';
import { officialWorkingCalendar } from './official-calendar.js';
import type { WorkingCalendar } from './working-calendar.js';

/** Month from which next year's holiday data is expected: the State Council announces it in Oct–Dec. */
const WARN_FROM_MONTH = 12;

export interface CalendarCoverage {
  today: string;
  loadedYears: number[];
  /** This year when it has no data; from 1 December, also next year when it has none. */
  missing: number[];
  /** For the admin dashboard, in Chinese; present when `missing` is not empty. */
  warning?: string;
}

/** Which years deadlines computed today may need and the calendar does not hold. */
export function calendarCoverage(today: string, calendar: WorkingCalendar = officialWorkingCalendar): CalendarCoverage {
  const date = parseIsoDate(today);
  if (!date) throw new RangeError(`calendarCoverage: not a YYYY-MM-DD date: ${String(today)}`);
  const needed = date.month >= WARN_FROM_MONTH ? [date.year, date.year + 1] : [date.year];
  const missing = needed.filter((year) => !calendar.hasYear(year));
  const coverage: CalendarCoverage = { today, loadedYears: calendar.years(), missing };
  if (missing.length > 0) coverage.warning = uiText('core.calendar.coverageWarning', 'zh-CN', { note: calendarMissingNote(missing) });
  return coverage;
}
