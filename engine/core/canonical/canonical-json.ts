/**
 * Canonical JSON: object keys sorted by UTF-16 code units (as RFC 8785 does), no insignificant
 * whitespace, numbers in ECMAScript's shortest form. Two configs that differ only in key order
 * therefore serialise — and hash — identically.
 */
export function canonicalJson(value: unknown): string {
  return serialise(value, '');
}

function serialise(value: unknown, pointer: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Non-finite number at "${pointer}" has no JSON form`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        return '[' + value.map((item, i) => serialise(item === undefined ? null : item, `${pointer}/${i}`)).join(',') + ']';
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).filter((key) => record[key] !== undefined).sort();
      return '{' + keys.map((key) => JSON.stringify(key) + ':' + serialise(record[key], `${pointer}/${key}`)).join(',') + '}';
    }
    default:
      throw new TypeError(`Value of type ${typeof value} at "${pointer}" has no JSON form`);
  }
}
