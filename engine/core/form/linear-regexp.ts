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

interface LinearRegExp {
  test(s: string): boolean;
  toString(): string;
}

const compiled = new Map<string, LinearRegExp>();

function compileLinear(pattern: string): LinearRegExp {
  let regexp = compiled.get(pattern);
  if (!regexp) {
    const re2 = RE2JS.compile(toRe2Syntax(pattern));
    // ajv files compiled patterns under their toString(): it must be unique per pattern, or every
    // pattern would be checked with the first one ever compiled.
    regexp = { test: (s: string) => re2.test(s), toString: () => `/${pattern}/u` };
    compiled.set(pattern, regexp);
  }
  return regexp;
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
