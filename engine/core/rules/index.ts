export { CompiledRules } from './compiled-rules.js';
export { isMissingValue, type ConditionTrace, type RuleRunResult, type RuleTrace, type UndecidableRule } from './rule-run-result.js';
export { referencedFact, type FactReference } from './fact-reference.js';
export { operatorDefinitions, operatorLabel, operatorsByName, type OperatorDefinition } from './operators.js';
export { parseFactPath, resolveFactPath } from './fact-path.js';
export { evaluateThreeValued, forEachLeaf } from './condition-tree.js';
export { traceRules, withConditionValues, type ValuedCondition, type ValuedRuleTrace } from './condition-values.js';
