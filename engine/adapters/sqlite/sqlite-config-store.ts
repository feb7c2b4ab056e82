import Database, { type Statement } from 'better-sqlite3';
import { canonicalJson } from '../../core/canonical/canonical-json.js';
import { ConflictError, NotFoundError, StoreUnavailableError } from '../../core/errors.js';
import { chainAuditEvent } from '../../core/audit/audit-chain.js';
import type { CheckpointPolicy } from '../../core/audit/checkpoint.js';
import type { ConfigStore, DraftPatch, NewDraft, Publication } from '../../ports/config-store/port.js';
import type { PrincipalRecord } from '../../core/access/principal.js';
import type { SessionRecord, SessionWithPrincipal } from '../../core/access/session.js';
import type { CalendarYearRecord } from '../../core/calendar/calendar-year-record.js';
import type { DataListEntry, ReportSnapshot, TemplateFile } from '../../core/model/programme-records.js';
import type { DataListKind, ReportPeriod } from '../../core/vocabulary/data-lists.js';
import type { AuditEvent, CampaignRecord, ClaimRecord, StationRecord, DraftRecord, ItemRecord, NewAuditEvent, VersionRecord, Withdrawal } from '../../core/model/records.js';
import { migrations } from './config-schema.js';
import { sortDataListEntries } from '../../ports/config-store/data-list-order.js';
import { isUniqueViolation, openWritableSqlite } from './sqlite-support.js';
import { SqliteConfigReader } from './sqlite-config-reader.js';
import { draftChanged } from '../config-store-messages.js';

export class SqliteConfigStore extends SqliteConfigReader implements ConfigStore {
  private checkpoints: CheckpointPolicy | null = null;
  #ownChanges: Statement | undefined;

