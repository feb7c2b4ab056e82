/**
 * The standard's elements other than materials and scenarios (those are lists of things with their
 * own section). Most elements are compared as whole values, shown the way the guide shows them;
 * the lists whose entries are independent facts — 受理条件, 服务对象, 行使层级, 属地可设字段 —
 * report each added or removed entry, because "one more acceptance condition" is the news, not
 * "the list changed".
 */
import { makeChange, presenceKind } from './change-builder.js';
import { isRecord, rankBy, sameValue, unionKeys } from './json-values.js';
import { pointer } from './json-pointer.js';
import { matchByKey, movedIdentities } from './keyed-lists.js';
import { STANDARD_ELEMENTS, standardElementLabel } from './standard-labels.js';
import { genericText, isCoded, localFieldText, standardElementText } from './value-text.js';
import type { DiffChange } from './types.js';

const BASE = '/standard';

/** How entries of list elements are identified: coded values by code, strings by themselves. */
const ENTRY_LISTS: Record<string, { keyOf: (entry: unknown) => string | undefined; text: (entry: unknown) => string; ordered: boolean }> = {
  serviceObjects: { keyOf: (e) => (isCoded(e) ? e.code : undefined), text: genericText, ordered: false },
  exerciseLevels: { keyOf: (e) => (isCoded(e) ? e.code : undefined), text: genericText, ordered: false },
  // The guide prints acceptance conditions in order, so a reordering is worth a line; a set of local fields has no order.
  acceptanceConditions: { keyOf: (e) => (typeof e === 'string' ? e : undefined), text: genericText, ordered: true },
  localFields: { keyOf: (e) => (typeof e === 'string' ? e : undefined), text: localFieldText, ordered: false },
};

/**
 * The channel decides (a runtime at the wrong kind of window redirects), and so does 容缺受理: an
 * application missing only 容缺后补 materials is accepted on commitment or told to supplement.
 */
const affectsDecision = (key: string) => key === 'channel' || key === 'deferredAcceptance';

/** Elements handled by their own sections. */
const OWN_SECTIONS = new Set(['materials', 'scenarios']);

export function diffStandard(from: unknown, to: unknown): DiffChange[] {
  const changes: DiffChange[] = [];
  for (const key of unionKeys(from, to, rankBy(STANDARD_ELEMENTS))) {
    if (OWN_SECTIONS.has(key)) continue;
    const before = isRecord(from) ? from[key] : undefined;
    const after = isRecord(to) ? to[key] : undefined;
    if (sameValue(before, after)) continue;
    const entries = ENTRY_LISTS[key];
    if (entries && Array.isArray(before) && Array.isArray(after)) changes.push(...diffEntries(key, before, after, entries));
    else changes.push(valueChange(key, before, after));
  }
  return changes;
}

function valueChange(key: string, before: unknown, after: unknown): DiffChange {
  return makeChange({
    section: 'standard',
    kind: presenceKind(before, after),
    pointer: pointer(BASE, key),
    label: standardElementLabel(key),
    before,
    after,
    beforeText: standardElementText(key, before),
    afterText: standardElementText(key, after),
    affectsDecision: affectsDecision(key),
  });
}

function diffEntries(key: string, before: unknown[], after: unknown[], list: (typeof ENTRY_LISTS)[string]): DiffChange[] {
  const label = standardElementLabel(key);
  const common = { section: 'standard' as const, label, affectsDecision: affectsDecision(key) };
  const match = matchByKey(before, after, list.keyOf);
  const changes: DiffChange[] = [
    ...match.added.map((e) => makeChange({ ...common, kind: 'added', pointer: pointer(BASE, key, e.index), after: e.item, afterText: list.text(e.item) })),
    ...match.removed.map((e) => makeChange({ ...common, kind: 'removed', pointer: pointer(BASE, key, e.index), before: e.item, beforeText: list.text(e.item) })),
  ];
  for (const c of match.common) {
    // Same code, different label (a relabelled service object): the entry itself changed.
    if (sameValue(c.from.item, c.to.item)) continue;
    changes.push(makeChange({
      ...common, kind: 'changed', pointer: pointer(BASE, key, c.to.index), fromPointer: pointer(BASE, key, c.from.index),
      before: c.from.item, after: c.to.item, beforeText: list.text(c.from.item), afterText: list.text(c.to.item),
    }));
  }
  if (list.ordered && movedIdentities(match.common).size > 0) {
    // One line for the element: which single condition "moved" is rarely what the author meant.
    changes.push(makeChange({ ...common, kind: 'moved', pointer: pointer(BASE, key), before, after, beforeText: standardElementText(key, before), afterText: standardElementText(key, after) }));
  }
  return changes;
}
