import type { Decision, LeanDecision } from '../../core/decision/types.js';
import type { StoreHealth } from '../../core/model/records.js';

/** Exactly what the evaluator was given: replaying it against the same version must give the same decision. */
export interface RecordedInput {
  scenario: string;
  formData: Record<string, unknown>;
  materials: string[];
  /** Evaluation date (YYYY-MM-DD). */
  date: string;
  /** The applicant was on a 失信 list at intake (no 容缺受理); kept only when true. */
  creditBlacklisted?: boolean;
}

/**
 * One decision a runtime made, as it was returned (without the explanation), with the exact
 * version and content hash it was made with. Records are append-only: never updated, never deleted.
 */
export interface DecisionRecord {
  /** 'D' + 26 Crockford base-32 characters (48-bit millisecond time + 80 random bits): sorts by time. */
  id: string;
  /** When the decision was made (ISO 8601, UTC). */
  at: string;
  /** GB/T 2260 code of the deciding locality. */
  division: string;
  channel: string;
  code: string;
  version: number;
  hash: string;
  input: RecordedInput;
  outcome: Decision['outcome'];
  /** The lean decision: what the window was answered without explain=full (core/decision). */
  decision: LeanDecision;
  /** The person signed in at the window who made it; absent on records made before people signed in. */
  by?: DecisionMaker;
}

/** Who made a decision, as the record names them (the principal's id and name at the time). */
export interface DecisionMaker {
  id: string;
  name: string;
}

/**
 * What a caller hands to `record`: the store assigns the id and, unless given, the time. The
 * decision may carry its explanation; the log drops it.
 */
export type NewDecisionRecord = Omit<DecisionRecord, 'id' | 'at' | 'decision'> & { at?: string; decision: Decision | LeanDecision };

export interface DecisionQuery {
  code?: string;
  version?: number;
  division?: string;
  outcome?: Decision['outcome'];
  /** Inclusive lower bound on `at` (an ISO date-time, or a date meaning 00:00 UTC of that day). */
  from?: string;
  /** Inclusive upper bound on `at` (an ISO date-time, or a date meaning the whole UTC day). */
  to?: string;
  /** Paging: only records whose id sorts after this one. */
  afterId?: string;
  /** Page size for `list` (default 100, at most 10 000); ignored by `count`. */
  limit?: number;
}

/** What the auditor's replay and the reviewer's impact view need; has no way to write. */
export interface DecisionLogReader {
  readonly adapter: 'sqlite' | 'mongodb';
  get(id: string): Promise<DecisionRecord | null>;
  /** Ordered by id ascending (≈ time order); page with `afterId` = the last id of the previous page. */
  list(query?: DecisionQuery): Promise<DecisionRecord[]>;
  /** How many records match the filters (and `afterId`, if given). */
  count(query?: DecisionQuery): Promise<number>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/** A runtime's handle: it may append its own decisions and nothing else. */
export interface DecisionLogWriter extends DecisionLogReader {
  /**
   * Validates, assigns a fresh id (and `at` unless given) and appends; returns the record as
   * stored. Records arriving together are committed together (group commit): the promise settles
   * once the record's batch is durable, so an answered decision is never lost.
   */
  record(input: NewDecisionRecord): Promise<DecisionRecord>;
}

/** Methods that must never be reachable from a decision-log reader object. */
export const DECISION_LOG_WRITE_METHODS = ['record'] as const;
