import type { Problem } from '../errors.js';
import { checkExamples } from './example-checks.js';
import { checkForm } from './form-checks.js';
import { ProblemList } from './problem-list.js';
import { RuleChecker } from './rule-checks.js';
import { checkShape } from './shape-checks.js';
import { checkStandard } from './standard-checks.js';
import { translationProblems } from '../i18n/translation-checks.js';
import type { ItemConfig } from './types.js';

/**
 * Every problem of an item config at once, each with a JSON pointer: the standard against its
 * schema and cross-field rules, the form schema, the rules and the examples. The semantic checks
 * run only on a config whose shape is right, since they rely on it.
 */
export function validateConfig(config: unknown): Problem[] {
  const problems = new ProblemList();
  if (!checkShape(config, problems)) return problems.problems;
  const typed = config as ItemConfig;
  checkStandard(typed, problems);
  checkForm(typed.form, problems);
  new RuleChecker(typed, problems).check();
  checkExamples(typed, problems);
  // A bilingual item: every applicant-facing string needs its Mongolian (the completeness gate).
  problems.problems.push(...translationProblems(typed));
  return problems.problems;
}
