/**
 * Rule conditions compared node by node, so a reviewer reads "条件 /conditions/all/1 比较值：16 → 18"
 * instead of two whole condition trees. Nodes are paired by position: the pointer is how authors
 * and the designer name a condition.
 */
import { makeAspect } from './change-builder.js';
import { isRecord, rankBy, sameValue, unionKeys } from './json-values.js';
import { pointer } from './json-pointer.js';
import { conditionText, genericText, operatorText } from './value-text.js';
import type { DiffAspect } from './types.js';

const LEAF_FIELDS: [key: string, label: string][] = [
  ['fact', '事实'],
  ['path', '路径'],
  ['operator', '运算符'],
  ['value', '比较值'],
  ['optional', '可缺省'],
  ['params', '参数'],
];
const fieldLabels = new Map(LEAF_FIELDS);
const fieldRank = rankBy(LEAF_FIELDS.map(([key]) => key));

type NodeShape = 'all' | 'any' | 'not' | 'leaf' | 'other';

function shapeOf(node: unknown): NodeShape {
  if (!isRecord(node)) return 'other';
  if (Array.isArray(node.all)) return 'all';
  if (Array.isArray(node.any)) return 'any';
  if ('not' in node) return 'not';
  return typeof node.fact === 'string' ? 'leaf' : 'other';
}

/** `optional: false` and no `optional` mean the same: a missing fact makes the rule undecidable. */
function normalised(node: Record<string, unknown>, key: string): unknown {
  return key === 'optional' ? node.optional === true : node[key];
}

function wholeNode(at: string, before: unknown, after: unknown): DiffAspect {
  return makeAspect('conditions', `条件 ${at}`, before, after, conditionText, at);
}

/** Aspects for every difference between two condition nodes at `at` (relative to the rule). */
export function diffConditions(before: unknown, after: unknown, at = '/conditions'): DiffAspect[] {
  if (sameValue(before, after)) return [];
  const shape = shapeOf(before);
  if (before === undefined || after === undefined || shape !== shapeOf(after) || shape === 'other') return [wholeNode(at, before, after)];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const aspects: DiffAspect[] = [];
  if (shape === 'all' || shape === 'any') {
    const listA = a[shape] as unknown[];
    const listB = b[shape] as unknown[];
    for (let i = 0; i < Math.max(listA.length, listB.length); i++) aspects.push(...diffConditions(listA[i], listB[i], pointer(at, shape, i)));
  } else if (shape === 'not') {
    aspects.push(...diffConditions(a.not, b.not, pointer(at, 'not')));
  }
  // Leaf fields, and whatever else a node carries (a name, a priority); compound nodes skip their children here.
  const skip = shape === 'leaf' ? undefined : shape;
  for (const key of unionKeys(a, b, fieldRank)) {
    if (key === skip) continue;
    const va = normalised(a, key);
    const vb = normalised(b, key);
    if (sameValue(va, vb)) continue;
    const label = fieldLabels.get(key) ?? key;
    aspects.push(makeAspect(`conditions.${key}`, `条件 ${at} ${label}`, va, vb, key === 'operator' ? operatorText : genericText, at));
  }
  return aspects;
}
