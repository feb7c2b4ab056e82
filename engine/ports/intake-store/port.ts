import type { Decision } from '../../core/decision/types.js';
import type { StoreHealth } from '../../core/model/records.js';

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
}

export interface Attachment extends AttachmentMeta {
  data: Uint8Array;
}

export interface NewAttachment {
  name: string;
  contentType: string;
  data: Uint8Array;
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
  /** The server's decision: the one on record, whatever the browser showed. */
  decision: Decision;
  browserMismatch: BrowserMismatch | null;
  /** The decision-log record of the same decision, when the runtime keeps one. */
  decisionId: string | null;
  attachments: AttachmentMeta[];
}

/** What a caller hands to `create`: the store assigns the case number, and the time unless given. */
export type NewIntakeRecord = Omit<IntakeRecord, 'caseNumber' | 'createdAt' | 'attachments' | 'browserMismatch' | 'decisionId'> & {
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
  /** Validates, numbers (unique per division and day) and stores a record; returns it as stored. */
  create(record: NewIntakeRecord): Promise<IntakeRecord>;
  get(caseNumber: string): Promise<IntakeRecord | null>;
  /** Newest first (createdAt, then case number, descending). */
  list(query?: IntakeQuery): Promise<IntakeRecord[]>;
  /** Throws NotFoundError for an unknown case number. */
  addAttachment(caseNumber: string, attachment: NewAttachment): Promise<AttachmentMeta>;
  getAttachment(caseNumber: string, id: string): Promise<Attachment | null>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}
