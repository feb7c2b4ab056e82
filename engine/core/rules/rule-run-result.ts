import type { Rule, RuleEvent } from '../config/types.js';

/** What one run of an item's rules reports; `evaluate` turns it into reasons and the explanation. */
export interface RuleRunResult {
  /** Rules whose conditions hold, in declaration order. */
  fired: { rule: Rule; event: RuleEvent }[];
  /** Rules that cannot be decided from the data at hand, in declaration order. */
  undecidable: UndecidableRule[];
  /** Every active rule, in declaration order. */
  trace: RuleTrace[];
}

export interface UndecidableRule {
  rule: Rule;
  /** The facts (with path) whose absence keeps the rule from being decided. */
  missing: { fact: string; path?: string }[];
}

export interface RuleTrace {
  rule: string;
  fired: boolean;
  undecidable: boolean;
  conditions: ConditionTrace[];
}

export interface ConditionTrace {
  pointer: string;
  fact: string;
  path?: string;
  operator: string;
  value: unknown;
  /** The comparison's result; 'unknown' for a missing fact of an undecidable rule; null when never evaluated. */
  held: boolean | 'unknown' | null;
}

/** Absent, null and the empty string all count as "not filled in". */
export function isMissingValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
