/**
 * In-process cost of deciding an item's rules: the compiled evaluator the core runs, against raw
 * json-rules-engine over the same rules and facts (its operators bare, nothing of ours around it)
 * and against the json-rules-engine reference with Tongban's missing-data semantics.
 * `npx tsx test/bench/rule-evaluators.ts` prints the table alone; `npm run bench` includes it.
 */
import { pathToFileURL } from 'node:url';
import { Engine } from 'json-rules-engine';
import { compileConfig, operatorDefinitions, resolveFactPath, ruleFacts, type ItemConfig } from '../../engine/core/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { ReferenceRules } from '../support/reference-rules.js';
import { generatedItem } from './generated-item.js';

const CONTEXT = { division: '150102', channel: 'comprehensive-window' as const };
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 1500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export interface RuleBenchCase {
  name: string;
  config: ItemConfig;
  input: { scenario: string; formData: Record<string, unknown>; materials: string[]; date: string };
}

/** json-rules-engine as its documentation sets it up: our operators, the age threshold fact, our rules. */
function rawEngine(config: ItemConfig): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolveFactPath });
  for (const op of operatorDefinitions) engine.addOperator(op.name, (a: unknown, b: unknown) => op.evaluate(a, b));
  engine.addFact('$ageThreshold', async (params, almanac) => ({ years: params.years, on: await almanac.factValue('today') }));
  const ageOperators = new Set(operatorDefinitions.filter((op) => op.usesEvaluationDate).map((op) => op.name));
  const toEngine = (node: unknown): unknown => {
    const n = node as Record<string, unknown>;
    if (Array.isArray(n.all)) return { all: n.all.map(toEngine) };
    if (Array.isArray(n.any)) return { any: n.any.map(toEngine) };
    if (n.not) return { not: toEngine(n.not) };
    const { optional: _optional, ...leaf } = n;
    return ageOperators.has(String(leaf.operator)) ? { ...leaf, value: { fact: '$ageThreshold', params: { years: leaf.value } } } : leaf;
  };
  for (const rule of config.rules.filter((r) => r.enabled !== false)) {
    engine.addRule({ name: rule.name, priority: rule.priority ?? 1, conditions: toEngine(rule.conditions) as never, event: rule.event });
  }
  return engine;
}

/** Median over rounds of the microseconds one call costs. */
async function microseconds(run: () => unknown): Promise<number> {
  const rounds: number[] = [];
  for (let i = 0; i < 200; i++) await run();
  for (let r = 0; r < ROUNDS; r++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < ROUND_MS) {
      for (let i = 0; i < 100; i++) await run();
      n += 100;
    }
    rounds.push(((performance.now() - start) * 1000) / n);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(rounds.length / 2)] as number;
}

/** Same for a synchronous call, without an `await` per call (which alone costs about 0.1 µs). */
function microsecondsSync(run: () => unknown): number {
  const rounds: number[] = [];
  for (let i = 0; i < 2000; i++) run();
  for (let r = 0; r < ROUNDS; r++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < ROUND_MS) {
      for (let i = 0; i < 1000; i++) run();
      n += 1000;
    }
    rounds.push(((performance.now() - start) * 1000) / n);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(rounds.length / 2)] as number;
}

export async function ruleEvaluatorTable(cases: RuleBenchCase[]): Promise<string[]> {
  const lines = [
    'Rules only (facts prepared once, as `evaluate` hands them over); µs per decision, median of rounds.',
    '',
    '| item | rules | compiled (µs) | raw json-rules-engine (µs) | reference json-rules-engine + missing-data (µs) | raw ÷ compiled | reference ÷ compiled |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const c of cases) {
    const compiled = compileConfig(c.config, { version: 1 });
    const facts = ruleFacts(compiled, c.input, CONTEXT);
    const raw = rawEngine(c.config);
    const reference = new ReferenceRules(c.config.rules);
    const rawUs = await microseconds(() => raw.run(facts));
    const referenceUs = await microseconds(() => reference.run(facts));
    const compiledUs = microsecondsSync(() => compiled.rules.run(facts));
    lines.push(
      `| ${c.name} | ${compiled.rules.size} | ${compiledUs.toFixed(2)} | ${rawUs.toFixed(1)} | ${referenceUs.toFixed(1)} | ${(rawUs / compiledUs).toFixed(0)}× | ${(referenceUs / compiledUs).toFixed(0)}× |`,
    );
  }
  return lines;
}

/** One comprehensive-window sample item (its accepted example) and the generated 30-field / 20-rule item. */
export function ruleBenchCases(): RuleBenchCase[] {
  const sample = loadSampleCatalogue().find((config) => config.standard.channel === 'comprehensive-window' && config.examples.some((e) => e.expect.outcome === 'accept'));
  const cases: RuleBenchCase[] = [];
  if (sample) {
    const example = sample.examples.find((e) => e.expect.outcome === 'accept');
    const { division: _d, channel: _c, ...input } = example?.input ?? { scenario: '', formData: {}, materials: [] };
    cases.push({ name: sample.code, config: sample, input: { ...input, date: input.date ?? '2025-06-01' } as RuleBenchCase['input'] });
  }
  const generated = generatedItem();
  cases.push({ name: 'generated 30 fields / 20 rules', config: generated.config, input: generated.input });
  return cases;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log((await ruleEvaluatorTable(ruleBenchCases())).join('\n'));
}
