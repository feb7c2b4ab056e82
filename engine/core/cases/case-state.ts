import type { CaseEventType, CaseStatus, DecisionResult, DeliveryMethod } from '../vocabulary/index.js';
import type { CaseEvent } from './case-event.js';

/** Where a case was received and where it is handled, and by which department (收受分离). */
export interface CasePlaces {
  receivingDivision: string;
  handlingDivision: string;
  /** The approving department at the handling division, e.g. 新城区人力资源和社会保障局. */
  department: string;
}

/** Who must act next: the accepting window, the handling window, the department, or nobody. */
export type CaseHolder = 'receiving' | 'handling' | 'department' | null;

export interface CaseDepartmentDecision {
  result: DecisionResult;
  resultName: string;
  resultNumber: string | null;
  reason: string | null;
  at: string;
}

export interface CaseState {
  status: CaseStatus;
  holder: CaseHolder;
  /** The status a returned case was returned from. */
  returnedFrom: CaseStatus | null;
  decision: CaseDepartmentDecision | null;
  delivery: { method: DeliveryMethod; trackingNumber: string | null; at: string } | null;
  /** The time of the last event. */
  updatedAt: string;
}

export const samePlace = (places: CasePlaces): boolean => places.receivingDivision === places.handlingDivision;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The opening event's outcome decides where a case starts: only 予以受理 starts the flow. */
function opened(event: CaseEvent): CaseState {
  const outcome = event.details.outcome;
  const status: CaseStatus = outcome === 'accept' ? 'accepted' : outcome === 'supplement' ? 'supplement-requested' : 'not-accepted';
  return { status, holder: status === 'not-accepted' ? null : 'receiving', returnedFrom: null, decision: null, delivery: null, updatedAt: event.at };
}

/** Folds a case's events (already checked when they were appended) into where it stands now. */
export function caseState(events: readonly CaseEvent[]): CaseState {
  const [first, ...rest] = events;
  if (!first || first.type !== 'open') throw new RangeError('caseState: a case starts with its opening event');
  let state = opened(first);
  for (const event of rest) {
    const next: CaseState = { ...state, updatedAt: event.at };
    switch (event.type) {
      case 'dispatch': Object.assign(next, { status: 'dispatched', holder: 'handling', returnedFrom: null }); break;
      case 'receive': Object.assign(next, { status: 'received', holder: 'handling' }); break;
      case 'forward': Object.assign(next, { status: 'with-department', holder: 'department', returnedFrom: null }); break;
      case 'decide':
        Object.assign(next, {
          status: 'decided', holder: 'department',
          decision: {
            result: event.details.result as DecisionResult, resultName: text(event.details.resultName) ?? '', resultNumber: text(event.details.resultNumber),
            reason: text(event.details.reason), at: event.at,
          },
        });
        break;
      case 'deliver':
        Object.assign(next, { status: 'delivered', holder: null, delivery: { method: event.details.method as DeliveryMethod, trackingNumber: text(event.details.trackingNumber), at: event.at } });
        break;
      case 'return':
        Object.assign(next, { status: 'returned', holder: state.status === 'with-department' ? 'handling' : 'receiving', returnedFrom: state.status });
        break;
      case 'void': Object.assign(next, { status: 'voided', holder: null }); break;
      case 'open': throw new RangeError('caseState: a case is opened once');
    }
    state = next;
  }
  return state;
}

/** The events that fit the current status, in the order a clerk would usually take them. */
export function allowedCaseEvents(state: CaseState, places: CasePlaces): CaseEventType[] {
  const onward: CaseEventType = samePlace(places) ? 'forward' : 'dispatch';
  switch (state.status) {
    case 'accepted': return [onward, 'void'];
    case 'dispatched': return ['receive', 'return'];
    case 'received': return ['forward', 'return'];
    case 'with-department': return ['decide', 'return'];
    case 'decided': return ['deliver'];
    case 'returned':
      if (state.holder === 'handling' && !samePlace(places)) return ['forward', 'return'];
      return [onward, 'void'];
    default: return [];
  }
}
