export { validateConfig } from './validate-config.js';
export {
  PROBLEM_TABS,
  PROBLEM_TAB_LABELS,
  locateProblems,
  problemLocation,
  standardElementTitle,
  type LocatedProblem,
  type ProblemLocation,
  type ProblemTab,
} from './problem-location.js';
export { compareTimeLimits, type LimitComparison, type StatedLimit } from './time-limit-comparison.js';
export { EVERY_ITEM_LOCAL_FIELDS, PHONE_LOCAL_FIELDS, isServicePhone, localFieldsOf } from './local-fields.js';
export type * from './types.js';
