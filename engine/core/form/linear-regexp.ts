import { RE2JS } from 're2js';
import type { RegExpEngine } from 'ajv/dist/types/index.js';

/**
 * Form patterns come from department authors, so they run on RE2 (linear time): no pattern can
 * backtrack catastrophically and stall a window. RE2 spells code points `\x{4e00}` where
 * JavaScript spells them `\u4e00`, so patterns are translated first.
 */
export function toRe2Syntax(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = pattern[i + 1];
    if (next === 'u') {
      const braced = /^\{([0-9A-Fa-f]{1,6})\}/.exec(pattern.slice(i + 2));
      if (braced) {
        out += `\\x{${braced[1]}}`;
        i += 1 + braced[0].length;
        continue;
      }
      const hex = /^[0-9A-Fa-f]{4}/.exec(pattern.slice(i + 2));
      if (hex) {
        out += `\\x{${hex[0]}}`;
        i += 5;
        continue;
      }
    }
    out += ch + (next ?? '');
    i += 1;
  }
  return out;
}

/**
 * The time budget of pattern matching, in steps: RE2 simulates its program over the input, so
 * one test costs at most (program instructions × (input length + 1)) steps. Measured on the
 * issue's `[\s\S]{0,1000}[\s\S]{0,1000}[\s\S]{0,1000}$` (6,003 instructions) at about 70 ns a
 * step, one million steps is about 70 ms: the most one string, and one whole form validation on
 * the server, may spend. A test over budget is refused before it starts (the value does not
 * match): synchronous JavaScript cannot be interrupted once a match runs, so the bound is put on
 * the input size, never on a clock.
 */
export const PATTERN_STEP_BUDGET = 1_000_000;

interface LinearRegExp {
  test(s: string): boolean;
  toString(): string;
  /** The size of the compiled RE2 program: the cost of one step over one character. */
  readonly instructions: number;
}

const compiled = new Map<string, LinearRegExp>();

/** Steps left in the form validation running now (synchronous, so one counter is enough); Infinity outside one. */
let remainingSteps = Number.POSITIVE_INFINITY;

function programSize(re2: RE2JS, pattern: string): number {
  // re2js keeps its program on the compiled RE2; without it, the pattern's length is a lower bound.
  const prog = (re2.re2Input as unknown as { prog?: { numInst?: () => number } }).prog;
  const size = typeof prog?.numInst === 'function' ? prog.numInst() : pattern.length;
  return Math.max(1, size);
}

function compileLinear(pattern: string): LinearRegExp {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    const re2 = RE2JS.compile(toRe2Syntax(pattern));
    const instructions = programSize(re2, pattern);
    // ajv files compiled patterns under their toString(): it must be unique per pattern, or every
    // pattern would be checked with the first one ever compiled.
    regexp = {
      instructions,
      test: (s: string) => {
        const cost = patternSteps(instructions, s.length);
        if (cost > PATTERN_STEP_BUDGET || cost > remainingSteps) return false;
        remainingSteps -= cost;
        return re2.test(s);
      },
      toString: () => `/${pattern}/u`,
    };
    compiled.set(pattern, regexp);
  }
  return regexp;
}

function patternSteps(instructions: number, length: number): number {
  return instructions * (length + 1);
}

/** The most characters `pattern` can be tested on within the budget (0 when it cannot compile). */
export function patternLengthLimit(pattern: string): number {
  try {
    return Math.floor(PATTERN_STEP_BUDGET / compileLinear(pattern).instructions) - 1;
  } catch {
    return 0;
  }
}

/**
 * Runs `validate` (synchronous) with one budget for all its pattern tests together, so a form of
 * many patterned fields cannot add up to a stall either.
 */
export function withPatternBudget<T>(validate: () => T): T {
  const outer = remainingSteps;
  remainingSteps = PATTERN_STEP_BUDGET;
  try {
    return validate();
  } finally {
    remainingSteps = outer;
  }
}

/** The message of why a pattern cannot run on the linear-time engine, or null when it can. */
export function linearPatternProblem(pattern: string): string | null {
  try {
    compileLinear(pattern);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

export const linearRegExp: RegExpEngine = Object.assign((pattern: string) => compileLinear(pattern), {
  code: 'tongbanLinearRegExp',
});
