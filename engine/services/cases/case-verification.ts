import { caseState, verifyCaseEvents, type CaseEvent } from '../../core/cases/index.js';
import { contentHash } from '../../core/canonical/content-hash.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
import type { CaseRow, IntakeStore } from '../../ports/intake-store/port.js';

export type CaseProblem =
  | { kind: 'broken-link'; caseNumber: string; seq: number; message: string }
  | { kind: 'missing-tail'; caseNumber: string; fromSeq: number; toSeq: number; message: string }
  | { kind: 'projection-ahead-of-events' | 'projection-behind-events'; caseNumber: string; seq: number; projectionSeq: number; message: string }
  | { kind: 'projection-mismatch'; caseNumber: string; field: 'status' | 'holderDivision' | 'updatedAt'; projected: unknown; fromEvents: unknown; message: string }
  | { kind: 'store-went-back'; cases: number; events: number; remembered: { cases: number; events: number }; message: string };

export interface CaseVerificationReport {
  ok: boolean;
  cases: number;
  events: number;
  /** SHA-256 over every case's number, last sequence and head hash: an auditor keeps it to compare later reports with. */
  headsDigest: string;
  problems: CaseProblem[];
}

const PAGE = 1000;

/** What a case's projection must say, given its events (the events are the truth; see projectCase). */
function projectionProblems(row: CaseRow, events: readonly CaseEvent[]): CaseProblem[] {
  const state = caseState(events);
  const holderDivision = state.holder === null ? null : state.holder === 'receiving' ? row.receivingDivision : row.handlingDivision;
  const expected = { status: state.status, holderDivision, updatedAt: state.updatedAt };
  return (['status', 'holderDivision', 'updatedAt'] as const)
    .filter((field) => row[field] !== expected[field])
    .map((field) => ({
      kind: 'projection-mismatch', caseNumber: row.caseNumber, field, projected: row[field], fromEvents: expected[field],
      message: uiText('services.cases.verify.projectionMismatch', 'zh-CN', { caseNumber: row.caseNumber, field, projected: String(row[field]), fromEvents: String(expected[field]) }),
    }));
}

function caseProblems(row: CaseRow, events: readonly CaseEvent[]): CaseProblem[] {
  const { caseNumber } = row;
  const chain = verifyCaseEvents(caseNumber, events);
  if (!chain.ok) {
    const message = uiText('services.cases.verify.brokenLink', 'zh-CN', { caseNumber, seq: String(chain.firstBroken?.seq), problem: String(chain.firstBroken?.problem) });
    return [{ kind: 'broken-link', caseNumber, seq: chain.firstBroken?.seq ?? 0, message }];
  }
  const last = events[events.length - 1]?.seq ?? 0;
  if (row.seq > last) {
    return [{ kind: 'missing-tail', caseNumber, fromSeq: last + 1, toSeq: row.seq, message: uiText('services.cases.verify.missingTail', 'zh-CN', { caseNumber, from: last + 1, to: row.seq, last }) }];
  }
  if (row.seq < last) {
    return [{ kind: 'projection-behind-events', caseNumber, seq: last, projectionSeq: row.seq, message: uiText('services.cases.verify.behindEvents', 'zh-CN', { caseNumber, seq: row.seq, last }) }];
  }
  return projectionProblems(row, events);
}

/**
 * Checks every case of an intake store for auditors (GET /api/cases/verify): each case's hash
 * chain (an edited event), its projection's sequence number against its last event (a deleted
 * tail: the projection is written with every event, so it still counts the removed ones) and the
 * projection's status, holder and time against the events (an edited list row).
 *
 * The runtime holds no signing key, so the whole store's position is not signed: the verifier
 * remembers the largest case and event counts it has reported (in memory, for the life of the
 * process) and reports a store that has fewer since as put back or cut. The report's
 * `headsDigest` lets an auditor compare two reports taken at different times.
 */
export class CaseVerifier {
  readonly #intakes: IntakeStore;
  #remembered: { cases: number; events: number } | null = null;

  constructor({ intakes }: { intakes: IntakeStore }) {
    this.#intakes = intakes;
  }

  async verify(): Promise<CaseVerificationReport> {
    const problems: CaseProblem[] = [];
    const heads: [string, number, string][] = [];
    let cases = 0;
    let events = 0;
    let after: string | undefined;
    for (;;) {
      const rows = await this.#intakes.listCases({ limit: PAGE, ...(after ? { afterCaseNumber: after } : {}) });
      for (const row of rows) {
        const caseEvents = await this.#intakes.caseEvents(row.caseNumber);
        cases++;
        events += caseEvents.length;
        heads.push([row.caseNumber, caseEvents.length, caseEvents[caseEvents.length - 1]?.hash ?? '']);
        problems.push(...caseProblems(row, caseEvents));
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1]?.caseNumber;
    }
    const remembered = this.#remembered;
    if (remembered && (cases < remembered.cases || events < remembered.events)) {
      problems.push({
        kind: 'store-went-back', cases, events, remembered,
        message: uiText('services.cases.verify.storeWentBack', 'zh-CN', { rememberedCases: remembered.cases, rememberedEvents: remembered.events, cases, events }),
      });
    }
    this.#remembered = { cases: Math.max(cases, remembered?.cases ?? 0), events: Math.max(events, remembered?.events ?? 0) };
    heads.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return { ok: problems.length === 0, cases, events, headsDigest: contentHash(heads), problems };
  }
}
