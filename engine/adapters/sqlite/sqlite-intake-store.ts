import Database from 'better-sqlite3';
import { canonicalJson } from '../../core/canonical/index.js';
import { NotFoundError, StoreUnavailableError, TongbanError } from '../../core/errors.js';
import type { StoreHealth } from '../../core/model/records.js';
import { caseNumberPrefix, formatCaseNumber, MAX_SEQUENCE, nextSequence } from '../../core/cases/case-number.js';
import type { Attachment, AttachmentMeta, IntakeQuery, IntakeRecord, IntakeStore, NewAttachment, NewIntakeRecord } from '../../ports/intake-store/port.js';
import { normalizeIntakeQuery, prepareAttachment, prepareIntakeRecord } from '../../ports/intake-store/records.js';
import { migrations } from './intake-schema.js';
import { isUniqueViolation, openWritableSqlite } from './sqlite-support.js';

export interface SqliteIntakeStoreOptions {
  /** The intake store's own file, e.g. `<TONGBAN_DATA_DIR>/intake.db`; never the config store's. */
  file: string;
}

/** Another process on this machine may take the same number between our read and insert: try the next one. */
const MAX_INSERT_ATTEMPTS = 20;

interface AttachmentRow { id: string; name: string; content_type: string; size: number; sha256: string; data?: Buffer }

const toMeta = (row: AttachmentRow): AttachmentMeta => ({ id: row.id, name: row.name, contentType: row.content_type, size: row.size, sha256: row.sha256 });

/** intake.db: records and their attachments, in WAL mode; records and attachments are never deleted. */
export class SqliteIntakeStore implements IntakeStore {
  readonly adapter = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #file: string;
  #closed = false;

  constructor(db: Database.Database, file: string) {
    this.#db = db;
    this.#file = file;
  }

  #run<T>(operation: string, run: (db: Database.Database) => T): T {
    if (this.#closed) throw new StoreUnavailableError('办件库已关闭', { adapter: 'sqlite', file: this.#file });
    try {
      return run(this.#db);
    } catch (error) {
      if (error instanceof TongbanError || !(error instanceof Database.SqliteError)) throw error;
      throw new StoreUnavailableError(`办件库暂不可用（${operation}）：${error.message}`, { adapter: 'sqlite', file: this.#file, operation, sqliteCode: error.code });
    }
  }

  #attachments(db: Database.Database, caseNumber: string): AttachmentMeta[] {
    return (db.prepare('SELECT id, name, content_type, size, sha256 FROM intake_attachments WHERE case_number = ? ORDER BY id').all(caseNumber) as AttachmentRow[]).map(toMeta);
  }

  async create(input: NewIntakeRecord): Promise<IntakeRecord> {
    const prepared = prepareIntakeRecord(input);
    const prefix = caseNumberPrefix(prepared.receivingDivision, prepared.createdAt);
    return this.#run('create', (db) => {
      const highest = db.prepare('SELECT case_number FROM intakes WHERE case_number > ? AND case_number < ? ORDER BY case_number DESC LIMIT 1');
      const insert = db.prepare('INSERT INTO intakes (case_number, created_at, receiving_division, handling_division, code, outcome, record_json) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (let attempt = 1; ; attempt++) {
        try {
          // One IMMEDIATE transaction: the read of the highest number and the insert cannot interleave with another writer.
          return db.transaction(() => {
            const row = highest.get(prefix, `${prefix}~`) as { case_number: string } | undefined;
            const sequence = nextSequence(row?.case_number ?? null);
            if (sequence > MAX_SEQUENCE) throw new StoreUnavailableError(`受理地 ${prepared.receivingDivision} 当日办件编号已用尽`, { prefix });
            const record: IntakeRecord = { ...prepared, caseNumber: formatCaseNumber(prefix, sequence), attachments: [] };
            const { attachments: _none, ...stored } = record;
            insert.run(record.caseNumber, record.createdAt, record.receivingDivision, record.handling.division, record.item.code, record.decision.outcome, canonicalJson(stored));
            return record;
          }).immediate();
        } catch (error) {
          if (isUniqueViolation(error) && attempt < MAX_INSERT_ATTEMPTS) continue;
          throw error;
        }
      }
    });
  }

