/**
 * The field list the form designer edits, and its two-way mapping to `form.schema` / `form.uiSchema`.
 * A conditional field is shown, or required, only when another field has a value, equals a value,
 * is one of several or is above/below a number (the core's form conditions):
 * - shown when the other field has a value: a schema dependency, declared under
 *   `dependencies.<controller>.properties`, which RJSF shows only once the controller has a value;
 * - every other condition: an `allOf` entry `{ if, then }` — `then` declares the field (shown) or
 *   only requires it (required). RJSF resolves it against the form data as the applicant types.
 * Pure: no React, no DOM (unit-tested like RJSF's own utils).
 */
import {
  conditionalBranch, conditionOperatorLabel, parseConditionIf, NUMERIC_CONDITION_OPERATORS,
  type ConditionEffect, type FieldCondition, type FieldConditionOperator, type FormDefinition,
} from '../../../engine/core/index.js';
import { t } from './ui-text.js';

export type FieldKind = 'text' | 'number' | 'date' | 'single' | 'multi' | 'idNumber' | 'mobile' | 'creditCode' | 'division' | 'file' | 'group' | 'repeat';

export const FIELD_KINDS: { kind: FieldKind; label: string; prefix: string }[] = [
  { kind: 'text', label: t('designer.form.kind.text'), prefix: 'text' },
  { kind: 'number', label: t('designer.form.kind.number'), prefix: 'number' },
  { kind: 'date', label: t('designer.form.kind.date'), prefix: 'date' },
  { kind: 'single', label: t('designer.form.kind.single'), prefix: 'choice' },
  { kind: 'multi', label: t('designer.form.kind.multi'), prefix: 'choices' },
  { kind: 'idNumber', label: t('designer.form.kind.idNumber'), prefix: 'idNumber' },
  { kind: 'mobile', label: t('designer.form.kind.mobile'), prefix: 'mobile' },
  { kind: 'creditCode', label: t('designer.form.kind.creditCode'), prefix: 'creditCode' },
  { kind: 'division', label: t('designer.form.kind.division'), prefix: 'division' },
  { kind: 'file', label: t('designer.form.kind.file'), prefix: 'attachment' },
  { kind: 'group', label: t('designer.form.kind.group'), prefix: 'group' },
  { kind: 'repeat', label: t('designer.form.kind.repeat'), prefix: 'repeat' },
];

/** Kinds that hold their own fields (one level deep: their fields are never containers themselves). */
export const isContainer = (kind: FieldKind) => kind === 'group' || kind === 'repeat';
/** The kinds a field inside a group or a repeating group may have. */
export const CHILD_KINDS = FIELD_KINDS.filter((k) => !isContainer(k.kind));

const FORMAT_OF: Partial<Record<FieldKind, string>> = {
  date: 'date',
  idNumber: 'cn-id-number',
  mobile: 'cn-mobile',
  creditCode: 'cn-social-credit-code',
  division: 'cn-division',
};

export interface FieldModel {
  name: string;
  kind: FieldKind;
  title: string;
  required: boolean;
  description?: string;
  options: string[];
  min?: number;
  max?: number;
  pattern?: string;
  /** Shown, or required, only when another (top-level) field meets a condition. */
  condition?: FieldModelCondition;
  /** Schema keywords the designer does not edit, kept as they are. */
  extra: Record<string, unknown>;
  /** uiSchema entries of the field the designer does not edit. */
  ui: Record<string, unknown>;
  /** The fields of a group (分组) or of each entry of a repeating group (重复组). */
  children?: FieldModel[];
}

/** A field's condition as the property panel edits it: what it tests, and what it does when it holds. */
export interface FieldModelCondition extends FieldCondition {
  effect: ConditionEffect;
}

const KNOWN = new Set(['type', 'title', 'description', 'enum', 'format', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'items', 'uniqueItems', 'minItems', 'maxItems']);

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

