import { operatorsByName, ageInYears, birthDateOf } from './operators.js';
import { referencedFact } from './fact-reference.js';
import { resolveFactPath } from './fact-path.js';
import type { ConditionTrace, RuleTrace } from './rule-run-result.js';
import type { CompiledRules } from './compiled-rules.js';

/** A condition of the trace with the values it was decided on. */
export interface ValuedCondition extends ConditionTrace {
  /** The fact's value (at its path) in this run; undefined when absent. */
  factValue: unknown;
  /** The compared-to fact's value, when the condition compares with another fact. */
  comparedValue?: unknown;
  /** What an age operator compared: the full years on the evaluation date (null when there is no birth date). */
  age?: number | null;
}

export interface ValuedRuleTrace extends Omit<RuleTrace, 'conditions'> {
  conditions: ValuedCondition[];
}

function valueOf(facts: Record<string, unknown>, fact: string, path: string | undefined): unknown {
  const value = Object.prototype.hasOwnProperty.call(facts, fact) ? facts[fact] : undefined;
  return path ? resolveFactPath(value, path) : value;
}

/**
 * The trace of a rule run with each condition's fact values beside its result (true, false or
 * 'unknown'): what an author reads to see why an example came out as it did. Built after the run
 * from the trace it returned and the facts it read, so the compiled evaluator's own path does no
 * extra work for it.
 */
export function withConditionValues(trace: readonly RuleTrace[], facts: Record<string, unknown>): ValuedRuleTrace[] {
  return trace.map((rule) => ({
    ...rule,
    conditions: rule.conditions.map((condition) => {
      const valued: ValuedCondition = { ...condition, factValue: valueOf(facts, condition.fact, condition.path) };
      const op = operatorsByName.get(condition.operator);
      const ref = referencedFact(condition.value);
      if (ref && !op?.usesEvaluationDate) valued.comparedValue = valueOf(facts, ref.fact, ref.path);
      if (op?.usesEvaluationDate) valued.age = ageInYears(birthDateOf(valued.factValue), facts.today);
      return valued;
    }),
  }));
}

/** Trace mode: runs the compiled rules and returns the trace with every condition's values. */
export function traceRules(rules: CompiledRules, facts: Record<string, unknown>): ValuedRuleTrace[] {
  return withConditionValues(rules.run(facts).trace, facts);
}
