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

/** The id's 26 characters read back as numbers (BigInt: the reference the generator's arithmetic must agree with). */
function decode(id: string): { time: bigint; random: bigint } {
  const value = (text: string) => [...text].reduce((n, c) => n * 32n + BigInt('0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(c)), 0n);
  return { time: value(id.slice(1, 11)), random: value(id.slice(11)) };
}

describe('decision id layout', () => {
  it('is 10 characters of milliseconds then 16 of an 80-bit random part, which counts up by one within a millisecond, carrying across its halves', () => {
    const at = Date.UTC(2026, 11, 4, 12, 0, 0, 123);
    const next = decisionIdGenerator(() => at);
    const ids = Array.from({ length: 5000 }, () => next());
    expect(decode(ids[0] as string).time).toBe(BigInt(at));
    for (let k = 1; k < ids.length; k++) {
      expect(decode(ids[k] as string).time).toBe(BigInt(at));
      expect(decode(ids[k] as string).random - decode(ids[k - 1] as string).random).toBe(1n);
    }
    // A random part one below a half's end carries into the upper half; at its very end, the time moves on.
    const nearCarry = decisionIdGenerator(() => at, () => Uint8Array.from([0, 0, 0, 0, 7, 255, 255, 255, 255, 255]));
    const [beforeCarry, afterCarry] = [nearCarry(), nearCarry()];
    expect(decode(afterCarry).random - decode(beforeCarry).random).toBe(1n);
    expect(afterCarry.slice(11, 19)).toBe('00000008');
    expect(afterCarry.slice(19)).toBe('00000000');
    const atEnd = decisionIdGenerator(() => at, () => new Uint8Array(10).fill(255));
    const [last, moved] = [atEnd(), atEnd()];
    expect(decode(last).random).toBe(2n ** 80n - 1n);
    expect(decode(moved).time).toBe(BigInt(at) + 1n);
    expect(moved > last).toBe(true);
    // The largest time 48 bits hold still encodes exactly.
    expect(decode(decisionIdGenerator(() => 2 ** 48 - 1)()).time).toBe(2n ** 48n - 1n);
  });
});
