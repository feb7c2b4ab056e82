/**
 * Value-based form logic: a field shown, or required, only when another field has a value, equals
 * a value, is one of several, or is above/below a number. It lives in the form's JSON Schema, so
 * RJSF renders it and ajv validates it without anything of ours:
 *
 *   show when:    allOf: [{ if: { properties: { c: TEST }, required: ['c'] }, then: { properties: { x: … }, required?: ['x'] } }]
 *   require when: allOf: [{ if: { properties: { c: TEST }, required: ['c'] }, then: { required: ['x'] } }]   (x declared at the top)
 *   show when c has a value (RJSF's older form, still read and written): dependencies: { c: { properties: { x: … } } }
 *
 * TEST is `{ const }` (等于), `{ enum }` (属于), `{ type: 'number', exclusiveMinimum | exclusiveMaximum |
 * minimum | maximum }` (大于 / 小于 / 不小于 / 不大于). The `required` in `if` matters: without it an
 * empty controller would satisfy the test and show the field.
 *
 * This module reads and writes that shape, says in Chinese what a condition means, and decides which
 * fields do not apply to one application — the rules' missing-data logic asks for no field the form
 * does not ask for.
 */
import { operatorLabel } from '../rules/operators.js';
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import type { Language } from '../vocabulary/index.js';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The comparisons a form condition may make: the rules' operator names, so both read the same words. */
export const FIELD_CONDITION_OPERATORS = ['isFilled', 'equal', 'in', 'greaterThan', 'lessThan', 'greaterThanInclusive', 'lessThanInclusive'] as const;
export type FieldConditionOperator = (typeof FIELD_CONDITION_OPERATORS)[number];

/** Operators that compare numbers (a controller of kind number). */
export const NUMERIC_CONDITION_OPERATORS: readonly FieldConditionOperator[] = ['greaterThan', 'lessThan', 'greaterThanInclusive', 'lessThanInclusive'];

export interface FieldCondition {
  /** The controlling field (top level). */
  field: string;
  operator: FieldConditionOperator;
  /** A scalar for equal and the number comparisons; a list for `in`; absent for isFilled. */
  value?: unknown;
}

/** What a condition does to its field: shows it (and only then may it be required), or requires it. */
export type ConditionEffect = 'show' | 'require';

export interface ConditionalField {
  name: string;
  effect: ConditionEffect;
  when: FieldCondition;
  /** Show-when fields only: whether the field is required once shown. */
  requiredWhenShown?: boolean;
}

const NUMBER_KEYWORD: Record<string, FieldConditionOperator> = {
  exclusiveMinimum: 'greaterThan',
  exclusiveMaximum: 'lessThan',
  minimum: 'greaterThanInclusive',
  maximum: 'lessThanInclusive',
};
const KEYWORD_OF_NUMBER: Partial<Record<FieldConditionOperator, string>> = Object.fromEntries(Object.entries(NUMBER_KEYWORD).map(([k, v]) => [v, k]));

/** The `if` schema of a condition. */
export function conditionIfSchema(condition: FieldCondition): Schema {
  let test: Schema;
  switch (condition.operator) {
    case 'isFilled':
      test = {};
      break;
    case 'equal':
      test = { const: condition.value };
      break;
    case 'in':
      test = { enum: Array.isArray(condition.value) ? condition.value : [condition.value] };
      break;
    default:
      test = { type: 'number', [KEYWORD_OF_NUMBER[condition.operator] as string]: condition.value };
  }
  return { properties: { [condition.field]: test }, required: [condition.field] };
}

