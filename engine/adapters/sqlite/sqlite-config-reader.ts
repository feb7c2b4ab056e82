import type { Database, Statement } from 'better-sqlite3';
import type { AuditPage, ConfigReader } from '../../ports/config-store/port.js';
import type { AuditCheckpoint, AuditIndexRow, CheckpointTrigger, VersionRef } from '../../core/audit/index.js';
import type { PrincipalRecord } from '../../core/access/principal.js';
import type { CalendarYearRecord } from '../../core/calendar/calendar-year-record.js';
import type { TemplateFile } from '../../core/model/programme-records.js';
import type { AuditEvent, AuditQuery, CampaignRecord, ClaimQuery, ClaimRecord, StationRecord, DraftRecord, ItemSummary, StoreHealth, VersionMeta, VersionRecord } from '../../core/model/records.js';

interface ItemRow {
  code: string;
  name: string;
  department: string;
  created_at: string;
  withdrawn_json: string | null;
  latest_version: number | null;
  latest_hash: string | null;
  latest_published_at: string | null;
  draft_revision: number | null;
  draft_status: string | null;
  draft_updated_at: string | null;
  draft_updated_by: string | null;
}

const ITEM_SELECT = `
  SELECT i.code, i.name, i.department, i.created_at, i.withdrawn_json,
         v.version AS latest_version, v.hash AS latest_hash, v.published_at AS latest_published_at,
         d.revision AS draft_revision, d.status AS draft_status, d.updated_at AS draft_updated_at, d.updated_by AS draft_updated_by
  FROM items i
  LEFT JOIN versions v ON v.code = i.code AND v.version = (SELECT MAX(version) FROM versions WHERE code = i.code)
  LEFT JOIN drafts d ON d.code = i.code AND d.deleted = 0`;

function toItemSummary(row: ItemRow): ItemSummary {
  return {
    code: row.code,
    name: row.name,
    department: row.department,
    createdAt: row.created_at,
    withdrawn: row.withdrawn_json ? JSON.parse(row.withdrawn_json) : null,
    latestVersion: row.latest_version,
    latestHash: row.latest_hash,
    latestPublishedAt: row.latest_published_at,
    draft: row.draft_revision === null
      ? null
      : { revision: row.draft_revision, status: row.draft_status as never, updatedAt: row.draft_updated_at ?? '', updatedBy: row.draft_updated_by ?? '' },
  };
}

interface CheckpointRow {
  count: number;
  head_hash: string;
  at: string;
  cause: string;
  key_id: string;
  signature: string;
}

function toCheckpoint(row: CheckpointRow): AuditCheckpoint {
  return { count: row.count, headHash: row.head_hash, at: row.at, trigger: row.cause as CheckpointTrigger, keyId: row.key_id, signature: row.signature };
}

function pageOf(page: AuditPage): { after: number; limit: number } {
  return { after: Math.trunc(page.after ?? 0), limit: Math.trunc(Math.min(Math.max(page.limit ?? 1000, 1), 10_000)) };
}

function toAuditEvent(row: { event_json: string }): AuditEvent {
  return JSON.parse(row.event_json) as AuditEvent;
}

/**
 * Read side of the SQLite adapter. A runtime gets an instance of exactly this class over a
 * connection opened read-only, so it has neither write methods nor a way to write.
 */
export class SqliteConfigReader implements ConfigReader {
  readonly adapter = 'sqlite' as const;
  private readonly statements: {
    listItems: Statement;
    getItem: Statement;
    getDraft: Statement;
    listVersions: Statement;
    getVersion: Statement;
    latestRef: Statement;
  };

  constructor(protected readonly db: Database, private readonly file: string) {
    this.statements = {
      listItems: db.prepare(`${ITEM_SELECT} ORDER BY i.code`),
      getItem: db.prepare(`${ITEM_SELECT} WHERE i.code = ?`),
      getDraft: db.prepare('SELECT record_json FROM drafts WHERE code = ? AND deleted = 0'),
      listVersions: db.prepare('SELECT meta_json FROM versions WHERE code = ? ORDER BY version'),
      getVersion: db.prepare('SELECT meta_json, config_json FROM versions WHERE code = ? AND version = ?'),
      latestRef: db.prepare('SELECT version, hash FROM versions WHERE code = ? ORDER BY version DESC LIMIT 1'),
    };
  }

