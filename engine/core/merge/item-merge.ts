/**
 * Three-way merge of item configs: materials, scenarios, process steps, rules and examples merge per
 * element by their id; form fields per field (they are keyed by name already). Conflicts and the
 * other author's merged-in edits are named in Chinese, as the author knows them: 申请材料「居民身份证」·
 * 材料名称, 表单字段「姓名」· 标题, 受理规则「年龄不足」· 条件 — and their values read as the guide reads them.
 */
import type { ItemConfig } from '../config/types.js';
import { isRecord } from '../diff/json-values.js';
import { schemaFieldTitles } from '../diff/side-facts.js';
import { conditionalFieldText, conditionalFields } from '../form/field-conditions.js';
import { keywordLabel, keywordText } from '../diff/form-keywords.js';
import { conditionText, eventTypeText, genericText, isCoded, localFieldText, outcomeText, standardElementText } from '../diff/value-text.js';
import { itemStandardSchema } from '../standard/index.js';
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import { mergeThreeWay, type MergeConflict, type MergedChange, type MergePath, type MergeSide, type MergeStep } from './three-way.js';

/** Element identities of the item config's lists (the first unique one wins; rules may gain an `id`). */
const IDENTITIES: Record<string, readonly string[]> = {
  '/standard/materials': ['id'],
  '/standard/scenarios': ['id'],
  '/standard/process': ['name'],
  '/standard/stageTimeLimits': ['stage'],
  '/standard/materialTemplates': ['materialId'],
  '/standard/dataNeeds': ['dataItem'],
  '/standard/serviceObjects': ['code'],
  '/standard/exerciseLevels': ['code'],
  '/standard/legalBasis/provisions': ['law'],
  '/rules': ['id', 'name'],
  '/examples': ['id', 'name'],
};

/** The merge's texts, in Chinese (the language the conflicts have always been named in). */
const t = (key: CatalogueKey, values?: Record<string, string | number>) => uiText(key, 'zh-CN', values);
const quoted = (name: string) => t('designer.references.quoted', { name });
const fieldNamed = (name: string) => t('core.merge.field', { name });

function itemIdentity(path: MergePath): readonly string[] {
  if (!path.every((s) => typeof s === 'string')) return [];
  return IDENTITIES[`/${path.join('/')}`] ?? [];
}

export interface ItemMergeConflict extends MergeConflict {
  /** Where, in Chinese: 申请材料「居民身份证」· 材料名称. */
  label: string;
  baseText: string;
  mineText: string;
  theirsText: string;
}

export interface ItemMergedChange extends MergedChange {
  label: string;
  theirsText: string;
}

export interface ItemMergeResult {
  merged: ItemConfig;
  conflicts: ItemMergeConflict[];
  fromTheirs: ItemMergedChange[];
}

/**
 * Merges the author's edits (mine, made on `base`) with the draft another author saved meanwhile
 * (theirs). `choices` settles conflicts by key; a conflict without a choice keeps mine in `merged`
 * but stays listed, so the caller can insist that every one is decided.
 */
export function mergeItemConfigs(base: ItemConfig, mine: ItemConfig, theirs: ItemConfig, choices: Readonly<Record<string, MergeSide>> = {}): ItemMergeResult {
  const result = mergeThreeWay<ItemConfig>(base, mine, theirs, { identity: itemIdentity, atomic: isCoded, choices });
  const sides = [mine, theirs, base];
  return {
    merged: result.merged,
    conflicts: result.conflicts.map((c) => ({
      ...c,
      label: mergePathLabel(c.path, sides),
      baseText: mergeValueText(c.path, c.base, sides),
      mineText: sideText(c.path, c.base, c.mine, sides),
      theirsText: sideText(c.path, c.base, c.theirs, sides),
    })),
    // Their edits are named as they now stand (a renamed material by its new name).
    fromTheirs: result.fromTheirs.map((c) => ({ ...c, label: mergePathLabel(c.path, [theirs, mine, base]), theirsText: sideText(c.path, c.base, c.theirs, [theirs, mine, base]) })),
  };
}

function sideText(path: MergePath, base: unknown, value: unknown, sides: readonly unknown[]): string {
  if (value === undefined && base !== undefined) return t('core.merge.deleted');
  return mergeValueText(path, value, sides);
}

// ---------------------------------------------------------------- labels

interface SchemaNode {
  title?: string;
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}
const standardRoot = itemStandardSchema as unknown as SchemaNode & { definitions: Record<string, SchemaNode> };

