/**
 * A complete prose account of one item config, for the reviewer of a new item: there is no
 * published version to compare with, so the review reads the whole standard, its materials and
 * scenarios, the form and the rules, each in the words the diff uses for a change.
 *
 * Pure and browser-safe, like the diff; drafts may be incomplete, so nothing here trusts shapes.
 */
import { ruleDisplayName, ruleSentence } from './rules-diff.js';
import { isRecord } from './json-values.js';
import { schemaFieldTitles, sideFacts } from './side-facts.js';
import { conditionalFieldText, conditionalFields } from '../form/field-conditions.js';
import { STANDARD_ELEMENTS, materialPropertyLabel, standardElementLabel } from './standard-labels.js';
import { SECTION_LABELS } from './render-text.js';
import { constOptionsText, genericText, isCoded, materialListText, outcomeText, schemaFormatText, schemaTypeText, standardElementText } from './value-text.js';
import type { DiffSection } from './types.js';

export interface DescriptionEntry {
  /** What the line is about: 承诺办理时限, 申请材料「居民身份证」, 受理规则「已达退休年龄」. */
  label: string;
  text: string;
}

export interface DescriptionSection {
  section: DiffSection;
  title: string;
  entries: DescriptionEntry[];
}

export interface ConfigDescription {
  /** 事项名称 and code, when the draft has them. */
  heading: string;
  sections: DescriptionSection[];
}

const OWN_SECTIONS = new Set(['materials', 'scenarios']);

function standardEntries(standard: unknown): DescriptionEntry[] {
  if (!isRecord(standard)) return [];
  return STANDARD_ELEMENTS.filter((key) => !OWN_SECTIONS.has(key) && standard[key] !== undefined)
    .map((key) => ({ label: standardElementLabel(key), text: standardElementText(key, standard[key]) }));
}

function materialEntries(standard: unknown): DescriptionEntry[] {
  const materials = isRecord(standard) && Array.isArray(standard.materials) ? standard.materials : [];
  return materials.map((m, i) => {
    if (!isRecord(m)) return { label: `申请材料 第 ${i + 1} 项`, text: genericText(m) };
    const coded = [m.necessity, m.type, m.form, m.source].filter(isCoded).map((c) => c.label);
    const extra = [
      typeof m.originals === 'number' ? `${materialPropertyLabel('originals')} ${m.originals}` : undefined,
      typeof m.copies === 'number' ? `${materialPropertyLabel('copies')} ${m.copies}` : undefined,
    ].filter((p): p is string => p !== undefined);
    return { label: `申请材料「${typeof m.name === 'string' ? m.name : genericText(m.id)}」`, text: [...coded, ...extra].join('，') || '（未填写属性）' };
  });
}

function scenarioEntries(standard: unknown, materials: ReadonlyMap<string, string>): DescriptionEntry[] {
  const scenarios = isRecord(standard) && Array.isArray(standard.scenarios) ? standard.scenarios : [];
  return scenarios.map((s, i) => {
    if (!isRecord(s)) return { label: `办理情形 第 ${i + 1} 项`, text: genericText(s) };
    const needs = Array.isArray(s.materialIds) ? `需提交：${materialListText(s.materialIds, materials)}` : '未关联材料';
    const description = typeof s.description === 'string' && s.description !== '' ? `${s.description}；` : '';
    return { label: `办理情形「${typeof s.name === 'string' ? s.name : genericText(s.id)}」`, text: `${description}${needs}` };
  });
}

function fieldText(schema: Record<string, unknown>, required: boolean, conditional: boolean): string {
  const parts: string[] = [];
  if (schema.type !== undefined) parts.push(schemaTypeText(schema.type));
  if (schema.format !== undefined) parts.push(schemaFormatText(schema.format));
  if (Array.isArray(schema.enum)) parts.push(`可选值 ${genericText(schema.enum)}`);
  else if (Array.isArray(schema.oneOf)) parts.push(`可选值 ${constOptionsText(schema.oneOf)}`);
  else if (isRecord(schema.items) && Array.isArray(schema.items.oneOf)) parts.push(`可多选 ${constOptionsText(schema.items.oneOf)}`);
  if (typeof schema.minimum === 'number') parts.push(`最小值 ${schema.minimum}`);
  if (typeof schema.maximum === 'number') parts.push(`最大值 ${schema.maximum}`);
  if (typeof schema.maxLength === 'number') parts.push(`最多 ${schema.maxLength} 字`);
  parts.push(required ? '必填' : '选填');
  if (conditional) parts.push('按其他字段的填写情况显示');
  return parts.join('，');
}

