import { describe, expect, it } from 'vitest';
import { loadSampleCatalogue } from '../../../standards/sample-catalogue.js';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import type { ConditionNode, ItemConfig, LeafCondition } from '../config/types.js';
import { formFields } from '../form/form-fields.js';
import { CompiledRules } from './compiled-rules.js';
import { isMissingValue } from './rule-run-result.js';
import { evaluateThreeValued } from './condition-tree.js';
import { resolveFactPath } from './fact-path.js';
import { operatorsByName } from './operators.js';

/** A small seeded PRNG, so a failing case can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Values a field could hold, including the awkward ones (empty, wrong type, edge dates). */
function candidates(schema: Record<string, unknown>, examples: unknown[]): unknown[] {
  const values: unknown[] = [undefined, '', null, ...examples];
  if (Array.isArray(schema.enum)) values.push(...schema.enum);
  if (schema.type === 'number' || schema.type === 'integer') values.push(0, 1, 15, 16, 17, 18, 60, 1e6, -1);
  if (schema.format === 'date') values.push('2000-02-29', '2025-06-01', '2030-01-01', 'not-a-date');
  if (schema.format === 'cn-id-number') values.push('11010519491231002X', '150102200803150027', '150102201501010015', '123');
  if (schema.format === 'cn-division') values.push('150102', '152921', '110105');
  if (schema.type === 'boolean') values.push(true, false);
  if (schema.type === 'array') values.push([], ...(Array.isArray((schema.items as { enum?: unknown[] } | undefined)?.enum) ? [[(schema.items as { enum: unknown[] }).enum[0]]] : []));
  return values;
}

/** The rule's truth computed independently of json-rules-engine, by the same operator table. */
function truthOf(node: ConditionNode, facts: Record<string, unknown>): boolean | 'unknown' {
  return evaluateThreeValued(node, (leaf: LeafCondition) => {
    const op = operatorsByName.get(leaf.operator);
    const factValue = leaf.path ? resolveFactPath(facts[leaf.fact], leaf.path) : facts[leaf.fact];
    const ref = leaf.value && typeof leaf.value === 'object' && 'fact' in (leaf.value as object) ? (leaf.value as { fact: string; path?: string }) : null;
    const value = op?.usesEvaluationDate ? { years: leaf.value, on: facts.today } : ref ? (ref.path ? resolveFactPath(facts[ref.fact], ref.path) : facts[ref.fact]) : leaf.value;
    if (!op) return false;
    if (isMissingValue(factValue) && !op.decidesMissing) return leaf.optional ? false : 'unknown';
    if (ref && isMissingValue(value)) return leaf.optional ? false : 'unknown';
    return op.evaluate(factValue, value);
  });
}

describe('CompiledRules agrees with an independent evaluation of the same conditions', () => {
  const configs: ItemConfig[] = [itemConfig(), ...loadSampleCatalogue()];
  it.each(configs.map((c) => [c.code, c] as const))('%s: fired and undecidable rules on 300 random inputs', async (_code, config) => {
    const compiled = new CompiledRules(config.rules);
    const fields = [...formFields(config.form.schema).values()];
    const exampleValues = new Map<string, unknown[]>();
    for (const example of config.examples) for (const [k, v] of Object.entries(example.input.formData)) exampleValues.set(k, [...(exampleValues.get(k) ?? []), v]);
    const random = prng(config.code.length * 7919);
    const pick = <T,>(values: T[]): T => values[Math.floor(random() * values.length)] as T;
    for (let run = 0; run < 300; run++) {
      const facts: Record<string, unknown> = {};
      for (const field of fields) facts[field.name] = pick(candidates(field.schema, exampleValues.get(field.name) ?? []));
      facts.today = pick(['2025-06-01', '2024-02-29', '2030-12-31']);
      facts.division = pick(['150102', '152921', '150000']);
      facts.scenario = pick(config.standard.scenarios.map((s) => s.id));
      facts.materials = config.standard.materials.filter(() => random() < 0.5).map((m) => m.id);
      const result = compiled.run(facts);
      const active = config.rules.filter((r) => r.enabled !== false);
      const expectedFired = active.filter((r) => truthOf(r.conditions, facts) === true).map((r) => r.name);
      const expectedUndecidable = active.filter((r) => truthOf(r.conditions, facts) === 'unknown').map((r) => r.name);
      expect(result.fired.map((f) => f.rule.name), JSON.stringify(facts)).toEqual(expectedFired);
      expect(result.undecidable.map((u) => u.rule.name), JSON.stringify(facts)).toEqual(expectedUndecidable);
    }
  });
});
