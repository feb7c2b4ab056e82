/** The rule engine as the item list and the editor's live coverage load it: on demand, so the first screen does not carry it. */
export { coverageProblems, runExamples } from '../../../engine/core/index.js';
