import { describe, expect, it } from 'vitest';
import { ITEM_CODE, ITEM_CODE_PATTERN, isItemCode } from './index.js';

describe('the item-code pattern', () => {
  it('accepts implementation and sample codes', () => {
    for (const code of ['SAMPLE-GA-0001', '11150000MB1A23456X4000117001', 'rs.pension_transfer-2', 'A1', 'a'.repeat(64)]) {
      expect(isItemCode(code), code).toBe(true);
    }
  });

  it('refuses codes of the wrong shape', () => {
    for (const code of ['', 'A', '-A1', '.A1', '_A1', 'A 1', 'A/1', '事项0001', 'a'.repeat(65), 'A1\n']) {
      expect(isItemCode(code), JSON.stringify(code)).toBe(false);
    }
    expect(isItemCode(42)).toBe(false);
    expect(isItemCode(null)).toBe(false);
  });

  it('is one definition: the RegExp is built from the JSON-Schema string', () => {
    expect(ITEM_CODE.source).toBe(ITEM_CODE_PATTERN);
    expect(ITEM_CODE.flags).toBe('');
  });
});