function resolved(node: SchemaNode | undefined): SchemaNode | undefined {
  const ref = node?.$ref;
  return ref?.startsWith('#/definitions/') ? standardRoot.definitions[ref.slice('#/definitions/'.length)] : node;
}

const stepIndexText = (step: { index: number }) => t('core.config.standard.nth', { n: step.index + 1 });

const ID_KEYS = [...new Set(Object.values(IDENTITIES).flat())];

/** The element a step names, as it is on the first side that has it. */
function elementAt(lists: readonly unknown[], step: { id: string }): Record<string, unknown> | undefined {
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    const found = list.find((e) => isRecord(e) && ID_KEYS.some((k) => e[k] === step.id));
    if (isRecord(found)) return found;
  }
  return undefined;
}

/** A rule or example by the name authors gave it (a Chinese title when there is one). */
function elementName(element: Record<string, unknown> | undefined, step: { id: string }): string {
  for (const key of ['title', 'label', 'name', 'point', 'dataItem', 'stage', 'law']) {
    const value = element?.[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  return step.id;
}

const RULE_PROPERTIES: Record<string, CatalogueKey> = {
  name: 'core.merge.rule.name', title: 'core.merge.rule.title', label: 'core.merge.rule.title', description: 'designer.rules.description', priority: 'designer.rules.priority', enabled: 'core.merge.rule.enabled',
  conditions: 'designer.rules.condition', event: 'designer.rules.outcome', type: 'core.config.titles.eventType', params: 'core.merge.rule.params', message: 'core.merge.rule.message', materialId: 'guide.field.materials', basis: 'decision.basis',
  all: 'designer.rules.group.all', any: 'designer.rules.group.any', not: 'core.config.titles.not', fact: 'core.merge.rule.fact', operator: 'core.merge.rule.operator', value: 'designer.rules.value', path: 'core.merge.rule.path', optional: 'core.merge.rule.optional',
};
const EXAMPLE_PROPERTIES: Record<string, CatalogueKey> = {
  name: 'core.merge.example.name', input: 'core.merge.example.input', expect: 'core.merge.example.expect', scenario: 'designer.examples.scenario', formData: 'core.config.titles.formData', materials: 'core.config.titles.materials', date: 'core.merge.example.date',
  division: 'runtime.handlingPlace.label', channel: 'core.merge.example.channel', creditBlacklisted: 'core.merge.example.creditBlacklisted', outcome: 'designer.examples.outcome', missingMaterials: 'core.merge.example.missingMaterials', fieldErrors: 'core.merge.example.fieldErrors', firedRules: 'core.merge.example.firedRules',
};
const FORM_PARTS: Record<string, CatalogueKey> = {
  uiSchema: 'core.merge.form.uiSchema', applicant: 'core.merge.form.applicant', 'ui:order': 'core.merge.form.order', 'ui:widget': 'core.merge.form.widget', 'ui:options': 'core.merge.form.widgetOptions', 'ui:help': 'core.config.strings.help', 'ui:placeholder': 'core.config.strings.placeholder',
};
const propertyText = (names: Record<string, CatalogueKey>, key: string): string | undefined => (Object.hasOwn(names, key) ? t(names[key]!) : undefined);

/** Where the form keeps its value-based logic (the designer writes allOf if/then; dependencies is RJSF's older form). */
const FORM_LOGIC_KEYWORDS = new Set(['allOf', 'dependencies', 'if', 'then', 'else']);

function fieldTitle(schemas: readonly unknown[], key: string): string {
  for (const schema of schemas) {
    const title = isRecord(schema) && isRecord(schema.properties) && isRecord(schema.properties[key]) ? schema.properties[key].title : undefined;
    if (typeof title === 'string' && title.trim()) return title;
  }
  return key;
}

export function mergePathLabel(path: MergePath, sides: readonly unknown[]): string {
  const [section, ...rest] = path;
  const parts: string[] = [];
  const append = (text: string) => {
    if (parts.length) parts[parts.length - 1] += text;
    else parts.push(text);
  };
  const at = (key: string) => sides.map((s) => (isRecord(s) ? s[key] : undefined));
  if (section === 'standard') {
    let node: SchemaNode | undefined = standardRoot;
    let values: unknown[] = at('standard');
    if (!rest.length) parts.push(t('designer.standard.title'));
    for (const step of rest) {
      if (typeof step === 'string') {
        const property: SchemaNode | undefined = resolved(node)?.properties?.[step];
        parts.push(step === 'materialId' ? t('designer.standard.materialPicker.title') : (property?.title ?? resolved(property)?.title ?? step));
        node = resolved(property);
        values = values.map((v) => (isRecord(v) ? v[step] : undefined));
      } else if ('id' in step) {
        const element = elementAt(values, step);
        append(quoted(elementName(element, step)));
        node = resolved(node?.items);
        values = [element];
      } else {
        append(stepIndexText(step));
        node = resolved(node?.items);
        values = values.map((v) => (Array.isArray(v) ? v[step.index] : undefined));
      }
    }
    return parts.join(' · ');
  }
  if (section === 'form') {
    parts.push(t('designer.tab.form'));
    let schemas: unknown[] = at('form').map((f) => (isRecord(f) ? f.schema : undefined));
    let inUi = false;
    for (let i = 0; i < rest.length; i++) {
      const step = rest[i] as MergeStep;
      if (typeof step !== 'string') {
        append('id' in step ? quoted(step.id) : stepIndexText(step));
        continue;
      }
      if (step === 'schema' && i === 0) continue;
      if (step === 'uiSchema' && i === 0) inUi = true;
      if (step === 'properties' && !inUi) {
        const key = rest[i + 1];
        if (typeof key === 'string') {
          parts.push(fieldNamed(fieldTitle(schemas, key)));
          schemas = schemas.map((s) => (isRecord(s) && isRecord(s.properties) ? s.properties[key] : undefined));
          i++;
          continue;
        }
      }
      if (inUi && i > 0 && !step.startsWith('ui:')) {
        parts.push(fieldNamed(fieldTitle(schemas, step)));
        schemas = schemas.map((s) => (isRecord(s) && isRecord(s.properties) ? s.properties[step] : undefined));
        continue;
      }
      if (step === 'required' && !inUi) {
        parts.push(t('core.merge.form.required'));
        continue;
      }
      if (i === 1 && !inUi && FORM_LOGIC_KEYWORDS.has(step)) {
        parts.push(keywordLabel('conditional'));
        continue;
      }
      parts.push(propertyText(FORM_PARTS, step) ?? keywordLabel(step));
    }
    return parts.join(' · ');
  }
  if (section === 'rules' || section === 'examples') {
    parts.push(t(section === 'rules' ? 'designer.tab.rules' : 'designer.tab.examples'));
    const names = section === 'rules' ? RULE_PROPERTIES : EXAMPLE_PROPERTIES;
    const lists = at(section);
    const formSchemas = at('form').map((f) => (isRecord(f) ? f.schema : undefined));
    for (let i = 0; i < rest.length; i++) {
      const step = rest[i] as MergeStep;
      if (typeof step === 'string') {
        if (section === 'examples' && rest[i - 1] === 'formData') parts.push(fieldNamed(fieldTitle(formSchemas, step)));
        else parts.push(propertyText(names, step) ?? step);
      } else if ('id' in step) append(quoted(elementName(elementAt(lists, step), step)));
      else append(t('core.merge.nthRule', { n: step.index + 1 }));
    }
    return parts.join(' · ');
  }
  return [t('core.merge.other'), ...rest.map((s) => (typeof s === 'string' ? s : 'id' in s ? s.id : stepIndexText(s)))].join(' · ');
}

// ---------------------------------------------------------------- values

function materialNames(sides: readonly unknown[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const side of sides) {
    const materials = isRecord(side) && isRecord(side.standard) ? side.standard.materials : undefined;
    if (!Array.isArray(materials)) continue;
    for (const m of materials) if (isRecord(m) && typeof m.id === 'string' && typeof m.name === 'string' && !names.has(m.id)) names.set(m.id, m.name);
  }
  return names;
}

const MATERIAL_REFERENCES = new Set(['materialIds', 'materialId', 'materials', 'missingMaterials']);

/** A value as the author reads it: labels of codes, names of materials, conditions as one line. */
export function mergeValueText(path: MergePath, value: unknown, sides: readonly unknown[]): string {
  if (value === undefined) return t('designer.examples.nothing');
  const last = path[path.length - 1];
  const section = path[0];
  const names = materialNames(sides);
  const material = (id: unknown) => (typeof id === 'string' ? quoted(names.get(id) ?? id) : genericText(id));
  if (typeof last === 'string' && MATERIAL_REFERENCES.has(last) && !(section === 'standard' && path.length === 2)) {
    return Array.isArray(value) ? (value.length ? value.map(material).join(t('server.listSeparator')) : t('core.merge.empty')) : material(value);
  }
  if (section === 'standard') {
    if (path.length === 2 && typeof last === 'string') return standardElementText(last, value);
    if (last === 'localFields' || path[1] === 'localFields') return Array.isArray(value) ? value.map(localFieldText).join(t('server.listSeparator')) : localFieldText(value);
    return readable(value, standardNodeAt(path.slice(1)));
  }
  if (section === 'rules') {
    if (last === 'conditions' || path.includes('conditions')) return isRecord(value) ? conditionText(value) : readable(value);
    if (last === 'type') return eventTypeText(value);
    if (isRecord(value) && isRecord(value.event) && 'conditions' in value) {
      return t('core.merge.ruleValue', { conditions: conditionText(value.conditions), outcome: eventTypeText(value.event.type) });
    }
    return readable(value);
  }
  if (section === 'examples' && last === 'outcome') return outcomeText(value);
  if (section === 'form') {
    const logic = formLogicText(path, value, sides);
    if (logic !== undefined) return logic;
  }
  if (section === 'form' && typeof last === 'string') {
    const text = keywordText(last);
    if (text && !isRecord(value)) return text(value);
    if (isRecord(value) && typeof value.title === 'string') return t('core.merge.fieldValue', { name: value.title, type: genericText(value.type) });
  }
  return readable(value);
}

/**
 * The form's conditional logic (the whole allOf list, one entry of it, or dependencies) read as the
 * core's sentences — 当「户籍所在地」为「外盟市」时需填写「居住证编号」 — with the fields named by any
 * side's titles. Hand-written entries that say nothing in that shape are counted, not dumped as JSON.
 */
function formLogicText(path: MergePath, value: unknown, sides: readonly unknown[]): string | undefined {
  const [, schemaStep, keyword, entry, ...deeper] = path;
  if (schemaStep !== 'schema' || deeper.length > 0) return undefined;
  let entries: unknown[];
  if (keyword === 'allOf' && entry === undefined) entries = Array.isArray(value) ? value : [value];
  else if (keyword === 'allOf' && typeof entry === 'object' && 'index' in entry) entries = [value];
  else if (keyword === 'dependencies' && entry === undefined) entries = isRecord(value) ? Object.entries(value).map(([k, v]) => ({ dependencies: { [k]: v } })) : [value];
  else return undefined;
  const schemas = sides.map((side) => (isRecord(side) && isRecord(side.form) ? side.form.schema : undefined));
  const top: Record<string, unknown> = {};
  for (const schema of schemas) if (isRecord(schema) && isRecord(schema.properties)) for (const [k, v] of Object.entries(schema.properties)) if (!(k in top)) top[k] = v;
  const titles = [...schemas, { allOf: entries }].map((schema) => schemaFieldTitles(schema));
  const titleOf = (key: string) => titles.map((title) => title(key)).find((title) => title !== key) ?? key;
  if (entries.length === 0) return t('core.merge.noFormLogic');
  const sentences: string[] = [];
  let handWritten = 0;
  for (const item of entries) {
    const node = isRecord(item) && 'dependencies' in item ? { properties: top, ...item } : { properties: top, allOf: [item] };
    const fields = conditionalFields(node);
    if (fields.length === 0) handWritten++;
    else sentences.push(...fields.map((field) => conditionalFieldText(field, titleOf)));
  }
  if (sentences.length === 0) return undefined;
  return [...sentences, ...(handWritten > 0 ? [t('core.merge.handWrittenLogic', { n: handWritten })] : [])].join(t('server.notice.clauseSeparator'));
}

function standardNodeAt(path: MergePath): SchemaNode | undefined {
  let node: SchemaNode | undefined = standardRoot;
  for (const step of path) node = resolved(typeof step === 'string' ? resolved(node)?.properties?.[step] : resolved(node)?.items);
  return resolved(node);
}

/** Plain JSON, one level deep, with Chinese labels for keys we know (the schema's titles first) and no braces. */
function readable(value: unknown, schema?: SchemaNode): string {
  if (!isRecord(value) || Array.isArray(value)) return genericText(value);
  if (typeof value.label === 'string' && typeof value.code === 'string') return value.label;
  const title = ['title', 'name', 'point', 'stage', 'dataItem', 'law'].map((k) => value[k]).find((v) => typeof v === 'string');
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && !isRecord(v));
  const text = entries.slice(0, 6).map(([k, v]) => t('core.merge.entry', { label: schema?.properties?.[k]?.title ?? resolved(schema?.properties?.[k])?.title ?? propertyText(RULE_PROPERTIES, k) ?? propertyText(EXAMPLE_PROPERTIES, k) ?? keywordLabel(k), value: genericText(v) })).join(t('server.notice.clauseSeparator'));
  return title && typeof title === 'string' ? (text ? t('core.merge.titledValue', { title, text }) : quoted(title)) : text || genericText(value);
}
