/**
 * The local fields every item's claim may set, whatever its standard lists: every 办事指南 shows
 * where and when to go, whom to ask and where to complain, and only the locality knows them.
 */
export const EVERY_ITEM_LOCAL_FIELDS = ['windowAddress', 'openingHours', 'consultPhone', 'complaintPhone'] as const;

/** The local fields a locality may set for an item: the standard's own, then any of the four it lacks. */
export function localFieldsOf(standard: { localFields?: readonly string[] }): string[] {
  return [...new Set<string>([...(standard.localFields ?? []), ...EVERY_ITEM_LOCAL_FIELDS])];
}

/** The local fields holding a telephone number (validated as one). */
export const PHONE_LOCAL_FIELDS: readonly string[] = ['consultPhone', 'complaintPhone'];

/**
 * A service-hall phone as printed on a guide: a mobile (13800138000), a fixed line with or without
 * its area code (0471-1234567, 04711234567, 1234567), a hotline (12345, 12345-1) and several
 * numbers separated by 、 ， , ； / or spaces.
 */
export function isServicePhone(value: string): boolean {
  const one = /^(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|\d{7,8}|12\d{3}(?:-\d{1,4})?|[48]00-?\d{3}-?\d{4})$/;
  const parts = value.split(/[、，,；;/\s]+/).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => one.test(p.replace(/（.*?）|\(.*?\)/g, '')));
}
