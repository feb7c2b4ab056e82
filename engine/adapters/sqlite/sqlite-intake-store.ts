import Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { canonicalJson } from '../../core/canonical/index.js';
import { CaseChangedError, NotFoundError, StoreUnavailableError, TongbanError } from '../../core/errors.js';
import { chainCaseEvent, type CaseEvent, type NewCaseEvent } from '../../core/cases/index.js';
import type { StoreHealth } from '../../core/model/records.js';
import { caseNumberPrefix, formatCaseNumber, MAX_SEQUENCE, nextSequence } from '../../core/cases/case-number.js';
import type {
  Attachment, AttachmentMeta, CaseOpening, CaseProjection, CaseQuery, CaseRow, IntakeQuery, IntakeRecord, IntakeStore, NewAttachment, NewIntakeRecord,
} from '../../ports/intake-store/port.js';
import { normalizeCaseQuery, normalizeIntakeQuery, prepareAttachment, prepareIntakeRecord } from '../../ports/intake-store/records.js';
import { caseRowFrom, dueSort, type CaseRowColumns } from './case-rows.js';
import { migrations } from './intake-schema.js';
import { isUniqueViolation, openWritableSqlite } from './sqlite-support.js';
import { personalDataCodec, type PersonalDataCodec } from '../personal-data-codec.js';
import type { DataKeyMaterial } from '../data-key.js';

export interface SqliteIntakeStoreOptions {
  /** The intake store's own file, e.g. `<TONGBAN_DATA_DIR>/intake.db`; never the config store's. */
  file: string;
  /** Encrypts ID numbers and mobiles in the stored form data; absent: TONGBAN_DATA_KEY, else data.key next to the file. */
  key?: DataKeyMaterial;
}

/** Another process on this machine may take the same number between our read and insert: try the next one. */
const MAX_INSERT_ATTEMPTS = 20;

interface AttachmentRow { id: string; name: string; content_type: string; size: number; sha256: string; material_id: string | null; data?: Buffer }

const toMeta = (row: AttachmentRow): AttachmentMeta => ({
  id: row.id, name: row.name, contentType: row.content_type, size: row.size, sha256: row.sha256, ...(row.material_id === null ? {} : { materialId: row.material_id }),
});

/** intake.db: records and their attachments, in WAL mode; records and attachments are never deleted. */
export class SqliteIntakeStore implements IntakeStore {
  readonly adapter = 'sqlite' as const;
  readonly #db: Database.Database;
  readonly #file: string;
  readonly #codec: PersonalDataCodec;
  #closed = false;

  constructor(db: Database.Database, file: string, codec: PersonalDataCodec) {
    this.#db = db;
    this.#file = file;
    this.#codec = codec;
  }

  /** A stored record as it was given: its form data decrypted, its attachments listed. */
  #hydrate(db: Database.Database, caseNumber: string, recordJson: string): IntakeRecord {
    const record = JSON.parse(recordJson) as Omit<IntakeRecord, 'attachments'>;
    return { ...record, formData: this.#codec.open(record.formData), decision: this.#codec.open(record.decision), browserMismatch: this.#codec.open(record.browserMismatch), attachments: this.#attachments(db, caseNumber) };
  }

