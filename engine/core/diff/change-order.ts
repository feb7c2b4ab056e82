/**
 * The order of changes in a diff. It depends only on what changed, never on which side was "from":
 * diff(a, b) and diff(b, a) list mirrored changes in the same order, and the same two versions always
 * give the same report.
 */
import { stableKey } from './json-values.js';
import { pointerTokens } from './json-pointer.js';
import { STANDARD_ELEMENTS } from './standard-labels.js';
import { DIFF_SECTIONS, type ChangeKind, type DiffChange } from './types.js';

const sectionRank = new Map(DIFF_SECTIONS.map((s, i) => [s, i]));
const elementRank = new Map(STANDARD_ELEMENTS.map((k, i) => [k, i]));
/** Added and removed rank the same: they swap when the direction does. */
const kindRank: Record<ChangeKind, number> = { added: 0, removed: 0, renamed: 1, changed: 1, moved: 2 };

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const isIndex = (t: string) => /^(0|[1-9]\d*)$/.test(t);

/** Token by token; list indices numerically; the standard's elements in schema order (as the guide prints them). */
export function comparePointers(a: string, b: string): number {
  const ta = pointerTokens(a);
  const tb = pointerTokens(b);
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i] as string;
    const y = tb[i] as string;
    if (x === y) continue;
    if (isIndex(x) && isIndex(y)) return Number(x) - Number(y);
    if (i === 1 && ta[0] === 'standard' && tb[0] === 'standard') {
      const rank = (elementRank.get(x) ?? STANDARD_ELEMENTS.length) - (elementRank.get(y) ?? STANDARD_ELEMENTS.length);
      if (rank !== 0) return rank;
    }
    return compareStrings(x, y);
  }
  return ta.length - tb.length;
}

/** Both locations of a change, earliest first, so that swapping `pointer` and `fromPointer` changes nothing. */
function locations(change: DiffChange): [string, string] {
  const other = change.fromPointer ?? change.pointer;
  return comparePointers(change.pointer, other) <= 0 ? [change.pointer, other] : [other, change.pointer];
}

export function compareChanges(a: DiffChange, b: DiffChange): number {
  const [a1, a2] = locations(a);
  const [b1, b2] = locations(b);
  return (
    (sectionRank.get(a.section) ?? 0) - (sectionRank.get(b.section) ?? 0) ||
    comparePointers(a1, b1) ||
    comparePointers(a2, b2) ||
    kindRank[a.kind] - kindRank[b.kind] ||
    compareStrings(a.label, b.label) ||
    // An entry removed and another added at the same index: order by the entry itself.
    compareStrings(stableKey(a.before !== undefined ? a.before : a.after), stableKey(b.before !== undefined ? b.before : b.after))
  );
}
