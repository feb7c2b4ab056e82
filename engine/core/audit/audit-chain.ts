import { contentHash } from '../canonical/content-hash.js';
import type { AuditEvent, NewAuditEvent } from '../model/records.js';

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of one audit link covers its content and the previous link's hash. */
export function auditEventHash(event: NewAuditEvent & { seq: number; prevHash: string }): string {
  return contentHash({
    seq: event.seq,
    at: event.at,
    actor: event.actor,
    action: event.action,
    code: event.code,
    version: event.version,
    reason: event.reason,
    details: event.details,
    prevHash: event.prevHash,
  });
}

export function chainAuditEvent(event: NewAuditEvent, previous: Pick<AuditEvent, 'seq' | 'hash'> | null): AuditEvent {
  const seq = (previous?.seq ?? 0) + 1;
  const prevHash = previous?.hash ?? GENESIS_HASH;
  return { ...event, seq, prevHash, hash: auditEventHash({ ...event, seq, prevHash }) };
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; problem: string } | null;
}

/** Recomputes the chain and names the first link whose content or back-pointer does not match. */
export function verifyAuditChain(events: readonly AuditEvent[]): ChainVerification {
  let previous: AuditEvent | null = null;
  for (const event of events) {
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (event.seq !== expectedSeq) return { ok: false, checked: events.length, firstBroken: { seq: event.seq, problem: `expected sequence ${expectedSeq}` } };
    if (event.prevHash !== (previous?.hash ?? GENESIS_HASH)) {
      return { ok: false, checked: events.length, firstBroken: { seq: event.seq, problem: 'previous-hash link does not match the previous event' } };
    }
    if (auditEventHash(event) !== event.hash) {
      return { ok: false, checked: events.length, firstBroken: { seq: event.seq, problem: 'event content does not match its hash' } };
    }
    previous = event;
  }
  return { ok: true, checked: events.length, firstBroken: null };
}
