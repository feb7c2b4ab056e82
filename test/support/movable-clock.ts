import type { Clock } from '../../engine/core/index.js';

const DAY = 86_400_000;

/** The server's clock, moved forward by a test to make deadlines pass; it starts at the real time (publications are signed at it). */
export function movableClock(): { clock: Clock; advanceDays(days: number): void } {
  let offset = 0;
  return { clock: () => new Date(Date.now() + offset), advanceDays: (days) => { offset += days * DAY; } };
}
