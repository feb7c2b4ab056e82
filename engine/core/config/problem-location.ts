import type { Problem } from '../errors.js';
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import { standardDefinition, itemStandardSchema } from '../standard/standard-schemas.js';
import type { Language } from '../vocabulary/index.js';
import { extendProblem, isRecord } from './problem-list.js';

/** The designer tabs a problem can belong to, in the order the designer shows them. */
export const PROBLEM_TABS = ['standard', 'form', 'rules', 'examples'] as const;
export type ProblemTab = (typeof PROBLEM_TABS)[number];

/** Each tab's label: the designer's own tab names. */
const PROBLEM_TAB_KEYS: Record<ProblemTab, CatalogueKey> = {
  standard: 'designer.standard.title',
  form: 'designer.tab.form',
  rules: 'designer.tab.rules',
  examples: 'designer.tab.examples',
};

/** The tab's label in `language`. */
export const problemTabLabel = (tab: ProblemTab, language: Language = 'zh-CN'): string => uiText(PROBLEM_TAB_KEYS[tab], language);

export const PROBLEM_TAB_LABELS: Record<ProblemTab, string> = {
  standard: problemTabLabel('standard'),
  form: problemTabLabel('form'),
  rules: problemTabLabel('rules'),
  examples: problemTabLabel('examples'),
};

/** Where the author finds a problem: the tab, the section in it, and the JSON pointer of the value. */
export interface ProblemLocation {
  tab: ProblemTab;
  tabLabel: string;
  /** The section as the author reads it, e.g. 「申请材料」第 2 项（居民身份证）, 规则「未满16周岁不予登记」. */
  section: string;
}

export interface LocatedProblem extends Problem {
  location: ProblemLocation;
}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

const standardProperties = (itemStandardSchema as unknown as { properties: Record<string, { title?: string; $ref?: string }> }).properties;

/** The Chinese title of an element of the item standard (事项名称, 申请材料 …). */
export function standardElementTitle(key: string): string | undefined {
  const property = standardProperties[key];
  if (!property) return undefined;
  if (typeof property.title === 'string') return property.title;
  const ref = property.$ref;
  const title = ref?.startsWith('#/definitions/') ? standardDefinition(ref.slice('#/definitions/'.length))?.title : undefined;
  return typeof title === 'string' ? title : undefined;
}

function entryName(list: unknown, index: number, key: string, language: Language): string {
  const entry = Array.isArray(list) ? list[index] : undefined;
  const name = isRecord(entry) ? entry[key] : undefined;
  return typeof name === 'string' && name.trim() !== '' ? uiText('core.config.location.entryName', language, { name }) : '';
}

/** How a rule is named to people: its Chinese name (label), else its description, else its id. */
export function ruleDisplayName(rule: unknown, index?: number, language: Language = 'zh-CN'): string {
  if (isRecord(rule)) {
    for (const key of ['title', 'label', 'description', 'name'] as const) {
      const value = rule[key];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return index === undefined ? uiText('designer.references.unnamedRule', language) : uiText('core.config.location.nthRule', language, { n: index + 1 });
}

/** The tab and section of `pointer` in `config` (read leniently: the config may be broken), named in `language`. */
export function problemLocation(config: unknown, pointer: string, language: Language = 'zh-CN'): ProblemLocation {
  const tokens = pointer.split('/').slice(1).map(unescape);
  const root = isRecord(config) ? config : {};
  const [top, second, third, fourth] = tokens;
  const at = (tab: ProblemTab, section: string): ProblemLocation => ({ tab, tabLabel: problemTabLabel(tab, language), section });
  const text = (key: CatalogueKey, values?: Record<string, string | number>) => uiText(key, language, values);
  if (top === 'form') {
    const schema = isRecord(root.form) && isRecord(root.form.schema) ? root.form.schema : {};
    if (second === 'schema' && third === 'properties' && fourth !== undefined) {
      const field = isRecord(schema.properties) ? schema.properties[fourth] : undefined;
      const title = isRecord(field) && typeof field.title === 'string' ? field.title : fourth;
      return at('form', text('core.form.schema.field', { title }));
    }
    if (second === 'applicant') return at('form', text('core.config.location.applicantFields'));
    if (second === 'uiSchema') return at('form', text('core.config.location.uiSchema'));
    return at('form', text('core.form.schema.form'));
  }
  if (top === 'rules') {
    const index = Number(second);
    if (second === undefined || !Number.isInteger(index)) return at('rules', text('core.config.location.allRules'));
    const rule = Array.isArray(root.rules) ? root.rules[index] : undefined;
    const key = third === 'conditions' ? 'core.config.location.ruleConditions' : third === 'event' ? 'core.config.location.ruleEvent' : 'core.config.location.rule';
    return at('rules', text(key, { name: ruleDisplayName(rule, index, language) }));
  }
  if (top === 'examples') {
    const index = Number(second);
    if (second === undefined || !Number.isInteger(index)) return at('examples', text('core.config.location.allExamples'));
    const example = Array.isArray(root.examples) ? root.examples[index] : undefined;
    const name = isRecord(example) && typeof example.name === 'string' && example.name ? example.name : text('designer.examples.exampleNumber', { n: index + 1 });
    return at('examples', text('core.config.location.example', { name }));
  }
  // The standard, and the config's own code (shown with the standard's 事项编码).
  if (top !== 'standard' || second === undefined) return at('standard', text(top === 'code' ? 'guide.field.code' : 'designer.standard.title'));
  const standard = isRecord(root.standard) ? root.standard : {};
  const title = standardElementTitle(second) ?? second;
  const index = Number(third);
  if (third !== undefined && Number.isInteger(index) && Array.isArray(standard[second])) {
    const name = entryName(standard[second], index, second === 'materials' || second === 'scenarios' || second === 'process' ? 'name' : 'point', language);
    return at('standard', text('core.config.location.standardEntry', { title, n: index + 1, name: name.length > 40 ? '' : name }));
  }
  return at('standard', text('designer.references.quoted', { name: title }));
}

/** Each problem with its location (in `language`); a problem's catalogue message stays with it, to be rendered in the caller's language. */
export function locateProblems(config: unknown, problems: readonly Problem[], language: Language = 'zh-CN'): LocatedProblem[] {
  return problems.map((problem) => extendProblem(problem, { location: problemLocation(config, problem.pointer, language) }));
}
