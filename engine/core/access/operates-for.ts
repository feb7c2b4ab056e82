import { isDivisionWithin } from '../codes/index.js';

/** Whether an operator bound to `own` may act for `division` (the same locality or one below it). */
export function operatesFor(own: string | null, division: string): boolean {
  return own !== null && isDivisionWithin(division, own);
}
