import { uiText } from '../i18n/catalogue/catalogue.js';
import type { Language } from '../vocabulary/index.js';

/**
 * The sentence shown on screens and printed on notices next to a date computed for years without
 * calendar data, e.g. 「2027 年节假日安排尚未载入，期限按周末推算，仅供参考」.
 */
export function calendarMissingNote(years: readonly number[], language: Language = 'zh-CN'): string {
  return uiText('core.calendar.missingNote', language, { years: years.join(uiText('server.listSeparator', language)) });
}
