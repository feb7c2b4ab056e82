import type { Example, ItemConfig } from '../config/types.js';
import { ruleDisplayName } from '../config/problem-location.js';
import { evaluate } from '../decision/evaluate.js';
import type { Decision } from '../decision/types.js';
import { TongbanError } from '../errors.js';
import { uiText } from '../i18n/catalogue/catalogue.js';
import { withConditionValues, type ValuedRuleTrace } from '../rules/condition-values.js';
import { isOutcome, labelOf, outcomes } from '../vocabulary/index.js';

/** The region itself: examples that name no locality are evaluated as at the region's centre. */
export const DEFAULT_EXAMPLE_DIVISION = '150000';

export interface ExampleResult {
  name: string;
  passed: boolean;
  expected: Example['expect'];
  actual: { outcome: Decision['outcome'] | 'error'; missingMaterials: string[]; fieldErrors: string[]; firedRules: string[] };
  /** Human-readable differences (Chinese, outcomes, materials and rules by their names), empty when the example passed. */
  differences: string[];
  /** Every active rule with each condition's result (true / false / 'unknown') and the fact values it was decided on. */
  trace: ValuedRuleTrace[];
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

function outcomeLabel(outcome: string): string {
  return isOutcome(outcome) ? labelOf(outcomes, outcome) : outcome === 'error' ? uiText('designer.outcome.error') : outcome;
}

/** The facts a decision's rules read, rebuilt from the example and the decision (for the trace). */
function factsOf(input: Example['input'], decision: Decision): Record<string, unknown> {
  return { ...input.formData, today: decision.date, division: decision.division, scenario: input.scenario, materials: input.materials };
}

/** Runs every example of a config through the very evaluator the windows use. */
export async function runExamples(config: ItemConfig): Promise<ExampleReport> {
  const materialNames = new Map((config.standard?.materials ?? []).map((m) => [m.id, m.name]));
  const ruleNames = new Map((config.rules ?? []).map((r, i) => [r.name, ruleDisplayName(r, i)]));
  const list = (ids: readonly string[], names: Map<string, string>) =>
    ids.length ? ids.map((id) => uiText('designer.references.quoted', 'zh-CN', { name: names.get(id) ?? id })).join(uiText('server.listSeparator')) : uiText('designer.examples.nothing');
  const results: ExampleResult[] = [];
  for (const example of config.examples) {
    const { division, channel, ...input } = example.input;
    const expected = example.expect;
    let actual: ExampleResult['actual'];
    let trace: ValuedRuleTrace[] = [];
    const differences: string[] = [];
    try {
      const decision = await evaluate(config, input, { division: division ?? DEFAULT_EXAMPLE_DIVISION, channel: channel ?? 'comprehensive-window' });
      actual = {
        outcome: decision.outcome,
        missingMaterials: decision.missingMaterials.map((m) => m.id),
        fieldErrors: decision.fieldErrors.map((e) => e.path),
        firedRules: decision.reasons.filter((r) => r.type !== 'undecided' && r.type !== 'redirect').map((r) => r.rule),
      };
      trace = withConditionValues(decision.explanation, factsOf(example.input, decision));
    } catch (error) {
      actual = { outcome: 'error', missingMaterials: [], fieldErrors: [], firedRules: [] };
      // TongbanError messages are written for people; anything else is an engine fault, not shown raw.
      differences.push(uiText('core.examples.evaluationError', 'zh-CN', { error: error instanceof TongbanError ? error.message : uiText('core.examples.engineFault') }));
    }
    if (actual.outcome !== expected.outcome && actual.outcome !== 'error') {
      differences.push(uiText('core.examples.outcome', 'zh-CN', { expected: outcomeLabel(expected.outcome), actual: outcomeLabel(actual.outcome) }));
    }
    if (expected.missingMaterials && !sameSet(expected.missingMaterials, actual.missingMaterials)) {
      differences.push(uiText('core.examples.missingMaterials', 'zh-CN', { expected: list(expected.missingMaterials, materialNames), actual: list(actual.missingMaterials, materialNames) }));
    }
    if (expected.fieldErrors && !sameSet(expected.fieldErrors, actual.fieldErrors)) {
      differences.push(uiText('core.examples.fieldErrors', 'zh-CN', { expected: list(expected.fieldErrors, new Map()), actual: list(actual.fieldErrors, new Map()) }));
    }
    if (expected.firedRules && !sameSet(expected.firedRules, [...new Set(actual.firedRules)])) {
      differences.push(uiText('core.examples.firedRules', 'zh-CN', { expected: list(expected.firedRules, ruleNames), actual: list([...new Set(actual.firedRules)], ruleNames) }));
    }
    results.push({ name: example.name, passed: differences.length === 0, expected, actual, differences, trace });
  }
  const passed = results.filter((r) => r.passed).length;
  return { passed, failed: results.length - passed, results };
}
