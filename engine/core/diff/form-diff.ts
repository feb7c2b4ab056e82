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
import { isRecord, sameValue, unionKeys } from './json-values.js';
import { pointer } from './json-pointer.js';
import { genericText, schemaFormatText, schemaTypeText } from './value-text.js';
import type { DiffAspect, DiffChange } from './types.js';

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
  return schema === true ? '任意值（true）' : schema === false ? '不接受任何值（false）' : genericText(schema);
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

function nodeAspects(a: unknown, b: unknown, role: Role, requiredBefore: boolean, requiredAfter: boolean): DiffAspect[] {
  if (!isRecord(a) || !isRecord(b)) {
    // A boolean schema, or a malformed draft: compare the node as a whole.
    return sameValue(a, b) ? [] : [makeAspect('schema', '整个定义', a, b, wholeSchemaText)];
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
  if (!sameValue(logicA, logicB)) aspects.push(makeAspect('conditional', keywordLabel('conditional'), logicA, logicB));
  return aspects.sort((x, y) => keywordRank(x.key) - keywordRank(y.key) || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

const titleOf = (schema: unknown) => (isRecord(schema) && typeof schema.title === 'string' ? schema.title : undefined);

/** 表单字段「姓名」 while the title is stable on every side that has the field; its name otherwise. */
function fieldLabel(role: Role, name: string, a: unknown, b: unknown): string {
  if (role === 'root') return '表单整体';
  if (role === 'definition') return `表单定义「${name}」`;
  const titles = [a, b].filter((s) => s !== undefined).map(titleOf);
  return titles.length > 0 && titles.every((t) => t !== undefined && t === titles[0]) ? `表单字段「${titles[0] as string}」` : `表单字段 ${name}`;
}

/** One line about an added or removed field: "文本，居民身份证号码（cn-id-number），必填". */
function fieldSummary(schema: unknown, required: boolean): string | undefined {
  const parts: string[] = [];
  if (isRecord(schema)) {
    if (schema.type !== undefined) parts.push(schemaTypeText(schema.type));
    if (schema.format !== undefined) parts.push(schemaFormatText(schema.format));
    if (Array.isArray(schema.enum)) parts.push(`可选值 ${genericText(schema.enum)}`);
  }
  if (required) parts.push('必填');
  return parts.length > 0 ? parts.join('，') : undefined;
}

interface Walk {
  out: DiffChange[];
}

function visit(walk: Walk, a: unknown, b: unknown, at: string, role: Role, name: string, requiredBefore: boolean, requiredAfter: boolean): void {
  if (role !== 'root' && role !== 'branch') {
    const label = fieldLabel(role, name, a, b);
    if (a === undefined && b !== undefined) {
      walk.out.push(makeChange({ section: 'form', kind: 'added', pointer: at, label, after: b, afterText: fieldSummary(b, requiredAfter), affectsDecision: true }));
      return;
    }
    if (a !== undefined && b === undefined) {
      walk.out.push(makeChange({ section: 'form', kind: 'removed', pointer: at, label, before: a, beforeText: fieldSummary(a, requiredBefore), affectsDecision: true }));
      return;
    }
  }
  if (role !== 'branch') {
    const aspects = nodeAspects(a, b, role, requiredBefore, requiredAfter);
    if (aspects.length > 0) walk.out.push(makeChange({ section: 'form', kind: 'changed', pointer: at, label: fieldLabel(role, name, a, b), aspects, affectsDecision: true }));
  }
  // A node replaced by a non-object (boolean schema, malformed draft) was reported whole above.
  if ((a !== undefined && !isRecord(a)) || (b !== undefined && !isRecord(b))) return;
  const ra = a as Record<string, unknown> | undefined;
  const rb = b as Record<string, unknown> | undefined;
  visitChildren(walk, ra, rb, at, name);
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

function visitChildren(walk: Walk, a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined, at: string, name: string): void {
  const propsA = children(a, 'properties');
  const propsB = children(b, 'properties');
  const requiredA = a ? requiredNames(a) : [];
  const requiredB = b ? requiredNames(b) : [];
  for (const key of unionKeys(propsA, propsB)) {
    visit(walk, propsA?.[key], propsB?.[key], pointer(at, 'properties', key), 'field', key, requiredA.includes(key), requiredB.includes(key));
  }
  const itemsA = itemNodes(a);
  const itemsB = itemNodes(b);
  for (const id of [...new Set([...itemsA.keys(), ...itemsB.keys()])].sort()) {
    const tokens = (itemsA.get(id) ?? itemsB.get(id))?.tokens ?? [];
    visit(walk, itemsA.get(id)?.schema, itemsB.get(id)?.schema, pointer(at, ...tokens), 'items', `${name}[]`, false, false);
  }
  for (const key of ['definitions', '$defs'] as const) {
    const defsA = children(a, key);
    const defsB = children(b, key);
    for (const def of unionKeys(defsA, defsB)) visit(walk, defsA?.[def], defsB?.[def], pointer(at, key, def), 'definition', def, false, false);
  }
  // Branches are containers: their logic was compared with the node; their fields are walked here.
  const options = oneOfIsOptions(a, b);
  const branchesA = branchesOf(a, options);
  const branchesB = branchesOf(b, options);
  for (const id of [...new Set([...branchesA.keys(), ...branchesB.keys()])].sort()) {
    const tokens = (branchesA.get(id) ?? branchesB.get(id))?.tokens ?? [];
    visit(walk, branchesA.get(id)?.schema, branchesB.get(id)?.schema, pointer(at, ...tokens), 'branch', name, false, false);
  }
}

export function diffFormSchema(before: unknown, after: unknown): DiffChange[] {
  const walk: Walk = { out: [] };
  // A draft without a form schema yet: every field of the other side is added, not "the schema changed".
  visit(walk, before ?? {}, after ?? {}, BASE, 'root', '', false, false);
  return walk.out;
}
