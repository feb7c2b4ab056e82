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
import { uiText } from '../i18n/catalogue/catalogue.js';

const named = (noun: string, name: string) => uiText('core.diff.label.named', 'zh-CN', { noun, name });
const nth = (i: number) => uiText('core.config.standard.nth', 'zh-CN', { n: i + 1 });
const partSeparator = () => uiText('core.guide.partSeparator');

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
    if (!isRecord(m)) return { label: `${standardElementLabel('materials')} ${nth(i)}`, text: genericText(m) };
    const coded = [m.necessity, m.type, m.form, m.source].filter(isCoded).map((c) => c.label);
    const extra = [
      typeof m.originals === 'number' ? `${materialPropertyLabel('originals')} ${m.originals}` : undefined,
      typeof m.copies === 'number' ? `${materialPropertyLabel('copies')} ${m.copies}` : undefined,
    ].filter((p): p is string => p !== undefined);
    return { label: named(standardElementLabel('materials'), typeof m.name === 'string' ? m.name : genericText(m.id)), text: [...coded, ...extra].join(partSeparator()) || uiText('core.diff.describe.noProperties') };
  });
}

function scenarioEntries(standard: unknown, materials: ReadonlyMap<string, string>): DescriptionEntry[] {
  const scenarios = isRecord(standard) && Array.isArray(standard.scenarios) ? standard.scenarios : [];
  return scenarios.map((s, i) => {
    if (!isRecord(s)) return { label: `${standardElementLabel('scenarios')} ${nth(i)}`, text: genericText(s) };
    const needs = Array.isArray(s.materialIds) ? uiText('core.diff.describe.needs', 'zh-CN', { materials: materialListText(s.materialIds, materials) }) : uiText('core.diff.describe.noMaterials');
    const text = typeof s.description === 'string' && s.description !== '' ? uiText('core.diff.describe.scenarioText', 'zh-CN', { description: s.description, needs }) : needs;
    return { label: named(standardElementLabel('scenarios'), typeof s.name === 'string' ? s.name : genericText(s.id)), text };
  });
}

function fieldText(schema: Record<string, unknown>, required: boolean, conditional: boolean): string {
  const parts: string[] = [];
  if (schema.type !== undefined) parts.push(schemaTypeText(schema.type));
  if (schema.format !== undefined) parts.push(schemaFormatText(schema.format));
  if (Array.isArray(schema.enum)) parts.push(uiText('core.diff.form.options', 'zh-CN', { values: genericText(schema.enum) }));
  else if (Array.isArray(schema.oneOf)) parts.push(uiText('core.diff.form.options', 'zh-CN', { values: constOptionsText(schema.oneOf) }));
  else if (isRecord(schema.items) && Array.isArray(schema.items.oneOf)) parts.push(uiText('core.diff.form.multiOptions', 'zh-CN', { values: constOptionsText(schema.items.oneOf) }));
  if (typeof schema.minimum === 'number') parts.push(`${uiText('designer.form.limit.minNumber')} ${schema.minimum}`);
  if (typeof schema.maximum === 'number') parts.push(`${uiText('designer.form.limit.maxNumber')} ${schema.maximum}`);
  if (typeof schema.maxLength === 'number') parts.push(uiText('core.diff.describe.maxLength', 'zh-CN', { n: schema.maxLength }));
  parts.push(uiText(required ? 'designer.form.props.required' : 'core.diff.describe.optional'));
  if (conditional) parts.push(uiText('core.diff.describe.conditional'));
  return parts.join(partSeparator());
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
      entries.push({ label: named(uiText('designer.rules.formFields'), typeof field.title === 'string' ? field.title : key), text: fieldText(field, required.includes(key), conditional) });
    }
    for (const branch of ['then', 'else'] as const) visit(node[branch], true, depth + 1);
    for (const list of ['allOf', 'anyOf', 'oneOf'] as const) if (Array.isArray(node[list])) for (const b of node[list] as unknown[]) visit(b, true, depth + 1);
    if (isRecord(node.dependencies)) for (const b of Object.values(node.dependencies)) visit(b, true, depth + 1);
  };
  visit(schema, false, 0);
  // Which field shows or is required when: the designer's value-based logic, in sentences.
  const titleOf = schemaFieldTitles(schema);
  for (const field of conditionalFields(schema)) entries.push({ label: named(uiText('core.diff.describe.formLogic'), titleOf(field.name)), text: conditionalFieldText(field, titleOf) });
  return entries;
}

function ruleEntries(config: unknown): DescriptionEntry[] {
  const rules = isRecord(config) && Array.isArray(config.rules) ? config.rules : [];
  const facts = sideFacts(config);
  // Higher priority first, as the engine runs them.
  const priority = (r: unknown) => (isRecord(r) && typeof r.priority === 'number' ? r.priority : 1);
  return [...rules].sort((a, b) => priority(b) - priority(a)).map((rule) => ({ label: named(uiText('designer.tab.rules'), ruleDisplayName(rule)), text: ruleSentence(rule, facts) }));
}

function exampleEntries(config: unknown): DescriptionEntry[] {
  const examples = isRecord(config) && Array.isArray(config.examples) ? config.examples : [];
  return examples.map((e, i) => {
    const name = isRecord(e) && typeof e.name === 'string' ? e.name : uiText('core.diff.examples.nth', 'zh-CN', { n: i + 1 });
    const expect = isRecord(e) && isRecord(e.expect) ? e.expect : {};
    return { label: named(uiText('designer.tab.examples'), name), text: expect.outcome === undefined ? uiText('core.diff.examples.noExpectation') : uiText('core.diff.examples.expected', 'zh-CN', { outcome: outcomeText(expect.outcome) }) };
  });
}

export function describeConfig(config: unknown): ConfigDescription {
  const standard = isRecord(config) ? config.standard : undefined;
  const facts = sideFacts(config);
  const name = isRecord(standard) && typeof standard.name === 'string' ? standard.name : uiText('core.diff.describe.unnamedItem');
  const code = isRecord(config) && typeof config.code === 'string' ? uiText('core.diff.describe.code', 'zh-CN', { code: config.code }) : '';
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
  const lines = [uiText('core.diff.describe.title', 'zh-CN', { heading: description.heading }), uiText('core.diff.describe.noPublished')];
  for (const section of description.sections) {
    lines.push('', uiText('core.diff.describe.sectionTitle', 'zh-CN', { title: section.title }));
    if (section.entries.length === 0) lines.push(`  ${uiText('designer.examples.nothing')}`);
    for (const entry of section.entries) lines.push(`  ${uiText('core.diff.label.entry', 'zh-CN', { label: entry.label, text: entry.text })}`);
  }
  return `${lines.join('\n')}\n`;
}
