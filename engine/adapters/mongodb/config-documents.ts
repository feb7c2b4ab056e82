import { canonicalJson } from '../../core/canonical/index.js';
import type { PrincipalRecord } from '../../core/access/principal.js';
import type { SessionRecord } from '../../core/access/session.js';
import type { AuditCheckpoint } from '../../core/audit/index.js';
import type { CalendarYearRecord } from '../../core/calendar/calendar-year-record.js';
import type { AuditEvent, CampaignRecord, ClaimRecord, StationRecord, DraftRecord, ItemRecord, VersionMeta, VersionRecord } from '../../core/model/records.js';

/*
 * Configs and audit details travel as canonical JSON strings: item configs hold JSON Schema keys
 * such as `$ref` and arbitrary property names that MongoDB field names cannot hold reliably
 * (FerretDB rejects any key starting with `$`), and a string round-trips byte for byte, so a read
 * version hashes exactly as it was published. Everything else stays a plain field so it can be
 * indexed and queried.
 */

export type ItemDocument = ItemRecord;

/** One saved state of a draft; every save inserts the next revision (see mongo-store.ts). */
export type LiveDraftDocument = Omit<DraftRecord, 'config'> & { deleted: false; configJson: string };

/** Left by a discard (or publish) so that the draft's revision numbers are never handed out again. */
export interface DraftTombstone {
  code: string;
  revision: number;
  deleted: true;
}

export type DraftDocument = LiveDraftDocument | DraftTombstone;

/**
 * A published version. A version written by a publication carries its own `version.published`
 * event (`publicationJson`): the document is the publication's commit record, from which the
 * store completes the audit chain should the process die between the two writes.
 */
export type VersionDocument = VersionMeta & { configJson: string; publicationJson?: string };

export type AuditDocument = Omit<AuditEvent, 'details'> & { detailsJson: string | null };

/** A signed audit checkpoint: hex strings and numbers, safe as plain fields. */
export type AuditCheckpointDocument = AuditCheckpoint;

export type PrincipalDocument = PrincipalRecord;
export type SessionDocument = SessionRecord;

/** Local fields are keys of the standard's localFields enum, safe as field names. */
export type ClaimDocument = ClaimRecord;

export type StationDocument = StationRecord;

/** A stored working-calendar year: dates and names only, safe as plain fields. */
export type CalendarYearDocument = CalendarYearRecord;

/** The one campaign document, under a fixed _id. */
export type CampaignDocument = CampaignRecord & { _id: 'current' };

/** BSON would store `undefined` as null; the SQLite adapter drops such keys, so do the same. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export function toDraftDocument(record: DraftRecord): LiveDraftDocument {
  const { config, ...fields } = record;
  return { ...withoutUndefined(fields), deleted: false, configJson: canonicalJson(config) };
}

export function fromDraftDocument(document: LiveDraftDocument & { _id?: unknown }): DraftRecord {
  const { _id, deleted, configJson, ...fields } = document;
  return { ...fields, config: JSON.parse(configJson) as DraftRecord['config'] };
}

export function toVersionDocument(record: VersionRecord): VersionDocument {
  const { config, ...meta } = record;
  return { ...withoutUndefined(meta), configJson: canonicalJson(config) };
}

export function fromVersionDocument(document: VersionDocument & { _id?: unknown }): VersionRecord {
  const { _id, configJson, publicationJson, ...meta } = document;
  return { ...meta, config: JSON.parse(configJson) as VersionRecord['config'] };
}

export function toAuditDocument(event: AuditEvent): AuditDocument {
  const { details, ...fields } = event;
  return { ...withoutUndefined(fields), detailsJson: details === null ? null : canonicalJson(details) };
}

export function fromAuditDocument(document: AuditDocument & { _id?: unknown }): AuditEvent {
  const { _id, detailsJson, ...fields } = document;
  return { ...fields, details: detailsJson === null ? null : (JSON.parse(detailsJson) as AuditEvent['details']) };
}
