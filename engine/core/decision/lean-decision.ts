import type { Decision, LeanDecision } from './types.js';

/** The decision without its explanation; one that has none already is returned as it is (not copied). */
export function leanDecision(decision: Decision | LeanDecision): LeanDecision {
  if (!('explanation' in decision)) return decision;
  const { explanation: _explanation, ...lean } = decision;
  return lean;
}
