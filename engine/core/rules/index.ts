export { CompiledRules, isMissingValue, type ConditionTrace, type RuleRunResult, type RuleTrace, type UndecidableRule } from './compiled-rules.js';
export { operatorDefinitions, operatorsByName, type OperatorDefinition } from './operators.js';
export { parseFactPath, resolveFactPath } from './fact-path.js';
export { evaluateThreeValued, forEachLeaf } from './condition-tree.js';