/** The condition an `if` schema expresses, or null when it is not one of ours (hand-written logic stays as it is). */
export function parseConditionIf(ifSchema: unknown): FieldCondition | null {
  if (!isSchema(ifSchema) || !isSchema(ifSchema.properties)) return null;
  const names = Object.keys(ifSchema.properties);
  const field = names[0];
  if (names.length !== 1 || field === undefined) return null;
  if (!Array.isArray(ifSchema.required) || ifSchema.required.length !== 1 || ifSchema.required[0] !== field) return null;
  if (Object.keys(ifSchema).some((k) => k !== 'properties' && k !== 'required')) return null;
  const test = ifSchema.properties[field];
  if (!isSchema(test)) return null;
  const keys = Object.keys(test);
  if (keys.length === 0) return { field, operator: 'isFilled' };
  if (keys.length === 1 && 'const' in test) return { field, operator: 'equal', value: test.const };
  if (keys.length === 1 && Array.isArray(test.enum)) return { field, operator: 'in', value: test.enum };
  const numberKeys = keys.filter((k) => k !== 'type');
  if (numberKeys.length === 1 && (test.type === undefined || test.type === 'number' || test.type === 'integer')) {
    const operator = NUMBER_KEYWORD[numberKeys[0] as string];
    const value = test[numberKeys[0] as string];
    if (operator && typeof value === 'number') return { field, operator, value };
  }
  return null;
}

/** One allOf entry for a conditional field: `then` declares the field (show) or only requires it (require). */
export function conditionalBranch(field: ConditionalField, fieldSchema?: Schema): Schema {
  const then: Schema = field.effect === 'show'
    ? { properties: { [field.name]: fieldSchema ?? {} }, ...(field.requiredWhenShown ? { required: [field.name] } : {}) }
    : { required: [field.name] };
  return { if: conditionIfSchema(field.when), then };
}

/**
 * The conditional fields of a form's top level, in schema order: `dependencies` (show when the
 * controller has a value; an array dependency requires), then root `if/then` and `allOf` entries
 * in the shape above. A field declared at the top and again in a branch is always shown.
 */
