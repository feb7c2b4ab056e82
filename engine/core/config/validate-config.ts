import { checkExamples } from './example-checks.js';
import { checkForm } from './form-checks.js';
import { lenientConfig } from './lenient-config.js';
import type { CatalogueKey } from '../i18n/catalogue/catalogue.js';
import type { Language } from '../vocabulary/index.js';
import { ProblemList } from './problem-list.js';
import { locateProblems, type LocatedProblem, type ProblemTab } from './problem-location.js';
import { RuleChecker } from './rule-checks.js';
import { checkShape } from './shape-checks.js';
import { checkStandard } from './standard-checks.js';
import { translationProblems } from '../i18n/translation-checks.js';

/**
 * Runs one check; should it trip over input broken in a way it did not foresee, the author is
 * told that this check could not finish instead of the check staying silent.
 */
function guarded(tab: ProblemTab, notRun: CatalogueKey, problems: ProblemList, check: () => void): void {
  try {
    check();
  } catch {
    problems.add(`/${tab}`, 'check.not-run', { key: notRun });
  }
}

function dedupe(problems: LocatedProblem[]): LocatedProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.pointer}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Every problem of an item config at once, each with a JSON pointer and its place in the
 * designer (tab and section): the config against its schema, and beside it — whatever the
 * schema found — the standard's cross-field and code/label rules, the form schema, the rules and
 * the examples, each reading the config leniently (see lenientConfig). An author sees every
 * problem in one round, never round after round. Locations are named in `language`; each message that
 * comes from the catalogue keeps its key, so `problemIn` renders it in another language.
 */
export function validateConfig(config: unknown, language: Language = 'zh-CN'): LocatedProblem[] {
  const problems = new ProblemList();
  checkShape(config, problems);
  if (config !== null && typeof config === 'object' && !Array.isArray(config)) {
    const view = lenientConfig(config);
    guarded('standard', 'core.config.notRun.standard', problems, () => checkStandard(view, problems));
    guarded('form', 'core.config.notRun.form', problems, () => checkForm(view.form, problems));
    guarded('rules', 'core.config.notRun.rules', problems, () => new RuleChecker(view, problems).check());
    guarded('examples', 'core.config.notRun.examples', problems, () => checkExamples(view, problems));
    // A bilingual item: every applicant-facing string needs its Mongolian (the completeness gate).
    guarded('standard', 'core.config.notRun.translations', problems, () => problems.problems.push(...translationProblems(view)));
  }
  return dedupe(locateProblems(config, problems.problems, language));
}
