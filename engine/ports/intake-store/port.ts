import type { Decision } from '../../core/decision/types.js';
import type { StoreHealth } from '../../core/model/records.js';
import type { CaseEvent, CaseTerms, NewCaseEvent } from '../../core/cases/index.js';
import type { CaseStage, CaseStatus } from '../../core/vocabulary/index.js';

/** The browser's decision differed from the server's (same engine, same version: must never happen). */
export interface BrowserMismatch {
  browserOutcome: string;
  browserHash: string;
  serverOutcome: Decision['outcome'];
  serverHash: string;
}

/** What an attachment is, without its bytes. */
export interface AttachmentMeta {
  /** 'A' + 26 Crockford base-32 characters: sorts by upload time. */
  id: string;
  name: string;
  contentType: string;
  size: number;
  /** Lower-case hex SHA-256 of the bytes. */
  sha256: string;
  /** The standard's material this file is (e.g. a 补正 material handed in later); absent when not said. */
  materialId?: string;
}

export interface Attachment extends AttachmentMeta {
  data: Uint8Array;
}

export interface NewAttachment {
  name: string;
  contentType: string;
  data: Uint8Array;
  materialId?: string;
}

/**
 * An intake record (办件): one application accepted (or answered) at a window, with the decision
 * the server made and the exact version it used. Records are never changed once created; only
 * attachments are added.
 */
export interface IntakeRecord {
  /** 'TB' + receiving division + YYYYMMDD (Asia/Shanghai) + '-' + 6-digit sequence of that division and day. */
  caseNumber: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  /** The principal id of the clerk. */
  createdBy: string;
  /** Where the application was received (受理地). */
  receivingDivision: string;
  /** Who handles it (收受分离): the item's 实施部门 and the competent locality. */
  handling: { department: string; division: string };
  item: { code: string; version: number; hash: string; name: string };
  scenario: string;
  formData: Record<string, unknown>;
  materials: string[];
  /** The window found the applicant on a 失信 list at intake (no 容缺受理); absent when not. */
  creditBlacklisted?: true;
  /** The server's decision: the one on record, whatever the browser showed. */
  decision: Decision;
  browserMismatch: BrowserMismatch | null;
  /** The decision-log record of the same decision, when the runtime keeps one. */
  decisionId: string | null;
  attachments: AttachmentMeta[];
  /** What the standard said about time when the case was opened (absent on records saved before case flow). */
  caseTerms?: CaseTerms;
}

/**
 * What a case list filters and sorts on, recomputed from the events by the service at every append
 * and stored next to them; the events stay the truth.
 */
export interface CaseProjection {
  status: CaseStatus;
  /** The division that must act next (null when nobody must). */
  holderDivision: string | null;
  /** The open stage due first, and its last day. */
  dueStage: CaseStage | null;
  dueDate: string | null;
  /** The last day of the 承诺办理时限 (null when the case was not accepted). */
  promisedDue: string | null;
  /** Keyed hash of the applicant's ID number, to find an applicant's cases without storing the number in an index. */
  applicantKey: string | null;
  /** The applicant as a list may show them: masked name and ID number, e.g. 张*（150102********1234）. */
  applicantLabel: string | null;
  /** Time of the last event. */
  updatedAt: string;
}

/** The opening event and projection the store writes with the record, in one operation. */
export interface CaseOpening {
  event: NewCaseEvent;
  projection: CaseProjection;
}

/** One case of a list: the record's places and item with the projection, no form data. */
export interface CaseRow extends CaseProjection {
  caseNumber: string;
  createdAt: string;
  receivingDivision: string;
  handlingDivision: string;
  department: string;
  code: string;
  itemName: string;
  seq: number;
}

export interface CaseQuery {
  /** Cases received or handled at this locality or below it (a league sees its banners', the region all). */
  within?: string;
  statuses?: CaseStatus[];
  code?: string;
  department?: string;
  /** Only cases this division must act on now. */
  holderDivision?: string;
  /** dueDate before this date: overdue when it is today. */
  dueBefore?: string;
  /** dueDate on or before this date. */
  dueOnOrBefore?: string;
  applicantKey?: string;
  /** Only this case (a case number typed into a search box). */
  caseNumber?: string;
  /** Paging: cases listed after this one (sort: dueDate ascending with undated last, then case number). */
  afterCaseNumber?: string;
  /** Page size (default 50, at most 1 000). */
  limit?: number;
}

/** What a caller hands to `create`: the store assigns the case number, and the time unless given. */
export type NewIntakeRecord = Omit<IntakeRecord, 'caseNumber' | 'createdAt' | 'attachments' | 'browserMismatch' | 'decisionId' | 'caseTerms'> & {
  caseTerms?: CaseTerms;
  createdAt?: string;
  browserMismatch?: BrowserMismatch | null;
  decisionId?: string | null;
};

export interface IntakeQuery {
  /** Records received at, or handled by, this locality (exact code). */
  division?: string;
  code?: string;
  /** Paging: only records listed after this one (newest first). */
  afterCaseNumber?: string;
  /** Page size (default 50, at most 1 000). */
  limit?: number;
}

/** A runtime's own store of intake records and their attachments; writable even where configs are not. */
export interface IntakeStore {
  readonly adapter: 'sqlite' | 'mongodb';
  /**
   * Validates, numbers (unique per division and day) and stores a record; returns it as stored.
   * With an opening, the case's first event and projection are written in the same operation.
   */
  create(record: NewIntakeRecord, opening?: CaseOpening): Promise<IntakeRecord>;
  /** A case's events in order; [] for an unknown case or a record saved before case flow. */
  caseEvents(caseNumber: string): Promise<CaseEvent[]>;
  /**
   * Appends an event when the case's last event is number `expectedSeq` (0: none yet), and stores
   * the projection with it, atomically. Another event first → CaseChangedError; unknown case → NotFoundError.
   */
  appendCaseEvent(caseNumber: string, expectedSeq: number, event: NewCaseEvent, projection: CaseProjection): Promise<CaseEvent>;
  /** Cases by their projection: due first (undated last), then case number. */
  listCases(query?: CaseQuery): Promise<CaseRow[]>;
  get(caseNumber: string): Promise<IntakeRecord | null>;
  /** Newest first (createdAt, then case number, descending). */
  list(query?: IntakeQuery): Promise<IntakeRecord[]>;
  /** Throws NotFoundError for an unknown case number. */
  addAttachment(caseNumber: string, attachment: NewAttachment): Promise<AttachmentMeta>;
  getAttachment(caseNumber: string, id: string): Promise<Attachment | null>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
