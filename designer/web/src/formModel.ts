/**
 * The field list the form designer edits, and its two-way mapping to `form.schema` / `form.uiSchema`.
 * A conditional field ("仅当另一字段有值时显示") is a schema dependency: it is declared under
 * `dependencies.<controller>.properties`, which RJSF shows only once the controller has a value.
 */
import type { FormDefinition } from '../../../engine/core/index.js';

export type FieldKind = 'text' | 'number' | 'date' | 'single' | 'multi' | 'idNumber' | 'mobile' | 'creditCode' | 'division' | 'file' | 'group' | 'repeat';

export const FIELD_KINDS: { kind: FieldKind; label: string; prefix: string }[] = [
  { kind: 'text', label: '文本', prefix: 'text' },
  { kind: 'number', label: '数字', prefix: 'number' },
  { kind: 'date', label: '日期', prefix: 'date' },
  { kind: 'single', label: '单选', prefix: 'choice' },
  { kind: 'multi', label: '多选', prefix: 'choices' },
  { kind: 'idNumber', label: '身份证号码', prefix: 'idNumber' },
  { kind: 'mobile', label: '手机号码', prefix: 'mobile' },
  { kind: 'creditCode', label: '统一社会信用代码', prefix: 'creditCode' },
  { kind: 'division', label: '行政区划', prefix: 'division' },
  { kind: 'file', label: '文件附件', prefix: 'attachment' },
  { kind: 'group', label: '分组/区块', prefix: 'group' },
  { kind: 'repeat', label: '重复组', prefix: 'repeat' },
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
  /** Shown only when this other field has a value. */
  showWhen?: string;
  /** Schema keywords the designer does not edit, kept as they are. */
  extra: Record<string, unknown>;
  /** uiSchema entries of the field the designer does not edit. */
  ui: Record<string, unknown>;
  /** The fields of a group (分组) or of each entry of a repeating group (重复组). */
  children?: FieldModel[];
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

function parseField(name: string, s: Json, required: boolean, ui: Json, showWhen?: string, nested = false): FieldModel {
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
    ...(showWhen ? { showWhen } : {}),
    extra,
    ui: fieldUi,
    ...(children ? { children } : {}),
  };
}

function limitKeys(kind: FieldKind): [string, string] {
  return kind === 'number' ? ['minimum', 'maximum'] : kind === 'multi' || kind === 'repeat' ? ['minItems', 'maxItems'] : ['minLength', 'maxLength'];
}

/** The designer's field list of a form (fields in uiSchema order; conditional fields after their controller). */
export function parseForm(form: FormDefinition | undefined): FieldModel[] {
  const schema = isRecord(form?.schema) ? form.schema : {};
  const uiSchema = isRecord(form?.uiSchema) ? form.uiSchema : {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const uiOf = (name: string) => (isRecord(uiSchema[name]) ? (uiSchema[name] as Json) : {});
  const top = Object.entries(properties)
    .filter(([, s]) => isRecord(s))
    .map(([name, s]) => parseField(name, s as Json, required.has(name), uiOf(name)));
  const order = Array.isArray(uiSchema['ui:order']) ? uiSchema['ui:order'].map(String) : [];
  const position = (name: string) => {
    const i = order.indexOf(name);
    return i === -1 ? order.length : i;
  };
  top.sort((a, b) => position(a.name) - position(b.name));
  const dependencies = isRecord(schema.dependencies) ? schema.dependencies : {};
  const result: FieldModel[] = [];
  const dependents = new Map<string, FieldModel[]>();
  for (const [controller, dep] of Object.entries(dependencies)) {
    if (!isRecord(dep) || !isRecord(dep.properties)) continue;
    const depRequired = new Set(Array.isArray(dep.required) ? dep.required.map(String) : []);
    const list = Object.entries(dep.properties)
      .filter(([, s]) => isRecord(s))
      .map(([name, s]) => parseField(name, s as Json, depRequired.has(name), uiOf(name), controller));
    dependents.set(controller, list);
  }
  for (const field of top) {
    result.push(field);
    result.push(...(dependents.get(field.name) ?? []));
    dependents.delete(field.name);
  }
  for (const rest of dependents.values()) result.push(...rest);
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

/** The form definition of a field list; the form's other top-level keywords and uiSchema entries are kept. */
export function buildForm(fields: FieldModel[], previous?: FormDefinition): FormDefinition {
  const prevSchema = isRecord(previous?.schema) ? previous.schema : {};
  const prevUi = isRecord(previous?.uiSchema) ? previous.uiSchema : {};
  const names = new Set(fields.map((f) => f.name));
  const unconditional = new Set(fields.filter((f) => !f.showWhen || !names.has(f.showWhen) || f.showWhen === f.name).map((f) => f.name));
  const properties: Json = {};
  const required: string[] = [];
  const dependencies: Record<string, { properties: Json; required?: string[] }> = {};
  for (const f of fields) {
    if (unconditional.has(f.name)) {
      properties[f.name] = fieldSchema(f);
      if (f.required) required.push(f.name);
    } else {
      const controller = f.showWhen as string;
      const dep = (dependencies[controller] ??= { properties: {} });
      dep.properties[f.name] = fieldSchema(f);
      if (f.required) (dep.required ??= []).push(f.name);
    }
  }
  const schema: Json = {};
  for (const [k, v] of Object.entries(prevSchema)) if (!['type', 'properties', 'required', 'dependencies'].includes(k)) schema[k] = v;
  const out: Json = { type: 'object', ...(required.length ? { required } : {}), properties, ...schema };
  if (Object.keys(dependencies).length) out.dependencies = dependencies;
  // A conditional field is absent from the schema until its controller has a value: it cannot be
  // named in ui:order (RJSF refuses unknown names), so '*' stands where the first one goes.
  const order: string[] = [];
  for (const f of fields) {
    if (unconditional.has(f.name)) order.push(f.name);
    else if (!order.includes('*')) order.push('*');
  }
  const uiSchema: Json = {};
  for (const [k, v] of Object.entries(prevUi)) if (k.startsWith('ui:') && k !== 'ui:order') uiSchema[k] = v;
  uiSchema['ui:order'] = order.includes('*') ? order : [...order];
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

export function newField(kind: FieldKind, taken: Set<string>): FieldModel {
  const label = FIELD_KINDS.find((k) => k.kind === kind)?.label ?? '字段';
  return {
    name: newFieldName(kind, taken),
    kind,
    title: `新${label}字段`,
    required: false,
    options: kind === 'single' || kind === 'multi' ? ['选项一', '选项二'] : [],
    extra: {},
    ui: {},
    ...(isContainer(kind) ? { children: [] } : {}),
  };
}
