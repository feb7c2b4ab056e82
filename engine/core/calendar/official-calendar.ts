import year2024 from '../../../standards/calendar/2024.json' with { type: 'json' };
import year2025 from '../../../standards/calendar/2025.json' with { type: 'json' };
import year2026 from '../../../standards/calendar/2026.json' with { type: 'json' };
import { parseCalendarYear } from './calendar-year.js';
import { WorkingCalendar } from './working-calendar.js';

/**
 * The years shipped in standards/calendar/, checked as they load: a wrong date in a data file
 * fails at start-up, not in a printed deadline. A new year is a new file imported here.
 */
export const officialCalendarYears = [year2024, year2025, year2026].map((data) => parseCalendarYear(data));

/** The official working-day calendar of the years Tongban ships. */
export const officialWorkingCalendar = new WorkingCalendar(officialCalendarYears);