  #run<T>(operation: string, run: (db: Database.Database) => T): T {
    if (this.#closed) throw new StoreUnavailableError({ key: 'stores.sqlite.intakeStoreClosed' }, { adapter: 'sqlite', file: this.#file });
    try {
      return run(this.#db);
    } catch (error) {
      if (error instanceof TongbanError || !(error instanceof Database.SqliteError)) throw error;
      throw new StoreUnavailableError({ key: 'stores.sqlite.intakeStoreUnavailable', values: { operation, reason: error.message } }, { adapter: 'sqlite', file: this.#file, operation, sqliteCode: error.code });
    }
  }

  #attachments(db: Database.Database, caseNumber: string): AttachmentMeta[] {
    return (db.prepare('SELECT id, name, content_type, size, sha256, material_id FROM intake_attachments WHERE case_number = ? ORDER BY id').all(caseNumber) as AttachmentRow[]).map(toMeta);
  }

  async create(input: NewIntakeRecord, opening?: CaseOpening): Promise<IntakeRecord> {
    const prepared = prepareIntakeRecord(input);
    // ID numbers and mobiles are encrypted wherever the applicant's data reaches: form, decision messages, browser mismatch.
    const seal = this.#codec.sealer();
    const sealed = { formData: seal(prepared.formData), decision: seal(prepared.decision), browserMismatch: seal(prepared.browserMismatch) };
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
            if (sequence > MAX_SEQUENCE) throw new StoreUnavailableError({ key: 'stores.intakeStore.sequenceExhausted', values: { division: prepared.receivingDivision } }, { prefix });
            const record: IntakeRecord = { ...prepared, caseNumber: formatCaseNumber(prefix, sequence), attachments: [] };
            const { attachments: _none, ...stored } = record;
            insert.run(record.caseNumber, record.createdAt, record.receivingDivision, record.handling.division, record.item.code, record.decision.outcome, canonicalJson({ ...stored, ...sealed }));
            if (opening) this.#appendEvent(db, record.caseNumber, 0, opening.event, opening.projection);
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
      return this.#hydrate(db, caseNumber, row.record_json);
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
      return rows.map((row) => this.#hydrate(db, row.case_number, row.record_json));
    });
  }

  async caseEvents(caseNumber: string): Promise<CaseEvent[]> {
    if (typeof caseNumber !== 'string') return [];
    return this.#run('caseEvents', (db) =>
      (db.prepare('SELECT event_json FROM case_events WHERE case_number = ? ORDER BY seq').all(caseNumber) as { event_json: string }[]).map((row) => JSON.parse(row.event_json) as CaseEvent),
    );
  }

  async appendCaseEvent(caseNumber: string, expectedSeq: number, event: NewCaseEvent, projection: CaseProjection): Promise<CaseEvent> {
    return this.#run('appendCaseEvent', (db) => db.transaction(() => this.#appendEvent(db, caseNumber, expectedSeq, event, projection)).immediate());
  }

