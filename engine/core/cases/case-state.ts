import type { CaseEventType, CaseStatus, DecisionResult, DeliveryMethod } from '../vocabulary/index.js';
import type { CaseEvent } from './case-event.js';
import { startsFlow } from './case-supplement.js';
import { caseCommitment, withCommitmentEvents, type CaseCommitment } from './case-commitment.js';

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
  /** 容缺受理: the applicant's commitment, for a case accepted on commitment; else null. */
  commitment: CaseCommitment | null;
}

export const samePlace = (places: CasePlaces): boolean => places.receivingDivision === places.handlingDivision;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The opening event's outcome decides where a case starts: only 予以受理 and 容缺受理 start the flow. */
function opened(event: CaseEvent): CaseState {
  const outcome = event.details.outcome;
  // 容缺受理 starts the flow like 予以受理; its commitment is folded separately (case-commitment.ts).
  const status: CaseStatus = startsFlow(outcome) ? 'accepted' : outcome === 'supplement' ? 'supplement-requested' : 'not-accepted';
  return { status, holder: status === 'not-accepted' ? null : 'receiving', returnedFrom: null, decision: null, delivery: null, updatedAt: event.at, commitment: null };
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
      // 补正: the decision re-run on the materials now on record moves the case on under the same number.
      case 'supplement': {
        const outcome = event.details.outcome;
        if (startsFlow(outcome)) Object.assign(next, { status: 'accepted', holder: 'receiving' });
        else if (outcome === 'reject') Object.assign(next, { status: 'not-accepted', holder: null });
        else Object.assign(next, { status: 'supplement-requested', holder: 'receiving' });
        break;
      }
      case 'supplement-notice': break;
      case 'open': throw new RangeError('caseState: a case is opened once');
    }
    state = next;
  }
  return { ...state, commitment: caseCommitment(events) };
}

/** The events that fit the current status, in the order a clerk would usually take them. */
export function allowedCaseEvents(state: CaseState, places: CasePlaces): CaseEventType[] {
  return withCommitmentEvents(flowEvents(state, places), state.status, state.commitment);
}

function flowEvents(state: CaseState, places: CasePlaces): CaseEventType[] {
  const onward: CaseEventType = samePlace(places) ? 'forward' : 'dispatch';
  switch (state.status) {
    case 'accepted': return [onward, 'void'];
    case 'dispatched': return ['receive', 'return'];
    case 'received': return ['forward', 'return'];
    case 'with-department': return ['decide', 'return'];
    case 'decided': return ['deliver'];
    // Any window of the region takes the materials handed in later (全区通办).
    case 'supplement-requested': return ['supplement'];
    case 'returned':
      if (state.holder === 'handling' && !samePlace(places)) return ['forward', 'return'];
      return [onward, 'void'];
    default: return [];
  }
}
