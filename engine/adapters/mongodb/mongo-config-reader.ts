import type { Filter } from 'mongodb';
import type { AuditPage, ConfigReader } from '../../ports/config-store/port.js';
import type { AuditCheckpoint, AuditIndexRow, VersionRef } from '../../core/audit/index.js';
import type { PrincipalRecord } from '../../core/access/principal.js';
import type { CalendarYearRecord } from '../../core/calendar/calendar-year-record.js';
import type { TemplateFile } from '../../core/model/programme-records.js';
import type { AuditEvent, AuditQuery, CampaignRecord, ClaimQuery, ClaimRecord, StationRecord, DraftRecord, ItemSummary, StoreHealth, VersionMeta, VersionRecord } from '../../core/model/records.js';
import { collectionsOf, type MongoCollections } from './collections.js';
import type { MongoConnection } from './connect.js';
import { fromAuditDocument, fromDraftDocument, fromVersionDocument, type AuditDocument, type VersionDocument } from './config-documents.js';
import { latestDraftRevision, liveDraft } from './drafts.js';
import { guard } from './driver-errors.js';
import { getItemSummary, listItemSummaries } from './item-summaries.js';

const MAX_AUDIT_PAGE = 10_000;

function pageOf(page: AuditPage): { after: number; limit: number } {
  return { after: Math.trunc(page.after ?? 0), limit: Math.trunc(Math.min(Math.max(page.limit ?? 1000, 1), MAX_AUDIT_PAGE)) };
}

/**
 * Read side of the MongoDB adapter. A runtime gets an instance of exactly this class: it has no
 * write methods and never creates indexes, so it works under a user with only the `read` role.
 * Helpers live in plain functions, not methods, so the object exposes nothing but ConfigReader.
 */
export class MongoConfigReader implements ConfigReader {
  readonly adapter = 'mongodb' as const;
  protected readonly readOnly: boolean = true;
  protected readonly collections: MongoCollections;

  constructor(protected readonly connection: MongoConnection) {
    this.collections = collectionsOf(connection.db);
  }

  async listItems(): Promise<ItemSummary[]> {
    return guard('listItems', () => listItemSummaries(this.collections));
  }

  async getItem(code: string): Promise<ItemSummary | null> {
    return guard('getItem', () => getItemSummary(this.collections, code));
  }

  async getDraft(code: string): Promise<DraftRecord | null> {
    const document = liveDraft(await guard('getDraft', () => latestDraftRevision(this.collections.drafts, code)));
    return document ? fromDraftDocument(document) : null;
  }

  async listVersions(code: string): Promise<VersionMeta[]> {
    return guard('listVersions', () =>
      this.collections.versions.find<VersionMeta>({ code }, { projection: { _id: 0, configJson: 0, publicationJson: 0 } }).sort({ version: 1 }).toArray(),
    );
  }

  async getVersion(code: string, version: number): Promise<VersionRecord | null> {
    const document = await guard('getVersion', () => this.collections.versions.findOne<VersionDocument>({ code, version }, { projection: { _id: 0 } }));
    return document ? fromVersionDocument(document) : null;
  }

