import { describe, expect, it } from 'vitest';
import { CompiledRules } from './compiled-rules.js';
import { traceRules } from './condition-values.js';

describe('trace mode', () => {
  const rules = new CompiledRules([
    {
      name: 'minor-new-form',
      conditions: { all: [{ fact: 'idNumber', operator: 'ageBelow', value: 18 }, { fact: 'employmentType', operator: 'equal', value: '新就业形态' }, { fact: 'income', operator: 'greaterThan', value: { fact: 'limit' } }] },
      event: { type: 'supplement', params: { message: 'x' } },
    },
  ]);

  it('gives each condition its result with the fact values it was decided on', () => {
    const [rule] = traceRules(rules, { idNumber: '150102201501010015', employmentType: '个体经营', income: 5, limit: 3, today: '2025-06-01' });
    expect(rule).toMatchObject({ rule: 'minor-new-form', fired: false });
    expect(rule!.conditions.map((c) => [c.held, c.factValue])).toEqual([[true, '150102201501010015'], [false, '个体经营'], [true, 5]]);
    expect(rule!.conditions[0]!.age).toBe(10);
    expect(rule!.conditions[2]!.comparedValue).toBe(3);
  });

  it('marks what missing data leaves undecided as unknown', () => {
    const [rule] = traceRules(rules, { idNumber: '150102201501010015', income: 5, limit: 3, today: '2025-06-01' });
    expect(rule).toMatchObject({ undecidable: true });
    expect(rule!.conditions[1]).toMatchObject({ held: 'unknown', factValue: undefined });
  });
});
