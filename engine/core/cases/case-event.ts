import { contentHash } from '../canonical/content-hash.js';
import type { CaseEventType, Role } from '../vocabulary/index.js';
import { GENESIS_HASH, type ChainVerification } from '../audit/index.js';

/** Who recorded an event: the principal and the person's name (经办人). */
export interface CaseActor {
  id: string;
  name: string;
  role: Role;
}

/**
 * One step of a case. Events are only ever appended; each link's hash covers its content, the case
 * number and the previous link's hash, so an edited, removed or reordered event is detected.
 */
export interface CaseEvent {
  caseNumber: string;
  /** 1 for the opening event, then one more per event. */
  seq: number;
  type: CaseEventType;
  /** ISO 8601 UTC from the server's clock, never from the request. */
  at: string;
  actor: CaseActor;
  /** Where it happened (GB/T 2260 code). */
  division: string;
  /** The department, for events by a handler. */
  department: string | null;
  comment: string;
  /** What the event type carries: tracking numbers, the result, the reason, where it went. */
  details: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** What a service hands to the store: the store numbers and chains it. */
export type NewCaseEvent = Omit<CaseEvent, 'caseNumber' | 'seq' | 'prevHash' | 'hash'>;

export function caseEventHash(event: Omit<CaseEvent, 'hash'>): string {
  return contentHash({
    caseNumber: event.caseNumber, seq: event.seq, type: event.type, at: event.at, actor: event.actor, division: event.division,
    department: event.department, comment: event.comment, details: event.details, prevHash: event.prevHash,
  });
}

export function chainCaseEvent(caseNumber: string, event: NewCaseEvent, previous: Pick<CaseEvent, 'seq' | 'hash'> | null): CaseEvent {
  const link = { ...event, caseNumber, seq: (previous?.seq ?? 0) + 1, prevHash: previous?.hash ?? GENESIS_HASH };
  return { ...link, hash: caseEventHash(link) };
}

/** Recomputes a case's chain and names the first event whose content or back-pointer does not match. */
export function verifyCaseEvents(caseNumber: string, events: readonly CaseEvent[]): ChainVerification {
  let previous: CaseEvent | null = null;
  const broken = (seq: number, problem: string): ChainVerification => ({ ok: false, checked: events.length, firstBroken: { seq, problem } });
  if (events.length === 0) return broken(0, 'the case has no opening event');
  for (const event of events) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (event.caseNumber !== caseNumber) return broken(event.seq, `event belongs to case ${event.caseNumber}`);
    if (event.seq !== expectedSeq) return broken(event.seq, `expected sequence ${expectedSeq}`);
    if (event.prevHash !== (previous?.hash ?? GENESIS_HASH)) return broken(event.seq, 'previous-hash link does not match the previous event');
    if (caseEventHash(event) !== event.hash) return broken(event.seq, 'event content does not match its hash');
    previous = event;
  }
  if (events[0]?.type !== 'open') return broken(1, 'the first event is not the opening event');
  return { ok: true, checked: events.length, firstBroken: null };
}
