/**
 * Public API of the code validators: pure functions with no dependencies and no Node
 * built-ins, so the same checks run in the designer, the intake form and the server.
 *
 * @module
 */

export {
  addDays,
  ageOn,
  compareIsoDates,
  daysInMonth,
  formatIsoDate,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  todayInRegion,
} from './calendar-date.js';
export type { CalendarDate } from './calendar-date.js';
export {
  divisionLevel,
  isDivisionWithin,
  normalizeDivisionCode,
  parentDivisionCode,
} from './division-code.js';
export type { DivisionLevel } from './division-code.js';
export {
  idNumberCheckChar,
  isValidIdNumber,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
} from './id-number.js';
export type { IdNumberInfo, Sex } from './id-number.js';
export {
  isValidOrganizationCode,
  isValidSocialCreditCode,
  organizationCodeCheckChar,
  socialCreditCheckChar,
} from './social-credit-code.js';
