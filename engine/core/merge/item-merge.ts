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
  if (value === undefined && base !== undefined) return '（已删除）';
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

const stepIndexText = (step: { index: number }) => `第 ${step.index + 1} 项`;

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

const RULE_PROPERTIES: Record<string, string> = {
  name: '规则标识', title: '规则名称', label: '规则名称', description: '说明', priority: '优先级', enabled: '是否启用',
  conditions: '条件', event: '结果', type: '结果类型', params: '参数', message: '提示语', materialId: '材料', basis: '依据',
  all: '全部满足', any: '任一满足', not: '不满足', fact: '判断对象', operator: '判断方式', value: '比较值', path: '取值路径', optional: '缺少时视为不满足',
};
const EXAMPLE_PROPERTIES: Record<string, string> = {
  name: '样例名称', input: '输入', expect: '预期', scenario: '办理情形', formData: '表单数据', materials: '已交材料', date: '办理日期',
  division: '办理地', channel: '渠道', creditBlacklisted: '失信名单', outcome: '受理结论', missingMaterials: '缺少的材料', fieldErrors: '有误的字段', firedRules: '触发的规则',
};
const FORM_PARTS: Record<string, string> = { uiSchema: '显示设置', applicant: '申请人信息取自', 'ui:order': '字段顺序', 'ui:widget': '控件', 'ui:options': '控件选项', 'ui:help': '填写提示', 'ui:placeholder': '占位提示' };

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
    if (!rest.length) parts.push('事项标准');
    for (const step of rest) {
      if (typeof step === 'string') {
        const property: SchemaNode | undefined = resolved(node)?.properties?.[step];
        parts.push(step === 'materialId' ? '对应材料' : (property?.title ?? resolved(property)?.title ?? step));
        node = resolved(property);
        values = values.map((v) => (isRecord(v) ? v[step] : undefined));
      } else if ('id' in step) {
        const element = elementAt(values, step);
        append(`「${elementName(element, step)}」`);
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
    parts.push('表单设计');
    let schemas: unknown[] = at('form').map((f) => (isRecord(f) ? f.schema : undefined));
    let inUi = false;
    for (let i = 0; i < rest.length; i++) {
      const step = rest[i] as MergeStep;
      if (typeof step !== 'string') {
        append('id' in step ? `「${step.id}」` : stepIndexText(step));
        continue;
      }
      if (step === 'schema' && i === 0) continue;
      if (step === 'uiSchema' && i === 0) inUi = true;
      if (step === 'properties' && !inUi) {
        const key = rest[i + 1];
        if (typeof key === 'string') {
          parts.push(`字段「${fieldTitle(schemas, key)}」`);
          schemas = schemas.map((s) => (isRecord(s) && isRecord(s.properties) ? s.properties[key] : undefined));
          i++;
          continue;
        }
      }
      if (inUi && i > 0 && !step.startsWith('ui:')) {
        parts.push(`字段「${fieldTitle(schemas, step)}」`);
        schemas = schemas.map((s) => (isRecord(s) && isRecord(s.properties) ? s.properties[step] : undefined));
        continue;
      }
      if (step === 'required' && !inUi) {
        parts.push('必填字段');
        continue;
      }
      if (i === 1 && !inUi && FORM_LOGIC_KEYWORDS.has(step)) {
        parts.push(keywordLabel('conditional'));
        continue;
      }
      parts.push(FORM_PARTS[step] ?? keywordLabel(step));
    }
    return parts.join(' · ');
  }
  if (section === 'rules' || section === 'examples') {
    parts.push(section === 'rules' ? '受理规则' : '测试样例');
    const names = section === 'rules' ? RULE_PROPERTIES : EXAMPLE_PROPERTIES;
    const lists = at(section);
    const formSchemas = at('form').map((f) => (isRecord(f) ? f.schema : undefined));
    for (let i = 0; i < rest.length; i++) {
      const step = rest[i] as MergeStep;
      if (typeof step === 'string') {
        if (section === 'examples' && rest[i - 1] === 'formData') parts.push(`字段「${fieldTitle(formSchemas, step)}」`);
        else parts.push(names[step] ?? step);
      } else if ('id' in step) append(`「${elementName(elementAt(lists, step), step)}」`);
      else append(`第 ${step.index + 1} 条`);
    }
    return parts.join(' · ');
  }
  return ['其他设置', ...rest.map((s) => (typeof s === 'string' ? s : 'id' in s ? s.id : stepIndexText(s)))].join(' · ');
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
  if (value === undefined) return '（无）';
  const last = path[path.length - 1];
  const section = path[0];
  const names = materialNames(sides);
  const material = (id: unknown) => (typeof id === 'string' ? `「${names.get(id) ?? id}」` : genericText(id));
  if (typeof last === 'string' && MATERIAL_REFERENCES.has(last) && !(section === 'standard' && path.length === 2)) {
    return Array.isArray(value) ? (value.length ? value.map(material).join('、') : '（空）') : material(value);
  }
  if (section === 'standard') {
    if (path.length === 2 && typeof last === 'string') return standardElementText(last, value);
    if (last === 'localFields' || path[1] === 'localFields') return Array.isArray(value) ? value.map(localFieldText).join('、') : localFieldText(value);
    return readable(value, standardNodeAt(path.slice(1)));
  }
  if (section === 'rules') {
    if (last === 'conditions' || path.includes('conditions')) return isRecord(value) ? conditionText(value) : readable(value);
    if (last === 'type') return eventTypeText(value);
    if (isRecord(value) && isRecord(value.event) && 'conditions' in value) {
      return `条件：${conditionText(value.conditions)}；结果：${eventTypeText(value.event.type)}`;
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
    if (isRecord(value) && typeof value.title === 'string') return `字段「${value.title}」（${genericText(value.type)}）`;
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
  if (entries.length === 0) return '（无表单逻辑）';
  const sentences: string[] = [];
  let handWritten = 0;
  for (const item of entries) {
    const node = isRecord(item) && 'dependencies' in item ? { properties: top, ...item } : { properties: top, allOf: [item] };
    const fields = conditionalFields(node);
    if (fields.length === 0) handWritten++;
    else sentences.push(...fields.map((field) => conditionalFieldText(field, titleOf)));
  }
  if (sentences.length === 0) return undefined;
  return [...sentences, ...(handWritten > 0 ? [`另有 ${handWritten} 条手写的表单逻辑`] : [])].join('；');
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
  const text = entries.slice(0, 6).map(([k, v]) => `${schema?.properties?.[k]?.title ?? resolved(schema?.properties?.[k])?.title ?? RULE_PROPERTIES[k] ?? EXAMPLE_PROPERTIES[k] ?? keywordLabel(k)}：${genericText(v)}`).join('；');
  return title && typeof title === 'string' ? `「${title}」${text ? `（${text}）` : ''}` : text || genericText(value);
}