  /** Inside a transaction: checks the head, chains and inserts the event, and writes the projection. */
  #appendEvent(db: Database.Database, caseNumber: string, expectedSeq: number, event: NewCaseEvent, projection: CaseProjection): CaseEvent {
    const intake = db.prepare('SELECT created_at, receiving_division, handling_division, code, record_json FROM intakes WHERE case_number = ?').get(caseNumber) as
      | { created_at: string; receiving_division: string; handling_division: string; code: string; record_json: string }
      | undefined;
    if (!intake) throw new NotFoundError({ key: 'services.cases.book.noSuchCase', values: { caseNumber } }, { caseNumber });
    const head = db.prepare('SELECT event_json FROM case_events WHERE case_number = ? ORDER BY seq DESC LIMIT 1').get(caseNumber) as { event_json: string } | undefined;
    const previous = head ? (JSON.parse(head.event_json) as CaseEvent) : null;
    if ((previous?.seq ?? 0) !== expectedSeq) {
      throw new CaseChangedError({ key: 'stores.sqlite.caseChanged', values: { caseNumber, seq: previous?.seq ?? 0 } }, { caseNumber, expectedSeq, seq: previous?.seq ?? 0 });
    }
    const chained = chainCaseEvent(caseNumber, event, previous);
    db.prepare('INSERT INTO case_events (case_number, seq, event_json) VALUES (?, ?, ?)').run(caseNumber, chained.seq, canonicalJson(chained));
    const record = JSON.parse(intake.record_json) as Pick<IntakeRecord, 'handling' | 'item'>;
    const columns: CaseRowColumns = {
      case_number: caseNumber, created_at: intake.created_at, receiving_division: intake.receiving_division, handling_division: intake.handling_division,
      department: record.handling.department, code: intake.code, item_name: record.item.name, status: projection.status, holder_division: projection.holderDivision,
      due_stage: projection.dueStage, due_date: projection.dueDate, due_sort: dueSort(projection.dueDate), promised_due: projection.promisedDue,
      applicant_key: projection.applicantKey, applicant_label: projection.applicantLabel, updated_at: projection.updatedAt, seq: chained.seq,
    };
    db.prepare(`INSERT INTO cases (${Object.keys(columns).join(', ')}) VALUES (${Object.keys(columns).map((key) => `@${key}`).join(', ')})
      ON CONFLICT (case_number) DO UPDATE SET status = excluded.status, holder_division = excluded.holder_division, due_stage = excluded.due_stage,
      due_date = excluded.due_date, due_sort = excluded.due_sort, promised_due = excluded.promised_due, applicant_key = excluded.applicant_key, applicant_label = excluded.applicant_label,
      updated_at = excluded.updated_at, seq = excluded.seq`).run(columns);
    return chained;
  }

  async listCases(query: CaseQuery = {}): Promise<CaseRow[]> {
    const q = normalizeCaseQuery(query);
    return this.#run('listCases', (db) => {
      const where: string[] = [];
      const params: unknown[] = [];
      if (q.divisionPrefix !== undefined) {
        where.push('((receiving_division >= ? AND receiving_division < ?) OR (handling_division >= ? AND handling_division < ?))');
        params.push(q.divisionPrefix, `${q.divisionPrefix}~`, q.divisionPrefix, `${q.divisionPrefix}~`);
      }
      if (q.statuses) { where.push(`status IN (${q.statuses.map(() => '?').join(', ')})`); params.push(...q.statuses); }
      const exact: [keyof typeof q, string][] = [['code', 'code'], ['department', 'department'], ['holderDivision', 'holder_division'], ['applicantKey', 'applicant_key'], ['caseNumber', 'case_number']];
      for (const [key, column] of exact) if (q[key] !== undefined) { where.push(`${column} = ?`); params.push(q[key]); }
      if (q.dueBefore !== undefined) { where.push('due_sort < ?'); params.push(q.dueBefore); }
      if (q.dueOnOrBefore !== undefined) { where.push('due_sort <= ?'); params.push(q.dueOnOrBefore); }
      if (q.afterCaseNumber !== undefined) {
        const after = db.prepare('SELECT due_sort FROM cases WHERE case_number = ?').get(q.afterCaseNumber) as { due_sort: string } | undefined;
        if (!after) return [];
        where.push('(due_sort > ? OR (due_sort = ? AND case_number > ?))');
        params.push(after.due_sort, after.due_sort, q.afterCaseNumber);
      }
      const sql = `SELECT * FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY due_sort, case_number LIMIT ${q.limit}`;
      return (db.prepare(sql).all(...params) as CaseRowColumns[]).map(caseRowFrom);
    });
  }

  async addAttachment(caseNumber: string, attachment: NewAttachment): Promise<AttachmentMeta> {
    const prepared = prepareAttachment(attachment);
    return this.#run('addAttachment', (db) => {
      const exists = db.prepare('SELECT 1 FROM intakes WHERE case_number = ?').get(caseNumber);
      if (!exists) throw new NotFoundError({ key: 'services.cases.book.noSuchCase', values: { caseNumber } }, { caseNumber });
      const { data, ...meta } = prepared;
      db.prepare('INSERT INTO intake_attachments (id, case_number, name, content_type, size, sha256, material_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(meta.id, caseNumber, meta.name, meta.contentType, meta.size, meta.sha256, meta.materialId ?? null, data);
      return meta;
    });
  }

  async getAttachment(caseNumber: string, id: string): Promise<Attachment | null> {
    if (typeof caseNumber !== 'string' || typeof id !== 'string') return null;
    return this.#run('getAttachment', (db) => {
      const row = db.prepare('SELECT id, name, content_type, size, sha256, material_id, data FROM intake_attachments WHERE case_number = ? AND id = ?').get(caseNumber, id) as AttachmentRow | undefined;
      return row ? { ...toMeta(row), data: new Uint8Array(row.data as Buffer) } : null;
    });
  }

  /** Never throws: failures are reported as `ok: false`. */
  async health(): Promise<StoreHealth> {
    const file = this.#file;
    try {
      const counts = this.#run('health', (db) => ({
        intakes: (db.prepare('SELECT COUNT(*) AS n FROM intakes').get() as { n: number }).n,
        caseEvents: (db.prepare('SELECT COUNT(*) AS n FROM case_events').get() as { n: number }).n,
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
export function openSqliteIntakeStore({ file, key }: SqliteIntakeStoreOptions): SqliteIntakeStore {
  return new SqliteIntakeStore(openWritableSqlite(file, migrations, 'stores.sqlite.cannotOpenIntakeStore'), file, personalDataCodec(key, () => dirname(file)));
}
