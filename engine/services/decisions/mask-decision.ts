import { maskPersonalDataDeep } from '../../core/masking/index.js';
import type { DecisionRecord } from '../../ports/decision-log/port.js';

/**
 * A copy of a record that is safe for listings: ID numbers and mobile numbers are masked wherever
 * they appear in the form data and the decision (field errors, rule traces, messages …); nothing
 * else changes and the record given is left untouched. Replay must use the stored record, never this.
 */
export function maskDecisionRecord(record: DecisionRecord): DecisionRecord {
  return {
    ...record,
    input: { ...record.input, formData: maskPersonalDataDeep(record.input.formData) as DecisionRecord['input']['formData'], materials: [...record.input.materials] },
    decision: maskPersonalDataDeep(record.decision) as DecisionRecord['decision'],
  };
}
