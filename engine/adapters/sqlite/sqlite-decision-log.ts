import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreUnavailableError, TongbanError } from '../../core/errors.js';
import type { StoreHealth } from '../../core/model/records.js';
import { newDecisionId } from '../../ports/decision-log/ids.js';
import type { DecisionLogReader, DecisionLogWriter, DecisionQuery, DecisionRecord, NewDecisionRecord } from '../../ports/decision-log/port.js';
import { decisionBodyJson, normalizeDecisionQuery, prepareDecisionRecord, recordFromBody, type NormalizedQuery } from '../../ports/decision-log/records.js';
import { startCheckpointer, type Checkpointer } from './sqlite-checkpointer.js';
import { migrations } from './decision-log-schema.js';
import { isUniqueViolation, openWritableSqlite } from './sqlite-support.js';
import { PersonalDataCodec, personalDataCodec } from '../personal-data-codec.js';
import type { DataKeyMaterial } from '../data-key.js';

export interface SqliteDecisionLogOptions {
  /** The decision log's own file, e.g. `<TONGBAN_DATA_DIR>/decisions.db`; never the config store's. */
  file: string;
  /** Encrypts each stored body whole; absent: TONGBAN_DATA_KEY, else data.key next to the file. */
  key?: DataKeyMaterial;
}

function codecFor({ file, key }: SqliteDecisionLogOptions): PersonalDataCodec {
  return personalDataCodec(key, () => dirname(file));
}

/**
 * The stored body, encrypted as a whole: nothing in decisions.db queries inside it (the columns carry
 * what listings filter on), so one encryption per record replaces one per ID number and mobile and
 * the search for them — under load that search and its ciphers cost more than the rest of recording.
 * Kept as bytes (`enc:v2:<key id>:` then iv | ciphertext | tag): a third smaller than base64 text.
 */
function sealedBody(record: DecisionRecord, codec: PersonalDataCodec): Buffer {
  return codec.sealJsonBytes(decisionBodyJson(record));
}

/** Another writer (another runtime process on this machine) took the id first: try a fresh one. */
const MAX_INSERT_ATTEMPTS = 3;

/** A batch never grows past this many records: one transaction stays short however deep the queue. */
const MAX_BATCH = 512;

/**
 * A sealed record is about 1.7 KB: 4 KB pages hold two and waste the rest, 8 KB pages hold four
 * (measured: 1,781 instead of 2,174 bytes of file a decision, no change in commit time). A file made
 * before keeps its 4 KB pages.
 */
const DECISION_PAGE_SIZE = 8192;

/** record_json: the sealed body's bytes, or (written before bodies were sealed whole) JSON text. */
type Row = { id: string; at: string; division: string; code: string; version: number; outcome: DecisionRecord['outcome']; record_json: string | Uint8Array };
const COLUMNS = 'id, at, division, code, version, outcome, record_json';
function toRecord(row: Row, codec: PersonalDataCodec): DecisionRecord {
  if (typeof row.record_json !== 'string') return recordFromBody(row, codec.openJsonBytes(row.record_json));
  // Written before bodies were sealed whole: its ID numbers and mobiles were sealed one by one (or not at all, before encryption).
  const record = recordFromBody(row, row.record_json);
  return { ...record, input: { ...record.input, formData: codec.open(record.input.formData) }, decision: codec.open(record.decision) };
}

function unavailable(file: string, operation: string, error: unknown): unknown {
  if (error instanceof TongbanError || !(error instanceof Database.SqliteError)) return error;
  return new StoreUnavailableError({ key: 'stores.sqlite.decisionLogUnavailable', values: { operation, reason: error.message } }, { adapter: 'sqlite', file, operation, sqliteCode: error.code });
}

