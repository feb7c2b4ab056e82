import type { ItemConfig } from '../config/types.js';
import { locateProblems, ruleDisplayName, type LocatedProblem } from '../config/problem-location.js';
import type { ExampleReport } from './run-examples.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

export interface UncoveredRule {
  index: number;
  /** The rule's internal identifier. */
  name: string;
  /** How people read it: its Chinese name (title), else its description, else its identifier. */
  displayName: string;
}

/** The enabled rules that no example fires: each an untested path through the acceptance logic. */
export function uncoveredRules(config: ItemConfig, report: ExampleReport): UncoveredRule[] {
  const fired = new Set(report.results.flatMap((result) => result.actual.firedRules));
  const uncovered: UncoveredRule[] = [];
  (config.rules ?? []).forEach((rule, index) => {
    if (rule.enabled === false || fired.has(rule.name)) return;
    uncovered.push({ index, name: rule.name, displayName: ruleDisplayName(rule, index) });
  });
  return uncovered;
}

/** The coverage gate's problems, one per uncovered rule, at the rule (so the 受理规则 tab shows them). */
export function coverageProblems(config: ItemConfig, report: ExampleReport): LocatedProblem[] {
  return locateProblems(
    config,
    uncoveredRules(config, report).map((rule) => ({
      pointer: `/rules/${rule.index}`,
      code: 'rule.not-covered',
      message: uiText('core.examples.notCovered', 'zh-CN', { rule: rule.displayName }),
    })),
  );
}