function kindOf(s: Json, ui: Json = {}): FieldKind {
  if (s.type === 'object' && isRecord(s.properties)) return 'group';
  if (s.type === 'array' && isRecord(s.items) && s.items.type === 'object' && isRecord(s.items.properties)) return 'repeat';
  if (s.type === 'array') return 'multi';
  // An attachment: RJSF's file widget (a data URL string). `format: 'data-url'` is read too, but not
  // written: the engine's strict form validator does not know that format.
  if ((s.type === 'string' || s.type === undefined) && (ui['ui:widget'] === 'file' || s.format === 'data-url')) return 'file';
  if (Array.isArray(s.enum)) return 'single';
  for (const [kind, format] of Object.entries(FORMAT_OF)) if (s.format === format) return kind as FieldKind;
  if (s.type === 'number' || s.type === 'integer') return 'number';
  return 'text';
}

/** Fields of an object schema in ui:order order. */
function parseChildren(s: Json, ui: Json): FieldModel[] {
  const properties = isRecord(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const list = Object.entries(properties)
    .filter(([, c]) => isRecord(c))
    .map(([name, c]) => parseField(name, c as Json, required.has(name), isRecord(ui[name]) ? (ui[name] as Json) : {}, undefined, true));
  const order = Array.isArray(ui['ui:order']) ? ui['ui:order'].map(String) : [];
  const position = (name: string) => {
    const i = order.indexOf(name);
    return i === -1 ? order.length : i;
  };
  return list.sort((a, b) => position(a.name) - position(b.name));
}

function parseField(name: string, s: Json, required: boolean, ui: Json, condition?: FieldModelCondition, nested = false): FieldModel {
  const found = kindOf(s, ui);
  const kind = nested && isContainer(found) ? 'text' : found;
  const extra: Json = {};
  const skip = kind === 'group' ? new Set(['properties', 'required']) : new Set<string>();
  for (const [k, v] of Object.entries(s)) if (!KNOWN.has(k) && !skip.has(k)) extra[k] = v;
  if (kind === 'group' || kind === 'repeat') delete extra.type;
  if (kind === 'file' && s.format === 'data-url') delete extra.format;
  if (kind === 'repeat' && isRecord(s.items)) {
    // Keywords of the entry schema the designer does not edit, kept as they are.
    const itemsExtra = Object.fromEntries(Object.entries(s.items).filter(([k]) => !['type', 'properties', 'required'].includes(k)));
    if (Object.keys(itemsExtra).length) extra.itemsExtra = itemsExtra;
  }
  let children: FieldModel[] | undefined;
  const fieldUiRaw: Json = { ...ui };
  if (kind === 'group') {
    children = parseChildren(s, ui);
    for (const c of children) delete fieldUiRaw[c.name];
    delete fieldUiRaw['ui:order'];
  }
  if (kind === 'repeat') {
    const itemsUi = isRecord(ui.items) ? ui.items : {};
    children = parseChildren(s.items as Json, itemsUi);
    const restItemsUi: Json = { ...itemsUi };
    for (const c of children) delete restItemsUi[c.name];
    delete restItemsUi['ui:order'];
    if (Object.keys(restItemsUi).length) fieldUiRaw.items = restItemsUi;
    else delete fieldUiRaw.items;
  }
  if (s.type === 'integer') extra.type = 'integer';
  if (kind !== 'multi' && kind !== 'number' && s.type !== 'string' && s.type !== undefined) extra.type = s.type;
  const items = isRecord(s.items) ? s.items : {};
  const options = kind === 'single' ? (s.enum as unknown[]).map(String) : kind === 'multi' && Array.isArray(items.enum) ? items.enum.map(String) : [];
  const [minKey, maxKey] = limitKeys(kind);
  const fieldUi: Json = fieldUiRaw;
  if ((kind === 'single' && fieldUi['ui:widget'] === 'radio') || (kind === 'multi' && fieldUi['ui:widget'] === 'checkboxes') || (kind === 'file' && fieldUi['ui:widget'] === 'file')) delete fieldUi['ui:widget'];
  return {
    name,
    kind,
    title: typeof s.title === 'string' ? s.title : name,
    required,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    options,
    ...(typeof s[minKey as string] === 'number' ? { min: s[minKey as string] as number } : {}),
    ...(typeof s[maxKey as string] === 'number' ? { max: s[maxKey as string] as number } : {}),
    ...(typeof s.pattern === 'string' ? { pattern: s.pattern } : {}),
    ...(condition ? { condition } : {}),
    extra,
    ui: fieldUi,
    ...(children ? { children } : {}),
  };
}

function limitKeys(kind: FieldKind): [string, string] {
  return kind === 'number' ? ['minimum', 'maximum'] : kind === 'multi' || kind === 'repeat' ? ['minItems', 'maxItems'] : ['minLength', 'maxLength'];
}

/**
 * The designer's own `allOf` entry for one conditional field, or null for hand-written logic (kept as
 * it is): an `if` the core reads as a condition, and a `then` that declares exactly this one field
 * (shown when; not also declared at the top) or only requires one field declared at the top.
 */
export function designerBranch(entry: unknown, topProperties: Json): { name: string; condition: FieldModelCondition; schema?: Json; requiredWhenShown: boolean } | null {
  if (!isRecord(entry) || Object.keys(entry).some((k) => k !== 'if' && k !== 'then') || !isRecord(entry.then)) return null;
  const when = parseConditionIf(entry.if);
  if (!when) return null;
  const then = entry.then;
  if (Object.keys(then).some((k) => k !== 'properties' && k !== 'required')) return null;
  const required = Array.isArray(then.required) ? then.required : [];
  if (isRecord(then.properties)) {
    const names = Object.keys(then.properties);
    const name = names[0];
    const schema = name === undefined ? undefined : then.properties[name];
    if (names.length !== 1 || name === undefined || name in topProperties || !isRecord(schema)) return null;
    if (required.length > 1 || (required.length === 1 && required[0] !== name)) return null;
    return { name, condition: { ...when, effect: 'show' }, schema, requiredWhenShown: required.length === 1 };
  }
  const name = required[0];
  if (required.length !== 1 || typeof name !== 'string' || !(name in topProperties)) return null;
  return { name, condition: { ...when, effect: 'require' }, requiredWhenShown: false };
}

/** The designer's field list of a form (fields in uiSchema order; fields shown under a condition after their controller). */
export function parseForm(form: FormDefinition | undefined): FieldModel[] {
  const schema = isRecord(form?.schema) ? form.schema : {};
  const uiSchema = isRecord(form?.uiSchema) ? form.uiSchema : {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const uiOf = (name: string) => (isRecord(uiSchema[name]) ? (uiSchema[name] as Json) : {});
  const requiredWhen = new Map<string, FieldModelCondition>();
  const dependents = new Map<string, FieldModel[]>();
  const addDependent = (controller: string, field: FieldModel) => dependents.set(controller, [...(dependents.get(controller) ?? []), field]);
  const dependencies = isRecord(schema.dependencies) ? schema.dependencies : {};
  for (const [controller, dep] of Object.entries(dependencies)) {
    if (!isRecord(dep) || !isRecord(dep.properties)) continue;
    const depRequired = new Set(Array.isArray(dep.required) ? dep.required.map(String) : []);
    for (const [name, s] of Object.entries(dep.properties)) {
      if (isRecord(s)) addDependent(controller, parseField(name, s, depRequired.has(name), uiOf(name), { field: controller, operator: 'isFilled', effect: 'show' }));
    }
  }
  for (const entry of Array.isArray(schema.allOf) ? schema.allOf : []) {
    const branch = designerBranch(entry, properties);
    if (!branch) continue;
    if (branch.condition.effect === 'require') requiredWhen.set(branch.name, branch.condition);
    else addDependent(branch.condition.field, parseField(branch.name, branch.schema ?? {}, branch.requiredWhenShown, uiOf(branch.name), branch.condition));
  }
  const top = Object.entries(properties)
    .filter(([, s]) => isRecord(s))
    .map(([name, s]) => parseField(name, s as Json, required.has(name), uiOf(name), requiredWhen.get(name)));
  const order = Array.isArray(uiSchema['ui:order']) ? uiSchema['ui:order'].map(String) : [];
  const position = (name: string) => {
    const i = order.indexOf(name);
    return i === -1 ? order.length : i;
  };
  top.sort((a, b) => position(a.name) - position(b.name));
  const result: FieldModel[] = [];
  const placed = new Set<string>();
  const place = (field: FieldModel) => {
    if (placed.has(field.name)) return;
    placed.add(field.name);
    result.push(field);
    for (const dependent of dependents.get(field.name) ?? []) place(dependent);
  };
  for (const field of top) place(field);
  for (const rest of dependents.values()) for (const field of rest) place(field);
  return result;
}

function objectSchema(children: FieldModel[]): Json {
  const properties: Json = {};
  const required: string[] = [];
  for (const c of children) {
    properties[c.name] = fieldSchema(c);
    if (c.required) required.push(c.name);
  }
  return { type: 'object', ...(required.length ? { required } : {}), properties };
}

export function fieldSchema(f: FieldModel): Json {
  const s: Json = {};
  const format = FORMAT_OF[f.kind];
  if (f.kind === 'group') {
    Object.assign(s, { type: 'object', title: f.title }, objectSchema(f.children ?? []));
  } else if (f.kind === 'repeat') {
    const { itemsExtra, ...rest } = f.extra as { itemsExtra?: Json };
    s.type = 'array';
    s.title = f.title;
    s.items = { ...objectSchema(f.children ?? []), ...(isRecord(itemsExtra) ? itemsExtra : {}) };
    if (f.description) s.description = f.description;
    if (typeof f.min === 'number' && Number.isFinite(f.min)) s.minItems = f.min;
    if (typeof f.max === 'number' && Number.isFinite(f.max)) s.maxItems = f.max;
    return { ...s, ...rest };
  } else if (f.kind === 'multi') {
    s.type = 'array';
    s.title = f.title;
    s.items = { type: 'string', enum: f.options };
    s.uniqueItems = true;
  } else {
    s.type = f.kind === 'number' ? 'number' : 'string';
    s.title = f.title;
    if (f.kind === 'single') s.enum = f.options;
    if (format) s.format = format;
  }
  if (f.description) s.description = f.description;
  const [minKey, maxKey] = limitKeys(f.kind);
  if (f.kind !== 'group' && typeof f.min === 'number' && Number.isFinite(f.min)) s[minKey as string] = f.min;
  if (f.kind !== 'group' && typeof f.max === 'number' && Number.isFinite(f.max)) s[maxKey as string] = f.max;
  if (f.pattern) s.pattern = f.pattern;
  const { itemsExtra: _itemsExtra, ...extra } = f.extra;
  return { ...s, ...extra };
}

/** The uiSchema entry of a field: what the designer sets (widgets, nested order) over what it keeps. */
export function fieldUi(f: FieldModel): Json {
  const ui: Json = { ...f.ui };
  if (f.kind === 'single') ui['ui:widget'] = 'radio';
  if (f.kind === 'multi') ui['ui:widget'] = 'checkboxes';
  if (f.kind === 'file') ui['ui:widget'] = 'file';
  if (f.kind === 'group' || f.kind === 'repeat') {
    const nested: Json = f.kind === 'repeat' && isRecord(f.ui.items) ? { ...f.ui.items } : {};
    const children = f.children ?? [];
    if (children.length) nested['ui:order'] = children.map((c) => c.name);
    for (const c of children) {
      const cu = fieldUi(c);
      if (Object.keys(cu).length) nested[c.name] = cu;
    }
    if (f.kind === 'group') Object.assign(ui, nested);
    else if (Object.keys(nested).length) ui.items = nested;
  }
  return ui;
}

function conditionOf({ field, operator, value }: FieldModelCondition): FieldCondition {
  return value === undefined ? { field, operator } : { field, operator, value };
}

/** Whether a field's condition can be written: its controller is another field of the list. */
function effectiveCondition(f: FieldModel, names: ReadonlySet<string>): FieldModelCondition | undefined {
  const c = f.condition;
  if (!c || c.field === f.name || !names.has(c.field)) return undefined;
  // A comparison without its value is not written (the panel keeps it until it is complete).
  if (c.operator !== 'isFilled' && (c.value === undefined || (Array.isArray(c.value) && c.value.length === 0))) return undefined;
  return c;
}

/** The form definition of a field list; the form's other top-level keywords, hand-written allOf entries and uiSchema entries are kept. */
export function buildForm(fields: FieldModel[], previous?: FormDefinition): FormDefinition {
  const prevSchema = isRecord(previous?.schema) ? previous.schema : {};
  const prevUi = isRecord(previous?.uiSchema) ? previous.uiSchema : {};
  const prevProperties = isRecord(prevSchema.properties) ? prevSchema.properties : {};
  const names = new Set(fields.map((f) => f.name));
  const shownWhen = (f: FieldModel) => {
    const c = effectiveCondition(f, names);
    return c?.effect === 'show' ? c : undefined;
  };
  const properties: Json = {};
  const required: string[] = [];
  const dependencies: Record<string, { properties: Json; required?: string[] }> = {};
  const branches: Json[] = [];
  for (const f of fields) {
    const condition = effectiveCondition(f, names);
    const when: FieldCondition | undefined = condition ? conditionOf(condition) : undefined;
    if (condition?.effect === 'show' && when?.operator === 'isFilled') {
      const dep = (dependencies[when.field] ??= { properties: {} });
      dep.properties[f.name] = fieldSchema(f);
      if (f.required) (dep.required ??= []).push(f.name);
    } else if (condition?.effect === 'show' && when) {
      branches.push(conditionalBranch({ name: f.name, effect: 'show', when, requiredWhenShown: f.required }, fieldSchema(f)));
    } else {
      properties[f.name] = fieldSchema(f);
      if (f.required) required.push(f.name);
      if (when) branches.push(conditionalBranch({ name: f.name, effect: 'require', when }));
    }
  }
  const schema: Json = {};
  for (const [k, v] of Object.entries(prevSchema)) if (!['type', 'properties', 'required', 'dependencies', 'allOf'].includes(k)) schema[k] = v;
  const kept = (Array.isArray(prevSchema.allOf) ? prevSchema.allOf : []).filter((entry) => !designerBranch(entry, prevProperties));
  const allOf = [...kept, ...branches];
  const out: Json = { type: 'object', ...(required.length ? { required } : {}), properties, ...schema };
  if (Object.keys(dependencies).length) out.dependencies = dependencies;
  if (allOf.length) out.allOf = allOf;
  // A field shown under a condition is absent from the schema until its condition holds: it cannot be
  // named in ui:order (RJSF refuses unknown names), so '*' stands where the first one goes.
  const order: string[] = [];
  for (const f of fields) {
    if (!shownWhen(f)) order.push(f.name);
    else if (!order.includes('*')) order.push('*');
  }
  const uiSchema: Json = {};
  for (const [k, v] of Object.entries(prevUi)) if (k.startsWith('ui:') && k !== 'ui:order') uiSchema[k] = v;
  uiSchema['ui:order'] = order;
  for (const f of fields) {
    const ui = fieldUi(f);
    if (Object.keys(ui).length) uiSchema[f.name] = ui;
  }
  return { schema: out, uiSchema };
}

/** A key order independent serialisation, to compare two JSON values. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether the visual designer can represent the form exactly (otherwise it warns before rewriting it). */
export function isRoundTrip(form: FormDefinition | undefined): boolean {
  if (!form) return true;
  const rebuilt = buildForm(parseForm(form), form);
  const normalise = (f: FormDefinition) => ({ schema: f.schema, uiSchema: f.uiSchema ?? {} });
  const a = normalise(rebuilt) as { schema: Json; uiSchema: Json };
  const b = normalise(form) as { schema: Json; uiSchema: Json };
  return stableStringify(a.schema) === stableStringify(b.schema);
}

export function newFieldName(kind: FieldKind, taken: Set<string>): string {
  const prefix = FIELD_KINDS.find((k) => k.kind === kind)?.prefix ?? 'field';
  for (let i = 1; ; i++) {
    const name = `${prefix}${i}`;
    if (!taken.has(name)) return name;
  }
}

/** The options a new choice field starts with (saved into the form; the author then edits them). */
export const NEW_OPTIONS = () => [t('designer.form.newOption1'), t('designer.form.newOption2')];

export function newField(kind: FieldKind, taken: Set<string>): FieldModel {
  const label = FIELD_KINDS.find((k) => k.kind === kind)?.label ?? t('designer.form.kind.unknown');
  return {
    name: newFieldName(kind, taken),
    kind,
    title: t('designer.form.newField', { kind: label }),
    required: false,
    options: kind === 'single' || kind === 'multi' ? NEW_OPTIONS() : [],
    extra: {},
    ui: {},
    ...(isContainer(kind) ? { children: [] } : {}),
  };
}

/** The comparisons a field of this kind can be tested with (a list or a file only for having a value). */
export function conditionOperatorsFor(kind: FieldKind): FieldConditionOperator[] {
  if (kind === 'number') return ['isFilled', 'equal', 'in', ...NUMERIC_CONDITION_OPERATORS];
  if (kind === 'multi' || kind === 'file' || kind === 'group' || kind === 'repeat') return ['isFilled'];
  return ['isFilled', 'equal', 'in'];
}

/** The operator's name in the property panel: the rules' Chinese operator names, and 有值 for "has a value". */
export const conditionOperatorName = (operator: FieldConditionOperator) => conditionOperatorLabel(operator);

/**
 * The value of a condition from what the author typed, typed to the controlling field: numbers for
 * a number field, the list of values (one a line, or separated by 、/，/,/᠂) for 属于. Undefined while
 * nothing usable is typed.
 */
export function conditionValueFromText(controller: FieldModel, operator: FieldConditionOperator, text: string): unknown {
  if (operator === 'isFilled') return undefined;
  const one = (part: string): unknown => {
    const t = part.trim();
    if (t === '') return undefined;
    if (controller.kind !== 'number') return t;
    const n = Number(t);
    return Number.isFinite(n) ? n : undefined;
  };
  if (operator === 'in') {
    const values = text.split(/[\n、，,᠂]/).map(one).filter((v) => v !== undefined);
    return values.length ? values : undefined;
  }
  return one(text);
}

/** The text a condition value is edited as (the inverse of conditionValueFromText). */
export function conditionValueText(value: unknown): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join(t('designer.form.valueSeparator'));
  return String(value);
}

/**
 * Why a condition cannot work as it stands, or null: no value yet, a value that is not one of the
 * controller's options, a comparison the controller's kind does not support.
 */
export function conditionProblem(condition: FieldModelCondition, controller: FieldModel | undefined): string | null {
  if (!controller) return t('designer.form.condition.controllerGone');
  if (!conditionOperatorsFor(controller.kind).includes(condition.operator)) return t('designer.form.condition.operatorUnfit', { field: controller.title, operator: conditionOperatorName(condition.operator) });
  if (condition.operator === 'isFilled') return null;
  const values = Array.isArray(condition.value) ? condition.value : condition.value === undefined ? [] : [condition.value];
  if (values.length === 0) return t('designer.form.condition.valueMissing');
  if (controller.kind === 'number' && values.some((v) => typeof v !== 'number')) return t('designer.form.condition.valueNotNumber');
  if (controller.kind === 'single') {
    const unknown = values.filter((v) => !controller.options.includes(String(v)));
    if (unknown.length) return t('designer.form.condition.valueNotOption', { values: unknown.map(String).join(t('designer.form.valueSeparator')), field: controller.title });
  }
  return null;
}

/** A field list with the condition of `name` set (or cleared), kept consistent with its controller. */
export function setCondition(field: FieldModel, condition: FieldModelCondition | undefined): FieldModel {
  const { condition: _old, ...rest } = field;
  return condition ? { ...rest, condition } : rest;
}

/** After a rename: conditions on the old name follow the field. After a removal (`to` undefined): they go. */
export function retargetConditions(fields: FieldModel[], from: string, to: string | undefined): FieldModel[] {
  return fields.map((f) => {
    if (f.condition?.field !== from) return f;
    return to === undefined ? setCondition(f, undefined) : { ...f, condition: { ...f.condition, field: to } };
  });
}
