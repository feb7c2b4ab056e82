import type { Principal } from '../access/principal.js';
import type { CaseEventType } from '../vocabulary/index.js';
import type { CasePlaces, CaseState } from './case-state.js';

/** Which place acts: the accepting window, the handling window or the department there; any window of the region for a 补正. */
export type CaseActorPlace = 'receiving' | 'handling' | 'department' | 'any-window';

/** The places that may record `type` on a case in `state` (the event must already be allowed). */
export function placesFor(type: CaseEventType, state: CaseState): CaseActorPlace[] {
  switch (type) {
    case 'dispatch':
    case 'void': return ['receiving'];
    case 'receive':
    case 'forward': return ['handling'];
    case 'decide': return ['department'];
    case 'commit': return ['receiving'];
    // The materials promised under 容缺受理 are handed in at the accepting or the handling window.
    case 'fulfil-commitment': return ['receiving', 'handling'];
    case 'deliver': return ['department', 'handling', 'receiving'];
    case 'return': return state.status === 'with-department' ? ['department'] : ['handling'];
    case 'open':
    case 'supplement-notice': return ['receiving'];
    case 'supplement': return ['any-window'];
  }
}

/** The place a principal acts as on this case: windows by exact division, handlers by department and division. */
export function principalPlaces(principal: Pick<Principal, 'role' | 'division' | 'department'>, places: CasePlaces): CaseActorPlace[] {
  const found: CaseActorPlace[] = [];
  if (principal.role === 'operator') {
    if (principal.division === places.receivingDivision) found.push('receiving');
    if (principal.division === places.handlingDivision) found.push('handling');
    if (principal.division) found.push('any-window');
  }
  if (principal.role === 'handler' && principal.division === places.handlingDivision && principal.department === places.department) found.push('department');
  return found;
}

/** Whether the principal may record `type` now; null when it may, else the place that should. */
export function placeMissing(type: CaseEventType, state: CaseState, principal: Pick<Principal, 'role' | 'division' | 'department'>, places: CasePlaces): CaseActorPlace[] | null {
  const needed = placesFor(type, state);
  const mine = principalPlaces(principal, places);
  return needed.some((place) => mine.includes(place)) ? null : needed;
}
