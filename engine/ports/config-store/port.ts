import type { PrincipalRecord } from '../../core/access/principal.js';
import type { SessionRecord, SessionWithPrincipal } from '../../core/access/session.js';
import type { CalendarYearRecord } from '../../core/calendar/calendar-year-record.js';
import type {
  AuditEvent,
  CampaignRecord,
  ClaimQuery,
  ClaimRecord,
  StationRecord,
  AuditQuery,
  DraftRecord,
  ItemRecord,
  ItemSummary,
  NewAuditEvent,
  StoreHealth,
  VersionMeta,
  VersionRecord,
  Withdrawal,
} from '../../core/model/records.js';
import type { AuditCheckpoint, AuditIndexRow, CheckpointPolicy, VersionRef } from '../../core/audit/index.js';
import type { DataListEntry, ReportSnapshot, TemplateFile } from '../../core/model/programme-records.js';
import type { DataListKind, ReportPeriod } from '../../core/vocabulary/data-lists.js';

/** Paging of the audit index and checkpoints: after this sequence number / count, at most `limit` (1–10 000, default 1 000). */
export interface AuditPage {
  after?: number;
  limit?: number;
}

/**
 * Everything a runtime may do with the config store. League and banner runtimes are handed only
 * this type (and, at run time, an object that has no other methods and a read-only connection).
 */
