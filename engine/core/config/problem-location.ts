import type { Problem } from '../errors.js';
import { standardDefinition, itemStandardSchema } from '../standard/standard-schemas.js';
import { isRecord } from './problem-list.js';

/** The designer tabs a problem can belong to, in the order the designer shows them. */
export const PROBLEM_TABS = ['standard', 'form', 'rules', 'examples'] as const;
export type ProblemTab = (typeof PROBLEM_TABS)[number];

export const PROBLEM_TAB_LABELS: Record<ProblemTab, string> = {
  standard: '事项标准',
  form: '表单设计',
  rules: '受理规则',
  examples: '测试样例',
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

function entryName(list: unknown, index: number, key: string): string {
  const entry = Array.isArray(list) ? list[index] : undefined;
  const name = isRecord(entry) ? entry[key] : undefined;
  return typeof name === 'string' && name.trim() !== '' ? `（${name}）` : '';
}

/** How a rule is named to people: its Chinese name (label), else its description, else its id. */
export function ruleDisplayName(rule: unknown, index?: number): string {
  if (isRecord(rule)) {
    for (const key of ['title', 'label', 'description', 'name'] as const) {
      const value = rule[key];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return index === undefined ? '（未命名规则）' : `第 ${index + 1} 条规则`;
}

/** The tab and section of `pointer` in `config` (read leniently: the config may be broken). */
export function problemLocation(config: unknown, pointer: string): ProblemLocation {
  const tokens = pointer.split('/').slice(1).map(unescape);
  const root = isRecord(config) ? config : {};
  const [top, second, third, fourth] = tokens;
  const at = (tab: ProblemTab, section: string): ProblemLocation => ({ tab, tabLabel: PROBLEM_TAB_LABELS[tab], section });
  if (top === 'form') {
    const schema = isRecord(root.form) && isRecord(root.form.schema) ? root.form.schema : {};
    if (second === 'schema' && third === 'properties' && fourth !== undefined) {
      const field = isRecord(schema.properties) ? schema.properties[fourth] : undefined;
      const title = isRecord(field) && typeof field.title === 'string' ? field.title : fourth;
      return at('form', `字段「${title}」`);
    }
    if (second === 'applicant') return at('form', '申请人字段');
    if (second === 'uiSchema') return at('form', '界面设置');
    return at('form', '表单定义');
  }
  if (top === 'rules') {
    const index = Number(second);
    if (second === undefined || !Number.isInteger(index)) return at('rules', '全部规则');
    const rule = Array.isArray(root.rules) ? root.rules[index] : undefined;
    const part = third === 'conditions' ? ' · 条件' : third === 'event' ? ' · 结果' : '';
    return at('rules', `规则「${ruleDisplayName(rule, index)}」${part}`);
  }
  if (top === 'examples') {
    const index = Number(second);
    if (second === undefined || !Number.isInteger(index)) return at('examples', '全部样例');
    const example = Array.isArray(root.examples) ? root.examples[index] : undefined;
    const name = isRecord(example) && typeof example.name === 'string' && example.name ? example.name : `样例 ${index + 1}`;
    return at('examples', `样例「${name}」`);
  }
  // The standard, and the config's own code (shown with the standard's 事项编码).
  if (top !== 'standard' || second === undefined) return at('standard', top === 'code' ? '事项编码' : '事项标准');
  const standard = isRecord(root.standard) ? root.standard : {};
  const title = standardElementTitle(second) ?? second;
  const index = Number(third);
  if (third !== undefined && Number.isInteger(index) && Array.isArray(standard[second])) {
    const name = entryName(standard[second], index, second === 'materials' || second === 'scenarios' || second === 'process' ? 'name' : 'point');
    return at('standard', `「${title}」第 ${index + 1} 项${name.length > 40 ? '' : name}`);
  }
  return at('standard', `「${title}」`);
}

export function locateProblems(config: unknown, problems: readonly Problem[]): LocatedProblem[] {
  return problems.map((problem) => ({ ...problem, location: problemLocation(config, problem.pointer) }));
}
