/**
 * A generic three-way merge of JSON values (base, mine, theirs). An edit one side made and the other
 * did not touch is kept; only where both sides changed the same thing differently is there a
 * conflict. Objects merge per property; arrays whose elements carry a stable id merge per element
 * (so an edit to one material and an edit to another never collide, whatever their positions);
 * lists of plain values (material ids of a scenario, 属地可设字段, `required`) merge as sets.
 * Anything else both sides changed is a conflict of the whole value, resolved by a caller's choice.
 */
import { isRecord, sameValue } from '../diff/json-values.js';

/** One step into a JSON value: a property, an element by its id, or an element by position. */
export type MergeStep = string | { id: string } | { index: number };
export type MergePath = readonly MergeStep[];

export type MergeSide = 'mine' | 'theirs';

export interface MergeConflict {
  /** Stable across re-runs of the same merge: the caller's choice is keyed by it. */
  key: string;
  path: MergePath;
  /** `undefined`: absent on that side (deleted, or never there). */
  base: unknown;
  mine: unknown;
  theirs: unknown;
}

/** An edit of the other author's that the merge took over (for telling the author what came in). */
export interface MergedChange {
  key: string;
  path: MergePath;
  base: unknown;
  theirs: unknown;
}

export interface MergeResult<T> {
  merged: T;
  conflicts: MergeConflict[];
  fromTheirs: MergedChange[];
}

export interface MergeOptions {
  /**
   * The properties that may identify elements of the array at this path, in order of preference:
   * the first one unique on every side is used. Empty when the elements have no identity.
   */
  identity?: (path: MergePath) => readonly string[];
  /** Values merged as a whole, never per property (a coded value's code and label go together). */
  atomic?: (value: unknown) => boolean;
  /** Which side wins a conflict; unresolved conflicts keep mine (and are reported). */
  choices?: Readonly<Record<string, MergeSide>>;
}

export function pathKey(path: MergePath): string {
  return path.map((s) => (typeof s === 'string' ? `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}` : 'id' in s ? `/[${s.id}]` : `/#${s.index}`)).join('');
}

const same = (a: unknown, b: unknown) => (a === undefined || b === undefined ? a === b : sameValue(a, b));

interface Run {
  identity: (path: MergePath) => readonly string[];
  atomic: (value: unknown) => boolean;
  choices: Readonly<Record<string, MergeSide>>;
  conflicts: MergeConflict[];
  fromTheirs: MergedChange[];
}

export function mergeThreeWay<T>(base: T, mine: T, theirs: T, options: MergeOptions = {}): MergeResult<T> {
  const run: Run = { identity: options.identity ?? (() => []), atomic: options.atomic ?? (() => false), choices: options.choices ?? {}, conflicts: [], fromTheirs: [] };
  const merged = mergeValue(base, mine, theirs, [], run) as T;
  return { merged, conflicts: run.conflicts, fromTheirs: run.fromTheirs };
}

function mergeValue(base: unknown, mine: unknown, theirs: unknown, path: MergePath, run: Run): unknown {
  if (same(mine, theirs)) return mine;
  if (same(base, mine)) {
    reportTheirs(base, theirs, path, run);
    return theirs;
  }
  if (same(base, theirs)) return mine;
  if (isObject(mine, run) && isObject(theirs, run)) {
    return mergeObjects(isRecord(base) && !Array.isArray(base) ? base : {}, mine, theirs, path, run);
  }
  if (Array.isArray(mine) && Array.isArray(theirs)) {
    const baseList = Array.isArray(base) ? base : [];
    const idKey = run.identity(path).find((key) => [baseList, mine, theirs].every((list) => hasUniqueIds(list, key)));
    if (idKey) return mergeById(baseList, mine, theirs, idKey, path, run);
    if ([baseList, mine, theirs].every(isPlainSet)) return mergeSets(baseList, mine, theirs, path, run);
    if (Array.isArray(base) && base.length === mine.length && base.length === theirs.length) {
      return mine.map((m, index) => mergeValue(base[index], m, theirs[index], [...path, { index }], run));
    }
  }
  return conflict(base, mine, theirs, path, run);
}

function isObject(value: unknown, run: Run): value is Record<string, unknown> {
  return isRecord(value) && !Array.isArray(value) && !run.atomic(value);
}

/** The other author's edits, as finely as the merge itself would tell them apart. */
function reportTheirs(base: unknown, theirs: unknown, path: MergePath, run: Run): void {
  if (same(base, theirs)) return;
  if (isObject(base, run) && isObject(theirs, run)) {
    for (const key of new Set([...Object.keys(base), ...Object.keys(theirs)])) reportTheirs(base[key], theirs[key], [...path, key], run);
    return;
  }
  if (Array.isArray(base) && Array.isArray(theirs)) {
    const idKey = run.identity(path).find((key) => hasUniqueIds(base, key) && hasUniqueIds(theirs, key));
    if (idKey) {
      const renamed = renamedOn(base, theirs, idKey);
      const before = new Map(base.map((e) => [idOf(e, idKey) as string, e]));
      const after = new Map(theirs.map((e) => {
        const id = idOf(e, idKey) as string;
        return [renamed.get(id) ?? id, e];
      }));
      const changed = [...new Set([...after.keys(), ...before.keys()])].filter((id) => !same(before.get(id), after.get(id)));
      if (changed.length) {
        for (const id of changed) reportTheirs(before.get(id), after.get(id), [...path, { id }], run);
        return;
      }
    }
  }
  run.fromTheirs.push({ key: pathKey(path), path, base, theirs });
}

