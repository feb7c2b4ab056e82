export { CALENDAR_MAX_AGE_MS, EffectiveCalendar, effectiveCalendar, overlayCalendarYears, type EffectiveCalendarOptions, type EffectiveCalendarYear } from './effective-calendar.js';
export { putCalendarYear, type StoredCalendarYear } from './put-calendar-year.js';
