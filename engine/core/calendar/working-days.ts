import { officialWorkingCalendar } from './official-calendar.js';

/**
 * The date `days` working days after `date` on the official calendar (public holidays and
 * adjusted working weekends). Only the date: a caller that shows or stores it uses
 * `officialWorkingCalendar.addWorkingDays`, whose result also says when a year had no data.
 */
export function addWorkingDays(date: string, days: number): string {
  return officialWorkingCalendar.addWorkingDays(date, days).date;
}
