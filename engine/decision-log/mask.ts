import { maskPhone } from '../codes/index.js';
import { maskPersonalData } from '../http/request-log.js';
import type { DecisionRecord } from './port.js';

const WHOLE_MOBILE = /^1[3-9]\d{9}$/;

/** Every string (at any depth) goes through the same masking as log lines; keys are kept. */
function maskDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  // A mobile typed as an integer field would otherwise slip through; it becomes its masked text.
  if (typeof value === 'number' && Number.isSafeInteger(value) && WHOLE_MOBILE.test(String(value))) return maskPhone(String(value));
  if (Array.isArray(value)) return value.map(maskDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, maskDeep(item)]));
  }
  return value;
}

/**
 * A copy of a record that is safe for listings: ID numbers and mobile numbers are masked wherever
 * they appear in the form data and the decision (field errors, rule traces, messages …); nothing
 * else changes and the record given is left untouched. Replay must use the stored record, never this.
 */
export function maskDecisionRecord(record: DecisionRecord): DecisionRecord {
  return {
    ...record,
    input: { ...record.input, formData: maskDeep(record.input.formData) as DecisionRecord['input']['formData'], materials: [...record.input.materials] },
    decision: maskDeep(record.decision) as DecisionRecord['decision'],
  };
}
