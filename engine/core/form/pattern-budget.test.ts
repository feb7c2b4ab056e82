import { describe, expect, it } from 'vitest';
import { compileFormValidator } from './form-validator.js';
import { PATTERN_STEP_BUDGET, patternLengthLimit } from './linear-regexp.js';

/** The pattern: it matches any text up to 3,000 characters, at 6,003 RE2 instructions a character. */
const COSTLY = '[\\s\\S]{0,1000}[\\s\\S]{0,1000}[\\s\\S]{0,1000}$';

describe('the pattern time budget', () => {
  it('bounds the length a pattern is run on by its program size', () => {
    expect(patternLengthLimit(COSTLY)).toBe(Math.floor(PATTERN_STEP_BUDGET / 6003) - 1);
    expect(patternLengthLimit('^[0-9]{12,19}$')).toBeGreaterThan(10_000);
    expect(patternLengthLimit('^(a)\\1$')).toBe(0);
  });

  it('refuses a value over budget without running the pattern (a value the pattern would match)', () => {
    const validate = compileFormValidator({ type: 'object', properties: { note: { type: 'string', title: '备注', pattern: COSTLY } } });
    expect(validate({ note: 'x'.repeat(100) })).toEqual([]);
    // 1,000 characters match the pattern, so an error proves it was refused before running.
    const started = performance.now();
    expect(validate({ note: 'x'.repeat(1_000) })).toEqual([{ path: '/note', keyword: 'pattern', message: '「备注」格式不正确' }]);
    expect(validate({ note: 'x'.repeat(100_000) })).toEqual([{ path: '/note', keyword: 'pattern', message: '「备注」格式不正确' }]);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('shares one budget among all the patterns of one validation, and renews it for the next', () => {
    const properties = Object.fromEntries(Array.from({ length: 4 }, (_, i) => [`f${i}`, { type: 'string', pattern: COSTLY, maxLength: 150 }]));
    const validate = compileFormValidator({ type: 'object', properties });
    const data = Object.fromEntries(Object.keys(properties).map((key) => [key, 'x'.repeat(150)]));
    // Each value costs 6,003 × 151 ≈ 906,000 steps: the first fits the budget, the others do not.
    const first = validate(data).map((e) => e.path);
    expect(first).toHaveLength(3);
    expect(validate(data).map((e) => e.path)).toEqual(first);
    expect(validate({ f0: 'x'.repeat(150) })).toEqual([]);
  });
});
