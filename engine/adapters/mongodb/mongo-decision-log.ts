import { MongoServerError } from 'mongodb';
import type { StoreHealth } from '../../core/model/records.js';
import { newDecisionId } from '../../ports/decision-log/ids.js';
import type { DecisionLogReader, DecisionLogWriter, DecisionQuery, DecisionRecord, NewDecisionRecord } from '../../ports/decision-log/port.js';
import { normalizeDecisionQuery, prepareDecisionRecord } from '../../ports/decision-log/records.js';
import { type MongoDecisionLogConnection, guard, toDecisionLogError } from './decision-log-connect.js';
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

  constructor(connection: MongoDecisionLogConnection, readOnly = true, details: Record<string, unknown> = {}) {
    this.#connection = connection;
    this.#readOnly = readOnly;
    this.#details = details;
  }

  protected get decisions() {
    return decisionsOf(this.#connection.db);
  }

  async get(id: string): Promise<DecisionRecord | null> {
    if (typeof id !== 'string') return null;
    const document = await guard('get', () => this.decisions.findOne<DecisionDocument>({ id }, { projection: { _id: 0 } }));
    return document ? fromDecisionDocument(document) : null;
  }

  async list(query: DecisionQuery = {}): Promise<DecisionRecord[]> {
    const normalized = normalizeDecisionQuery(query);
    const documents = await guard('list', () =>
      this.decisions.find<DecisionDocument>(decisionFilter(normalized), { projection: { _id: 0 } }).sort({ id: 1 }).limit(normalized.limit).toArray(),
    );
    return documents.map(fromDecisionDocument);
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

/** A runtime's handle: `insert` into `decisions` is the only write it ever sends. */
export class MongoDecisionLogWriter extends MongoDecisionLogReader implements DecisionLogWriter {
  async record(input: NewDecisionRecord): Promise<DecisionRecord> {
    let record = prepareDecisionRecord(input, newDecisionId());
    for (let attempt = 1; ; attempt++) {
      try {
        // A fresh object each time: insertOne writes the generated _id into what it is given.
        await this.decisions.insertOne(toDecisionDocument(record));
        return record;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY && attempt < MAX_INSERT_ATTEMPTS) {
          record = { ...record, id: newDecisionId() };
          continue;
        }
        throw toDecisionLogError(error, 'record');
      }
    }
  }
}