function whereClause(query: NormalizedQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.afterId !== undefined) { where.push('id > ?'); params.push(query.afterId); }
  if (query.code !== undefined) { where.push('code = ?'); params.push(query.code); }
  if (query.version !== undefined) { where.push('version = ?'); params.push(query.version); }
  if (query.division !== undefined) { where.push('division = ?'); params.push(query.division); }
  if (query.outcome !== undefined) { where.push('outcome = ?'); params.push(query.outcome); }
  if (query.from !== undefined) { where.push('at >= ?'); params.push(query.from); }
  if (query.to !== undefined) { where.push('at <= ?'); params.push(query.to); }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * Read side over decisions.db. An auditor's or reviewer's reader opens the file read-only and
 * lazily: until some runtime has recorded a decision the file may not exist, and the log is then
 * simply empty. State lives in #private fields so the object exposes nothing but the port.
 */
export class SqliteDecisionLogReader implements DecisionLogReader {
  readonly adapter = 'sqlite' as const;
  readonly #file: string;
  protected readonly codec: PersonalDataCodec;
  #db: Database.Database | null;
  #closed = false;

  constructor(db: Database.Database | null, file: string, codec: PersonalDataCodec) {
    this.#db = db;
    this.#file = file;
    this.codec = codec;
  }

