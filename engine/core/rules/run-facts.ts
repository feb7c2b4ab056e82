import { isIsoDate, parseIdNumber, type IdNumberInfo } from '../codes/index.js';
import { resolveFactPath } from './fact-path.js';
import { ageInYears } from './operators.js';

/** One value a condition reads: a fact, or a path into one. */
export interface FactSide {
  fact: string;
  path?: string;
}

/**
 * The fact sides of an item's rules, numbered once at compile time so that a run can memoise
 * what it derives from each side in flat arrays instead of per-condition work.
 */
export class FactSlots {
  readonly sides: FactSide[] = [];
  private readonly byKey = new Map<string, number>();

  /** The slot of `fact` at `path`; an empty path reads the whole fact, like no path. */
  slotOf(fact: string, path?: string): number {
    const key = `${fact}\u0000${path || ''}`;
    let slot = this.byKey.get(key);
    if (slot === undefined) {
      slot = this.sides.length;
      this.sides.push(path ? { fact, path } : { fact });
      this.byKey.set(key, slot);
    }
    return slot;
  }
}

const UNSET = Symbol('unset');
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * The facts of one decision, with what conditions derive from them (an ID number's parts and
 * birth date, the age on the evaluation date, "is this an ISO date") computed on first use and
 * kept for the rest of the run, however many conditions read them.
 */
export class RunFacts {
  private readonly values: unknown[];
  private readonly idNumbers: (IdNumberInfo | null | typeof UNSET)[];
  private readonly ages: (number | null | typeof UNSET)[];
  private readonly isoDates: (boolean | typeof UNSET)[];

  constructor(
    private readonly slots: FactSlots,
    private readonly facts: Record<string, unknown>,
  ) {
    const n = slots.sides.length;
    this.values = new Array<unknown>(n).fill(UNSET);
    this.idNumbers = new Array<IdNumberInfo | null | typeof UNSET>(n).fill(UNSET);
    this.ages = new Array<number | null | typeof UNSET>(n).fill(UNSET);
    this.isoDates = new Array<boolean | typeof UNSET>(n).fill(UNSET);
  }

  /** A fact the facts object does not hold is undefined (never an inherited property). */
  fact(name: string): unknown {
    return hasOwn.call(this.facts, name) ? this.facts[name] : undefined;
  }

  value(slot: number): unknown {
    let value = this.values[slot];
    if (value === UNSET) {
      const side = this.slots.sides[slot] as FactSide;
      const whole = this.fact(side.fact);
      value = side.path ? resolveFactPath(whole, side.path) : whole;
      this.values[slot] = value;
    }
    return value;
  }

  /** GB 11643 parts of the value, or null when it is not a valid ID number. */
  idNumber(slot: number): IdNumberInfo | null {
    let info = this.idNumbers[slot] as IdNumberInfo | null | typeof UNSET;
    if (info === UNSET) {
      info = parseIdNumber(this.value(slot));
      this.idNumbers[slot] = info;
    }
    return info;
  }

  isIsoDate(slot: number): boolean {
    let iso = this.isoDates[slot] as boolean | typeof UNSET;
    if (iso === UNSET) {
      iso = isIsoDate(this.value(slot));
      this.isoDates[slot] = iso;
    }
    return iso;
  }

  /** Full years on the evaluation date (`today`) of the birth date the value is or carries. */
  ageToday(slot: number): number | null {
    let age = this.ages[slot] as number | null | typeof UNSET;
    if (age === UNSET) {
      const value = this.value(slot);
      const birth = typeof value !== 'string' ? null : this.isIsoDate(slot) ? value : (this.idNumber(slot)?.birthDate ?? null);
      age = ageInYears(birth, this.fact('today'));
      this.ages[slot] = age;
    }
    return age;
  }
}
