import type { Example, ItemConfig } from '../config/types.js';
import { evaluate } from '../decision/evaluate.js';
import type { Decision } from '../decision/types.js';
import { TongbanError } from '../errors.js';

/** The region itself: examples that name no locality are evaluated as at the region's centre. */
export const DEFAULT_EXAMPLE_DIVISION = '150000';

export interface ExampleResult {
  name: string;
  passed: boolean;
  expected: Example['expect'];
  actual: { outcome: Decision['outcome'] | 'error'; missingMaterials: string[]; fieldErrors: string[]; firedRules: string[] };
  /** Human-readable differences, empty when the example passed. */
  differences: string[];
}

export interface ExampleReport {
  passed: number;
  failed: number;
  results: ExampleResult[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}

function list(values: readonly string[]): string {
  return values.length ? values.join('、') : '（无）';
}

/** Runs every example of a config through the very evaluator the windows use. */
export async function runExamples(config: ItemConfig): Promise<ExampleReport> {
  const results: ExampleResult[] = [];
  for (const example of config.examples) {
    const { division, channel, ...input } = example.input;
    const expected = example.expect;
    let actual: ExampleResult['actual'];
    const differences: string[] = [];
    try {
      const decision = await evaluate(config, input, { division: division ?? DEFAULT_EXAMPLE_DIVISION, channel: channel ?? 'comprehensive-window' });
      actual = {
        outcome: decision.outcome,
        missingMaterials: decision.missingMaterials.map((m) => m.id),
        fieldErrors: decision.fieldErrors.map((e) => e.path),
        firedRules: decision.reasons.filter((r) => r.type !== 'undecided' && r.type !== 'redirect').map((r) => r.rule),
      };
    } catch (error) {
      actual = { outcome: 'error', missingMaterials: [], fieldErrors: [], firedRules: [] };
      differences.push(`评估出错：${error instanceof TongbanError ? JSON.stringify(error.details) : (error as Error).message}`);
    }
    if (actual.outcome !== expected.outcome && actual.outcome !== 'error') differences.push(`结果应为 ${expected.outcome}，实际为 ${actual.outcome}`);
    if (expected.missingMaterials && !sameSet(expected.missingMaterials, actual.missingMaterials)) {
      differences.push(`缺件应为 ${list(expected.missingMaterials)}，实际为 ${list(actual.missingMaterials)}`);
    }
    if (expected.fieldErrors && !sameSet(expected.fieldErrors, actual.fieldErrors)) {
      differences.push(`字段错误应为 ${list(expected.fieldErrors)}，实际为 ${list(actual.fieldErrors)}`);
    }
    if (expected.firedRules && !sameSet(expected.firedRules, [...new Set(actual.firedRules)])) {
      differences.push(`触发规则应为 ${list(expected.firedRules)}，实际为 ${list([...new Set(actual.firedRules)])}`);
    }
    results.push({ name: example.name, passed: differences.length === 0, expected, actual, differences });
  }
  const passed = results.filter((r) => r.passed).length;
  return { passed, failed: results.length - passed, results };
}
