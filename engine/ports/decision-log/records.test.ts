import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '../../core/errors.js';
import { prepareDecisionRecord } from './records.js';
import type { NewDecisionRecord } from './port.js';

const base = {
  division: '150102', channel: 'window', code: 'RT-1', version: 1, hash: 'h'.repeat(64), outcome: 'accept',
  input: { scenario: 'self', formData: { name: '王五', household: { members: [{ age: 70 }] } }, materials: ['id-card'], date: '2025-06-01' },
  decision: { outcome: 'accept', reasons: [] },
} as unknown as NewDecisionRecord;

describe('prepareDecisionRecord', () => {
  it('keeps plain form data as it is (no copy) and copies what JSON would rewrite', () => {
    const kept = prepareDecisionRecord(base, 'D1');
    expect(kept.input.formData).toBe(base.input.formData);
    const withUndefined = prepareDecisionRecord({ ...base, input: { ...base.input, formData: { name: '王五', note: undefined } } } as unknown as NewDecisionRecord, 'D2');
    expect(withUndefined.input.formData).toEqual({ name: '王五' });
  });

  it('names where a value has no JSON form, however deep', () => {
    const bad = { ...base, input: { ...base.input, formData: { household: { members: [{ age: Number.NaN }] } } } } as unknown as NewDecisionRecord;
    let refused: unknown;
    try {
      prepareDecisionRecord(bad, 'D3');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ValidationFailedError);
    expect((refused as ValidationFailedError).problems[0]!.message).toContain('"/input/formData/household/members/0/age"');
  });
});
