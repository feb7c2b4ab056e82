import { verifyAuditTrail, type AuditCheckpoint, type AuditIndexRow, type AuditTrailReport } from '../../core/audit/index.js';
import type { AuditEvent } from '../../core/model/records.js';
import type { TrustedKey } from '../../core/signing/index.js';
import type { ConfigReader } from '../../ports/config-store/port.js';

const PAGE = 10_000;

async function allPages<T>(read: (after: number) => Promise<T[]>, keyOf: (item: T) => number): Promise<T[]> {
  const all: T[] = [];
  let after = 0;
  for (;;) {
    const page = await read(after);
    all.push(...page);
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return all;
    after = keyOf(last);
  }
}

/**
 * Verifies a store's whole audit trail (GET /api/audit/verify) and remembers the newest trusted
 * checkpoint it has seen, in memory: a later verification by the same process still fails when
 * the store has since lost that checkpoint together with the events it covered.
 */
export class AuditTrailAuditor {
  readonly #reader: ConfigReader;
  readonly #trustedKeys: readonly TrustedKey[];
  #remembered: AuditCheckpoint | null = null;

  constructor({ reader, trustedKeys }: { reader: ConfigReader; trustedKeys: readonly TrustedKey[] }) {
    this.#reader = reader;
    this.#trustedKeys = trustedKeys;
  }

  async verify(): Promise<AuditTrailReport> {
    const reader = this.#reader;
    // Read in the order the stores write (version, then event, then checkpoint) so that a
    // publication landing mid-read is never reported: every checkpoint read covers events read
    // after it, every event read has its version read after it, and events appended after the
    // main read are fetched once more so that every version read has its event.
    const checkpoints = await allPages<AuditCheckpoint>((after) => reader.listCheckpoints({ after, limit: PAGE }), (c) => c.count);
    const events = await allPages<AuditEvent>((afterSeq) => reader.listAudit({ afterSeq, limit: PAGE }), (e) => e.seq);
    const index = (await allPages<AuditIndexRow>((after) => reader.listAuditIndex({ after, limit: PAGE }), (r) => r.seq)).slice(0, events.length);
    const versions = await reader.listVersionRefs();
    const newer = await allPages<AuditEvent>((afterSeq) => reader.listAudit({ afterSeq: Math.max(afterSeq, events.length), limit: PAGE }), (e) => e.seq);
    const report = verifyAuditTrail({
      events, index, checkpoints, remembered: this.#remembered ? [this.#remembered] : [], trustedKeys: this.#trustedKeys, versions, laterEvents: newer,
    });
    const latest = report.checkpoints.latest;
    if (latest && (!this.#remembered || latest.count > this.#remembered.count)) this.#remembered = latest;
    return report;
  }
}
