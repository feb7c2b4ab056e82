/** The rule engine as the item list loads it: on demand, so the first screen does not carry it. */
export { runExamples } from '../../../engine/core/index.js';
