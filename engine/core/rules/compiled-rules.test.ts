import { describe, expect, it } from 'vitest';
import { ReferenceRules } from '../../../test/support/reference-rules.js';
import { applicationsFor, corpusItems, idNumberBorn, runCorpus } from '../../../test/support/rule-corpus.js';
import type { ConditionNode, LeafCondition, Rule } from '../config/types.js';
import { compileConfig } from '../decision/compiled-config.js';
import { ruleFacts } from '../decision/evaluate.js';
import { CompiledRules } from './compiled-rules.js';
import { evaluateThreeValued } from './condition-tree.js';
import { referencedFact } from './fact-reference.js';
import { resolveFactPath } from './fact-path.js';
import { operatorsByName } from './operators.js';
import { isMissingValue } from './rule-run-result.js';
import { OUTCOMES } from '../vocabulary/index.js';

const items = corpusItems();

/** The rule's truth computed independently of both evaluators, by the same operator table. */
function truthOf(node: ConditionNode, facts: Record<string, unknown>): boolean | 'unknown' {
  const read = (fact: string, path?: string) => (path ? resolveFactPath(facts[fact], path) : facts[fact]);
  return evaluateThreeValued(node, (leaf: LeafCondition) => {
    const op = operatorsByName.get(leaf.operator);
    const factValue = read(leaf.fact, leaf.path);
    const ref = referencedFact(leaf.value);
    const value = op?.usesEvaluationDate ? { years: leaf.value, on: facts.today } : ref ? read(ref.fact, ref.path) : leaf.value;
    if (!op) return false;
    if (op.decidesMissing) return op.evaluate(factValue, value);
    if (isMissingValue(factValue) || (ref && isMissingValue(read(ref.fact, ref.path)))) return leaf.optional ? false : 'unknown';
    return !isMissingValue(value) && op.evaluate(factValue, value);
  });
}

describe('CompiledRules agrees with an independent three-valued evaluation of the same conditions', () => {
  it.each(items.map((c) => [c.code, c] as const))('%s: fired and undecidable rules on 300 generated applications', (_code, config) => {
    const compiled = compileConfig(config, { version: 1 });
    const next = applicationsFor(config, config.code.length * 7919);
    const active = config.rules.filter((r) => r.enabled !== false);
    for (let run = 0; run < 300; run++) {
      const c = next();
      const facts = ruleFacts(compiled, c.input, c.context);
      const result = compiled.rules.run(facts);
      expect(result.fired.map((f) => f.rule.name), JSON.stringify(facts)).toEqual(active.filter((r) => truthOf(r.conditions, facts) === true).map((r) => r.name));
      expect(result.undecidable.map((u) => u.rule.name), JSON.stringify(facts)).toEqual(active.filter((r) => truthOf(r.conditions, facts) === 'unknown').map((r) => r.name));
    }
  });
});

describe('CompiledRules decides exactly as the json-rules-engine reference', () => {
  it(`gives byte-identical decisions on ${items.length} items × 150 generated applications`, async () => {
    const counts = await runCorpus(items, 150, 17);
    expect(counts.mismatches).toEqual([]);
    // The corpus reaches every kind of result, or agreement would prove little.
    expect(counts.cases).toBe(items.length * 150);
    for (const outcome of OUTCOMES) expect(counts.outcomes[outcome] ?? 0).toBeGreaterThan(0);
    expect(counts.fired).toBeGreaterThan(1000);
    expect(counts.undecidable).toBeGreaterThan(500);
  });

  const rule = (name: string, conditions: ConditionNode): Rule => ({ name, conditions, event: { type: 'supplement', params: { message: name } } });

  it('treats a path into a value that is not an object as missing, like the undecidable check (json-rules-engine handed the whole value over)', async () => {
    const rules = [
      rule('optional-path', { all: [{ fact: 'a', path: '$.x', operator: 'equal', value: 's', optional: true }] }),
      rule('filled-path', { all: [{ fact: 'a', path: '$.x', operator: 'isFilled', value: true }] }),
      rule('required-path', { all: [{ fact: 'a', path: '$.x', operator: 'equal', value: 's' }] }),
    ];
    const facts = { a: 's', today: '2025-06-01' };
    const compiled = new CompiledRules(rules).run(facts);
    expect(compiled.fired).toEqual([]);
    expect(compiled.undecidable.map((u) => [u.rule.name, u.missing])).toEqual([['required-path', [{ fact: 'a', path: '$.x' }]]]);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(await new ReferenceRules(rules).run(facts)));
    expect(new CompiledRules(rules).run({ a: { x: 's' }, today: '2025-06-01' }).fired.map((f) => f.rule.name)).toEqual(['optional-path', 'filled-path', 'required-path']);
  });

  it('fails age conditions on a birth date after the evaluation date instead of aborting the evaluation', async () => {
    const rules = [rule('minor', { all: [{ fact: 'id', operator: 'ageBelow', value: 18 }] }), rule('adult', { not: { fact: 'id', operator: 'ageBelow', value: 18 } })];
    for (const id of [idNumberBorn('2030-01-01'), '2030-01-01']) {
      const facts = { id, today: '2025-06-01' };
      const compiled = new CompiledRules(rules).run(facts);
      expect(compiled.fired.map((f) => f.rule.name)).toEqual(['adult']);
      expect(JSON.stringify(compiled)).toBe(JSON.stringify(await new ReferenceRules(rules).run(facts)));
    }
  });

  it('parses an ID number once per decision however many conditions read it', () => {
    const leaves = Array.from({ length: 20 }, (_, i) => ({ fact: 'id', operator: i % 2 ? 'ageAtLeast' : 'idNumberValid', value: i % 2 ? i : true }));
    let reads = 0;
    const facts = { today: '2025-06-01' } as Record<string, unknown>;
    Object.defineProperty(facts, 'id', { enumerable: true, get: () => (reads++, idNumberBorn('2000-01-01')) });
    const result = new CompiledRules([rule('many', { all: leaves })]).run(facts);
    expect(result.trace[0]?.conditions.map((c) => c.held)).toEqual(leaves.map((_, i) => (i % 2 ? i <= 25 : true)));
    expect(reads).toBe(1);
  });
});
