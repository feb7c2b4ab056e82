export { weekday, isWeekend } from './weekday.js';
export { calendarYearProblems, parseCalendarYear, type CalendarYear, type Holiday, type HolidayNotice } from './calendar-year.js';
export { calendarYearInputProblems } from './calendar-year-input.js';
export { calendarYearChanges, type CalendarYearChanges, type CalendarYearRecord, type CalendarYearSource } from './calendar-year-record.js';
export {
  MAX_CALENDAR_STEP,
  WorkingCalendar,
  type CalendarDateResult,
  type CalendarMissing,
  type DayDescription,
  type DayKind,
  type NaturalDateResult,
  type WorkingDayCount,
} from './working-calendar.js';
export { officialCalendarYears, officialWorkingCalendar } from './official-calendar.js';
export { calendarCoverage, type CalendarCoverage } from './calendar-coverage.js';
export { calendarMissingNote } from './calendar-missing-note.js';
export { addWorkingDays } from './working-days.js';
