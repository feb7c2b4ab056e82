/**
 * Value helpers for configs that arrive as untyped JSON. Drafts may be incomplete or malformed, so
 * nothing in the diff trusts the declared types: it checks shapes and never throws.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A string that is equal for equal JSON values whatever the key order — the diff compares meaning,
 * and `{a, b}` means the same as `{b, a}`. Unlike canonicalJson it never throws (NaN, functions).
 */
export function stableKey(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') return String(value);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableKey(record[k])}`).join(',')}}`;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || stableKey(a) === stableKey(b);
}

/** A deep copy, so that a diff does not share (and cannot be corrupted through) the configs' objects. */
export function cloneJson<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (v !== undefined) out[k] = cloneJson(v);
  return out as T;
}

/** Union of the keys of two values (non-objects have none), in a direction-independent order. */
export function unionKeys(a: unknown, b: unknown, rank: (key: string) => number = () => 0): string[] {
  const keys = new Set<string>();
  if (isRecord(a)) for (const [k, v] of Object.entries(a)) if (v !== undefined) keys.add(k);
  if (isRecord(b)) for (const [k, v] of Object.entries(b)) if (v !== undefined) keys.add(k);
  return [...keys].sort((x, y) => rank(x) - rank(y) || (x < y ? -1 : x > y ? 1 : 0));
}

/** `record[key]` when `record` is an object, else undefined. */
export function field(record: unknown, key: string): unknown {
  return isRecord(record) ? record[key] : undefined;
}

/** A rank function from an ordered list: listed keys first, in list order; the rest after. */
export function rankBy(order: readonly string[]): (key: string) => number {
  const ranks = new Map(order.map((k, i) => [k, i]));
  return (key) => ranks.get(key) ?? order.length;
}