  async latestVersionRef(code: string): Promise<{ version: number; hash: string } | null> {
    return guard('latestVersionRef', () =>
      this.collections.versions.findOne<{ version: number; hash: string }>({ code }, { projection: { _id: 0, version: 1, hash: 1 }, sort: { version: -1 } }),
    );
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditEvent[]> {
    const filter: Filter<AuditDocument> = { seq: { $gt: query.afterSeq ?? 0 } };
    if (query.code) filter.code = query.code;
    if (query.actor) filter.actor = query.actor;
    if (query.from || query.to) filter.at = { ...(query.from ? { $gte: query.from } : {}), ...(query.to ? { $lte: query.to } : {}) };
    const limit = Math.trunc(Math.min(Math.max(query.limit ?? 100, 1), MAX_AUDIT_PAGE));
    const documents = await guard('listAudit', () => this.collections.audit.find(filter).sort({ seq: 1 }).limit(limit).toArray());
    return documents.map(fromAuditDocument);
  }

  async listAuditIndex(page: AuditPage = {}): Promise<AuditIndexRow[]> {
    const { after, limit } = pageOf(page);
    return guard('listAuditIndex', () =>
      this.collections.audit
        .find<AuditIndexRow>({ seq: { $gt: after } }, { projection: { _id: 0, seq: 1, at: 1, actor: 1, action: 1, code: 1, version: 1, hash: 1, prevHash: 1 } })
        .sort({ seq: 1 }).limit(limit).toArray(),
    );
  }

  async listCheckpoints(page: AuditPage = {}): Promise<AuditCheckpoint[]> {
    const { after, limit } = pageOf(page);
    return guard('listCheckpoints', () =>
      this.collections.checkpoints.find<AuditCheckpoint>({ count: { $gt: after } }, { projection: { _id: 0 } }).sort({ count: 1 }).limit(limit).toArray(),
    );
  }

  async latestCheckpoint(): Promise<AuditCheckpoint | null> {
    return guard('latestCheckpoint', () => this.collections.checkpoints.findOne<AuditCheckpoint>({}, { projection: { _id: 0 }, sort: { count: -1 } }));
  }

  async listVersionRefs(): Promise<VersionRef[]> {
    return guard('listVersionRefs', () =>
      this.collections.versions.find<VersionRef>({}, { projection: { _id: 0, code: 1, version: 1, hash: 1 } }).sort({ code: 1, version: 1 }).toArray(),
    );
  }

  async findPrincipalByTokenHash(tokenHash: string): Promise<PrincipalRecord | null> {
    return guard('findPrincipalByTokenHash', () => this.collections.principals.findOne<PrincipalRecord>({ tokenHash }, { projection: { _id: 0 } }));
  }

  async listPrincipals(): Promise<PrincipalRecord[]> {
    return guard('listPrincipals', () => this.collections.principals.find<PrincipalRecord>({}, { projection: { _id: 0 } }).sort({ id: 1 }).toArray());
  }

  async listClaims(query: ClaimQuery = {}): Promise<ClaimRecord[]> {
    const filter: Filter<ClaimRecord> = {};
    if (query.division) filter.division = query.division;
    if (query.code) filter.code = query.code;
    return guard('listClaims', () => this.collections.claims.find<ClaimRecord>(filter, { projection: { _id: 0 } }).sort({ division: 1, code: 1 }).toArray());
  }

  async getCampaign(): Promise<CampaignRecord | null> {
    const document = await guard('getCampaign', () => this.collections.campaign.findOne({ _id: 'current' }));
    if (!document) return null;
    const { _id, ...campaign } = document;
    return campaign;
  }

  async listStations(): Promise<StationRecord[]> {
    return guard('listStations', () => this.collections.stations.find<StationRecord>({}, { projection: { _id: 0 } }).sort({ code: 1 }).toArray());
  }

  async getTemplateFile(hash: string): Promise<TemplateFile | null> {
    const document = await guard('getTemplateFile', () => this.collections.templateFiles.findOne({ hash }, { projection: { _id: 0 } }));
    return document ? { ...document, content: new Uint8Array(document.content.buffer.subarray(0, document.content.position)) } : null;
  }

  async calendarYears(): Promise<CalendarYearRecord[]> {
    return guard('calendarYears', () => this.collections.calendarYears.find<CalendarYearRecord>({}, { projection: { _id: 0 } }).sort({ year: 1 }).toArray());
  }

  /** Never throws: a failed ping is reported as `ok: false` so readiness probes can show why. */
  async health(): Promise<StoreHealth> {
    const { db, database } = this.connection;
    try {
      await db.command({ ping: 1 });
      const versions = await this.collections.versions.estimatedDocumentCount();
      return { ok: true, adapter: 'mongodb', readOnly: this.readOnly, details: { database, versions } };
    } catch (error) {
      return { ok: false, adapter: 'mongodb', readOnly: this.readOnly, details: { database, error: (error as Error).message } };
    }
  }

  async close(): Promise<void> {
    await this.connection.client.close();
  }
}