  /**
   * The reader's marker (commits by other connections) joined with this connection's own row changes
   * (total_changes()), which data_version leaves out: a cache keyed by it sees this store's writes too.
   */
  override changeMarker(): number {
    this.#ownChanges ??= this.db.prepare('SELECT total_changes()').pluck();
    return super.changeMarker() * 2 ** 21 + ((this.#ownChanges.get() as number) % 2 ** 21);
  }

  useCheckpoints(policy: CheckpointPolicy | null): void {
    this.checkpoints = policy;
  }

  async upsertItem(item: Omit<ItemRecord, 'withdrawn'>): Promise<void> {
    this.db
      .prepare(`INSERT INTO items (code, name, department, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, department = excluded.department`)
      .run(item.code, item.name, item.department, item.createdAt);
  }

  async setWithdrawn(code: string, withdrawal: Withdrawal | null): Promise<void> {
    const result = this.db.prepare('UPDATE items SET withdrawn_json = ? WHERE code = ?').run(withdrawal ? JSON.stringify(withdrawal) : null, code);
    if (result.changes === 0) throw new NotFoundError({ key: 'services.items.noSuchItem', values: { code } });
  }

  async createDraft(draft: NewDraft): Promise<DraftRecord> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT revision, deleted FROM drafts WHERE code = ?').get(draft.code) as { revision: number; deleted: number } | undefined;
      if (row && !row.deleted) throw new ConflictError({ key: 'stores.configStore.draftExists', values: { code: draft.code } }, { code: draft.code, currentRevision: row.revision });
      const record: DraftRecord = { ...draft, revision: (row?.revision ?? 0) + 1 };
      this.db
        .prepare(`INSERT INTO drafts (code, revision, deleted, status, updated_at, updated_by, record_json) VALUES (?, ?, 0, ?, ?, ?, ?)
                  ON CONFLICT (code) DO UPDATE SET revision = excluded.revision, deleted = 0, status = excluded.status,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by, record_json = excluded.record_json`)
        .run(record.code, record.revision, record.status, record.updatedAt, record.updatedBy, canonicalJson(record));
      return record;
    }).immediate();
  }

  async updateDraft(code: string, expectedRevision: number, patch: DraftPatch): Promise<DraftRecord> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT revision, record_json FROM drafts WHERE code = ? AND deleted = 0').get(code) as { revision: number; record_json: string } | undefined;
      if (!row || row.revision !== expectedRevision) {
        throw new ConflictError(draftChanged(row?.revision, expectedRevision), {
          code,
          expectedRevision,
          currentRevision: row?.revision ?? null,
        });
      }
      const record: DraftRecord = { ...(JSON.parse(row.record_json) as DraftRecord), ...patch, code, revision: row.revision + 1 };
      this.db
        .prepare('UPDATE drafts SET revision = ?, status = ?, updated_at = ?, updated_by = ?, record_json = ? WHERE code = ? AND revision = ?')
        .run(record.revision, record.status, record.updatedAt, record.updatedBy, canonicalJson(record), code, expectedRevision);
      return record;
    }).immediate();
  }

  async deleteDraft(code: string, expectedRevision: number): Promise<void> {
    const result = this.db.prepare('UPDATE drafts SET deleted = 1, revision = revision + 1 WHERE code = ? AND revision = ? AND deleted = 0').run(code, expectedRevision);
    if (result.changes === 0) throw new ConflictError({ key: 'stores.configStore.draftChangedOrGone' }, { code, expectedRevision });
  }

  async insertVersion(version: VersionRecord): Promise<void> {
    const { config, ...meta } = version;
    try {
      this.db
        .prepare('INSERT INTO versions (code, version, hash, published_at, meta_json, config_json) VALUES (?, ?, ?, ?, ?, ?)')
        .run(meta.code, meta.version, meta.hash, meta.publishedAt, canonicalJson(meta), canonicalJson(config));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError({ key: 'stores.configStore.versionPublishedByOthers', values: { code: meta.code, version: meta.version } }, { code: meta.code, version: meta.version });
      throw error;
    }
  }

  async appendAudit(event: NewAuditEvent): Promise<AuditEvent> {
    return this.db.transaction(() => this.chainAudit(event)).immediate();
  }

  async publishVersion({ version, event, draftRevision, item }: Publication): Promise<AuditEvent> {
    const { config, ...meta } = version;
    try {
      return this.db.transaction(() => {
        this.db
          .prepare('INSERT INTO versions (code, version, hash, published_at, meta_json, config_json) VALUES (?, ?, ?, ?, ?, ?)')
          .run(meta.code, meta.version, meta.hash, meta.publishedAt, canonicalJson(meta), canonicalJson(config));
        const retired = this.db.prepare('UPDATE drafts SET deleted = 1, revision = revision + 1 WHERE code = ? AND revision = ? AND deleted = 0').run(meta.code, draftRevision);
        if (retired.changes === 0) throw new ConflictError({ key: 'stores.configStore.draftChangedNotPublished' }, { code: meta.code, expectedRevision: draftRevision });
        this.db
          .prepare(`INSERT INTO items (code, name, department, created_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, department = excluded.department, withdrawn_json = NULL`)
          .run(item.code, item.name, item.department, item.createdAt);
        return this.chainAudit(event, true);
      }).immediate();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError({ key: 'stores.configStore.versionPublishedByOthers', values: { code: meta.code, version: meta.version } }, { code: meta.code, version: meta.version });
      throw error;
    }
  }

  /** Inside a transaction: chains the event onto the tail, and writes the checkpoint the policy signs for the new head. */
  private chainAudit(event: NewAuditEvent, publication = false): AuditEvent {
    const last = this.db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    const chained = chainAuditEvent(event, last ?? null);
    this.db
      .prepare('INSERT INTO audit_events (seq, at, actor, action, code, version, hash, prev_hash, event_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(chained.seq, chained.at, chained.actor, chained.action, chained.code, chained.version, chained.hash, chained.prevHash, canonicalJson(chained));
    const checkpoint = this.checkpoints?.checkpointFor({ count: chained.seq, headHash: chained.hash }, publication) ?? null;
    if (checkpoint) {
      this.db
        .prepare('INSERT INTO audit_checkpoints (count, head_hash, at, cause, key_id, signature) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (count) DO NOTHING')
        .run(checkpoint.count, checkpoint.headHash, checkpoint.at, checkpoint.trigger, checkpoint.keyId, checkpoint.signature);
    }
    return chained;
  }

  async createPrincipal(principal: PrincipalRecord): Promise<void> {
    try {
      this.db.prepare('INSERT INTO principals (id, token_hash, record_json) VALUES (?, ?, ?)').run(principal.id, principal.tokenHash, canonicalJson(principal));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError({ key: 'stores.configStore.principalExists', values: { id: principal.id } }, { id: principal.id });
      throw error;
    }
  }

  async revokePrincipal(id: string, at: string, by: string): Promise<PrincipalRecord> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT record_json FROM principals WHERE id = ?').get(id) as { record_json: string } | undefined;
      if (!row) throw new NotFoundError({ key: 'stores.configStore.noSuchPrincipal', values: { id } }, { id });
      const record = JSON.parse(row.record_json) as PrincipalRecord;
      if (record.revokedAt) return record;
      const revoked: PrincipalRecord = { ...record, revokedAt: at, revokedBy: by };
      this.db.prepare('UPDATE principals SET record_json = ? WHERE id = ?').run(canonicalJson(revoked), id);
      return revoked;
    }).immediate();
  }

  async createSession(session: SessionRecord): Promise<void> {
    try {
      this.db.prepare('INSERT INTO sessions (id_hash, principal_id, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?)')
        .run(session.idHash, session.principalId, session.createdAt, session.expiresAt, session.revokedAt);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError({ key: 'stores.configStore.sessionExists' }, { session: 'exists' });
      throw error;
    }
  }

  async findSession(idHash: string): Promise<SessionWithPrincipal | null> {
    const row = this.db
      .prepare(`SELECT s.id_hash, s.principal_id, s.created_at, s.expires_at, s.revoked_at, p.record_json
                FROM sessions s JOIN principals p ON p.id = s.principal_id WHERE s.id_hash = ?`)
      .get(idHash) as { id_hash: string; principal_id: string; created_at: string; expires_at: string; revoked_at: string | null; record_json: string } | undefined;
    if (!row) return null;
    return {
      session: { idHash: row.id_hash, principalId: row.principal_id, createdAt: row.created_at, expiresAt: row.expires_at, revokedAt: row.revoked_at },
      principal: JSON.parse(row.record_json) as PrincipalRecord,
    };
  }

  async revokeSession(idHash: string, at: string): Promise<boolean> {
    const result = this.db.prepare('UPDATE sessions SET revoked_at = COALESCE(revoked_at, ?) WHERE id_hash = ?').run(at, idHash);
    return result.changes > 0;
  }

  async purgeSessions(before: string): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR revoked_at <= ?').run(before, before).changes;
  }

  async putClaim(claim: ClaimRecord): Promise<ClaimRecord> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT record_json FROM claims WHERE division = ? AND code = ?').get(claim.division, claim.code) as { record_json: string } | undefined;
      const previous = row ? (JSON.parse(row.record_json) as ClaimRecord) : null;
      const record: ClaimRecord = previous ? { ...claim, claimedAt: previous.claimedAt, claimedBy: previous.claimedBy } : claim;
      this.db
        .prepare('INSERT INTO claims (division, code, record_json) VALUES (?, ?, ?) ON CONFLICT (division, code) DO UPDATE SET record_json = excluded.record_json')
        .run(record.division, record.code, canonicalJson(record));
      return record;
    }).immediate();
  }

  async deleteClaim(division: string, code: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM claims WHERE division = ? AND code = ?').run(division, code).changes > 0;
  }

  async insertClaims(claims: readonly ClaimRecord[]): Promise<void> {
    const insert = this.db.prepare('INSERT INTO claims (division, code, record_json) VALUES (?, ?, ?)');
    try {
      this.db.transaction(() => {
        for (const claim of claims) insert.run(claim.division, claim.code, canonicalJson(claim));
      }).immediate();
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError({ key: 'stores.sqlite.claimsExist' }, { count: claims.length });
      throw error;
    }
  }

  async addStation(station: StationRecord): Promise<void> {
    try {
      this.db.prepare('INSERT INTO stations (code, parent_code, record_json) VALUES (?, ?, ?)').run(station.code, station.parentCode, canonicalJson(station));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError({ key: 'stores.configStore.stationExists', values: { code: station.code } }, { code: station.code });
      throw error;
    }
  }

  async putCalendarYear(record: CalendarYearRecord): Promise<CalendarYearRecord | null> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT record_json FROM calendar_years WHERE year = ?').get(record.year) as { record_json: string } | undefined;
      this.db
        .prepare('INSERT INTO calendar_years (year, record_json) VALUES (?, ?) ON CONFLICT (year) DO UPDATE SET record_json = excluded.record_json')
        .run(record.year, canonicalJson(record));
      return row ? (JSON.parse(row.record_json) as CalendarYearRecord) : null;
    }).immediate();
  }

  async putDataListEntry(entry: DataListEntry): Promise<DataListEntry | null> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT record_json FROM data_list_entries WHERE kind = ? AND id = ?').get(entry.kind, entry.id) as { record_json: string } | undefined;
      this.db
        .prepare('INSERT INTO data_list_entries (kind, id, department, data_item, record_json) VALUES (?, ?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET department = excluded.department, data_item = excluded.data_item, record_json = excluded.record_json')
        .run(entry.kind, entry.id, entry.department, entry.dataItem, canonicalJson(entry));
      return row ? (JSON.parse(row.record_json) as DataListEntry) : null;
    }).immediate();
  }

  async deleteDataListEntry(kind: DataListKind, id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM data_list_entries WHERE kind = ? AND id = ?').run(kind, id).changes > 0;
  }

  async listDataListEntries(kind: DataListKind): Promise<DataListEntry[]> {
    const rows = this.db.prepare('SELECT record_json FROM data_list_entries WHERE kind = ?').all(kind) as { record_json: string }[];
    return sortDataListEntries(rows.map((r) => JSON.parse(r.record_json) as DataListEntry));
  }

  async insertReportSnapshot(snapshot: ReportSnapshot): Promise<void> {
    try {
      this.db.prepare('INSERT INTO report_snapshots (period, key, record_json) VALUES (?, ?, ?)').run(snapshot.period, snapshot.key, canonicalJson(snapshot));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError({ key: 'stores.configStore.reportSnapshotExists', values: { key: snapshot.key } }, { period: snapshot.period, key: snapshot.key });
      throw error;
    }
  }

  async listReportSnapshots(period: ReportPeriod): Promise<ReportSnapshot[]> {
    return (this.db.prepare('SELECT record_json FROM report_snapshots WHERE period = ? ORDER BY key').all(period) as { record_json: string }[]).map((r) => JSON.parse(r.record_json) as ReportSnapshot);
  }

  async putTemplateFile(file: TemplateFile): Promise<boolean> {
    const result = this.db
      .prepare('INSERT INTO template_files (hash, type, size, content, stored_at, stored_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (hash) DO NOTHING')
      .run(file.hash, file.type, file.size, Buffer.from(file.content), file.storedAt, file.storedBy);
    return result.changes > 0;
  }

  async setCampaign(campaign: CampaignRecord): Promise<void> {
    this.db.prepare('INSERT INTO campaign (id, record_json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET record_json = excluded.record_json').run(canonicalJson(campaign));
  }
}

export interface SqliteOptions {
  file: string;
}

function openReadOnly(file: string): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (error) {
    throw new StoreUnavailableError({ key: 'stores.sqlite.cannotOpenDatabase', values: { file, reason: (error as Error).message } }, { file });
  }
}

/** The designer's writable store on one SQLite file (WAL), created and migrated if needed. */
export function openSqliteStore({ file }: SqliteOptions): SqliteConfigStore {
  return new SqliteConfigStore(openWritableSqlite(file, migrations, 'stores.sqlite.cannotOpenConfigStore'), file);
}

/** A runtime's store: the same file opened read-only, behind an object with no write methods. */
export function openSqliteReader({ file }: SqliteOptions): SqliteConfigReader {
  return new SqliteConfigReader(openReadOnly(file), file);
}