export function conditionalFields(schema: Schema): ConditionalField[] {
  const top = isSchema(schema.properties) ? schema.properties : {};
  const out: ConditionalField[] = [];
  const seen = new Set<string>();
  const push = (field: ConditionalField) => {
    const key = `${field.effect}\u0000${field.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(field);
  };
  if (isSchema(schema.dependencies)) {
    for (const [controller, dependency] of Object.entries(schema.dependencies)) {
      const when: FieldCondition = { field: controller, operator: 'isFilled' };
      if (Array.isArray(dependency)) {
        for (const name of dependency) if (typeof name === 'string') push({ name, effect: 'require', when });
        continue;
      }
      if (!isSchema(dependency)) continue;
      readThen(dependency, when, top, push);
    }
  }
  const branches = [schema, ...(Array.isArray(schema.allOf) ? schema.allOf : [])];
  for (const branch of branches) {
    if (!isSchema(branch) || !isSchema(branch.then)) continue;
    const when = parseConditionIf(branch.if);
    if (when) readThen(branch.then, when, top, push);
  }
  return out;
}

function readThen(then: Schema, when: FieldCondition, top: Schema, push: (field: ConditionalField) => void): void {
  const declared = isSchema(then.properties) ? then.properties : {};
  const required = new Set(Array.isArray(then.required) ? then.required.filter((n): n is string => typeof n === 'string') : []);
  for (const name of Object.keys(declared)) {
    if (name in top) continue;
    push({ name, effect: 'show', when, ...(required.has(name) ? { requiredWhenShown: true } : {}) });
  }
  for (const name of required) if (!(name in declared) || name in top) push({ name, effect: 'require', when });
}

/** Whether a condition holds on the form's data: JSON Schema's reading of the `if` above, exactly. */
export function conditionHolds(condition: FieldCondition, formData: Record<string, unknown>): boolean {
  if (!Object.prototype.hasOwnProperty.call(formData, condition.field)) return false;
  const value = formData[condition.field];
  if (value === undefined) return false;
  switch (condition.operator) {
    case 'isFilled':
      return true;
    case 'equal':
      return sameJson(value, condition.value);
    case 'in':
      return Array.isArray(condition.value) && condition.value.some((option) => sameJson(value, option));
    default: {
      if (typeof value !== 'number' || typeof condition.value !== 'number') return false;
      const limit = condition.value;
      switch (condition.operator) {
        case 'greaterThan': return value > limit;
        case 'lessThan': return value < limit;
        case 'greaterThanInclusive': return value >= limit;
        default: return value <= limit;
      }
    }
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Which fields one application does not need, and why. */
export interface FieldApplicability {
  /** Show-when fields whose condition does not hold: not on the form, their values are not facts. */
  hidden: ReadonlySet<string>;
  /** Require-when fields whose condition does not hold (and hidden fields): not missing when empty. */
  notRequired: ReadonlySet<string>;
}

/**
 * Decides the conditional fields of one application. A field hidden by its condition hides what it
 * controls in turn (its value no longer counts), so the decision repeats until nothing changes.
 */
export function fieldApplicability(fields: readonly ConditionalField[], formData: Record<string, unknown>): FieldApplicability {
  const hidden = new Set<string>();
  const shownBy = new Map<string, boolean>();
  for (let pass = 0; pass <= fields.length; pass++) {
    const data = hidden.size === 0 ? formData : withoutKeys(formData, hidden);
    let changed = false;
    shownBy.clear();
    for (const field of fields) {
      if (field.effect !== 'show') continue;
      // A field several branches declare is shown when any of them holds.
      shownBy.set(field.name, (shownBy.get(field.name) ?? false) || conditionHolds(field.when, data));
    }
    for (const [name, shown] of shownBy) {
      if (!shown && !hidden.has(name)) { hidden.add(name); changed = true; }
      if (shown && hidden.has(name)) { hidden.delete(name); changed = true; }
    }
    if (!changed) break;
  }
  const data = hidden.size === 0 ? formData : withoutKeys(formData, hidden);
  const notRequired = new Set(hidden);
  const requiredBy = new Map<string, boolean>();
  for (const field of fields) {
    if (field.effect !== 'require') continue;
    requiredBy.set(field.name, (requiredBy.get(field.name) ?? false) || conditionHolds(field.when, data));
  }
  for (const [name, required] of requiredBy) if (!required) notRequired.add(name);
  return { hidden, notRequired };
}

function withoutKeys(data: Record<string, unknown>, keys: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) if (!keys.has(k)) out[k] = v;
  return out;
}

/** The name of a condition operator (the rules' own label), in Chinese unless `language` says otherwise. */
export function conditionOperatorLabel(operator: FieldConditionOperator, language: Language = 'zh-CN'): string {
  return operator === 'isFilled' ? uiText('core.form.condition.hasValue', language) : operatorLabel(operator, language);
}

const quoted = (name: string, language: Language) => uiText('designer.references.quoted', language, { name });

const scalarText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

/** A condition's value quoted, a list's options each quoted and joined by "or". */
function valueText(value: unknown, language: Language): string {
  const options = Array.isArray(value) ? value : [value];
  return options.map((v) => quoted(scalarText(v), language)).join(uiText('core.orSeparator', language));
}

const NUMBER_SENTENCES: Record<string, CatalogueKey> = {
  greaterThan: 'form.condition.greaterThan',
  lessThan: 'form.condition.lessThan',
  greaterThanInclusive: 'form.condition.greaterThanInclusive',
  lessThanInclusive: 'form.condition.lessThanInclusive',
};

/**
 * A condition as a reader says it: 当「户籍所在地」为「外盟市」时, 当「户籍所在地」为「外盟市」或「外省」时,
 * 当「家庭人口」大于 3 时, 当「工作单位」已填写时. `titleOf` names a field by its title.
 */
export function conditionText(condition: FieldCondition, titleOf: (name: string) => string, language: Language = 'zh-CN'): string {
  const field = quoted(titleOf(condition.field), language);
  switch (condition.operator) {
    case 'isFilled':
      return uiText('form.condition.filled', language, { field });
    case 'equal':
    case 'in':
      return uiText('form.condition.is', language, { field, value: valueText(condition.value, language) });
    default:
      return uiText(NUMBER_SENTENCES[condition.operator] ?? 'form.condition.is', language, { field, value: scalarText(condition.value) });
  }
}

/** A conditional field as a sentence: 当「户籍所在地」为「外盟市」时需填写「暂住证明编号」. */
export function conditionalFieldText(field: ConditionalField, titleOf: (name: string) => string, language: Language = 'zh-CN'): string {
  const when = conditionText(field.when, titleOf, language);
  const name = quoted(titleOf(field.name), language);
  return uiText(field.effect === 'require' || field.requiredWhenShown ? 'form.condition.require' : 'form.condition.show', language, { when, name });
}
