import { addDays, ageOn, formatIsoDate, idNumberCheckChar, isIsoDate, parseIsoDate } from '../codes/index.js';
import type { ConditionNode, Example, ItemConfig, LeafCondition } from '../config/types.js';
import { ruleDisplayName } from '../config/problem-location.js';
import { formFields } from '../form/form-fields.js';
import { referencedFact } from '../rules/fact-reference.js';
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';

/** A proposed example and what it probes. */
export interface BoundaryProposal {
  example: Example;
  /** The rule and condition whose threshold it sits at. */
  rule: string;
  pointer: string;
  /** below: just under the threshold · at: on it · above: just over it. */
  side: 'below' | 'at' | 'above';
}

const NUMBER_OPERATORS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const DATE_OPERATORS = new Set(['dateBefore', 'dateOnOrBefore', 'dateAfter', 'dateOnOrAfter']);
const AGE_OPERATORS = new Set(['ageAtLeast', 'ageBelow']);
const SIDE_LABEL: Record<'below' | 'at' | 'above', CatalogueKey> = { below: 'core.examples.side.below', at: 'core.rules.operator.equal', above: 'core.examples.side.above' };

function leaves(node: ConditionNode, pointer: string, out: { leaf: LeafCondition; pointer: string }[]): void {
  if (!node || typeof node !== 'object') return;
  if ('all' in node && Array.isArray(node.all)) node.all.forEach((c, i) => leaves(c, `${pointer}/all/${i}`, out));
  else if ('any' in node && Array.isArray(node.any)) node.any.forEach((c, i) => leaves(c, `${pointer}/any/${i}`, out));
  else if ('not' in node && node.not) leaves(node.not, `${pointer}/not`, out);
  else if ('fact' in node && typeof node.fact === 'string') out.push({ leaf: node, pointer });
}

function shiftYears(date: string, years: number): string {
  const d = parseIsoDate(date);
  if (!d) return date;
  const year = d.year - years;
  // 29 February in a year without it: the day the age changes is 1 March.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return d.month === 2 && d.day === 29 && !leap ? formatIsoDate({ year, month: 3, day: 1 }) : formatIsoDate({ year, month: d.month, day: d.day });
}

/** A valid 18-digit ID number (GB 11643) born on `birth`, with the region and sequence of `template` when it has them. */
function idNumberBornOn(birth: string, template: unknown): string {
  const region = typeof template === 'string' && /^\d{6}/.test(template) ? template.slice(0, 6) : '150102';
  const sequence = typeof template === 'string' && /^\d{17}/.test(template) ? template.slice(14, 17) : '001';
  const first17 = `${region}${birth.replace(/-/g, '')}${sequence}`;
  return `${first17}${idNumberCheckChar(first17)}`;
}

/**
 * Examples at the thresholds of the rules' numeric, date and age conditions: for each, one just
 * below, one at and one just above the value, copied from a base example (the config's first, or
 * an empty one) with only that fact changed. Integers step by 1, other numbers by 0.01, dates by
 * a day; an age threshold of N years gives birth dates that make the applicant N − 1 (the day
 * before the birthday), exactly N (the birthday) and N (the day after) on the evaluation date.
 * The expected outcome is copied from the base: the author states what each should give. Pure:
 * nothing is evaluated; values already tried by an example are not proposed again.
 */
export function proposeBoundaryExamples(config: ItemConfig, today: string): BoundaryProposal[] {
  const fields = formFields(config.form?.schema ?? {});
  const base: Example = config.examples?.[0]
    ? structuredClone(config.examples[0])
    : { name: '', input: { scenario: config.standard?.scenarios?.[0]?.id ?? '', date: today, formData: {}, materials: [] }, expect: { outcome: 'accept' } };
  const date = isIsoDate(base.input.date) ? base.input.date : today;
  const tried = new Set((config.examples ?? []).map((e) => JSON.stringify([e.input.formData, e.input.date ?? null])));
  const names = new Set((config.examples ?? []).map((e) => e.name));
  const proposals: BoundaryProposal[] = [];
  (config.rules ?? []).forEach((rule, index) => {
    if (rule.enabled === false) return;
    const found: { leaf: LeafCondition; pointer: string }[] = [];
    leaves(rule.conditions, '/conditions', found);
    for (const { leaf, pointer } of found) {
      const field = fields.get(leaf.fact);
      if (!field || leaf.path) continue;
      const ref = referencedFact(leaf.value);
      let values: [BoundaryProposal['side'], unknown, string][] = [];
      if (NUMBER_OPERATORS.has(leaf.operator) && typeof leaf.value === 'number' && Number.isFinite(leaf.value)) {
        const step = field.types.includes('integer') || Number.isInteger(leaf.value) ? 1 : 0.01;
        const round = (n: number) => Math.round(n * 100) / 100;
        values = [['below', round(leaf.value - step), ''], ['at', leaf.value, ''], ['above', round(leaf.value + step), '']];
      } else if (DATE_OPERATORS.has(leaf.operator) && (isIsoDate(leaf.value) || ref?.fact === 'today')) {
        const threshold = isIsoDate(leaf.value) ? leaf.value : date;
        values = [['below', addDays(threshold, -1), ''], ['at', threshold, ''], ['above', addDays(threshold, 1), '']];
      } else if (AGE_OPERATORS.has(leaf.operator) && Number.isInteger(leaf.value) && (leaf.value as number) >= 1) {
        const years = leaf.value as number;
        const birthday = shiftYears(date, years);
        const births: [BoundaryProposal['side'], string][] = [['below', addDays(birthday, 1)], ['at', birthday], ['above', addDays(birthday, -1)]];
        const asId = field.format === 'cn-id-number';
        values = births.map(([side, birth]) => [side, asId ? idNumberBornOn(birth, base.input.formData[leaf.fact]) : birth, uiText('designer.examples.parenthesised', 'zh-CN', { text: uiText('designer.examples.age', 'zh-CN', { age: ageOn(birth, date) }) })]);
      }
      for (const [side, value, note] of values) {
        const formData = { ...base.input.formData, [leaf.fact]: value };
        const key = JSON.stringify([formData, base.input.date ?? null]);
        if (tried.has(key)) continue;
        tried.add(key);
        const threshold = AGE_OPERATORS.has(leaf.operator)
          ? `${uiText('designer.examples.age', 'zh-CN', { age: String(leaf.value) })}${note}`
          : String(isIsoDate(leaf.value) || typeof leaf.value === 'number' ? leaf.value : date);
        let name = uiText('core.examples.boundaryName', 'zh-CN', { field: field.title, side: uiText(SIDE_LABEL[side]), threshold, rule: ruleDisplayName(rule, index) });
        while (names.has(name)) name = `${name}′`;
        names.add(name);
        const { firedRules: _fired, missingMaterials: _missing, fieldErrors: _errors, ...expect } = base.expect;
        proposals.push({ example: { name, input: { ...base.input, formData }, expect }, rule: rule.name, pointer: `/rules/${index}${pointer}`, side });
      }
    }
  });
  return proposals;
}
