import type { Collection, Db } from 'mongodb';
import { createMissingIndexes } from './missing-indexes.js';
import type { AuditCheckpointDocument, AuditDocument, CampaignDocument, ClaimDocument, DraftDocument, ItemDocument, PrincipalDocument, SessionDocument, StationDocument, VersionDocument, CalendarYearDocument } from './config-documents.js';
import type { Binary } from 'mongodb';
import type { DataListEntry, ReportSnapshot, TemplateFile } from '../../core/model/programme-records.js';

/** A template file's document: the content as BSON binary. */
export type TemplateFileDocument = Omit<TemplateFile, 'content'> & { content: Binary };

export const COLLECTION_NAMES = {
  items: 'items',
  drafts: 'drafts',
  versions: 'versions',
  audit: 'audit_events',
  principals: 'principals',
  claims: 'claims',
  campaign: 'campaign',
  stations: 'stations',
  calendarYears: 'calendar_years',
  checkpoints: 'audit_checkpoints',
  sessions: 'sessions',
  dataListEntries: 'data_list_entries',
  reportSnapshots: 'report_snapshots',
  templateFiles: 'template_files',
} as const;

export interface MongoCollections {
  items: Collection<ItemDocument>;
  drafts: Collection<DraftDocument>;
  versions: Collection<VersionDocument>;
  audit: Collection<AuditDocument>;
  principals: Collection<PrincipalDocument>;
  claims: Collection<ClaimDocument>;
  campaign: Collection<CampaignDocument>;
  stations: Collection<StationDocument>;
  calendarYears: Collection<CalendarYearDocument>;
  checkpoints: Collection<AuditCheckpointDocument>;
  sessions: Collection<SessionDocument>;
  dataListEntries: Collection<DataListEntry>;
  reportSnapshots: Collection<ReportSnapshot>;
  templateFiles: Collection<TemplateFileDocument>;
}

export function collectionsOf(db: Db): MongoCollections {
  return {
    items: db.collection<ItemDocument>(COLLECTION_NAMES.items),
    drafts: db.collection<DraftDocument>(COLLECTION_NAMES.drafts),
    versions: db.collection<VersionDocument>(COLLECTION_NAMES.versions),
    audit: db.collection<AuditDocument>(COLLECTION_NAMES.audit),
    principals: db.collection<PrincipalDocument>(COLLECTION_NAMES.principals),
    claims: db.collection<ClaimDocument>(COLLECTION_NAMES.claims),
    campaign: db.collection<CampaignDocument>(COLLECTION_NAMES.campaign),
    stations: db.collection<StationDocument>(COLLECTION_NAMES.stations),
    calendarYears: db.collection<CalendarYearDocument>(COLLECTION_NAMES.calendarYears),
    checkpoints: db.collection<AuditCheckpointDocument>(COLLECTION_NAMES.checkpoints),
    sessions: db.collection<SessionDocument>(COLLECTION_NAMES.sessions),
    dataListEntries: db.collection<DataListEntry>(COLLECTION_NAMES.dataListEntries),
    reportSnapshots: db.collection<ReportSnapshot>(COLLECTION_NAMES.reportSnapshots),
    templateFiles: db.collection<TemplateFileDocument>(COLLECTION_NAMES.templateFiles),
  };
}

/**
 * The unique indexes are what make every write safe without transactions: they decide which of
 * two concurrent inserts wins. Only the designer's store calls this; a runtime's reader may be
 * connected as a user with nothing but the `read` role. Idempotent, so it runs at every start-up.
 */
export async function ensureIndexes(collections: MongoCollections): Promise<void> {
  await Promise.all([
    createMissingIndexes(collections.items, [{ key: { code: 1 }, name: 'items_code_unique', unique: true }]),
    // Drafts are append-only revisions: this index is what makes a save a compare-and-set.
    createMissingIndexes(collections.drafts, [{ key: { code: 1, revision: 1 }, name: 'drafts_code_revision_unique', unique: true }]),
    // Also serves "latest version of a code" (walked backwards) and the ordered item listing.
    createMissingIndexes(collections.versions, [{ key: { code: 1, version: 1 }, name: 'versions_code_version_unique', unique: true }]),
    createMissingIndexes(collections.audit, [
      { key: { seq: 1 }, name: 'audit_seq_unique', unique: true },
      { key: { code: 1, seq: 1 }, name: 'audit_code_seq' },
      { key: { actor: 1, seq: 1 }, name: 'audit_actor_seq' },
      { key: { at: 1 }, name: 'audit_at' },
    ]),
    createMissingIndexes(collections.principals, [
      { key: { id: 1 }, name: 'principals_id_unique', unique: true },
      { key: { tokenHash: 1 }, name: 'principals_token_unique', unique: true },
    ]),
    createMissingIndexes(collections.claims, [
      { key: { division: 1, code: 1 }, name: 'claims_division_code_unique', unique: true },
      { key: { code: 1 }, name: 'claims_code' },
    ]),
    createMissingIndexes(collections.stations, [{ key: { code: 1 }, name: 'stations_code_unique', unique: true }]),
    createMissingIndexes(collections.calendarYears, [{ key: { year: 1 }, name: 'calendar_years_year_unique', unique: true }]),
    // One checkpoint per count: a second signer of the same head loses, like a second appender.
    createMissingIndexes(collections.checkpoints, [{ key: { count: 1 }, name: 'audit_checkpoints_count_unique', unique: true }]),
    createMissingIndexes(collections.sessions, [{ key: { idHash: 1 }, name: 'sessions_id_hash_unique', unique: true }]),
    createMissingIndexes(collections.dataListEntries, [{ key: { kind: 1, id: 1 }, name: 'data_list_entries_kind_id_unique', unique: true }]),
    // Snapshots are history: a second snapshot of the same period loses, like a second publisher.
    createMissingIndexes(collections.reportSnapshots, [{ key: { period: 1, key: 1 }, name: 'report_snapshots_period_key_unique', unique: true }]),
    createMissingIndexes(collections.templateFiles, [{ key: { hash: 1 }, name: 'template_files_hash_unique', unique: true }]),
  ]);
}
