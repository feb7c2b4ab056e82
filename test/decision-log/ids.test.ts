import { describe, expect, it } from 'vitest';
import { decisionIdGenerator, isDecisionId, newDecisionId } from '../../engine/ports/index.js';

describe('decision ids', () => {
  it('are time-sortable, and strictly increasing within a millisecond and when the clock steps back', () => {
    const times = [Date.UTC(2025, 0, 1), ...Array.from({ length: 1000 }, () => Date.UTC(2030, 0, 1)), Date.UTC(2029, 0, 1), Date.UTC(2031, 0, 1)];
    let i = 0;
    const next = decisionIdGenerator(() => times[i++] ?? 0);
    const all = times.map(() => next());
    expect(all.every(isDecisionId)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
    for (let k = 1; k < all.length; k++) expect((all[k] ?? '') > (all[k - 1] ?? ''), `${all[k]} > ${all[k - 1]}`).toBe(true);
    // Another generator at the same instant sorts by time too: only the random part differs.
    const other = decisionIdGenerator(() => Date.UTC(2030, 0, 1))();
    expect(other.slice(0, 11)).toBe(all[1]?.slice(0, 11));
    expect(isDecisionId(newDecisionId())).toBe(true);
    expect(isDecisionId('D0')).toBe(false);
    expect(isDecisionId('DIIIIIIIIIIIIIIIIIIIIIIIIII')).toBe(false);
  });
});
