import { describe, expect, it } from 'vitest';
import { jsonTextOnce, knownJsonText } from './json-text.js';

describe('jsonTextOnce', () => {
  it('serialises an object once and gives the same text after; knownJsonText serialises nothing itself', () => {
    const value = { outcome: 'accept', reasons: ['甲'] };
    expect(knownJsonText(value)).toBeUndefined();
    expect(knownJsonText('text')).toBeUndefined();
    expect(knownJsonText(null)).toBeUndefined();
    const text = jsonTextOnce(value);
    expect(text).toBe('{"outcome":"accept","reasons":["甲"]}');
    expect(jsonTextOnce(value)).toBe(text);
    expect(knownJsonText(value)).toBe(text);
    // Another object with equal content has its own entry.
    expect(knownJsonText({ ...value })).toBeUndefined();
  });
});
