import type { ConditionNode, Rule } from '../config/types.js';
import { compileCondition, type CompiledCondition } from './compiled-condition.js';
import { isLeaf } from './condition-tree.js';
import { isMissingValue, type ConditionTrace, type RuleRunResult, type UndecidableRule } from './rule-run-result.js';
import { FactSlots, RunFacts } from './run-facts.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

/** Kleene truth of a node on one run, read from the per-condition truths: 0 false, 1 true, 2 unknown. */
type NodeTruth = (conditionTruths: Uint8Array) => number;
const FALSE = 0;
const TRUE = 1;
const UNKNOWN = 2;

interface CompiledRule {
  rule: Rule;
  conditions: CompiledCondition[];
  /** Index of the rule's first condition in the run's condition arrays. */
  first: number;
  truth: NodeTruth;
}

/** Compiles a condition tree into nested closures; leaves are numbered in document order. */
function compileTree(node: ConditionNode, pointer: string, slots: FactSlots, conditions: CompiledCondition[], offset: number): NodeTruth {
  if ('all' in node && Array.isArray(node.all)) {
    const children = node.all.map((child, i) => compileTree(child, `${pointer}/all/${i}`, slots, conditions, offset));
    return (t) => {
      let unknown = false;
      for (const child of children) {
        const r = child(t);
        if (r === FALSE) return FALSE;
        if (r === UNKNOWN) unknown = true;
      }
      return unknown ? UNKNOWN : TRUE;
    };
  }
  if ('any' in node && Array.isArray(node.any)) {
    const children = node.any.map((child, i) => compileTree(child, `${pointer}/any/${i}`, slots, conditions, offset));
    return (t) => {
      let unknown = false;
      for (const child of children) {
        const r = child(t);
        if (r === TRUE) return TRUE;
        if (r === UNKNOWN) unknown = true;
      }
      return unknown ? UNKNOWN : FALSE;
    };
  }
  if ('not' in node && node.not) {
    const child = compileTree(node.not, `${pointer}/not`, slots, conditions, offset);
    return (t) => {
      const r = child(t);
      return r === UNKNOWN ? UNKNOWN : TRUE - r;
    };
  }
  if (!isLeaf(node)) throw new Error(uiText('core.rules.notACondition', 'zh-CN', { pointer }));
  const index = offset + conditions.length;
  conditions.push(compileCondition(node, pointer, slots));
  return (t) => t[index] as number;
}

/**
 * The acceptance rules of one config version compiled into synchronous closures, once per
 * version. A run decides every active rule with Kleene's three-valued logic: a rule that only
 * missing data could decide is reported undecidable, naming the missing facts; `optional`
 * conditions and operators that decide absence themselves (isFilled) opt out. Every condition is
 * evaluated (the explanation shows each one's result), and what conditions derive from a fact is
 * computed once per run (see RunFacts).
 *
 * The results are those of the json-rules-engine reference (test/support/reference-rules.ts),
 * which the differential tests compare it with. Priorities order json-rules-engine's work but,
 * as no rule stops a run, never its result, so rules are reported in declaration order.
 */
export class CompiledRules {
  private readonly slots = new FactSlots();
  private readonly rules: CompiledRule[] = [];
  private readonly conditionCount: number;

  constructor(rules: readonly Rule[]) {
    let offset = 0;
    for (const rule of rules) {
      if (rule.enabled === false) continue;
      const conditions: CompiledCondition[] = [];
      const truth = compileTree(rule.conditions, '/conditions', this.slots, conditions, offset);
      this.rules.push({ rule, conditions, first: offset, truth });
      offset += conditions.length;
    }
    this.conditionCount = offset;
  }

  get size(): number {
    return this.rules.length;
  }

  /**
   * `facts` holds every form field (undefined when absent) and the context facts, including `today`.
   * `notMissing` names facts whose absence decides nothing: form fields the application does not
   * need (a field required or shown only under a condition that does not hold). A condition over
   * one is two-valued, as if it were optional. `trace: false` leaves the trace empty (a lean answer
   * returns none, and building it is a third of a run's allocations).
   */
  run(facts: Record<string, unknown>, notMissing: ReadonlySet<string> = NONE, { trace = true }: { trace?: boolean } = {}): RuleRunResult {
    const run = new RunFacts(this.slots, facts);
    const truths = new Uint8Array(this.conditionCount);
    const held: boolean[] = new Array<boolean>(this.conditionCount);
    const result: RuleRunResult = { fired: [], undecidable: [], trace: [] };
    for (const { rule, conditions, first, truth } of this.rules) {
      for (let i = 0; i < conditions.length; i++) {
        const condition = conditions[i] as CompiledCondition;
        const holds = condition.holds(run);
        held[first + i] = holds;
        truths[first + i] = condition.countsMissing && isMissingSomewhere(condition, run, notMissing) ? UNKNOWN : holds ? TRUE : FALSE;
      }
      const outcome = truth(truths);
      let unknownKeys: Set<string> | null = null;
      if (outcome === UNKNOWN) {
        const undecidable = undecidableRule(rule, conditions, run, notMissing);
        result.undecidable.push(undecidable);
        unknownKeys = new Set(undecidable.missing.map((m) => `${m.fact}\u0000${m.path ?? ''}`));
      } else if (outcome === TRUE) {
        result.fired.push({ rule, event: rule.event });
      }
      if (!trace) continue;
      const traces: ConditionTrace[] = new Array<ConditionTrace>(conditions.length);
      for (let i = 0; i < conditions.length; i++) {
        const { leaf, pointer, traceKey } = conditions[i] as CompiledCondition;
        const h = unknownKeys?.has(traceKey) ? 'unknown' : (held[first + i] as boolean);
        traces[i] = leaf.path
          ? { pointer, fact: leaf.fact, path: leaf.path, operator: leaf.operator, value: leaf.value, held: h }
          : { pointer, fact: leaf.fact, operator: leaf.operator, value: leaf.value, held: h };
      }
      result.trace.push({ rule: rule.name, fired: outcome === TRUE, undecidable: outcome === UNKNOWN, conditions: traces });
    }
    return result;
  }
}

const NONE: ReadonlySet<string> = new Set();

function isMissingSomewhere(condition: CompiledCondition, run: RunFacts, notMissing: ReadonlySet<string>): boolean {
  for (const side of condition.sides) if (isMissingValue(run.value(side.slot)) && !notMissing.has(side.side.fact)) return true;
  return false;
}

/** The missing facts an undecidable rule names, each once, in the order its conditions read them. */
function undecidableRule(rule: Rule, conditions: CompiledCondition[], run: RunFacts, notMissing: ReadonlySet<string>): UndecidableRule {
  const missing: UndecidableRule['missing'] = [];
  const seen = new Set<string>();
  for (const condition of conditions) {
    if (!condition.countsMissing) continue;
    for (const side of condition.sides) {
      if (!isMissingValue(run.value(side.slot)) || notMissing.has(side.side.fact) || seen.has(side.key)) continue;
      seen.add(side.key);
      missing.push({ ...side.side });
    }
  }
  return { rule, missing };
}
