import type { WorkingCalendar } from '../calendar/index.js';
import { compareIsoDates } from '../codes/index.js';
import type { DeferredAcceptance, TimeLimit } from '../config/types.js';
import type { MaterialRef } from '../decision/types.js';
import { FINAL_CASE_STATUSES, type CaseEventType, type CaseStatus } from '../vocabulary/index.js';
import type { CaseEvent } from './case-event.js';
import { acceptingEvent } from './case-supplement.js';

/**
 * 容缺受理 on a case: accepted now on the applicant's written commitment to hand in the 容缺后补
 * materials by a deadline. `awaiting` until the window records the commitment (`commit`), then
 * `pending` until the materials arrive (`fulfil-commitment`), then `fulfilled`.
 */
export interface CaseCommitment {
  state: 'awaiting' | 'pending' | 'fulfilled';
  /** The 容缺后补 materials to hand in. */
  materials: MaterialRef[];
  /** The last day (inclusive, Asia/Shanghai) to hand them in, once recorded. */
  supplementBy: string | null;
  committedAt: string | null;
  fulfilledAt: string | null;
}

const isMaterialRef = (value: unknown): value is MaterialRef =>
  value !== null && typeof value === 'object' && typeof (value as MaterialRef).id === 'string' && typeof (value as MaterialRef).name === 'string';

/** The materials an accepting event deferred: kept on the opening event, or in a 补正's decision. */
function deferredMaterialsOf(event: CaseEvent): MaterialRef[] {
  const listed = event.details.deferredMaterials ?? (event.details.decision as { deferredAcceptance?: { materials?: unknown } } | undefined)?.deferredAcceptance?.materials;
  return Array.isArray(listed) ? listed.filter(isMaterialRef).map((m) => ({ id: m.id, name: m.name })) : [];
}

/** The commitment of a case accepted on commitment (from the event that accepted it), or null. */
export function caseCommitment(events: readonly CaseEvent[]): CaseCommitment | null {
  const accepting = acceptingEvent(events);
  if (!accepting || accepting.details.outcome !== 'accept-on-commitment') return null;
  const commitment: CaseCommitment = { state: 'awaiting', materials: deferredMaterialsOf(accepting), supplementBy: null, committedAt: null, fulfilledAt: null };
  for (const event of events.slice(events.indexOf(accepting) + 1)) {
    if (event.type === 'commit' && commitment.state === 'awaiting') {
      Object.assign(commitment, { state: 'pending', supplementBy: typeof event.details.supplementBy === 'string' ? event.details.supplementBy : null, committedAt: event.at });
    } else if (event.type === 'fulfil-commitment' && commitment.state === 'pending') {
      Object.assign(commitment, { state: 'fulfilled', fulfilledAt: event.at });
    }
  }
  return commitment;
}

/** The materials promised may be handed in until the department has decided (or the case ended). */
const openForMaterials = (status: CaseStatus): boolean => status !== 'decided' && status !== 'supplement-requested' && !FINAL_CASE_STATUSES.includes(status);

/**
 * The flow's allowed events with the commitment's: before the commitment is recorded the case
 * goes nowhere (only `commit`, or `void`); while it is pending the materials may arrive at any step.
 */
export function withCommitmentEvents(flow: CaseEventType[], status: CaseStatus, commitment: CaseCommitment | null): CaseEventType[] {
  if (!commitment) return flow;
  if (commitment.state === 'awaiting') return status === 'accepted' ? ['commit', 'void'] : flow;
  if (commitment.state === 'pending' && openForMaterials(status)) return [...flow, 'fulfil-commitment'];
  return flow;
}

/**
 * The latest deadline a window may accept from the applicant: the 清单's 容缺材料补齐时限 counted from
 * acceptance, and never after the 承诺办结日期 — except for an 即办件 (承诺办理时限 0), whose time limit
 * is for complete materials, so the 清单's limit alone applies (without one, the acceptance day).
 */
export function latestSupplementDate(args: {
  acceptedOn: string;
  promisedDue: string;
  promisedTimeLimit: TimeLimit;
  terms: Pick<DeferredAcceptance, 'supplementLimit'> | undefined;
  calendar: WorkingCalendar;
}): { date: string; calendarMissing?: number[] } {
  const { acceptedOn, promisedDue, promisedTimeLimit, terms, calendar } = args;
  const immediate = promisedTimeLimit.value === 0;
  const limit = terms?.supplementLimit;
  if (!limit) return { date: immediate ? acceptedOn : promisedDue };
  const counted = limit.unit.code === 'CD' ? calendar.addNaturalDays(acceptedOn, limit.value)
    : limit.unit.code === 'M' ? calendar.addMonths(acceptedOn, limit.value)
      : limit.unit.code === 'H' ? { date: acceptedOn }
        : calendar.addWorkingDays(acceptedOn, limit.value);
  const date = immediate || compareIsoDates(counted.date, promisedDue) <= 0 ? counted.date : promisedDue;
  return counted.calendarMissing ? { date, calendarMissing: counted.calendarMissing } : { date };
}