  async listItems(): Promise<ItemSummary[]> {
    return (this.statements.listItems.all() as ItemRow[]).map(toItemSummary);
  }

  async getItem(code: string): Promise<ItemSummary | null> {
    const row = this.statements.getItem.get(code) as ItemRow | undefined;
    return row ? toItemSummary(row) : null;
  }

  async getDraft(code: string): Promise<DraftRecord | null> {
    const row = this.statements.getDraft.get(code) as { record_json: string } | undefined;
    return row ? (JSON.parse(row.record_json) as DraftRecord) : null;
  }

  async listVersions(code: string): Promise<VersionMeta[]> {
    return (this.statements.listVersions.all(code) as { meta_json: string }[]).map((row) => JSON.parse(row.meta_json) as VersionMeta);
  }

  async getVersion(code: string, version: number): Promise<VersionRecord | null> {
    return (await this.getVersionWithConfigText(code, version))?.version ?? null;
  }

  /** config_json is written as the config's canonical JSON (insertVersion, publishVersion). */
  async getVersionWithConfigText(code: string, version: number): Promise<{ version: VersionRecord; configText: string } | null> {
    const row = this.statements.getVersion.get(code, version) as { meta_json: string; config_json: string } | undefined;
    return row ? { version: { ...(JSON.parse(row.meta_json) as VersionMeta), config: JSON.parse(row.config_json) }, configText: row.config_json } : null;
  }

  async latestVersionRef(code: string): Promise<{ version: number; hash: string } | null> {
    return (this.statements.latestRef.get(code) as { version: number; hash: string } | undefined) ?? null;
  }

  async listAudit(query: AuditQuery = {}): Promise<AuditEvent[]> {
    const where: string[] = ['seq > ?'];
    const params: unknown[] = [query.afterSeq ?? 0];
    if (query.code) { where.push('code = ?'); params.push(query.code); }
    if (query.actor) { where.push('actor = ?'); params.push(query.actor); }
    if (query.from) { where.push('at >= ?'); params.push(query.from); }
    if (query.to) { where.push('at <= ?'); params.push(query.to); }
    const limit = Math.min(Math.max(query.limit ?? 100, 1), 10_000);
    const rows = this.db.prepare(`SELECT event_json FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ${limit}`).all(...params);
    return (rows as { event_json: string }[]).map(toAuditEvent);
  }

  async listAuditIndex(page: AuditPage = {}): Promise<AuditIndexRow[]> {
    const { after, limit } = pageOf(page);
    return this.db
      .prepare('SELECT seq, at, actor, action, code, version, hash, prev_hash AS prevHash FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?')
      .all(after, limit) as AuditIndexRow[];
  }

  /** A runtime may read a file an older designer migrated: no checkpoint table, no checkpoints. */
  private hasCheckpoints(): boolean {
    return this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_checkpoints'").get() !== undefined;
  }

  async listCheckpoints(page: AuditPage = {}): Promise<AuditCheckpoint[]> {
    if (!this.hasCheckpoints()) return [];
    const { after, limit } = pageOf(page);
    return (this.db.prepare('SELECT * FROM audit_checkpoints WHERE count > ? ORDER BY count LIMIT ?').all(after, limit) as CheckpointRow[]).map(toCheckpoint);
  }

  async latestCheckpoint(): Promise<AuditCheckpoint | null> {
    if (!this.hasCheckpoints()) return null;
    const row = this.db.prepare('SELECT * FROM audit_checkpoints ORDER BY count DESC LIMIT 1').get() as CheckpointRow | undefined;
    return row ? toCheckpoint(row) : null;
  }

  async listVersionRefs(): Promise<VersionRef[]> {
    return this.db.prepare('SELECT code, version, hash FROM versions ORDER BY code, version').all() as VersionRef[];
  }

