/**
 * Matching list entries by identity (a material's id, a rule's name) instead of by position, and
 * telling which matched entries were reordered.
 *
 * Both answers must not depend on the direction of the diff: diff(a, b) and diff(b, a) have to
 * report the same entries as moved, or an auditor comparing v3 → v5 and v5 → v3 would read two
 * different stories.
 */
import { stableKey } from './json-values.js';

export interface KeyedEntry<T> {
  /** Identity: the key, qualified by its occurrence number when a (malformed) list repeats a key. */
  identity: string;
  item: T;
  index: number;
}

export interface KeyedMatch<T> {
  added: KeyedEntry<T>[];
  removed: KeyedEntry<T>[];
  common: { identity: string; from: KeyedEntry<T>; to: KeyedEntry<T> }[];
}

/**
 * Entries without a usable key (a material without an id in a half-written draft) are identified by
 * their whole value, so they still match when unchanged.
 */
function identities<T>(list: readonly T[], keyOf: (item: T) => string | undefined): KeyedEntry<T>[] {
  const seen = new Map<string, number>();
  return list.map((item, index) => {
    const key = keyOf(item) ?? `\u0000value:${stableKey(item)}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    // The k-th occurrence on one side matches the k-th on the other, whichever side is "from".
    return { identity: occurrence === 0 ? key : `${key}\u0000${occurrence}`, item, index };
  });
}

export function matchByKey<T>(from: readonly T[], to: readonly T[], keyOf: (item: T) => string | undefined): KeyedMatch<T> {
  const fromEntries = identities(from, keyOf);
  const toEntries = identities(to, keyOf);
  const toByIdentity = new Map(toEntries.map((e) => [e.identity, e]));
  const fromIdentities = new Set(fromEntries.map((e) => e.identity));
  return {
    added: toEntries.filter((e) => !fromIdentities.has(e.identity)),
    removed: fromEntries.filter((e) => !toByIdentity.has(e.identity)),
    common: fromEntries.filter((e) => toByIdentity.has(e.identity)).map((e) => ({ identity: e.identity, from: e, to: toByIdentity.get(e.identity) as KeyedEntry<T> })),
  };
}

/** Length of the longest strictly increasing subsequence (patience sorting). */
function longestIncreasing(values: readonly number[]): number {
  const tails: number[] = [];
  for (const v of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
  }
  return tails.length;
}

/**
 * The matched entries that were reordered: all but a largest set of entries that kept their
 * relative order. Insertions and removals shift indices but move nothing.
 *
 * A largest such set is rarely unique (swap two entries: either one "moved"). We pick it
 * canonically — prefer keeping entries with smaller identities — and every test below only asks
 * whether entries keep their relative order, which reads the same from both sides.
 */
export function movedIdentities(common: readonly { identity: string; from: { index: number }; to: { index: number } }[]): Set<string> {
  const byFrom = [...common].sort((x, y) => x.from.index - y.from.index);
  const toIndex = byFrom.map((c) => c.to.index);
  const consistent = (i: number, j: number) => (i < j) === ((toIndex[i] as number) < (toIndex[j] as number)) || i === j;
  const best = longestIncreasing(toIndex);
  let allowed = byFrom.map(() => true);
  const kept = new Set<string>();
  const byIdentity = byFrom.map((c, i) => [c.identity, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [identity, i] of byIdentity) {
    if (!allowed[i]) continue;
    // Can a largest order-keeping set contain everything kept so far and this entry?
    const trial = allowed.map((ok, j) => ok && consistent(i, j));
    if (longestIncreasing(toIndex.filter((_, j) => trial[j])) === best) {
      allowed = trial;
      kept.add(identity);
    }
  }
  return new Set(byFrom.filter((c) => !kept.has(c.identity)).map((c) => c.identity));
}
