import type { WorkingCalendar } from '../calendar/index.js';
import { compareIsoDates, todayInRegion } from '../codes/index.js';
import type { Decision } from '../decision/types.js';
import type { CaseEvent } from './case-event.js';
import type { CaseTerms } from './case-deadlines.js';
import type { CasePlaces } from './case-state.js';

/**
 * 行政许可法第三十二条: materials incomplete → the agency tells the applicant everything that must be
 * supplemented at once or within five days; otherwise the application counts as accepted from the
 * day the materials were received. The law's days are working days (第八十二条), counted on the
 * region's calendar from the day of receipt.
 */
export const SUPPLEMENT_NOTICE_WORKING_DAYS = 5;

/** A decision as a 补正 event keeps it: everything but the rule trace (the decision log keeps that). */
export type SupplementDecision = Omit<Decision, 'explanation'>;

/** What a `supplement` event carries (its `details`). */
export interface SupplementDetails {
  /** Which version decided: the one the case was opened with, or the one in force at this window. */
  version: 'opened' | 'current';
  /** The material ids handed in this time (merged with those already on record). */
  materials: string[];
  /** Every material on record after this step. */
  materialsOnRecord: string[];
  /** The form fields corrected this time (values), when any. */
  formData?: Record<string, unknown>;
  outcome: Decision['outcome'];
  decision: SupplementDecision;
  decisionId: string | null;
  /** The attachments of the materials handed in this time. */
  attachments?: { id: string; materialId: string }[];
  /** When accepted: the supplementing window becomes the 受理地 of record (the flow starts there). */
  receivingDivision?: string;
  samePlace?: boolean;
  terms?: CaseTerms;
  /** When the 补正 notice came too late (or never): accepted from the day the materials were received. */
  deemedAcceptedFrom?: string;
}

const supplements = (events: readonly CaseEvent[]): CaseEvent[] => events.filter((event) => event.type === 'supplement');
const detailsOf = (event: CaseEvent): Partial<SupplementDetails> => event.details as Partial<SupplementDetails>;

/** The outcomes that start the flow (受理地 → 办理地 → 审批部门). */
const FLOW_OUTCOMES: readonly unknown[] = ['accept', 'accept-on-commitment'];
export const startsFlow = (outcome: unknown): boolean => FLOW_OUTCOMES.includes(outcome);

/** The event that started the flow: the opening when it accepted, or the 补正 that did; null while none has. */
export function acceptingEvent(events: readonly CaseEvent[]): CaseEvent | null {
  const first = events[0];
  if (!first || first.type !== 'open') return null;
  if (startsFlow(first.details.outcome)) return first;
  return supplements(events).find((event) => startsFlow(detailsOf(event).outcome)) ?? null;
}

/**
 * Where the case stands as a place: the 受理地 of record is the window that accepted it — the one
 * that opened it, or the centre where the applicant completed the materials (全区通办: turned away
 * for a missing material at one banner, the case is completed and accepted at another).
 */
export function placesAfterSupplement(base: CasePlaces, events: readonly CaseEvent[]): CasePlaces {
  const accepting = acceptingEvent(events);
  const division = accepting?.type === 'supplement' ? detailsOf(accepting).receivingDivision : undefined;
  return division ? { ...base, receivingDivision: division } : base;
}

/** Every material on record: those handed in at intake and each 补正's, in the order they came. */
export function materialsOnRecord(base: readonly string[], events: readonly CaseEvent[]): string[] {
  const all = [...base];
  for (const event of supplements(events)) for (const id of detailsOf(event).materials ?? []) if (!all.includes(id)) all.push(id);
  return all;
}

/** The form data on record: the intake's, with each 补正's corrections over it. */
export function formDataOnRecord(base: Record<string, unknown>, events: readonly CaseEvent[]): Record<string, unknown> {
  return supplements(events).reduce<Record<string, unknown>>((data, event) => ({ ...data, ...(detailsOf(event).formData ?? {}) }), { ...base });
}

/** The decision now on record: the last 补正's, else the intake's. */
export function decisionOnRecord<D extends SupplementDecision>(base: D, events: readonly CaseEvent[]): D | SupplementDecision {
  const last = supplements(events).at(-1);
  return (last ? detailsOf(last).decision : undefined) ?? base;
}

/** The terms on record: fixed again by the 补正 that accepted the case (its version and its materials). */
export function termsAfterSupplement(base: CaseTerms, events: readonly CaseEvent[]): CaseTerms {
  const accepting = acceptingEvent(events);
  return (accepting?.type === 'supplement' ? detailsOf(accepting).terms : undefined) ?? base;
}

/** The agency's 5-day limit on a case answered 需补正 (null for a case accepted or refused at once). */
export interface SupplementNoticeTiming {
  /** When the materials were received (the intake save). */
  receivedAt: string;
  /** The last day the 补正 notice may be issued. */
  noticeDue: string;
  /** When the notice was issued (its first print), or null while it has not been. */
  noticeIssuedAt: string | null;
  /** Issued after its last day, or not issued and the day has passed. */
  late: boolean;
  /** 视为受理: accepted from the day of receipt, because of the late notice. */
  deemedAcceptedFrom: string | null;
  calendarMissing?: number[];
}

export function supplementNoticeTiming(events: readonly CaseEvent[], calendar: WorkingCalendar, today: string): SupplementNoticeTiming | null {
  const first = events[0];
  if (!first || first.type !== 'open' || first.details.outcome !== 'supplement') return null;
  const due = calendar.addWorkingDays(todayInRegion(new Date(first.at)), SUPPLEMENT_NOTICE_WORKING_DAYS);
  const notice = events.find((event) => event.type === 'supplement-notice') ?? null;
  // Without a notice, lateness is judged today while the case still waits, or on the day the case moved on.
  const moved = events.slice(1).find((event) => event.type === 'supplement' || event.type === 'void');
  const judgedOn = notice ? todayInRegion(new Date(notice.at)) : moved ? todayInRegion(new Date(moved.at)) : today;
  const late = compareIsoDates(judgedOn, due.date) > 0;
  return {
    receivedAt: first.at, noticeDue: due.date, noticeIssuedAt: notice?.at ?? null, late, deemedAcceptedFrom: late ? first.at : null,
    ...(due.calendarMissing ? { calendarMissing: due.calendarMissing } : {}),
  };
}