  /** Asked on every signed-in request: prepared once, on first use. */
  #principalByTokenHash: Statement | undefined;

  async findPrincipalByTokenHash(tokenHash: string): Promise<PrincipalRecord | null> {
    this.#principalByTokenHash ??= this.db.prepare('SELECT record_json FROM principals WHERE token_hash = ?');
    const row = this.#principalByTokenHash.get(tokenHash) as { record_json: string } | undefined;
    return row ? (JSON.parse(row.record_json) as PrincipalRecord) : null;
  }

  async listPrincipals(): Promise<PrincipalRecord[]> {
    return (this.db.prepare('SELECT record_json FROM principals ORDER BY id').all() as { record_json: string }[]).map((r) => JSON.parse(r.record_json) as PrincipalRecord);
  }

  async listClaims(query: ClaimQuery = {}): Promise<ClaimRecord[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (query.division) { where.push('division = ?'); params.push(query.division); }
    if (query.code) { where.push('code = ?'); params.push(query.code); }
    const sql = `SELECT record_json FROM claims ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY division, code`;
    return (this.db.prepare(sql).all(...params) as { record_json: string }[]).map((r) => JSON.parse(r.record_json) as ClaimRecord);
  }

  async getCampaign(): Promise<CampaignRecord | null> {
    const row = this.db.prepare('SELECT record_json FROM campaign WHERE id = 1').get() as { record_json: string } | undefined;
    return row ? (JSON.parse(row.record_json) as CampaignRecord) : null;
  }

  async listStations(): Promise<StationRecord[]> {
    return (this.db.prepare('SELECT record_json FROM stations ORDER BY code').all() as { record_json: string }[]).map((r) => JSON.parse(r.record_json) as StationRecord);
  }

  async getTemplateFile(hash: string): Promise<TemplateFile | null> {
    // A runtime may read a file that a designer of an earlier release migrated: no table, no files.
    if (!this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'template_files'").get()) return null;
    const row = this.db.prepare('SELECT hash, type, size, content, stored_at, stored_by FROM template_files WHERE hash = ?').get(hash) as
      | { hash: string; type: string; size: number; content: Buffer; stored_at: string; stored_by: string }
      | undefined;
    return row ? { hash: row.hash, type: row.type, size: row.size, content: new Uint8Array(row.content), storedAt: row.stored_at, storedBy: row.stored_by } : null;
  }

  async calendarYears(): Promise<CalendarYearRecord[]> {
    // A runtime may read a file that a designer of an earlier release migrated: no table, no stored years.
    const table = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'calendar_years'").get();
    if (!table) return [];
    return (this.db.prepare('SELECT record_json FROM calendar_years ORDER BY year').all() as { record_json: string }[]).map((r) => JSON.parse(r.record_json) as CalendarYearRecord);
  }

  /** Asked on every request that needs a pointer or a principal: prepared once (db.pragma() prepares on each call). */
  #dataVersion: Statement | undefined;
  /** The marker as read in this turn of the event loop (undefined once the turn is over). */
  #markerThisTurn: number | undefined;

  /**
   * Changes whenever another connection has committed to the file (not on this connection's own writes).
   * Read once per turn of the event loop: the requests served in one turn arrived together, and a commit
   * made meanwhile is seen from the next turn, a fraction of a millisecond later.
   */
  changeMarker(): number {
    if (this.#markerThisTurn !== undefined) return this.#markerThisTurn;
    this.#dataVersion ??= this.db.prepare('PRAGMA data_version').pluck();
    const marker = this.#dataVersion.get() as number;
    this.#markerThisTurn = marker;
    setImmediate(() => {
      this.#markerThisTurn = undefined;
    });
    return marker;
  }

  async health(): Promise<StoreHealth> {
    try {
      const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM versions').get() as { n: number };
      return { ok: true, adapter: 'sqlite', readOnly: this.db.readonly, details: { file: this.file, versions: n, journalMode: this.db.pragma('journal_mode', { simple: true }) } };
    } catch (error) {
      return { ok: false, adapter: 'sqlite', readOnly: this.db.readonly, details: { file: this.file, error: (error as Error).message } };
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
