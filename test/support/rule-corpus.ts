/**
 * A differential corpus for the rule evaluators: items (every sample, the test fixture, the
 * bench's 30-field / 20-rule item and seeded synthetic items with nested facts and every
 * operator) and, per item, seeded random applications full of awkward values — missing, empty,
 * wrong types, invalid ID numbers, dates at age thresholds and exactly at comparison boundaries,
 * evaluation dates around month ends and leap days.
 */
import {
  addDays, compileConfig, parseIsoDate, decide, forEachLeaf, formFields, idNumberCheckChar, isIsoDate, operatorsByName, referencedFact, ruleFacts,
  type CompiledConfig, type ConditionNode, type ItemConfig, type LeafCondition, type Rule, type RuleEvent,
} from '../../engine/core/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { generatedItem } from '../bench/generated-item.js';
import { itemConfig } from '../fixtures/item-config.js';
import { ReferenceRules } from './reference-rules.js';

export type Random = () => number;

/** A small seeded PRNG, so a failing case can be replayed from its seed. */
export function prng(seed: number): Random {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const pick = <T,>(random: Random, values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

/** Evaluation dates: ordinary, leap day, the days around 1 March, a year end, far past and future. */
export const EVALUATION_DATES = ['2025-06-01', '2024-02-29', '2025-02-28', '2025-03-01', '2026-03-15', '2030-12-31', '2000-01-01'];
const DIVISIONS = ['150102', '152921', '150100', '150000', '150102001', '150802'];
const JUNK: unknown[] = [undefined, undefined, null, '', ' ', 0, 1, -1, true, false, 'x', [], {}, ['x'], { a: 1 }, '2025-13-01'];

/** A GB 11643 number with the given birth date (the check character computed, never guessed). */
export function idNumberBorn(birth: string, address = '150102', sequence = '001'): string {
  const body = `${address}${birth.replaceAll('-', '')}${sequence}`;
  return body + idNumberCheckChar(body);
}

function yearsBefore(date: string, years: number): string[] {
  const shifted = `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
  // 29 February minus a common year: the person born on 28 February and on 1 March.
  if (parseIsoDate(shifted)) return [shifted];
  const feb28 = `${shifted.slice(0, 8)}28`;
  return [feb28, addDays(feb28, 1)];
}

/** Literals, age thresholds and compared-to facts the item's rules use, per fact (and path). */
interface RuleLiterals {
  values: Map<string, unknown[]>;
  ages: number[];
  dates: string[];
}

function literalsOf(config: ItemConfig): RuleLiterals {
  const literals: RuleLiterals = { values: new Map(), ages: [], dates: [] };
  for (const rule of config.rules) {
    forEachLeaf(rule.conditions, (leaf) => {
      const key = leaf.path ? `${leaf.fact}${leaf.path.slice(1)}` : leaf.fact;
      const op = operatorsByName.get(leaf.operator);
      if (op?.usesEvaluationDate) literals.ages.push(Number(leaf.value));
      const list = literals.values.get(key) ?? [];
      if (!referencedFact(leaf.value)) list.push(...(Array.isArray(leaf.value) ? leaf.value : [leaf.value]));
      literals.values.set(key, list);
      if (isIsoDate(leaf.value)) literals.dates.push(leaf.value);
    });
  }
  return literals;
}

/** Dates at every boundary the rules can meet: literal ±1 day, evaluation date ±1, age thresholds ±1. */
function boundaryDates(literals: RuleLiterals): string[] {
  const dates = new Set<string>(['2000-02-29', '2030-01-01']);
  for (const d of [...literals.dates, ...EVALUATION_DATES]) for (const delta of [-1, 0, 1]) dates.add(addDays(d, delta));
  for (const today of EVALUATION_DATES) {
    for (const years of new Set([...literals.ages, 16, 18, 60])) {
      if (!Number.isFinite(years)) continue;
      for (const birth of yearsBefore(today, years)) for (const delta of [-1, 0, 1]) dates.add(addDays(birth, delta));
    }
  }
  return [...dates];
}

type Generate = (random: Random) => unknown;

/** A value generator for one schema node: valid values, rule literals, boundary values and junk. */
/** How often a generated value is junk; varied per application so that clean ones reach "accept". */
let junkRate = 0.2;

function generatorFor(schema: Record<string, unknown>, key: string, literals: RuleLiterals, dates: string[], examples: unknown[]): Generate {
  const fixed: unknown[] = [...examples, ...(literals.values.get(key) ?? [])];
  if (Array.isArray(schema.enum)) fixed.push(...schema.enum);
  const type = schema.type;
  const format = schema.format;
  let typed: Generate | null = null;
  if (format === 'cn-id-number') {
    const ids = [...new Set(dates.map((d) => idNumberBorn(d)))];
    const invalid = ['11010519491231002x', '110105194912310021', '123', '15010220080315002X', '150102200802300027'];
    typed = (random) => (random() < 0.85 ? pick(random, ids) : pick(random, invalid));
  } else if (format === 'date') {
    typed = (random) => (random() < 0.9 ? pick(random, dates) : pick(random, ['not-a-date', '2025-6-1', '2023-02-29', 20250601]));
  } else if (format === 'cn-division') {
    typed = (random) => pick(random, [...DIVISIONS, '150102000000', '110105', '15010', 'abc', 150102]);
  } else if (format === 'cn-social-credit-code') {
    typed = (random) => pick(random, ['91150105MA0P4H6W8C', '91150702MA13XU5B5U', '91150105MA0P4H6W8D', '123']);
  } else if (type === 'number' || type === 'integer') {
    const numbers = (literals.values.get(key) ?? []).filter((v): v is number => typeof v === 'number');
    const near = numbers.flatMap((n) => [n - 1, n, n + 1, n + 0.5]);
    typed = (random) => pick(random, [...near, 0, 1, 15, 16, 17, 18, 60, 1e6, -1, '18', '0']);
  } else if (type === 'boolean') {
    typed = (random) => pick(random, [true, false, 'true', 0]);
  } else if (type === 'array') {
    const items = (schema.items ?? {}) as Record<string, unknown>;
    const item = generatorFor(items, `${key}[0]`, literals, dates, []);
    const options = Array.isArray(items.enum) ? items.enum : (literals.values.get(key) ?? []);
    typed = (random) => {
      if (random() < 0.15) return pick(random, ['a', 5, {}]);
      const length = Math.floor(random() * 4);
      return Array.from({ length }, () => (options.length > 0 && random() < 0.7 ? pick(random, options) : item(random)));
    };
  } else if (type === 'object' || schema.properties) {
    const properties = Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>).map(
      ([name, child]) => [name, generatorFor(child, `${key}.${name}`, literals, dates, [])] as const,
    );
    typed = (random) => {
      const value: Record<string, unknown> = {};
      for (const [name, generate] of properties) {
        const v = generate(random);
        if (v !== undefined) value[name] = v;
      }
      return value;
    };
  }
  return (random) => {
    if (random() < junkRate) return pick(random, JUNK);
    if (fixed.length > 0 && (random() < 0.4 || !typed)) return pick(random, fixed);
    return typed ? typed(random) : pick(random, ['甲', '王五', 'abc', 12]);
  };
}

export interface CorpusCase {
  input: { scenario: string; formData: Record<string, unknown>; materials: string[]; date: string; creditBlacklisted?: boolean };
  context: { division: string; channel: 'comprehensive-window' | 'police-station' };
}

/** Seeded applications for one item. */
export function applicationsFor(config: ItemConfig, seed: number): () => CorpusCase {
  const random = prng(seed);
  // The 失信 mark (容缺受理) draws from its own sequence, so the rest of each application is as before.
  const credit = prng(seed ^ 0x5eed);
  const literals = literalsOf(config);
  const dates = boundaryDates(literals);
  const examples = new Map<string, unknown[]>();
  for (const example of config.examples) {
    for (const [k, v] of Object.entries(example.input.formData)) examples.set(k, [...(examples.get(k) ?? []), v]);
  }
  const fields = [...formFields(config.form.schema).values()].map((f) => [f.name, generatorFor(f.schema, f.name, literals, dates, examples.get(f.name) ?? [])] as const);
  // The item's own examples first: real applications, most of them accepted.
  const authored: CorpusCase[] = config.examples.map(({ input: { division, channel, ...input } }) => ({
    input: { ...input, date: input.date ?? EVALUATION_DATES[0] } as CorpusCase['input'],
    context: { division: division ?? (DIVISIONS[0] as string), channel: channel ?? config.standard.channel },
  }));
  return () => {
    const example = authored.shift();
    if (example) return example;
    junkRate = pick(random, [0.2, 0.05, 0]);
    const formData: Record<string, unknown> = {};
    for (const [name, generate] of fields) {
      const value = generate(random);
      if (value !== undefined) formData[name] = value;
    }
    return {
      input: {
        scenario: pick(random, config.standard.scenarios).id,
        formData,
        materials: config.standard.materials.filter(() => random() < 0.5).map((m) => m.id),
        date: pick(random, EVALUATION_DATES),
        ...(credit() < 0.15 ? { creditBlacklisted: true } : {}),
      },
      context: { division: pick(random, DIVISIONS), channel: random() < 0.95 ? config.standard.channel : pick(random, ['comprehensive-window', 'police-station'] as const) },
    };
  };
}

// ---------------------------------------------------------------------------------------------
// Synthetic items: nested facts, every operator, compared-to facts, optional, all/any/not trees.

interface FactChoice {
  fact: string;
  path?: string;
  kind: 'id' | 'birth' | 'date' | 'number' | 'choice' | 'multi' | 'boolean' | 'division' | 'credit' | 'text' | 'today' | 'materials' | 'scenario';
}

const SYNTHETIC_FACTS: FactChoice[] = [
  { fact: 'idNumber', kind: 'id' },
  { fact: 'applicant', path: '$.idNumber', kind: 'id' },
  { fact: 'members', path: '$[0].idNumber', kind: 'id' },
  { fact: 'applicant', path: '$.birthDate', kind: 'birth' },
  { fact: 'startDate', kind: 'date' },
  { fact: 'applicant', path: '$.address.movedIn', kind: 'date' },
  { fact: 'income', kind: 'number' },
  { fact: 'members', path: '$[1].income', kind: 'number' },
  { fact: 'employmentType', kind: 'choice' },
  { fact: 'tags', kind: 'multi' },
  { fact: 'agreed', kind: 'boolean' },
  { fact: 'residence', kind: 'division' },
  { fact: 'applicant', path: '$.address.division', kind: 'division' },
  { fact: 'creditCode', kind: 'credit' },
  { fact: 'name', kind: 'text' },
  { fact: 'applicant', path: '$.name', kind: 'text' },
  { fact: 'today', kind: 'today' },
  { fact: 'materials', kind: 'materials' },
  { fact: 'scenario', kind: 'scenario' },
];

const person = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '姓名' },
    idNumber: { type: 'string', format: 'cn-id-number' },
    birthDate: { type: 'string', format: 'date' },
    income: { type: 'number' },
    address: { type: 'object', properties: { division: { type: 'string', format: 'cn-division' }, movedIn: { type: 'string', format: 'date' } } },
  },
};

function syntheticLeaf(random: Random): LeafCondition {
  const choice = pick(random, SYNTHETIC_FACTS);
  const at = choice.path ? { fact: choice.fact, path: choice.path } : { fact: choice.fact };
  const optional = random() < 0.2 ? { optional: true } : {};
  const leaf = (operator: string, value: unknown): LeafCondition => ({ ...at, operator, value, ...optional });
  if (random() < 0.1) return leaf('isFilled', random() < 0.8);
  const dateValue = () => (random() < 0.5 ? pick(random, ['2025-06-01', '2024-02-29', '2000-03-01', '2026-01-01']) : pick(random, [{ fact: 'today' }, { fact: 'startDate' }, { fact: 'applicant', path: '$.birthDate' }]));
  switch (choice.kind) {
    case 'id':
      return random() < 0.3 ? leaf('idNumberValid', random() < 0.8) : random() < 0.85 ? leaf(pick(random, ['ageAtLeast', 'ageBelow']), pick(random, [16, 18, 60, 0, 1])) : leaf('equal', idNumberBorn('2008-03-15'));
    case 'birth':
      return random() < 0.6 ? leaf(pick(random, ['ageAtLeast', 'ageBelow']), pick(random, [16, 18, 60])) : leaf(pick(random, ['dateBefore', 'dateOnOrAfter']), dateValue());
    case 'date':
    case 'today':
      return leaf(pick(random, ['dateBefore', 'dateOnOrBefore', 'dateAfter', 'dateOnOrAfter']), dateValue());
    case 'number': {
      const op = pick(random, ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual', 'in', 'notIn']);
      if (op === 'in' || op === 'notIn') return leaf(op, [0, 1000, 3000]);
      return leaf(op, random() < 0.75 ? pick(random, [0, 1000, 3000]) : pick(random, [{ fact: 'members', path: '$[1].income' }, { fact: 'income' }]));
    }
    case 'choice':
      return leaf(pick(random, ['equal', 'notEqual', 'in', 'notIn']), random() < 0.5 ? '个体经营' : ['个体经营', '非全日制']);
    case 'multi':
      return leaf(pick(random, ['contains', 'doesNotContain']), pick(random, ['低保', '残疾', '退役']));
    case 'boolean':
      return leaf(pick(random, ['equal', 'notEqual']), random() < 0.5);
    case 'division':
      return leaf(pick(random, ['divisionWithin', 'divisionNotWithin']), random() < 0.8 ? pick(random, ['150100', '150000', '152900', '150102']) : { fact: 'division' });
    case 'credit':
      return leaf('socialCreditCodeValid', random() < 0.8);
    case 'text':
      return leaf(pick(random, ['equal', 'notEqual', 'in']), random() < 0.3 ? { fact: 'name' } : pick(random, ['王五', ['王五', '李四']]));
    case 'materials':
      return leaf(pick(random, ['contains', 'doesNotContain']), pick(random, ['photo', 'id-card']));
    case 'scenario':
      return leaf(pick(random, ['equal', 'notEqual']), pick(random, ['self', 'agent']));
  }
}

function syntheticNode(random: Random, depth: number): ConditionNode {
  const roll = random();
  if (depth >= 3 || (depth > 0 && roll < 0.5)) return syntheticLeaf(random);
  if (roll < 0.65) return { not: syntheticNode(random, depth + 1) };
  const children = Array.from({ length: 1 + Math.floor(random() * 3) }, () => syntheticNode(random, depth + 1));
  return random() < 0.5 ? { all: children } : { any: children };
}

function syntheticEvent(random: Random, r: number): RuleEvent {
  const roll = random();
  if (roll < 0.3) return { type: 'reject', params: { message: `拒绝 ${r}`, ...(random() < 0.5 ? { basis: '测试依据' } : {}) } };
  if (roll < 0.6) return { type: 'requireMaterial', params: { materialId: pick(random, ['guardian-consent', 'proxy-letter', 'photo']), ...(random() < 0.5 ? { message: `补材料 ${r}` } : {}) } };
  return { type: 'supplement', params: { message: `补正 ${r}` } };
}

/** A fictional item whose form has nested objects and lists, with seeded random rules over them. */
export function syntheticItem(seed: number, ruleCount = 12): ItemConfig {
  const random = prng(seed);
  const config = itemConfig(`SYN-${seed}`, `合成事项 ${seed}`);
  config.form.schema = {
    type: 'object',
    properties: {
      name: { type: 'string', title: '姓名' },
      idNumber: { type: 'string', title: '身份证号码', format: 'cn-id-number' },
      applicant: { ...person, title: '申请人' },
      members: { type: 'array', title: '家庭成员', items: person },
      startDate: { type: 'string', title: '开始日期', format: 'date' },
      income: { type: 'number', title: '月收入' },
      employmentType: { type: 'string', title: '就业形式', enum: ['个体经营', '非全日制', '新就业形态'] },
      tags: { type: 'array', title: '标签', items: { type: 'string', enum: ['低保', '残疾', '退役'] } },
      agreed: { type: 'boolean', title: '同意' },
      residence: { type: 'string', title: '居住地', format: 'cn-division' },
      creditCode: { type: 'string', title: '统一社会信用代码', format: 'cn-social-credit-code' },
    },
  };
  config.form.uiSchema = {};
  config.rules = Array.from({ length: ruleCount }, (_, r): Rule => {
    const root = syntheticNode(random, 0);
    return {
      name: `syn-${r}`,
      ...(random() < 0.5 ? { description: `合成规则 ${r}` } : {}),
      ...(random() < 0.3 ? { priority: 1 + Math.floor(random() * 5) } : {}),
      ...(random() < 0.05 ? { enabled: false } : {}),
      // The root of a rule is a group (all/any/not), as config validation requires.
      conditions: 'fact' in root ? { all: [root] } : root,
      event: syntheticEvent(random, r),
    };
  });
  config.examples = [];
  // Half of them are on the 容缺受理事项清单, with 授权委托书 as 容缺后补 (outside the rules' random stream).
  if (seed % 2 === 0) {
    config.standard.deferredAcceptance = { allowed: true, consequence: '终止办理' };
    const letter = config.standard.materials.find((m) => m.id === 'proxy-letter');
    if (letter) letter.necessity = { code: '3', label: '容缺后补' };
  }
  return config;
}

/** Every item of the corpus: the fixture, every sample item, the bench's item and synthetic ones. */
export function corpusItems(syntheticCount = 8): ItemConfig[] {
  return [itemConfig(), ...loadSampleCatalogue(), generatedItem().config, ...Array.from({ length: syntheticCount }, (_, i) => syntheticItem(1000 + i))];
}

// ---------------------------------------------------------------------------------------------
// Comparison

export interface Mismatch {
  item: string;
  case: CorpusCase;
  what: string;
  compiled: unknown;
  reference: unknown;
}

function summary(decision: ReturnType<typeof decide>) {
  return {
    outcome: decision.outcome,
    fired: decision.explanation.filter((t) => t.fired).map((t) => t.rule),
    undecidable: decision.explanation.filter((t) => t.undecidable).map((t) => t.rule),
    missingMaterials: decision.missingMaterials,
    reasons: decision.reasons,
  };
}

/** The compiled decision (null when the request is refused) and how it differs from the reference's, if at all. */
export interface CaseResult {
  decision: ReturnType<typeof decide> | null;
  mismatch: Mismatch | null;
}

/** Decides one application with the compiled rules and with the reference; agreement means byte-identical decisions. */
export async function compareCase(compiled: CompiledConfig, reference: ReferenceRules, c: CorpusCase): Promise<CaseResult> {
  let facts: Record<string, unknown>;
  try {
    facts = ruleFacts(compiled, c.input, c.context);
  } catch {
    return { decision: null, mismatch: null }; // a refused request never reaches the rules, whichever evaluator is in place
  }
  const [ours, theirs] = await Promise.all([
    Promise.resolve().then(() => decide(compiled, c.input, c.context)).then((d) => ({ d }), (e: unknown) => ({ e: String(e) })),
    reference.run(facts).then((run) => ({ d: decide(compiled, c.input, c.context, () => run) }), (e: unknown) => ({ e: String(e) })),
  ]);
  const item = compiled.config.code;
  if ('e' in ours || 'e' in theirs) {
    const decision = 'd' in ours ? ours.d : null;
    return { decision, mismatch: JSON.stringify(ours) === JSON.stringify(theirs) ? null : { item, case: c, what: 'error', compiled: ours, reference: theirs } };
  }
  if (JSON.stringify(ours.d) === JSON.stringify(theirs.d)) return { decision: ours.d, mismatch: null };
  const a = summary(ours.d);
  const b = summary(theirs.d);
  const what = (Object.keys(a) as (keyof typeof a)[]).find((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])) ?? 'explanation';
  return {
    decision: ours.d,
    mismatch: { item, case: c, what, compiled: what === 'explanation' ? ours.d.explanation : a[what], reference: what === 'explanation' ? theirs.d.explanation : b[what] },
  };
}

export interface CorpusCounts {
  items: number;
  cases: number;
  refused: number;
  outcomes: Record<string, number>;
  fired: number;
  undecidable: number;
  mismatchCount: number;
  /** The first few mismatches, in full. */
  mismatches: Mismatch[];
}

/** Runs `casesPerItem` seeded applications on every item through both evaluators. */
export async function runCorpus(items: ItemConfig[], casesPerItem: number, seed: number, maxMismatches = 20): Promise<CorpusCounts> {
  const counts: CorpusCounts = { items: items.length, cases: 0, refused: 0, outcomes: {}, fired: 0, undecidable: 0, mismatchCount: 0, mismatches: [] };
  for (const [i, config] of items.entries()) {
    const compiled = compileConfig(config, { version: 1 });
    const reference = new ReferenceRules(config.rules);
    const next = applicationsFor(config, seed * 7919 + i);
    for (let n = 0; n < casesPerItem; n++) {
      const { decision, mismatch } = await compareCase(compiled, reference, next());
      counts.cases++;
      if (!decision) counts.refused++;
      else {
        counts.outcomes[decision.outcome] = (counts.outcomes[decision.outcome] ?? 0) + 1;
        counts.fired += decision.explanation.filter((t) => t.fired).length;
        counts.undecidable += decision.explanation.filter((t) => t.undecidable).length;
      }
      if (!mismatch) continue;
      counts.mismatchCount++;
      if (counts.mismatches.length < maxMismatches) counts.mismatches.push(mismatch);
    }
  }
  return counts;
}