function conflict(base: unknown, mine: unknown, theirs: unknown, path: MergePath, run: Run): unknown {
  const key = pathKey(path);
  run.conflicts.push({ key, path, base, mine, theirs });
  return run.choices[key] === 'theirs' ? theirs : mine;
}

function mergeObjects(base: Record<string, unknown>, mine: Record<string, unknown>, theirs: Record<string, unknown>, path: MergePath, run: Run): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Mine's property order first, then properties only theirs has (an object's order carries no meaning for us).
  const keys = [...Object.keys(mine), ...Object.keys(theirs).filter((k) => !(k in mine)), ...Object.keys(base).filter((k) => !(k in mine) && !(k in theirs))];
  for (const key of keys) {
    const value = mergeValue(base[key], mine[key], theirs[key], [...path, key], run);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function idOf(element: unknown, idKey: string): string | undefined {
  const id = isRecord(element) ? element[idKey] : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function hasUniqueIds(list: readonly unknown[], idKey: string): boolean {
  const seen = new Set<string>();
  for (const element of list) {
    const id = idOf(element, idKey);
    if (id === undefined || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

function isPlainSet(list: readonly unknown[]): boolean {
  return list.every((v) => typeof v === 'string' || typeof v === 'number') && new Set(list).size === list.length;
}

/**
 * The merged order: the side that reordered the common elements decides it (mine when both did);
 * elements only the other side added are inserted after their predecessor on that side.
 */
function mergedOrder<K>(base: readonly K[], mine: readonly K[], theirs: readonly K[], kept: (k: K) => boolean): K[] {
  const inAll = (k: K) => base.includes(k) && mine.includes(k) && theirs.includes(k);
  const baseOrder = base.filter(inAll);
  const theirsReordered = !sameList(theirs.filter(inAll), baseOrder);
  const mineReordered = !sameList(mine.filter(inAll), baseOrder);
  const [lead, follow] = theirsReordered && !mineReordered ? [theirs, mine] : [mine, theirs];
  const order = lead.filter(kept);
  for (let i = 0; i < follow.length; i++) {
    const k = follow[i] as K;
    if (order.includes(k) || !kept(k)) continue;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const before = order.indexOf(follow[j] as K);
      if (before >= 0) {
        at = before + 1;
        break;
      }
    }
    order.splice(at, 0, k);
  }
  return order;
}

function sameList<K>(a: readonly K[], b: readonly K[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Elements one side renamed (the id is a name, as for rules and examples): the base element is gone
 * on that side and a new id stands at its position. They are merged as the same element, so that a
 * rename is not a deletion plus an addition — and an edit the other side made to it is kept.
 */
function renamedOn(base: readonly unknown[], side: readonly unknown[], idKey: string): Map<string, string> {
  const baseIds = new Set(base.map((e) => idOf(e, idKey) as string));
  const sideIds = new Set(side.map((e) => idOf(e, idKey) as string));
  const renamed = new Map<string, string>();
  base.forEach((element, i) => {
    const id = idOf(element, idKey) as string;
    const standing = idOf(side[i], idKey);
    if (!sideIds.has(id) && standing !== undefined && !baseIds.has(standing)) renamed.set(standing, id);
  });
  return renamed;
}

function mergeById(base: readonly unknown[], mine: readonly unknown[], theirs: readonly unknown[], idKey: string, path: MergePath, run: Run): unknown[] {
  // Keyed by the base's id where a side renamed an element.
  const index = (list: readonly unknown[], renamed: Map<string, string>) =>
    new Map(list.map((e) => {
      const id = idOf(e, idKey) as string;
      return [renamed.get(id) ?? id, e];
    }));
  const [b, m, t] = [index(base, new Map()), index(mine, renamedOn(base, mine, idKey)), index(theirs, renamedOn(base, theirs, idKey))];
  const values = new Map<string, unknown>();
  for (const id of new Set([...m.keys(), ...t.keys(), ...b.keys()])) {
    const value = mergeValue(b.get(id), m.get(id), t.get(id), [...path, { id }], run);
    if (value !== undefined) values.set(id, value);
  }
  return mergedOrder([...b.keys()], [...m.keys()], [...t.keys()], (id) => values.has(id)).map((id) => values.get(id));
}

function mergeSets(base: readonly unknown[], mine: readonly unknown[], theirs: readonly unknown[], path: MergePath, run: Run): unknown[] {
  const has = (list: readonly unknown[], v: unknown) => list.includes(v);
  const kept = (v: unknown) => {
    const inMine = has(mine, v);
    const inTheirs = has(theirs, v);
    if (inMine === inTheirs) return inMine;
    // One side added or removed it; the side equal to base did nothing.
    return has(base, v) ? inMine && inTheirs : true;
  };
  const order = mergedOrder(base, mine, theirs, kept);
  const added = order.filter((v) => !has(base, v) && !has(mine, v));
  const removed = base.filter((v) => has(mine, v) && !has(theirs, v));
  if (added.length || removed.length) run.fromTheirs.push({ key: pathKey(path), path, base, theirs });
  return order;
}
