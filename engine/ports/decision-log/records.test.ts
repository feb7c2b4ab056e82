import { describe, expect, it } from 'vitest';
import { ValidationFailedError } from '../../core/errors.js';
import { knownJsonText } from '../../core/canonical/json-text.js';
import { decisionBodyJson, prepareDecisionRecord, recordFromBody } from './records.js';
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

describe('decisionBodyJson', () => {
  it('is JSON.stringify of the body, with and without who decided, and reads back to the record', () => {
    for (const input of [base, { ...base, by: { id: 'operator-1', name: '新城区窗口' } } as NewDecisionRecord]) {
      const record = prepareDecisionRecord(input, 'D4');
      const text = decisionBodyJson(record);
      expect(text).toBe(JSON.stringify({ channel: record.channel, hash: record.hash, input: record.input, decision: record.decision, ...(record.by ? { by: record.by } : {}) }));
      expect(recordFromBody(record, text)).toEqual(record);
    }
  });

  it('keeps the decision it serialised, so the answer holding the same decision object is not serialised again', () => {
    const decision = { outcome: 'accept', reasons: [{ rule: 'r', type: 'reject', message: '不予受理' }] };
    const record = prepareDecisionRecord({ ...base, decision } as unknown as NewDecisionRecord, 'D5');
    expect(record.decision).toBe(decision);
    expect(knownJsonText(decision)).toBeUndefined();
    decisionBodyJson(record);
    expect(knownJsonText(decision)).toBe(JSON.stringify(decision));
    // A decision with its explanation is kept without it: another object, another text.
    const explained = { ...decision, explanation: [{ rule: 'r' }] };
    const lean = prepareDecisionRecord({ ...base, decision: explained } as unknown as NewDecisionRecord, 'D6').decision;
    expect(lean).not.toBe(explained);
    expect(lean).not.toHaveProperty('explanation');
  });
});
