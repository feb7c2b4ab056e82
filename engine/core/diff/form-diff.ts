/**
 * Form fields matched by JSON pointer. The walk follows `properties`, nested objects, array `items`,
 * `definitions`, and the branches of conditional logic (`dependencies`, `then`/`else`, `allOf`/
 * `anyOf`/`oneOf`), because a field that only appears when another one has some value is still a
 * field the applicant fills in and the validator checks.
 *
 * A field added or removed is reported once: its sub-fields travel with it. A changed field lists
 * which aspects changed: type, format, options, required (read from the parent's `required`),
 * pattern, limits, title, … and "conditional logic" when its dependencies / if-then-else changed.
 */
import { makeAspect, makeChange } from './change-builder.js';
import { branchesOf, conditionalLogic, isConditionalKeyword, isOptionList } from './form-conditions.js';
import { keywordLabel, keywordRank, keywordText } from './form-keywords.js';
import { isRecord, sameValue, stableKey, unionKeys } from './json-values.js';
import { pointer } from './json-pointer.js';
import { constOptionsText, genericText, schemaFormatText, schemaTypeText } from './value-text.js';
import { schemaFieldTitles } from './side-facts.js';
import { conditionalFieldText, conditionalFields } from '../form/field-conditions.js';
import type { DiffAspect, DiffChange } from './types.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

const FIELD_NOUN = uiText('designer.rules.formFields');
const named = (noun: string, name: string) => uiText('core.diff.label.named', 'zh-CN', { noun, name });
const optionsText = (values: string) => uiText('core.diff.form.options', 'zh-CN', { values });

const BASE = '/form/schema';

type Role = 'root' | 'field' | 'items' | 'definition' | 'branch';

/** Keywords whose contents the walk visits as nodes of their own, when they have the expected shape. */
function isWalked(key: string, value: unknown): boolean {
  if (key === 'properties' || key === 'definitions' || key === '$defs') return isRecord(value);
  if (key === 'items') return isRecord(value) || Array.isArray(value);
  return false;
}

/** Both sides agree that `oneOf` lists options (or at most one side has it and it does). */
function oneOfIsOptions(a: unknown, b: unknown): boolean {
  const oa = isRecord(a) ? a.oneOf : undefined;
  const ob = isRecord(b) ? b.oneOf : undefined;
  return (oa !== undefined || ob !== undefined) && (oa === undefined || isOptionList(oa)) && (ob === undefined || isOptionList(ob));
}

/** `true` accepts anything and `false` nothing: reading them as 是/否 would mislead. */
function wholeSchemaText(schema: unknown): string {
  return schema === true ? uiText('core.diff.form.anyValue') : schema === false ? uiText('core.diff.form.noValue') : genericText(schema);
}

function ownKeywords(node: Record<string, unknown>, options: boolean): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined || key === 'required' || isWalked(key, value)) continue;
    if (isConditionalKeyword(key) && !(key === 'oneOf' && options)) continue;
    own[key] = value;
  }
  return own;
}

function requiredNames(node: Record<string, unknown>): string[] {
  return Array.isArray(node.required) ? node.required.filter((n): n is string => typeof n === 'string') : [];
}

/** Required entries that name no property of the node itself; those of its own properties are the fields' flags. */
function otherRequired(node: Record<string, unknown>): unknown[] | undefined {
  if (!Array.isArray(node.required)) return node.required === undefined ? undefined : [node.required];
  const own = isRecord(node.properties) ? node.properties : {};
  const others = node.required.filter((n) => typeof n !== 'string' || !(n in own));
  return others.length > 0 ? others : undefined;
}

/**
 * Conditional logic read as sentences where it has the designer's shape (当「户籍所在地」为「外盟市」时
 * 需填写「居住证编号」); hand-written logic that says nothing in that shape is only said to have changed.
 */
function logicSentences(node: Record<string, unknown>): string | undefined {
  const titleOf = schemaFieldTitles(node);
  const sentences = conditionalFields(node).map((field) => conditionalFieldText(field, titleOf));
  return sentences.length > 0 ? sentences.join(uiText('server.notice.clauseSeparator')) : undefined;
}

