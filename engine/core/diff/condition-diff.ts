/**
 * Rule conditions compared node by node, each changed condition read as a sentence: a reviewer
 * reads 「条件：年龄 不小于 60 → 不小于 63」 instead of a pointer and two JSON trees. Nodes are
 * paired by position (the designer edits conditions in place); the pointer stays on the aspect so
 * that the designer can still point at the condition.
 */
import { cloneJson, isRecord, rankBy, sameValue, stableKey, unionKeys } from './json-values.js';
import { pointer } from './json-pointer.js';
import { conditionSentence, factSubject, isLeaf, leafPredicate } from './condition-sentence.js';
import type { SideFacts } from './side-facts.js';
import { genericText } from './value-text.js';
import { uiText } from '../i18n/catalogue/catalogue.js';
import type { DiffAspect } from './types.js';

export interface FactSides {
  from: SideFacts;
  to: SideFacts;
}

type NodeShape = 'all' | 'any' | 'not' | 'leaf' | 'other';

function shapeOf(node: unknown): NodeShape {
  if (!isRecord(node)) return 'other';
  if (Array.isArray(node.all)) return 'all';
  if (Array.isArray(node.any)) return 'any';
  if ('not' in node) return 'not';
  return typeof node.fact === 'string' ? 'leaf' : 'other';
}

/** `optional: false` and no `optional` mean the same: a missing fact makes the rule undecidable. */
function normalisedLeaf(node: Record<string, unknown>): Record<string, unknown> {
  const out = { ...node };
  if (out.optional !== true) delete out.optional;
  return out;
}

function aspect(at: string, before: unknown, after: unknown, beforeText: string | undefined, afterText: string | undefined, subject?: string): DiffAspect {
  const out: DiffAspect = { key: 'condition', label: uiText('designer.rules.condition'), pointer: at };
  if (subject !== undefined) out.subject = subject;
  if (before !== undefined) out.before = cloneJson(before);
  if (after !== undefined) out.after = cloneJson(after);
  if (before !== undefined && beforeText !== undefined) out.beforeText = beforeText;
  if (after !== undefined && afterText !== undefined) out.afterText = afterText;
  return out;
}

/** What a sentence leaves out (the fact's key, its parameters), for two conditions that read alike. */
function technicalNote(node: unknown): string {
  if (!isRecord(node)) return genericText(node);
  const path = typeof node.path === 'string' ? ` ${node.path}` : '';
  const params = node.params === undefined ? '' : ` ${stableKey(node.params)}`;
  return `${genericText(node.fact)}${path}${params}`;
}

function leafAspect(at: string, a: Record<string, unknown>, b: Record<string, unknown>, sides: FactSides): DiffAspect | undefined {
  const na = normalisedLeaf(a);
  const nb = normalisedLeaf(b);
  if (sameValue(na, nb)) return undefined;
  const subjectA = factSubject(a, sides.from);
  const subjectB = factSubject(b, sides.to);
  // 「未填写时视为不成立」 on both sides is not news: only a change of it is told.
  const optionalNews = (a.optional === true) !== (b.optional === true);
  const predicateA = leafPredicate(a, sides.from, optionalNews);
  const predicateB = leafPredicate(b, sides.to, optionalNews);
  if (subjectA === subjectB && predicateA !== predicateB) return aspect(at, na, nb, predicateA, predicateB, subjectA);
  const sentenceA = `${subjectA} ${predicateA}`;
  const sentenceB = `${subjectB} ${predicateB}`;
  // The same sentence from different JSON: the field it names was re-keyed, or a parameter changed.
  if (sentenceA === sentenceB) return aspect(at, na, nb, `${sentenceA}${uiText('core.diff.value.note', 'zh-CN', { note: technicalNote(a) })}`, `${sentenceB}${uiText('core.diff.value.note', 'zh-CN', { note: technicalNote(b) })}`);
  return aspect(at, na, nb, sentenceA, sentenceB);
}

/** Aspects for every difference between two condition nodes at `at` (relative to the rule). */
export function diffConditions(before: unknown, after: unknown, sides: FactSides, at = '/conditions'): DiffAspect[] {
  if (sameValue(before, after)) return [];
  const shape = shapeOf(before);
  if (before === undefined || after === undefined || shape !== shapeOf(after) || shape === 'other') {
    const text = (node: unknown, side: SideFacts) => (node === undefined ? undefined : conditionSentence(node, side));
    return [aspect(at, before, after, text(before, sides.from), text(after, sides.to))];
  }
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  if (shape === 'leaf' && isLeaf(a) && isLeaf(b)) {
    const leaf = leafAspect(at, a, b, sides);
    return leaf ? [leaf] : [];
  }
  const aspects: DiffAspect[] = [];
  if (shape === 'all' || shape === 'any') {
    const listA = a[shape] as unknown[];
    const listB = b[shape] as unknown[];
    for (let i = 0; i < Math.max(listA.length, listB.length); i++) aspects.push(...diffConditions(listA[i], listB[i], sides, pointer(at, shape, i)));
  } else if (shape === 'not') {
    aspects.push(...diffConditions(a.not, b.not, sides, pointer(at, 'not')));
  }
  // Whatever else a compound node carries (a name, a priority).
  for (const key of unionKeys(a, b, rankBy([]))) {
    if (key === shape || sameValue(a[key], b[key])) continue;
    const extra: DiffAspect = { key: `conditions.${key}`, label: uiText('core.diff.condition.groupKey', 'zh-CN', { key }), pointer: at };
    if (a[key] !== undefined) { extra.before = cloneJson(a[key]); extra.beforeText = genericText(a[key]); }
    if (b[key] !== undefined) { extra.after = cloneJson(b[key]); extra.afterText = genericText(b[key]); }
    aspects.push(extra);
  }
  return aspects;
}
