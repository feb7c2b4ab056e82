/**
 * Lists of identified things — materials and scenarios — matched by `id`: added, removed, changed
 * (which properties) and moved (reordered relative to the others; see movedIdentities).
 */
import { makeAspect, makeChange } from './change-builder.js';
import { isRecord, rankBy, sameValue, unionKeys } from './json-values.js';
import { pointer } from './json-pointer.js';
import { matchByKey, movedIdentities, type KeyedEntry } from './keyed-lists.js';
import { genericText } from './value-text.js';
import type { DiffAspect, DiffChange, DiffSection } from './types.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

export type Side = 'from' | 'to';

export interface EntityListSpec {
  section: DiffSection;
  /** JSON pointer of the list, e.g. /standard/materials. */
  base: string;
  /** What one entry is called: 申请材料, 办理情形. */
  noun: string;
  /** Property order of the schema, so aspects read in the order the editor shows them. */
  properties: readonly string[];
  propertyLabel(key: string): string;
  /** How a property's value reads on one side (material names come from that side's config). */
  propertyText(key: string, value: unknown, side: Side): string;
  /** One line about an added or removed entry. */
  summaryText(entity: Record<string, unknown>, side: Side): string | undefined;
  affectsDecision: boolean;
}

const idOf = (entity: unknown) => (isRecord(entity) && typeof entity.id === 'string' ? entity.id : undefined);
const nameOf = (entity: unknown) => (isRecord(entity) && typeof entity.name === 'string' ? entity.name : undefined);

/**
 * 申请材料「居民身份证」 while the name is stable; just the noun when the name itself changed, so
 * that the label reads the same in both directions (the rename is the change's first aspect).
 */
function entityLabel(noun: string, before: unknown, after: unknown): string {
  const names = [before, after].filter((e) => e !== undefined).map(nameOf);
  if (names.length > 0 && names.every((n) => n !== undefined && n === names[0])) return uiText('core.diff.label.named', 'zh-CN', { noun, name: names[0] as string });
  if (names.some((n) => n !== undefined)) return noun;
  const id = idOf(before ?? after);
  return id === undefined ? noun : uiText('core.diff.label.coded', 'zh-CN', { noun, id });
}

/**
 * Removed and added entries with the same name: one entry whose id changed. The k-th removed pairs
 * with the k-th added of a name, only when both sides have as many of that name (direction-free).
 */
function pairByName<T>(removed: KeyedEntry<T>[], added: KeyedEntry<T>[]): { from: KeyedEntry<T>; to: KeyedEntry<T> }[] {
  const pairs: { from: KeyedEntry<T>; to: KeyedEntry<T> }[] = [];
  const names = new Set(removed.map((e) => nameOf(e.item)).filter((n): n is string => n !== undefined));
  for (const name of names) {
    const from = removed.filter((e) => nameOf(e.item) === name);
    const to = added.filter((e) => nameOf(e.item) === name);
    if (from.length !== to.length) continue;
    from.forEach((e, k) => pairs.push({ from: e, to: to[k] as KeyedEntry<T> }));
  }
  return pairs;
}

const positionText = (index: unknown) => uiText('core.config.standard.nth', 'zh-CN', { n: (index as number) + 1 });

export function diffEntityList(spec: EntityListSpec, before: unknown, after: unknown): DiffChange[] {
  const list = (v: unknown) => (v === undefined ? [] : v);
  const fromList = list(before);
  const toList = list(after);
  if (!Array.isArray(fromList) || !Array.isArray(toList)) {
    if (sameValue(before, after)) return [];
    return [makeChange({
      section: spec.section, kind: 'changed', pointer: spec.base, label: spec.noun, before, after,
      beforeText: genericText(before), afterText: genericText(after), affectsDecision: spec.affectsDecision,
    })];
  }
  const common = { section: spec.section, affectsDecision: spec.affectsDecision };
  const summary = (entity: unknown, side: Side) => (isRecord(entity) ? spec.summaryText(entity, side) : genericText(entity));
  const match = matchByKey(fromList, toList, idOf);
  const reKeyed = pairByName(match.removed, match.added);
  const pairedFrom = new Set(reKeyed.map((p) => p.from));
  const pairedTo = new Set(reKeyed.map((p) => p.to));
  const changes: DiffChange[] = [
    ...match.added.filter((e) => !pairedTo.has(e)).map((e) => makeChange({ ...common, kind: 'added', pointer: pointer(spec.base, e.index), label: entityLabel(spec.noun, undefined, e.item), after: e.item, afterText: summary(e.item, 'to') })),
    ...match.removed.filter((e) => !pairedFrom.has(e)).map((e) => makeChange({ ...common, kind: 'removed', pointer: pointer(spec.base, e.index), label: entityLabel(spec.noun, e.item, undefined), before: e.item, beforeText: summary(e.item, 'from') })),
  ];
  const moved = movedIdentities(match.common);
  for (const c of match.common) {
    const at = { pointer: pointer(spec.base, c.to.index), fromPointer: pointer(spec.base, c.from.index), label: entityLabel(spec.noun, c.from.item, c.to.item) };
    if (!sameValue(c.from.item, c.to.item)) {
      const renamed = nameOf(c.from.item) !== undefined && nameOf(c.to.item) !== undefined && nameOf(c.from.item) !== nameOf(c.to.item);
      changes.push(makeChange({ ...common, ...at, kind: renamed ? 'renamed' : 'changed', aspects: propertyAspects(spec, c.from.item, c.to.item) }));
    }
    if (moved.has(c.identity)) {
      changes.push(makeChange({ ...common, ...at, kind: 'moved', before: c.from.index, after: c.to.index, beforeText: positionText(c.from.index), afterText: positionText(c.to.index) }));
    }
  }
  for (const c of reKeyed) {
    // The same name under a new id: one entry renamed (its id is internal), with whatever else changed.
    changes.push(makeChange({
      ...common, kind: 'renamed', pointer: pointer(spec.base, c.to.index), fromPointer: pointer(spec.base, c.from.index),
      label: entityLabel(spec.noun, c.from.item, c.to.item), aspects: propertyAspects(spec, c.from.item, c.to.item),
    }));
  }
  return changes;
}

function propertyAspects(spec: EntityListSpec, before: unknown, after: unknown): DiffAspect[] {
  if (!isRecord(before) || !isRecord(after)) return [makeAspect('', spec.noun, before, after, genericText)];
  // A rename leads with the name, then the (internal) id.
  const rank = rankBy(['name', 'id', ...spec.properties]);
  return unionKeys(before, after, rank)
    .filter((key) => !sameValue(before[key], after[key]))
    .map((key) => makeAspect(key, key === 'id' ? uiText('core.diff.label.internal', 'zh-CN', { label: spec.propertyLabel(key) }) : spec.propertyLabel(key), before[key], after[key], {
      before: (v) => spec.propertyText(key, v, 'from'),
      after: (v) => spec.propertyText(key, v, 'to'),
    }));
}