  async get(caseNumber: string): Promise<IntakeRecord | null> {
    if (typeof caseNumber !== 'string') return null;
    return this.#run('get', (db) => {
      const row = db.prepare('SELECT record_json FROM intakes WHERE case_number = ?').get(caseNumber) as { record_json: string } | undefined;
      if (!row) return null;
      return { ...(JSON.parse(row.record_json) as Omit<IntakeRecord, 'attachments'>), attachments: this.#attachments(db, caseNumber) };
    });
  }

  async list(query: IntakeQuery = {}): Promise<IntakeRecord[]> {
    const q = normalizeIntakeQuery(query);
    return this.#run('list', (db) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.division !== undefined) { where.push('(receiving_division = ? OR handling_division = ?)'); params.push(q.division, q.division); }
      if (q.code !== undefined) { where.push('code = ?'); params.push(q.code); }
      if (q.afterCaseNumber !== undefined) {
        const after = db.prepare('SELECT created_at FROM intakes WHERE case_number = ?').get(q.afterCaseNumber) as { created_at: string } | undefined;
        if (!after) return [];
        where.push('(created_at < ? OR (created_at = ? AND case_number < ?))');
        params.push(after.created_at, after.created_at, q.afterCaseNumber);
      }
      const sql = `SELECT case_number, record_json FROM intakes ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, case_number DESC LIMIT ${q.limit}`;
      const rows = db.prepare(sql).all(...params) as { case_number: string; record_json: string }[];
      return rows.map((row) => ({ ...(JSON.parse(row.record_json) as Omit<IntakeRecord, 'attachments'>), attachments: this.#attachments(db, row.case_number) }));
    });
  }

  async addAttachment(caseNumber: string, attachment: NewAttachment): Promise<AttachmentMeta> {
    const prepared = prepareAttachment(attachment);
    return this.#run('addAttachment', (db) => {
      const exists = db.prepare('SELECT 1 FROM intakes WHERE case_number = ?').get(caseNumber);
      if (!exists) throw new NotFoundError(`办件 ${caseNumber} 不存在`, { caseNumber });
      const { data, ...meta } = prepared;
      db.prepare('INSERT INTO intake_attachments (id, case_number, name, content_type, size, sha256, data) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(meta.id, caseNumber, meta.name, meta.contentType, meta.size, meta.sha256, data);
      return meta;
    });
  }

  async getAttachment(caseNumber: string, id: string): Promise<Attachment | null> {
    if (typeof caseNumber !== 'string' || typeof id !== 'string') return null;
    return this.#run('getAttachment', (db) => {
      const row = db.prepare('SELECT id, name, content_type, size, sha256, data FROM intake_attachments WHERE case_number = ? AND id = ?').get(caseNumber, id) as AttachmentRow | undefined;
      return row ? { ...toMeta(row), data: new Uint8Array(row.data as Buffer) } : null;
    });
  }

  /** Never throws: failures are reported as `ok: false`. */
  async health(): Promise<StoreHealth> {
    const file = this.#file;
    try {
      const counts = this.#run('health', (db) => ({
        intakes: (db.prepare('SELECT COUNT(*) AS n FROM intakes').get() as { n: number }).n,
        attachments: (db.prepare('SELECT COUNT(*) AS n FROM intake_attachments').get() as { n: number }).n,
      }));
      return { ok: true, adapter: 'sqlite', readOnly: false, details: { file, ...counts } };
    } catch (error) {
      return { ok: false, adapter: 'sqlite', readOnly: false, details: { file, error: (error as Error).message } };
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#db.open) this.#db.close();
  }
}

/** Opens (creating and migrating if needed) intake.db. */
export function openSqliteIntakeStore({ file }: SqliteIntakeStoreOptions): SqliteIntakeStore {
  return new SqliteIntakeStore(openWritableSqlite(file, migrations, '办件库'), file);
}