export interface ConfigReader {
  readonly adapter: 'sqlite' | 'mongodb';
  listItems(): Promise<ItemSummary[]>;
  getItem(code: string): Promise<ItemSummary | null>;
  getDraft(code: string): Promise<DraftRecord | null>;
  listVersions(code: string): Promise<VersionMeta[]>;
  getVersion(code: string, version: number): Promise<VersionRecord | null>;
  /**
   * Optional, for a store that keeps a version's config as its canonical JSON text (SQLite):
   * `getVersion` with that text, whose SHA-256 is the content hash when nothing altered it, so a
   * runtime checks the hash without serialising the config again.
   */
  getVersionWithConfigText?(code: string, version: number): Promise<{ version: VersionRecord; configText: string } | null>;
  /** The newest published version's number and hash: the cheap question a runtime asks per request. */
  latestVersionRef(code: string): Promise<{ version: number; hash: string } | null>;
  listAudit(query?: AuditQuery): Promise<AuditEvent[]>;
  /** The store's own index of the audit events (the columns or fields listings filter on), in sequence order, for verification. */
  listAuditIndex(page?: AuditPage): Promise<AuditIndexRow[]>;
  /** The signed audit checkpoints, by count. */
  listCheckpoints(page?: AuditPage): Promise<AuditCheckpoint[]>;
  /** The checkpoint with the highest count; null when there is none (or the store predates checkpoints). */
  latestCheckpoint(): Promise<AuditCheckpoint | null>;
  /** Every stored version's code, number and hash, including versions of no known item. */
  listVersionRefs(): Promise<VersionRef[]>;
  /** Principals are read by runtimes too: an operator's token is checked wherever it is used. */
  findPrincipalByTokenHash(tokenHash: string): Promise<PrincipalRecord | null>;
  listPrincipals(): Promise<PrincipalRecord[]>;
  listClaims(query?: ClaimQuery): Promise<ClaimRecord[]>;
  getCampaign(): Promise<CampaignRecord | null>;
  listStations(): Promise<StationRecord[]>;
  /** Working-calendar years stored by region administrators, by year; they replace the files' years of the same number. */
  calendarYears(): Promise<CalendarYearRecord[]>;
  /** A material template's file by its content hash (the guide's download); null when unknown. */
  getTemplateFile(hash: string): Promise<TemplateFile | null>;
  /**
   * Optional, synchronous and cheap (no table read): a number that changes whenever another
   * connection or process has committed to the store since it was last asked. Runtimes keep what
   * they read until it changes (SQLite: PRAGMA data_version); a store without one is re-read on a timer.
   */
  changeMarker?(): number;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

/**
 * People's browser sessions (sign-in with a cookie). Kept in the config store beside the
 * principals they sign in; only the region's writable store has them, never a runtime's reader.
 */
export interface SessionKeeper {
  /** ConflictError when a session with this id hash exists. */
  createSession(session: SessionRecord): Promise<void>;
  /** The session and its principal; null when either is unknown. Expiry and revocation are the caller's to judge. */
  findSession(idHash: string): Promise<SessionWithPrincipal | null>;
  /** Marks the session revoked (the first revocation is kept); false when there is no such session. */
  revokeSession(idHash: string, at: string): Promise<boolean>;
  /**
   * Deletes the sessions that ended before `before` (expired at or before it, or revoked at or
   * before it); they can never sign anyone in again. Returns how many were deleted.
   */
  purgeSessions(before: string): Promise<number>;
}

export type NewDraft = Omit<DraftRecord, 'revision'>;

/** Everything one publication writes: the version, its audit event, the draft it retires and the item's refreshed record. */
export interface Publication {
  version: VersionRecord;
  /** The `version.published` event; chained onto the audit trail by the store (with a checkpoint, see `useCheckpoints`). */
  event: NewAuditEvent;
  /** The approved draft's revision: a draft changed since then makes the publication a conflict. */
  draftRevision: number;
  item: Omit<ItemRecord, 'withdrawn'>;
}
export type DraftPatch = Partial<Omit<DraftRecord, 'code' | 'revision' | 'createdAt' | 'createdBy'>>;

/**
 * The region designer's store. Every write is a single atomic step guarded by a revision or a
 * unique key, so the adapters need no multi-document transactions: concurrent writers lose with
 * a ConflictError, never silently.
 */
export interface ConfigStore extends ConfigReader, SessionKeeper {
  /** Creates the item record if absent; refreshes its name and department otherwise. */
  upsertItem(item: Omit<ItemRecord, 'withdrawn'>): Promise<void>;
  setWithdrawn(code: string, withdrawal: Withdrawal | null): Promise<void>;
  /** ConflictError when a draft already exists. Revisions start at 1 and never repeat for an item, even after a discard. */
  createDraft(draft: NewDraft): Promise<DraftRecord>;
  /** ConflictError unless the stored revision equals `expectedRevision`; bumps the revision. */
  updateDraft(code: string, expectedRevision: number, patch: DraftPatch): Promise<DraftRecord>;
  /** ConflictError unless the stored revision equals `expectedRevision`. */
  deleteDraft(code: string, expectedRevision: number): Promise<void>;
  /** ConflictError when (code, version) exists. Versions are never updated or deleted. */
  insertVersion(version: VersionRecord): Promise<void>;
  /**
   * One atomic step: the version and its audit event are written together (never one without the
   * other, even on a crash), the draft is retired and the item record refreshed and un-withdrawn.
   * ConflictError, writing nothing, when (code, version) exists or the draft revision moved.
   */
  publishVersion(publication: Publication): Promise<AuditEvent>;
  /** Appends to the hash chain; concurrent appends are serialised by a unique sequence number. */
  appendAudit(event: NewAuditEvent): Promise<AuditEvent>;
  /**
   * From now on, every chained event asks the policy for a signed checkpoint and stores it: for a
   * publication in the same atomic step as the version (SQLite; on MongoDB right after the event,
   * the next checkpoint covering a crash in between), otherwise every `policy.every` events.
   * Checkpoints, like events, are never updated or deleted; a second one of the same count is ignored.
   */
  useCheckpoints(policy: CheckpointPolicy | null): void;
  /** ConflictError when the id or token hash exists. */
  createPrincipal(principal: PrincipalRecord): Promise<void>;
  /** NotFoundError for an unknown id; revoking twice keeps the first revocation. */
  revokePrincipal(id: string, at: string, by: string): Promise<PrincipalRecord>;
  /** Creates or replaces the claim of (division, code); keeps the first claimedAt/claimedBy. */
  putClaim(claim: ClaimRecord): Promise<ClaimRecord>;
  deleteClaim(division: string, code: string): Promise<boolean>;
  /** Adds many new claims at once (seeding a region); ConflictError if any already exists (MongoDB may then keep the ones before it). */
  insertClaims(claims: readonly ClaimRecord[]): Promise<void>;
  setCampaign(campaign: CampaignRecord): Promise<void>;
  /** ConflictError when a station with this code exists. */
  addStation(station: StationRecord): Promise<void>;
  /** Creates or replaces the stored year `record.year`; returns the record it replaced, if any. */
  putCalendarYear(record: CalendarYearRecord): Promise<CalendarYearRecord | null>;
  /** 责任清单 / 负面清单: creates or replaces the entry (kind, id); returns the entry it replaced, if any. */
  putDataListEntry(entry: DataListEntry): Promise<DataListEntry | null>;
  /** False when there is no such entry. */
  deleteDataListEntry(kind: DataListKind, id: string): Promise<boolean>;
  /** The entries of one list, by department, then data item, then id. */
  listDataListEntries(kind: DataListKind): Promise<DataListEntry[]>;
  /** Keeps a 周调度 / 月通报 snapshot; ConflictError when the period (period, key) already has one: snapshots are history. */
  insertReportSnapshot(snapshot: ReportSnapshot): Promise<void>;
  /** The snapshots of one kind of period, oldest first. */
  listReportSnapshots(period: ReportPeriod): Promise<ReportSnapshot[]>;
  /** Keeps a template file under its content hash; storing the same content again keeps the first record (false). */
  putTemplateFile(file: TemplateFile): Promise<boolean>;
}

/** Writable methods that must never be reachable from a runtime's store object. */
export const CONFIG_WRITE_METHODS = [
  'upsertItem', 'setWithdrawn', 'createDraft', 'updateDraft', 'deleteDraft', 'insertVersion', 'publishVersion', 'appendAudit', 'useCheckpoints',
  'createPrincipal', 'revokePrincipal', 'putClaim', 'deleteClaim', 'insertClaims', 'setCampaign', 'addStation', 'putCalendarYear',
  'createSession', 'findSession', 'revokeSession', 'purgeSessions',
  'putDataListEntry', 'deleteDataListEntry', 'listDataListEntries', 'insertReportSnapshot', 'listReportSnapshots', 'putTemplateFile',
] as const;
