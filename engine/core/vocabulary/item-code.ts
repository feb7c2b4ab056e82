/**
 * An item's code (实施编码 or 业务办理项编码): a letter or digit, then letters, digits, dots,
 * underscores or hyphens, 2–64 characters in all. The JSON-Schema string and the RegExp are the
 * same definition; the standards' schema files carry the string and a test keeps them equal.
 */
export const ITEM_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$';

export const ITEM_CODE = new RegExp(ITEM_CODE_PATTERN);

/** How an author is told what a valid code looks like. */
export const ITEM_CODE_HINT = '事项编码应以字母或数字开头，只含字母、数字、点、下划线和连字符（2–64 位）。';

export function isItemCode(value: unknown): value is string {
  return typeof value === 'string' && ITEM_CODE.test(value);
}
