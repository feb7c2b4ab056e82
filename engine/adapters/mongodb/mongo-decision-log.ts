import { MongoBulkWriteError, MongoServerError } from 'mongodb';
import { StoreUnavailableError } from '../../core/errors.js';
import type { StoreHealth } from '../../core/model/records.js';
import { newDecisionId } from '../../ports/decision-log/ids.js';
import type { DecisionLogReader, DecisionLogWriter, DecisionQuery, DecisionRecord, NewDecisionRecord } from '../../ports/decision-log/port.js';
import { normalizeDecisionQuery, prepareDecisionRecord } from '../../ports/decision-log/records.js';
import { type MongoDecisionLogConnection, guard, toDecisionLogError } from './decision-log-connect.js';
import { PersonalDataCodec } from '../personal-data-codec.js';
import { decisionFilter, decisionsOf, fromDecisionDocument, toDecisionDocument, type DecisionDocument } from './decision-documents.js';

const DUPLICATE_KEY = 11000;
const MAX_INSERT_ATTEMPTS = 3;

/**
 * Read side of the MongoDB decision log: no write methods, creates nothing on the server, so it
 * works under a user with only the built-in `read` role. State sits in #private fields so the
 * object exposes nothing but the port.
 */
export class MongoDecisionLogReader implements DecisionLogReader {
  readonly adapter = 'mongodb' as const;
  readonly #connection: MongoDecisionLogConnection;
  readonly #readOnly: boolean;
  readonly #details: Record<string, unknown>;
  protected readonly codec: PersonalDataCodec;

  constructor(connection: MongoDecisionLogConnection, codec: PersonalDataCodec, readOnly = true, details: Record<string, unknown> = {}) {
    this.#connection = connection;
    this.codec = codec;
    this.#readOnly = readOnly;
    this.#details = details;
  }

  protected get decisions() {
    return decisionsOf(this.#connection.db);
  }

  async get(id: string): Promise<DecisionRecord | null> {
    if (typeof id !== 'string') return null;
    const document = await guard('get', () => this.decisions.findOne<DecisionDocument>({ id }, { projection: { _id: 0 } }));
    return document ? this.#opened(document) : null;
  }

  async list(query: DecisionQuery = {}): Promise<DecisionRecord[]> {
    const normalized = normalizeDecisionQuery(query);
    const documents = await guard('list', () =>
      this.decisions.find<DecisionDocument>(decisionFilter(normalized), { projection: { _id: 0 } }).sort({ id: 1 }).limit(normalized.limit).toArray(),
    );
    return documents.map((document) => this.#opened(document));
  }

  #opened(document: DecisionDocument): DecisionRecord {
    const inputJson = this.codec.openJsonText(document.inputJson);
    const decisionJson = this.codec.openJsonText(document.decisionJson);
    const record = fromDecisionDocument({ ...document, inputJson: inputJson ?? document.inputJson, decisionJson: decisionJson ?? document.decisionJson });
    // A part written before parts were sealed whole has its ID numbers and mobiles sealed one by one (or none, before encryption).
    return {
      ...record,
      input: inputJson === null ? { ...record.input, formData: this.codec.open(record.input.formData) } : record.input,
      decision: decisionJson === null ? this.codec.open(record.decision) : record.decision,
    };
  }

  async count(query: DecisionQuery = {}): Promise<number> {
    const filter = decisionFilter(normalizeDecisionQuery(query));
    return guard('count', () => this.decisions.countDocuments(filter));
  }

  /** Never throws: a failed ping is reported as `ok: false`. */
  async health(): Promise<StoreHealth> {
    const { db, database } = this.#connection;
    try {
      await db.command({ ping: 1 });
      const decisions = await this.decisions.estimatedDocumentCount();
      return { ok: true, adapter: 'mongodb', readOnly: this.#readOnly, details: { database, decisions, ...this.#details } };
    } catch (error) {
      return { ok: false, adapter: 'mongodb', readOnly: this.#readOnly, details: { database, ...this.#details, error: (error as Error).message } };
    }
  }

  async close(): Promise<void> {
    await this.#connection.client.close();
  }
}

interface Pending {
  record: DecisionRecord;
  attempts: number;
  resolve: (record: DecisionRecord) => void;
  reject: (error: unknown) => void;
}

/** One insertMany never carries more than this many records. */
const MAX_BATCH = 1000;

/**
 * A runtime's handle: `insert` into `decisions` is the only write it ever sends. Records are
 * written in groups: while one insertMany is on its way, the records that arrive meanwhile wait
 * for the next one, so a busy runtime sends a few large inserts instead of one per decision. Each
 * caller's promise settles when the server has acknowledged its record (the connection's write
 * concern), never before.
 */
export class MongoDecisionLogWriter extends MongoDecisionLogReader implements DecisionLogWriter {
  #queue: Pending[] = [];
  #writing: Promise<void> | null = null;

  async record(input: NewDecisionRecord): Promise<DecisionRecord> {
    const record = prepareDecisionRecord(input, newDecisionId());
    return new Promise<DecisionRecord>((resolve, reject) => {
      this.#queue.push({ record, attempts: 1, resolve, reject });
      this.#writing ??= this.#drain();
    });
  }

  /** Sends what is queued, batch after batch, until the queue is empty. */
  async #drain(): Promise<void> {
    // Let the records asked for in this turn of the event loop join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.#queue.length > 0) await this.#insert(this.#queue.splice(0, MAX_BATCH));
    this.#writing = null;
  }

  async #insert(batch: Pending[]): Promise<void> {
    // Fresh documents each time: insertMany writes the generated _id into what it is given.
    // The input and the decision are each encrypted whole (nothing queries inside them): one encryption
    // each, instead of one per ID number and mobile and the search for them.
    const documents = batch.map(({ record }) => {
      const document = toDecisionDocument(record);
      return { ...document, inputJson: this.codec.sealJsonText(document.inputJson), decisionJson: this.codec.sealJsonText(document.decisionJson) };
    });
    let failed = new Map<number, unknown>();
    try {
      await this.decisions.insertMany(documents, { ordered: false });
    } catch (error) {
      if (!(error instanceof MongoBulkWriteError)) {
        const failure = toDecisionLogError(error, 'record');
        for (const pending of batch) pending.reject(failure);
        return;
      }
      const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
      failed = new Map(writeErrors.map((e) => [e.index, e.code === DUPLICATE_KEY ? DUPLICATE_KEY : toDecisionLogError(error, 'record')]));
    }
    batch.forEach((pending, index) => {
      if (!failed.has(index)) return pending.resolve(pending.record);
      if (failed.get(index) === DUPLICATE_KEY && pending.attempts < MAX_INSERT_ATTEMPTS) {
        // Another writer took the id first: retry in a later batch with a fresh one.
        this.#queue.push({ ...pending, record: { ...pending.record, id: newDecisionId() }, attempts: pending.attempts + 1 });
        return;
      }
      pending.reject(failed.get(index) === DUPLICATE_KEY ? new StoreUnavailableError({ key: 'stores.decisionLog.idConflicts' }, { adapter: 'mongodb', id: pending.record.id }) : failed.get(index));
    });
  }

  /** Waits for the records already asked for, then closes. */
  override async close(): Promise<void> {
    while (this.#writing) await this.#writing;
    await super.close();
  }
}
