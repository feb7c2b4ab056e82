/**
 * The diff read the other way round. diffConfigs(b, a) must equal mirrorDiff(diffConfigs(a, b)):
 * added and removed swap, before and after swap, and a thing found at different places on the two
 * sides swaps `pointer` and `fromPointer`. Everything else — labels, order, sections — stays.
 */
import type { ChangeKind, ConfigDiff, DiffAspect, DiffChange } from './types.js';

const MIRRORED: Record<ChangeKind, ChangeKind> = { added: 'removed', removed: 'added', changed: 'changed', moved: 'moved', renamed: 'renamed' };

function swapSides<T extends { before?: unknown; after?: unknown; beforeText?: string; afterText?: string }>(source: T, target: T): void {
  delete target.before;
  delete target.after;
  delete target.beforeText;
  delete target.afterText;
  if (source.after !== undefined) target.before = source.after;
  if (source.before !== undefined) target.after = source.before;
  if (source.afterText !== undefined) target.beforeText = source.afterText;
  if (source.beforeText !== undefined) target.afterText = source.beforeText;
}

function mirrorAspect(aspect: DiffAspect): DiffAspect {
  const out: DiffAspect = { ...aspect };
  swapSides(aspect, out);
  return out;
}

function mirrorChange(change: DiffChange): DiffChange {
  const out: DiffChange = { ...change, kind: MIRRORED[change.kind] };
  swapSides(change, out);
  if (change.fromPointer !== undefined) {
    out.pointer = change.fromPointer;
    out.fromPointer = change.pointer;
  }
  if (change.aspects) out.aspects = change.aspects.map(mirrorAspect);
  return out;
}

export function mirrorDiff(diff: ConfigDiff): ConfigDiff {
  const swap = <T extends Record<ChangeKind, number>>(k: T): T => ({ ...k, added: k.removed, removed: k.added });
  return {
    changes: diff.changes.map(mirrorChange),
    summary: {
      ...diff.summary,
      kinds: swap(diff.summary.kinds),
      sections: Object.fromEntries(Object.entries(diff.summary.sections).map(([s, k]) => [s, swap(k)])) as typeof diff.summary.sections,
    },
  };
}
