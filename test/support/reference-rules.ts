/**
 * The json-rules-engine evaluation of an item's rules: what the core ran before it compiled rules
 * to closures, kept as the reference the compiled evaluator (engine/core/rules/compiled-rules.ts)
 * is compared with by the differential tests and the bench. Not part of the core, so neither the
 * servers nor the browser bundles carry json-rules-engine.
 */
import { Engine } from 'json-rules-engine';
import {
  evaluateThreeValued, forEachLeaf, isMissingValue, operatorDefinitions, operatorsByName, referencedFact, resolveFactPath,
  type ConditionNode, type ConditionTrace, type LeafCondition, type Rule, type RuleRunResult, type RuleTrace, type UndecidableRule,
} from '../../engine/core/index.js';

type Truth = true | false | 'unknown';
interface AgeThreshold {
  years: number;
  on: string;
}

/** The dynamic fact that hands age operators their threshold together with the evaluation date. */
const AGE_THRESHOLD_FACT = '$ageThreshold';
/**
 * The dynamic fact that reads a path into another fact. json-rules-engine applies its path
 * resolver only to object values and hands any other value over whole (`'s'` at `$.x` is `'s'`),
 * while a path into a non-object is missing everywhere else (fact-path.ts, the undecidable check):
 * an optional or isFilled condition on `$.x` of a plain string used to read the string.
 */
const NESTED_FACT = '$nested';

const isLeaf = (node: ConditionNode): node is LeafCondition => typeof (node as LeafCondition).fact === 'string';

interface PreparedRule {
  rule: Rule;
  leaves: { leaf: LeafCondition; pointer: string }[];
}

function factOf(facts: Record<string, unknown>, fact: string, path?: string): unknown {
  const value = facts[fact];
  return path ? resolveFactPath(value, path) : value;
}

/** What json-rules-engine sees: optional flags dropped, age thresholds bound to the evaluation date, paths read through NESTED_FACT. */
function toEngineConditions(node: ConditionNode): unknown {
  if ('all' in node && Array.isArray(node.all)) return { all: node.all.map(toEngineConditions) };
  if ('any' in node && Array.isArray(node.any)) return { any: node.any.map(toEngineConditions) };
  if ('not' in node && node.not) return { not: toEngineConditions(node.not) };
  const leaf = node as LeafCondition;
  const operator = operatorsByName.get(leaf.operator);
  const ref = referencedFact(leaf.value);
  const value = operator?.usesEvaluationDate
    ? { fact: AGE_THRESHOLD_FACT, params: { years: leaf.value } }
    : ref?.path ? { fact: NESTED_FACT, params: ref } : leaf.value;
  return leaf.path ? { fact: NESTED_FACT, params: { fact: leaf.fact, path: leaf.path }, operator: leaf.operator, value } : { fact: leaf.fact, operator: leaf.operator, value };
}

/**
 * The acceptance rules of one config version, compiled into one json-rules-engine Engine.
 * Runs are serialised: the Engine keeps its run status on the instance, so two overlapping runs
 * on one Engine could cut each other's rules off (json-rules-engine `run()` sets a shared status).
 */