function conditionalAspect(a: Record<string, unknown>, b: Record<string, unknown>, logicA: unknown, logicB: unknown): DiffAspect {
  const aspect = makeAspect('conditional', keywordLabel('conditional'), logicA, logicB);
  const textA = logicA === undefined ? undefined : logicSentences(a);
  const textB = logicB === undefined ? undefined : logicSentences(b);
  // Texts only when they tell the difference: both sides read (or absent), and differently.
  const readable = (logicA === undefined || textA !== undefined) && (logicB === undefined || textB !== undefined) && textA !== textB;
  if (readable) {
    if (textA !== undefined) aspect.beforeText = textA;
    if (textB !== undefined) aspect.afterText = textB;
  }
  return aspect;
}

function nodeAspects(a: unknown, b: unknown, role: Role, requiredBefore: boolean, requiredAfter: boolean): DiffAspect[] {
  if (!isRecord(a) || !isRecord(b)) {
    // A boolean schema, or a malformed draft: compare the node as a whole.
    return sameValue(a, b) ? [] : [makeAspect('schema', uiText('core.diff.form.wholeSchema'), a, b, wholeSchemaText)];
  }
  const options = oneOfIsOptions(a, b);
  const ownA = ownKeywords(a, options);
  const ownB = ownKeywords(b, options);
  const aspects: DiffAspect[] = [];
  for (const key of unionKeys(ownA, ownB)) {
    if (!sameValue(ownA[key], ownB[key])) aspects.push(makeAspect(key, keywordLabel(key), ownA[key], ownB[key], keywordText(key)));
  }
  if (role === 'field' && requiredBefore !== requiredAfter) {
    aspects.push(makeAspect('required', keywordLabel('required'), requiredBefore, requiredAfter, keywordText('required')));
  }
  const othersA = otherRequired(a);
  const othersB = otherRequired(b);
  if (!sameValue(othersA, othersB)) aspects.push(makeAspect('required.others', keywordLabel('required.others'), othersA, othersB, genericText));
  const logicA = conditionalLogic(a, options);
  const logicB = conditionalLogic(b, options);
  if (!sameValue(logicA, logicB)) aspects.push(conditionalAspect(a, b, logicA, logicB));
  return aspects.sort((x, y) => keywordRank(x.key) - keywordRank(y.key) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

const titleOf = (schema: unknown) => (isRecord(schema) && typeof schema.title === 'string' ? schema.title : undefined);

/**
 * 表单字段「姓名」 while the title is stable on every side that has the field. A field whose title
 * changed is just 表单字段 (its rename is the first aspect), so the label reads the same both ways;
 * the key only when there is no title at all.
 */
function fieldLabel(role: Role, name: string, a: unknown, b: unknown): string {
  if (role === 'root') return uiText('core.diff.form.whole');
  if (role === 'definition') return named(uiText('core.diff.form.definition'), name);
  const titles = [a, b].filter((s) => s !== undefined).map(titleOf);
  const distinct = [...new Set(titles.filter((t): t is string => t !== undefined))];
  // One title (on both sides, or on the one side that has one) names the field; two make it a rename.
  if (distinct.length === 1) return named(FIELD_NOUN, distinct[0] as string);
  if (distinct.length > 1) return FIELD_NOUN;
  return `${FIELD_NOUN} ${name}`;
}

const KEY_ASPECT = { key: 'key', label: uiText('core.diff.form.key') };

/** Character bigrams' Dice coefficient: 「申请人年龄」 and 「年龄」 are alike, 「姓名」 and 「年龄」 are not. */
function titleSimilarity(x: string, y: string): number {
  const grams = (t: string) => {
    const chars = [...t];
    if (chars.length < 2) return chars;
    return chars.slice(1).map((c, i) => `${chars[i] as string}${c}`);
  };
  const gx = grams(x);
  const gy = grams(y);
  if (gx.length === 0 || gy.length === 0) return 0;
  const pool = [...gy];
  let shared = 0;
  for (const g of gx) {
    const at = pool.indexOf(g);
    if (at >= 0) {
      shared++;
      pool.splice(at, 1);
    }
  }
  return (2 * shared) / (gx.length + gy.length);
}

const typeSignature = (schema: unknown) => (isRecord(schema) ? stableKey([schema.type, schema.format]) : stableKey(schema));

/**
 * Removed and added fields of one object that are one field under a new key: same type and format,
 * and the same title, or a similar title at the same position. Chosen greedily, best first, by an
 * order that does not depend on the direction of the diff.
 */
function renamedFields(propsA: Record<string, unknown>, propsB: Record<string, unknown>): [from: string, to: string][] {
  const keysA = Object.keys(propsA);
  const keysB = Object.keys(propsB);
  const removed = keysA.filter((k) => !(k in propsB));
  const added = keysB.filter((k) => !(k in propsA));
  const candidates: { from: string; to: string; score: number; tie: string }[] = [];
  for (const from of removed) {
    for (const to of added) {
      const a = propsA[from];
      const b = propsB[to];
      if (!isRecord(a) || !isRecord(b) || typeSignature(a) !== typeSignature(b)) continue;
      const ta = titleOf(a);
      const tb = titleOf(b);
      if (ta === undefined || tb === undefined) continue;
      const samePosition = keysA.indexOf(from) === keysB.indexOf(to);
      const score = ta === tb ? 3 + (samePosition ? 1 : 0) : samePosition ? 1 + titleSimilarity(ta, tb) : 0;
      if (score >= 1.5) candidates.push({ from, to, score, tie: [from, to].sort().join('\u0000') });
    }
  }
  candidates.sort((x, y) => y.score - x.score || (x.tie < y.tie ? -1 : x.tie > y.tie ? 1 : 0));
  const usedFrom = new Set<string>();
  const usedTo = new Set<string>();
  const pairs: [string, string][] = [];
  for (const c of candidates) {
    if (usedFrom.has(c.from) || usedTo.has(c.to)) continue;
    usedFrom.add(c.from);
    usedTo.add(c.to);
    pairs.push([c.from, c.to]);
  }
  return pairs;
}

/** One line about an added or removed field: "文本，居民身份证号码（cn-id-number），必填". */
function fieldSummary(schema: unknown, required: boolean): string | undefined {
  const parts: string[] = [];
  if (isRecord(schema)) {
    if (schema.type !== undefined) parts.push(schemaTypeText(schema.type));
    if (schema.format !== undefined) parts.push(schemaFormatText(schema.format));
    if (Array.isArray(schema.enum)) parts.push(optionsText(genericText(schema.enum)));
    else if (isOptionList(schema.oneOf)) parts.push(optionsText(constOptionsText(schema.oneOf)));
    else if (isRecord(schema.items) && isOptionList(schema.items.oneOf)) parts.push(optionsText(constOptionsText(schema.items.oneOf)));
  }
  if (required) parts.push(uiText('designer.form.props.required'));
  return parts.length > 0 ? parts.join(uiText('core.guide.partSeparator')) : undefined;
}

interface Walk {
  out: DiffChange[];
}

interface Place {
  /** Where the node sits in `to`, and in `from` (they differ under a renamed field). */
  at: string;
  fromAt: string;
  role: Role;
  name: string;
  requiredBefore: boolean;
  requiredAfter: boolean;
  /** The field's key in `from`, when it was renamed to `name`. */
  renamedFrom?: string;
}

function visit(walk: Walk, a: unknown, b: unknown, place: Place): void {
  const { at, fromAt, role, name, requiredBefore, requiredAfter } = place;
  if (role !== 'root' && role !== 'branch') {
    const label = fieldLabel(role, name, a, b);
    if (a === undefined && b !== undefined) {
      walk.out.push(makeChange({ section: 'form', kind: 'added', pointer: at, label, after: b, afterText: fieldSummary(b, requiredAfter), affectsDecision: true }));
      return;
    }
    if (a !== undefined && b === undefined) {
      walk.out.push(makeChange({ section: 'form', kind: 'removed', pointer: fromAt, label, before: a, beforeText: fieldSummary(a, requiredBefore), affectsDecision: true }));
      return;
    }
  }
  if (role !== 'branch') {
    const aspects = nodeAspects(a, b, role, requiredBefore, requiredAfter);
    if (place.renamedFrom !== undefined) aspects.unshift(makeAspect(KEY_ASPECT.key, KEY_ASPECT.label, place.renamedFrom, name, genericText));
    const titleChanged = role === 'field' && titleOf(a) !== undefined && titleOf(b) !== undefined && titleOf(a) !== titleOf(b);
    if (titleChanged) {
      // The new title leads: it is the news of a rename.
      const title = aspects.findIndex((x) => x.key === 'title');
      if (title > 0) aspects.unshift(...aspects.splice(title, 1));
    }
    const kind = place.renamedFrom !== undefined || titleChanged ? 'renamed' : 'changed';
    if (aspects.length > 0) walk.out.push(makeChange({ section: 'form', kind, pointer: at, fromPointer: fromAt, label: fieldLabel(role, name, a, b), aspects, affectsDecision: true }));
  }
  // A node replaced by a non-object (boolean schema, malformed draft) was reported whole above.
  if ((a !== undefined && !isRecord(a)) || (b !== undefined && !isRecord(b))) return;
  const ra = a as Record<string, unknown> | undefined;
  const rb = b as Record<string, unknown> | undefined;
  visitChildren(walk, ra, rb, at, fromAt, name);
}

function children(node: Record<string, unknown> | undefined, key: 'properties' | 'definitions' | '$defs'): Record<string, unknown> | undefined {
  const value = node?.[key];
  return isRecord(value) ? value : undefined;
}

function itemNodes(node: Record<string, unknown> | undefined): Map<string, { tokens: (string | number)[]; schema: unknown }> {
  const items = node?.items;
  const nodes = new Map<string, { tokens: (string | number)[]; schema: unknown }>();
  if (isRecord(items)) nodes.set('["items"]', { tokens: ['items'], schema: items });
  else if (Array.isArray(items)) items.forEach((schema, i) => nodes.set(JSON.stringify(['items', i]), { tokens: ['items', i], schema }));
  return nodes;
}

function visitChildren(walk: Walk, a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined, at: string, fromAt: string, name: string): void {
  const propsA = children(a, 'properties');
  const propsB = children(b, 'properties');
  const requiredA = a ? requiredNames(a) : [];
  const requiredB = b ? requiredNames(b) : [];
  const renames = propsA && propsB ? renamedFields(propsA, propsB) : [];
  const renamedFromKeys = new Set(renames.map(([from]) => from));
  const renamedToKeys = new Set(renames.map(([, to]) => to));
  for (const key of unionKeys(propsA, propsB)) {
    if (renamedFromKeys.has(key) && !(propsB && key in propsB)) continue;
    const renamed = renames.find(([, to]) => to === key);
    if (renamed && renamedToKeys.has(key)) {
      const [from] = renamed;
      visit(walk, propsA?.[from], propsB?.[key], {
        at: pointer(at, 'properties', key), fromAt: pointer(fromAt, 'properties', from), role: 'field', name: key,
        requiredBefore: requiredA.includes(from), requiredAfter: requiredB.includes(key), renamedFrom: from,
      });
      continue;
    }
    visit(walk, propsA?.[key], propsB?.[key], {
      at: pointer(at, 'properties', key), fromAt: pointer(fromAt, 'properties', key), role: 'field', name: key,
      requiredBefore: requiredA.includes(key), requiredAfter: requiredB.includes(key),
    });
  }
  const itemsA = itemNodes(a);
  const itemsB = itemNodes(b);
  for (const id of [...new Set([...itemsA.keys(), ...itemsB.keys()])].sort()) {
    const tokens = (itemsA.get(id) ?? itemsB.get(id))?.tokens ?? [];
    visit(walk, itemsA.get(id)?.schema, itemsB.get(id)?.schema, { at: pointer(at, ...tokens), fromAt: pointer(fromAt, ...tokens), role: 'items', name: `${name}[]`, requiredBefore: false, requiredAfter: false });
  }
  for (const key of ['definitions', '$defs'] as const) {
    const defsA = children(a, key);
    const defsB = children(b, key);
    for (const def of unionKeys(defsA, defsB)) visit(walk, defsA?.[def], defsB?.[def], { at: pointer(at, key, def), fromAt: pointer(fromAt, key, def), role: 'definition', name: def, requiredBefore: false, requiredAfter: false });
  }
  // Branches are containers: their logic was compared with the node; their fields are walked here.
  const options = oneOfIsOptions(a, b);
  const branchesA = branchesOf(a, options);
  const branchesB = branchesOf(b, options);
  for (const id of [...new Set([...branchesA.keys(), ...branchesB.keys()])].sort()) {
    const tokens = (branchesA.get(id) ?? branchesB.get(id))?.tokens ?? [];
    visit(walk, branchesA.get(id)?.schema, branchesB.get(id)?.schema, { at: pointer(at, ...tokens), fromAt: pointer(fromAt, ...tokens), role: 'branch', name, requiredBefore: false, requiredAfter: false });
  }
}

export function diffFormSchema(before: unknown, after: unknown): DiffChange[] {
  const walk: Walk = { out: [] };
  // A draft without a form schema yet: every field of the other side is added, not "the schema changed".
  visit(walk, before ?? {}, after ?? {}, { at: BASE, fromAt: BASE, role: 'root', name: '', requiredBefore: false, requiredAfter: false });
  return walk.out;
}