/** Fields in the order the applicant sees them (ui:order), then those of conditional branches. */
function formEntries(form: unknown): DescriptionEntry[] {
  const schema = isRecord(form) && isRecord(form.schema) ? form.schema : undefined;
  if (!schema) return [];
  const entries: DescriptionEntry[] = [];
  const seen = new Set<string>();
  const order = isRecord(form) && isRecord(form.uiSchema) && Array.isArray(form.uiSchema['ui:order']) ? (form.uiSchema['ui:order'] as unknown[]).filter((k): k is string => typeof k === 'string') : [];
  const visit = (node: unknown, conditional: boolean, depth: number) => {
    if (!isRecord(node) || depth > 8) return;
    const required = Array.isArray(node.required) ? node.required : [];
    const properties = isRecord(node.properties) ? node.properties : {};
    const keys = Object.keys(properties).sort((a, b) => {
      const ia = order.indexOf(a);
      const ib = order.indexOf(b);
      return (ia < 0 ? Number.MAX_SAFE_INTEGER : ia) - (ib < 0 ? Number.MAX_SAFE_INTEGER : ib);
    });
    for (const key of keys) {
      const field = properties[key];
      if (seen.has(key) || !isRecord(field)) continue;
      seen.add(key);
      entries.push({ label: `表单字段「${typeof field.title === 'string' ? field.title : key}」`, text: fieldText(field, required.includes(key), conditional) });
    }
    for (const branch of ['then', 'else'] as const) visit(node[branch], true, depth + 1);
    for (const list of ['allOf', 'anyOf', 'oneOf'] as const) if (Array.isArray(node[list])) for (const b of node[list] as unknown[]) visit(b, true, depth + 1);
    if (isRecord(node.dependencies)) for (const b of Object.values(node.dependencies)) visit(b, true, depth + 1);
  };
  visit(schema, false, 0);
  // Which field shows or is required when: the designer's value-based logic, in sentences.
  const titleOf = schemaFieldTitles(schema);
  for (const field of conditionalFields(schema)) entries.push({ label: `表单逻辑「${titleOf(field.name)}」`, text: conditionalFieldText(field, titleOf) });
  return entries;
}

function ruleEntries(config: unknown): DescriptionEntry[] {
  const rules = isRecord(config) && Array.isArray(config.rules) ? config.rules : [];
  const facts = sideFacts(config);
  // Higher priority first, as the engine runs them.
  const priority = (r: unknown) => (isRecord(r) && typeof r.priority === 'number' ? r.priority : 1);
  return [...rules].sort((a, b) => priority(b) - priority(a)).map((rule) => ({ label: `受理规则「${ruleDisplayName(rule)}」`, text: ruleSentence(rule, facts) }));
}

function exampleEntries(config: unknown): DescriptionEntry[] {
  const examples = isRecord(config) && Array.isArray(config.examples) ? config.examples : [];
  return examples.map((e, i) => {
    const name = isRecord(e) && typeof e.name === 'string' ? e.name : `第 ${i + 1} 个`;
    const expect = isRecord(e) && isRecord(e.expect) ? e.expect : {};
    return { label: `测试样例「${name}」`, text: expect.outcome === undefined ? '未写预期结果' : `预期${outcomeText(expect.outcome)}` };
  });
}

export function describeConfig(config: unknown): ConfigDescription {
  const standard = isRecord(config) ? config.standard : undefined;
  const facts = sideFacts(config);
  const name = isRecord(standard) && typeof standard.name === 'string' ? standard.name : '（未命名事项）';
  const code = isRecord(config) && typeof config.code === 'string' ? `（${config.code}）` : '';
  const sections: DescriptionSection[] = [
    { section: 'standard', title: SECTION_LABELS.standard, entries: standardEntries(standard) },
    { section: 'materials', title: SECTION_LABELS.materials, entries: materialEntries(standard) },
    { section: 'scenarios', title: SECTION_LABELS.scenarios, entries: scenarioEntries(standard, facts.materials) },
    { section: 'form', title: SECTION_LABELS.form, entries: formEntries(isRecord(config) ? config.form : undefined) },
    { section: 'rules', title: SECTION_LABELS.rules, entries: ruleEntries(config) },
    { section: 'examples', title: SECTION_LABELS.examples, entries: exampleEntries(config) },
  ];
  return { heading: `${name}${code}`, sections };
}

/** The account as plain text: one line per entry under each section, empty sections said so. */
export function renderConfigDescription(description: ConfigDescription): string {
  const lines = [`新设立事项：${description.heading}`, '尚无已发布版本，以下为草稿的完整内容。'];
  for (const section of description.sections) {
    lines.push('', `【${section.title}】`);
    if (section.entries.length === 0) lines.push('  （无）');
    for (const entry of section.entries) lines.push(`  ${entry.label}：${entry.text}`);
  }
  return `${lines.join('\n')}\n`;
}