  /** The open connection, or null while the file does not exist (or is not yet migrated). */
  protected connection(): Database.Database | null {
    if (this.#closed) throw new StoreUnavailableError({ key: 'stores.sqlite.decisionLogClosed' }, { adapter: 'sqlite', file: this.#file });
    if (this.#db) return this.#db;
    if (!existsSync(this.#file)) return null;
    let db: Database.Database | undefined;
    try {
      db = new Database(this.#file, { readonly: true, fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      if ((db.pragma('user_version', { simple: true }) as number) < 1) {
        db.close();
        return null;
      }
    } catch (error) {
      db?.close();
      throw new StoreUnavailableError({ key: 'stores.sqlite.cannotOpenDecisionLog', values: { file: this.#file, reason: (error as Error).message } }, { adapter: 'sqlite', file: this.#file });
    }
    this.#db = db;
    return db;
  }

  async get(id: string): Promise<DecisionRecord | null> {
    const db = this.connection();
    if (!db || typeof id !== 'string') return null;
    try {
      const row = db.prepare(`SELECT ${COLUMNS} FROM decisions WHERE id = ?`).get(id) as Row | undefined;
      return row ? toRecord(row, this.codec) : null;
    } catch (error) {
      throw unavailable(this.#file, 'get', error);
    }
  }

  async list(query: DecisionQuery = {}): Promise<DecisionRecord[]> {
    const normalized = normalizeDecisionQuery(query);
    const db = this.connection();
    if (!db) return [];
    const { sql, params } = whereClause(normalized);
    try {
      const rows = db.prepare(`SELECT ${COLUMNS} FROM decisions ${sql} ORDER BY id LIMIT ${normalized.limit}`).all(...params) as Row[];
      return rows.map((row) => toRecord(row, this.codec));
    } catch (error) {
      throw unavailable(this.#file, 'list', error);
    }
  }

  async count(query: DecisionQuery = {}): Promise<number> {
    const normalized = normalizeDecisionQuery(query);
    const db = this.connection();
    if (!db) return 0;
    const { sql, params } = whereClause(normalized);
    try {
      return (db.prepare(`SELECT COUNT(*) AS n FROM decisions ${sql}`).get(...params) as { n: number }).n;
    } catch (error) {
      throw unavailable(this.#file, 'count', error);
    }
  }

  /** Never throws: failures are reported as `ok: false`. */
  async health(): Promise<StoreHealth> {
    const file = this.#file;
    let readOnly = true;
    try {
      const db = this.connection();
      if (!db) return { ok: true, adapter: 'sqlite', readOnly, details: { file, exists: false, decisions: 0 } };
      readOnly = db.readonly;
      const { n } = db.prepare('SELECT COUNT(*) AS n FROM decisions').get() as { n: number };
      return { ok: true, adapter: 'sqlite', readOnly, details: { file, decisions: n, journalMode: db.pragma('journal_mode', { simple: true }) } };
    } catch (error) {
      return { ok: false, adapter: 'sqlite', readOnly, details: { file, error: (error as Error).message } };
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#db?.open) this.#db.close();
  }
}

interface Pending {
  record: DecisionRecord;
  /** The stored body, sealed before queuing so the transaction only writes. */
  body: Buffer;
  resolve: (record: DecisionRecord) => void;
  reject: (error: unknown) => void;
}

/**
 * A runtime's handle on decisions.db: appends, and reads back what it (and its peers) appended.
 * Records are committed in groups: every record asked for in one turn of the event loop goes into
 * one transaction, run right after that turn, and each caller's promise settles when its
 * transaction has committed: written to the WAL file before the answer goes out, so it survives
 * the process being killed (synchronous = NORMAL: an operating-system crash or power cut may still
 * lose the commits since the last checkpoint). The INSERT is prepared once; WAL checkpoints run
 * on a worker thread with its own connection, so no request ever waits for one.
 */
export class SqliteDecisionLogWriter extends SqliteDecisionLogReader implements DecisionLogWriter {
  readonly #file: string;
  readonly #db: Database.Database;
  readonly #insert: Database.Statement;
  readonly #commit: Database.Transaction<(batch: Pending[]) => void>;
  readonly #checkpointer: Checkpointer;
  #queue: Pending[] = [];
  #scheduled = false;

  constructor(db: Database.Database, file: string, codec: PersonalDataCodec) {
    super(db, file, codec);
    this.#file = file;
    this.#db = db;
    // The worker thread checkpoints; this connection never stops to do it inside a commit.
    db.pragma('wal_autocheckpoint = 0');
    this.#insert = db.prepare(`INSERT INTO decisions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`);
    this.#commit = db.transaction((batch: Pending[]) => {
      for (const pending of batch) {
        const { body } = pending;
        for (let attempt = 1; ; attempt++) {
          const { id, at, division, code, version, outcome } = pending.record;
          if (this.#insert.run(id, at, division, code, version, outcome, body).changes === 1) break;
          if (attempt >= MAX_INSERT_ATTEMPTS) throw new StoreUnavailableError({ key: 'stores.decisionLog.idConflicts' }, { adapter: 'sqlite', file, id });
          pending.record = { ...pending.record, id: newDecisionId() };
        }
      }
    });
    this.#checkpointer = startCheckpointer(file);
  }

  async record(input: NewDecisionRecord): Promise<DecisionRecord> {
    if (!this.connection()) throw new StoreUnavailableError({ key: 'stores.sqlite.decisionLogNotOpen' }, { adapter: 'sqlite', file: this.#file });
    const record = prepareDecisionRecord(input, newDecisionId());
    const body = sealedBody(record, this.codec);
    return new Promise<DecisionRecord>((resolve, reject) => {
      this.#queue.push({ record, body, resolve, reject });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  /** Commits everything queued, in batches of at most MAX_BATCH, and settles each caller. */
  #flush(): void {
    this.#scheduled = false;
    while (this.#queue.length > 0) {
      const batch = this.#queue.splice(0, MAX_BATCH);
      try {
        this.#commit.immediate(batch);
      } catch (error) {
        const failure = unavailable(this.#file, 'record', error);
        for (const pending of batch) pending.reject(failure);
        continue;
      }
      for (const pending of batch) pending.resolve(pending.record);
    }
  }

  /** Commits what is queued, stops the checkpointer and checkpoints once more, then closes. */
  override async close(): Promise<void> {
    if (this.#db.open) this.#flush();
    await this.#checkpointer.stop();
    if (this.#db.open) {
      try {
        this.#db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Another process still reads or writes the file: its own checkpoints carry on.
      }
    }
    await super.close();
  }
}

/** Opens (creating and migrating if needed) decisions.db for writing: WAL, append-only by trigger. */
export function openSqliteDecisionLog(options: SqliteDecisionLogOptions): SqliteDecisionLogWriter {
  return new SqliteDecisionLogWriter(openWritableSqlite(options.file, migrations, 'stores.sqlite.cannotOpenDecisionLog', { pageSize: DECISION_PAGE_SIZE }), options.file, codecFor(options));
}

/** A read-only view of decisions.db; an absent file reads as an empty log until a runtime creates it. */
export function openSqliteDecisionLogReader(options: SqliteDecisionLogOptions): SqliteDecisionLogReader {
  return new SqliteDecisionLogReader(null, options.file, codecFor(options));
}
