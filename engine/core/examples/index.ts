export { DEFAULT_EXAMPLE_DIVISION, runExamples, type ExampleReport, type ExampleResult } from './run-examples.js';
export { coverageProblems, uncoveredRules, type UncoveredRule } from './rule-coverage.js';
export { proposeBoundaryExamples, type BoundaryProposal } from './boundary-examples.js';
