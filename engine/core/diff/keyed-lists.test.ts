import { describe, expect, it } from 'vitest';
import { matchByKey, movedIdentities } from './keyed-lists.js';
import { seededRng } from './config-mutator.js';

const ids = (list: string[]) => list.map((id) => ({ id }));
const keyOf = (item: { id?: string; name?: string }) => item.id;

function moved(from: string[], to: string[]): string[] {
  return [...movedIdentities(matchByKey(ids(from), ids(to), keyOf).common)].sort();
}

function permutations(list: string[]): string[][] {
  if (list.length <= 1) return [list];
  return list.flatMap((x, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/** Longest common subsequence length of two orderings of the same entries. */
function keptLength(from: string[], to: string[]): number {
  const dp = Array.from({ length: from.length + 1 }, () => new Array<number>(to.length + 1).fill(0));
  for (let i = 1; i <= from.length; i++) {
    for (let j = 1; j <= to.length; j++) {
      dp[i]![j] = from[i - 1] === to[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
    }
  }
  return dp[from.length]![to.length]!;
}

describe('matchByKey', () => {
  it('matches entries by key and reports what was added and removed, with their indices', () => {
    const match = matchByKey(ids(['a', 'b', 'c']), ids(['c', 'd', 'a']), keyOf);
    expect(match.added).toEqual([{ identity: 'd', item: { id: 'd' }, index: 1 }]);
    expect(match.removed).toEqual([{ identity: 'b', item: { id: 'b' }, index: 1 }]);
    expect(match.common.map((c) => [c.identity, c.from.index, c.to.index])).toEqual([['a', 0, 2], ['c', 2, 0]]);
  });

  it('pairs the k-th repeat of a key with the k-th repeat on the other side', () => {
    const match = matchByKey(['x', 'y', 'x'], ['x', 'y'], (s) => s);
    expect(match.removed.map((e) => e.index)).toEqual([2]);
    expect(match.added).toEqual([]);
    expect(matchByKey(['x', 'y'], ['x', 'y', 'x'], (s) => s).added.map((e) => e.index)).toEqual([2]);
  });

  it('identifies entries without a key by their value', () => {
    const match = matchByKey([{ name: 'a' }, { id: 'k' }], [{ id: 'k' }, { name: 'a' }], keyOf);
    expect(match.added).toEqual([]);
    expect(match.removed).toEqual([]);
    expect(match.common).toHaveLength(2);
    expect(matchByKey([{ name: 'a' }], [{ name: 'b' }], keyOf)).toMatchObject({ added: [{ index: 0 }], removed: [{ index: 0 }], common: [] });
  });
});

describe('movedIdentities', () => {
  it('reports nothing when entries only shift because others were inserted or removed', () => {
    expect(moved(['a', 'b', 'c'], ['x', 'a', 'b', 'y', 'c'])).toEqual([]);
    expect(moved(['a', 'b', 'c', 'd'], ['b', 'd'])).toEqual([]);
  });

  it('reports the one entry that was moved, not the ones it jumped over', () => {
    expect(moved(['a', 'b', 'c', 'd', 'e'], ['e', 'a', 'b', 'c', 'd'])).toEqual(['e']);
    expect(moved(['a', 'b', 'c', 'd', 'e'], ['b', 'c', 'd', 'e', 'a'])).toEqual(['a']);
  });

  it('breaks ties the same way in both directions: of two swapped entries the larger identity moved', () => {
    expect(moved(['a', 'b'], ['b', 'a'])).toEqual(['b']);
    expect(moved(['b', 'a'], ['a', 'b'])).toEqual(['b']);
    expect(moved(['p', 'q', 'r'], ['r', 'q', 'p'])).toEqual(['q', 'r']);
  });

  it('for every pair of orderings of four entries: as few moves as possible, the same set both ways', () => {
    const all = permutations(['a', 'b', 'c', 'd']);
    for (const from of all) {
      for (const to of all) {
        const forward = moved(from, to);
        expect(forward, `${from} → ${to}`).toEqual(moved(to, from));
        expect(forward.length).toBe(from.length - keptLength(from, to));
        // What stays keeps its relative order.
        const kept = from.filter((id) => !forward.includes(id));
        expect(to.filter((id) => kept.includes(id))).toEqual(kept);
      }
    }
  });

  it('stays minimal and symmetric on random orderings of twelve entries', () => {
    const rng = seededRng(42);
    const base = 'abcdefghijkl'.split('');
    for (let round = 0; round < 200; round++) {
      const shuffle = (list: string[]) => list.map((x) => [rng.next(), x] as const).sort(([p], [q]) => p - q).map(([, x]) => x);
      const from = shuffle(base);
      const to = shuffle(base);
      const forward = moved(from, to);
      expect(forward).toEqual(moved(to, from));
      expect(forward.length).toBe(base.length - keptLength(from, to));
    }
  });
});