export class ReferenceRules {
  private readonly engine: Engine;
  private readonly prepared: PreparedRule[];
  private readonly byName: Map<string, PreparedRule>;
  private readonly order: Map<string, number>;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(rules: readonly Rule[]) {
    const active = rules.filter((rule) => rule.enabled !== false);
    this.prepared = active.map((rule) => {
      const leaves: PreparedRule['leaves'] = [];
      forEachLeaf(rule.conditions, (leaf, pointer) => leaves.push({ leaf, pointer }));
      return { rule, leaves };
    });
    this.byName = new Map(this.prepared.map((p) => [p.rule.name, p]));
    this.order = new Map(this.prepared.map((p, i) => [p.rule.name, i]));
    this.engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolveFactPath, replaceFactsInEventParams: false });
    for (const op of operatorDefinitions) {
      // A missing value on either side (the compared value may itself be a fact) makes the
      // condition false here; whether that is a decision or "undecidable" is settled beforehand.
      this.engine.addOperator(op.name, (factValue: unknown, value: unknown) =>
        !op.decidesMissing && (isMissingValue(factValue) || isMissingValue(value)) ? false : op.evaluate(factValue, value),
      );
    }
    // No fact cache: caching would hash the params on every call, which costs more than the fact.
    this.engine.addFact(
      AGE_THRESHOLD_FACT,
      async (params, almanac): Promise<AgeThreshold> => ({ years: Number(params.years), on: await almanac.factValue<string>('today') }),
      { cache: false },
    );
    this.engine.addFact(
      NESTED_FACT,
      async (params, almanac) => resolveFactPath(await almanac.factValue(String(params.fact)), String(params.path)),
      { cache: false },
    );
    for (const { rule } of this.prepared) {
      this.engine.addRule({
        name: rule.name,
        priority: rule.priority ?? 1,
        conditions: toEngineConditions(rule.conditions) as never,
        event: rule.event,
      });
    }
  }

  get size(): number {
    return this.prepared.length;
  }

  /** `facts` holds every form field (undefined when absent) and the context facts, including `today`. */
  run(facts: Record<string, unknown>): Promise<RuleRunResult> {
    const result = this.queue.then(() => this.runNow(facts));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private resolveValue(value: unknown, facts: Record<string, unknown>, leaf: LeafCondition): unknown {
    if (operatorsByName.get(leaf.operator)?.usesEvaluationDate) return { years: value, on: facts.today };
    const ref = referencedFact(value);
    return ref ? factOf(facts, ref.fact, ref.path) : value;
  }

  private undecidable(facts: Record<string, unknown>): Map<string, UndecidableRule> {
    const undecidable = new Map<string, UndecidableRule>();
    for (const { rule, leaves } of this.prepared) {
      const missing: { fact: string; path?: string }[] = [];
      const missingLeaves = new Set<LeafCondition>();
      for (const { leaf } of leaves) {
        const op = operatorsByName.get(leaf.operator);
        if (leaf.optional || op?.decidesMissing) continue;
        const sides = [{ fact: leaf.fact, ...(leaf.path ? { path: leaf.path } : {}) }];
        const ref = referencedFact(leaf.value);
        if (ref) sides.push(ref);
        for (const side of sides) {
          if (isMissingValue(factOf(facts, side.fact, side.path))) {
            missingLeaves.add(leaf);
            if (!missing.some((m) => m.fact === side.fact && m.path === side.path)) missing.push(side);
          }
        }
      }
      if (missingLeaves.size === 0) continue;
      const truth = evaluateThreeValued(rule.conditions, (leaf): Truth => {
        if (missingLeaves.has(leaf)) return 'unknown';
        const factValue = factOf(facts, leaf.fact, leaf.path);
        const op = operatorsByName.get(leaf.operator);
        if (!op) return false;
        const value = this.resolveValue(leaf.value, facts, leaf);
        if (!op.decidesMissing && (isMissingValue(factValue) || isMissingValue(value))) return false;
        return op.evaluate(factValue, value);
      });
      if (truth === 'unknown') undecidable.set(rule.name, { rule, missing });
    }
    return undecidable;
  }

  private async runNow(facts: Record<string, unknown>): Promise<RuleRunResult> {
    const undecidable = this.undecidable(facts);
    const { results, failureResults } = await this.engine.run(facts);
    const { byName, order } = this;
    const fired: RuleRunResult['fired'] = [];
    const trace: RuleTrace[] = [];
    for (const [ruleResults, ruleFired] of [[results, true], [failureResults, false]] as const) {
      for (const result of ruleResults) {
        const prepared = byName.get(result.name);
        if (!prepared) continue;
        const isUndecidable = undecidable.has(result.name);
        if (ruleFired && !isUndecidable) fired.push({ rule: prepared.rule, event: prepared.rule.event });
        trace.push({
          rule: result.name,
          fired: ruleFired && !isUndecidable,
          undecidable: isUndecidable,
          conditions: traceConditions(prepared, result.conditions as unknown, isUndecidable ? undecidable.get(result.name) : undefined),
        });
      }
    }
    const byOrder = (a: { rule: string | Rule }, b: { rule: string | Rule }) =>
      (order.get(typeof a.rule === 'string' ? a.rule : a.rule.name) ?? 0) - (order.get(typeof b.rule === 'string' ? b.rule : b.rule.name) ?? 0);
    fired.sort(byOrder);
    trace.sort(byOrder);
    return { fired, undecidable: [...undecidable.values()], trace };
  }
}

/** Walks the engine's result tree beside the authored tree, so every condition gets its pointer. */
function traceConditions(prepared: PreparedRule, resultTree: unknown, undecidable: UndecidableRule | undefined): ConditionTrace[] {
  const traces: ConditionTrace[] = [];
  const missing = new Set((undecidable?.missing ?? []).map((m) => `${m.fact}\u0000${m.path ?? ''}`));
  const walk = (node: ConditionNode, result: unknown, pointer: string) => {
    const r = (result ?? {}) as Record<string, unknown>;
    if ('all' in node && Array.isArray(node.all)) node.all.forEach((c, i) => walk(c, (r.all as unknown[] | undefined)?.[i], `${pointer}/all/${i}`));
    else if ('any' in node && Array.isArray(node.any)) node.any.forEach((c, i) => walk(c, (r.any as unknown[] | undefined)?.[i], `${pointer}/any/${i}`));
    else if ('not' in node && node.not) walk(node.not, r.not, `${pointer}/not`);
    else if (isLeaf(node)) {
      const isMissing = missing.has(`${node.fact}\u0000${node.path ?? ''}`);
      traces.push({
        pointer,
        fact: node.fact,
        ...(node.path ? { path: node.path } : {}),
        operator: node.operator,
        value: node.value,
        held: isMissing ? 'unknown' : typeof r.result === 'boolean' ? r.result : null,
      });
    }
  };
  walk(prepared.rule.conditions, resultTree, '/conditions');
  return traces;
}
