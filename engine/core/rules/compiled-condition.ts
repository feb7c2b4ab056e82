import { isIsoDate } from '../codes/index.js';
import type { LeafCondition } from '../config/types.js';
import { referencedFact } from './fact-reference.js';
import { operatorsByName, type OperatorDefinition } from './operators.js';
import { isMissingValue } from './rule-run-result.js';
import type { FactSide, FactSlots, RunFacts } from './run-facts.js';

/** A side of a condition that can be missing, as an undecidable rule names it. */
export interface MissingSide {
  slot: number;
  /** Reported as is in `UndecidableRule.missing`. */
  side: FactSide;
  /** Identity in the missing list: fact and path exactly as authored. */
  key: string;
  /** Identity for the trace: an absent path and an empty one are the same value. */
  traceKey: string;
}

/** One comparison, compiled: its fact slots and a closure that decides it on one run. */
export interface CompiledCondition {
  leaf: LeafCondition;
  pointer: string;
  factSlot: number;
  /** The slot of the compared-to fact, or -1 for a literal value. */
  refSlot: number;
  /** Whether a missing side makes the condition unknown (not optional, and the operator does not decide absence itself). */
  countsMissing: boolean;
  /** The fact side first, then the compared-to fact. */
  sides: MissingSide[];
  traceKey: string;
  /**
   * The comparison's two-valued result: a missing value on either side makes it false unless the
   * operator decides absence itself; whether that false is really "unknown" is the caller's call.
   */
  holds(run: RunFacts): boolean;
}

type Holds = (run: RunFacts) => boolean;

function missingSide(slots: FactSlots, fact: string, path: string | undefined, side: FactSide): MissingSide {
  return {
    slot: slots.slotOf(fact, path),
    side,
    key: `${fact}\u0000${path === undefined ? '\u0001' : path}`,
    traceKey: `${fact}\u0000${path ?? ''}`,
  };
}

/** The operator's own definition applied to the two sides, as json-rules-engine calls it. */
function generic(op: OperatorDefinition, factSlot: number, refSlot: number, literal: unknown): Holds {
  if (op.decidesMissing) {
    return refSlot >= 0 ? (run) => op.evaluate(run.value(factSlot), run.value(refSlot)) : (run) => op.evaluate(run.value(factSlot), literal);
  }
  if (refSlot >= 0) {
    return (run) => {
      const a = run.value(factSlot);
      const b = run.value(refSlot);
      return !isMissingValue(a) && !isMissingValue(b) && op.evaluate(a, b);
    };
  }
  if (isMissingValue(literal)) return () => false;
  return (run) => {
    const a = run.value(factSlot);
    return !isMissingValue(a) && op.evaluate(a, literal);
  };
}

/** Compares two ISO dates; any side that is not one makes every date operator false. */
function dateComparison(accept: (order: number) => boolean, factSlot: number, refSlot: number, literal: unknown): Holds {
  if (refSlot >= 0) {
    return (run) => {
      if (!run.isIsoDate(factSlot) || !run.isIsoDate(refSlot)) return false;
      const a = run.value(factSlot) as string;
      const b = run.value(refSlot) as string;
      return accept(a < b ? -1 : a > b ? 1 : 0);
    };
  }
  if (!isIsoDate(literal)) return () => false;
  return (run) => {
    if (!run.isIsoDate(factSlot)) return false;
    const a = run.value(factSlot) as string;
    return accept(a < literal ? -1 : a > literal ? 1 : 0);
  };
}

/**
 * Operators whose work is parsing the fact (an ID number, a date): they read what the run has
 * already derived from the slot, so a 20-condition rule set parses an ID number once per decision.
 * Every other operator runs its definition in `operators.ts` unchanged.
 */
const specialised: Record<string, (factSlot: number, refSlot: number, literal: unknown, leaf: LeafCondition) => Holds> = {
  ageAtLeast: (factSlot, _ref, _literal, leaf) => {
    const years = Number(leaf.value);
    return (run) => {
      if (isMissingValue(run.value(factSlot))) return false;
      const age = run.ageToday(factSlot);
      return age !== null && age >= years;
    };
  },
  ageBelow: (factSlot, _ref, _literal, leaf) => {
    const years = Number(leaf.value);
    return (run) => {
      if (isMissingValue(run.value(factSlot))) return false;
      const age = run.ageToday(factSlot);
      return age !== null && age < years;
    };
  },
  idNumberValid: (factSlot, refSlot, literal) => {
    if (refSlot >= 0) {
      return (run) => {
        const b = run.value(refSlot);
        return !isMissingValue(run.value(factSlot)) && !isMissingValue(b) && (run.idNumber(factSlot) !== null) === b;
      };
    }
    if (isMissingValue(literal)) return () => false;
    return (run) => !isMissingValue(run.value(factSlot)) && (run.idNumber(factSlot) !== null) === literal;
  },
  dateBefore: (f, r, l) => dateComparison((order) => order < 0, f, r, l),
  dateOnOrBefore: (f, r, l) => dateComparison((order) => order <= 0, f, r, l),
  dateAfter: (f, r, l) => dateComparison((order) => order > 0, f, r, l),
  dateOnOrAfter: (f, r, l) => dateComparison((order) => order >= 0, f, r, l),
};

export function compileCondition(leaf: LeafCondition, pointer: string, slots: FactSlots): CompiledCondition {
  const op = operatorsByName.get(leaf.operator);
  const factSide: FactSide = leaf.path ? { fact: leaf.fact, path: leaf.path } : { fact: leaf.fact };
  const sides = [missingSide(slots, leaf.fact, leaf.path || undefined, factSide)];
  const ref = referencedFact(leaf.value);
  // A compared-to fact counts towards "missing" whatever the operator, as it always has.
  if (ref) sides.push(missingSide(slots, ref.fact, ref.path, ref));
  const factSlot = slots.slotOf(leaf.fact, leaf.path);
  // Age operators compare with a number of years, never with another fact.
  const refSlot = ref && !op?.usesEvaluationDate ? slots.slotOf(ref.fact, ref.path) : -1;
  let holds: Holds;
  if (!op) {
    holds = () => {
      throw new Error(`Unknown operator: ${leaf.operator}`);
    };
  } else {
    const special = specialised[op.name];
    holds = special ? special(factSlot, refSlot, leaf.value, leaf) : generic(op, factSlot, refSlot, leaf.value);
  }
  return {
    leaf,
    pointer,
    factSlot,
    refSlot,
    countsMissing: !leaf.optional && !op?.decidesMissing,
    sides,
    traceKey: `${leaf.fact}\u0000${leaf.path ?? ''}`,
    holds,
  };
}
