/**
 * The sentence shown on screens and printed on notices next to a date computed for years without
 * calendar data, e.g. 「2027 年节假日安排尚未载入，期限按周末推算，仅供参考」.
 */
export function calendarMissingNote(years: readonly number[]): string {
  return `${years.join('、')} 年节假日安排尚未载入，期限按周末推算，仅供参考`;
}
