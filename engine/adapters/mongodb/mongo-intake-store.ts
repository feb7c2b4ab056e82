import { Binary, MongoClient, MongoError, MongoServerError, ReadPreference, type Collection, type Db, type Filter } from 'mongodb';
import { canonicalJson } from '../../core/canonical/index.js';
import { CaseChangedError, NotFoundError, StoreUnavailableError, TongbanError } from '../../core/errors.js';
import { chainCaseEvent, type CaseEvent, type NewCaseEvent } from '../../core/cases/index.js';
import { createMissingIndexes } from './missing-indexes.js';
import type { StoreHealth } from '../../core/model/records.js';
import { caseNumberPrefix, formatCaseNumber, MAX_SEQUENCE, nextSequence } from '../../core/cases/case-number.js';
import type {
  Attachment, AttachmentMeta, CaseOpening, CaseProjection, CaseQuery, CaseRow, IntakeQuery, IntakeRecord, IntakeStore, NewAttachment, NewIntakeRecord,
} from '../../ports/intake-store/port.js';
import { normalizeCaseQuery, normalizeIntakeQuery, prepareAttachment, prepareIntakeRecord } from '../../ports/intake-store/records.js';
import { dataDirFromEnv } from '../data-key.js';
import { personalDataCodec, type PersonalDataCodec } from '../personal-data-codec.js';
import type { DataKeyMaterial } from '../data-key.js';

export const INTAKES_COLLECTION = 'intakes';
export const INTAKE_ATTACHMENTS_COLLECTION = 'intake_attachments';
export const CASE_EVENTS_COLLECTION = 'case_events';

export interface MongoIntakeStoreOptions {
  /** Connection string; may carry credentials, so it never appears in errors or health details. */
  uri: string;
  database: string;
  /** Encrypts ID numbers and mobiles in the stored form data; absent: TONGBAN_DATA_KEY, else `<TONGBAN_DATA_DIR>/data.key`. */
  key?: DataKeyMaterial;
}

/*
 * Form data keys are whatever an item's form names them (FerretDB refuses keys starting with `$`),
 * so the record travels as one canonical JSON string; what a query filters on stays a plain field.
 */
interface IntakeDocument {
  caseNumber: string;
  createdAt: string;
  receivingDivision: string;
  handlingDivision: string;
  code: string;
  outcome: string;
  recordJson: string;
  /*
   * The case's projection, for lists. Its events live in `case_events`, where the unique
   * (caseNumber, seq) index decides which of two racing appends wins: an update guarded by a filter
   * is not atomic on every MongoDB-protocol server (FerretDB's SQLite backend reads, then writes).
   */
  caseSeq?: number;
  department?: string;
  itemName?: string;
  status?: string;
  holderDivision?: string | null;
  dueStage?: string | null;
  dueDate?: string | null;
  /** dueDate, or a date after every other one: undated cases list last. */
  dueSort?: string;
  promisedDue?: string | null;
  applicantKey?: string | null;
  applicantLabel?: string | null;
  caseUpdatedAt?: string;
}

const UNDATED = '9999-12-31';

function projectionFields(projection: CaseProjection): Partial<IntakeDocument> {
  return {
    status: projection.status, holderDivision: projection.holderDivision, dueStage: projection.dueStage, dueDate: projection.dueDate,
    dueSort: projection.dueDate ?? UNDATED, promisedDue: projection.promisedDue, applicantKey: projection.applicantKey, applicantLabel: projection.applicantLabel, caseUpdatedAt: projection.updatedAt,
  };
}

function caseRowOf(document: IntakeDocument): CaseRow {
  return {
    caseNumber: document.caseNumber, createdAt: document.createdAt, receivingDivision: document.receivingDivision, handlingDivision: document.handlingDivision,
    department: document.department ?? '', code: document.code, itemName: document.itemName ?? '', status: document.status as CaseRow['status'],
    holderDivision: document.holderDivision ?? null, dueStage: (document.dueStage ?? null) as CaseRow['dueStage'], dueDate: document.dueDate ?? null,
    promisedDue: document.promisedDue ?? null, applicantKey: document.applicantKey ?? null, applicantLabel: document.applicantLabel ?? null, updatedAt: document.caseUpdatedAt ?? document.createdAt, seq: document.caseSeq ?? 0,
  };
}

const CASE_ROW_PROJECTION = { _id: 0, recordJson: 0 } as const;

interface CaseEventDocument {
  caseNumber: string;
  seq: number;
  eventJson: string;
}

const caseEventsOf = (db: Db): Collection<CaseEventDocument> => db.collection<CaseEventDocument>(CASE_EVENTS_COLLECTION);

interface AttachmentDocument extends AttachmentMeta {
  caseNumber: string;
  data: Binary;
}

const DUPLICATE_KEY = 11000;
const UNAUTHORIZED = 13;
/** Concurrent windows of one division may race for a number; the unique index decides, the loser takes the next. */
const MAX_INSERT_ATTEMPTS = 50;
const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 10_000;

function toIntakeError(error: unknown, operation: string): unknown {
  if (error instanceof TongbanError || !(error instanceof MongoError)) return error;
  return new StoreUnavailableError({ key: 'stores.mongodb.intakeStoreUnavailable', values: { operation, reason: error.message } }, {
    adapter: 'mongodb', operation, driverError: error.name, ...(error.code === undefined ? {} : { driverCode: error.code }),
  });
}

async function guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toIntakeError(error, operation);
  }
}

const intakesOf = (db: Db): Collection<IntakeDocument> => db.collection<IntakeDocument>(INTAKES_COLLECTION);
const attachmentsOf = (db: Db): Collection<AttachmentDocument> => db.collection<AttachmentDocument>(INTAKE_ATTACHMENTS_COLLECTION);
const META_PROJECTION = { _id: 0, id: 1, name: 1, contentType: 1, size: 1, sha256: 1, materialId: 1 } as const;

/** The unique case-number index is what makes numbers unique; the others serve a window's list. */
export async function ensureIntakeIndexes(db: Db): Promise<void> {
  await createMissingIndexes(intakesOf(db), [
    { key: { caseNumber: 1 }, name: 'intakes_case_number_unique', unique: true },
    { key: { createdAt: -1, caseNumber: -1 }, name: 'intakes_created' },
    { key: { receivingDivision: 1, createdAt: -1 }, name: 'intakes_receiving' },
    { key: { handlingDivision: 1, createdAt: -1 }, name: 'intakes_handling' },
    { key: { receivingDivision: 1, dueSort: 1, caseNumber: 1 }, name: 'cases_receiving_due' },
    { key: { handlingDivision: 1, dueSort: 1, caseNumber: 1 }, name: 'cases_handling_due' },
    { key: { holderDivision: 1, dueSort: 1, caseNumber: 1 }, name: 'cases_holder_due' },
    { key: { dueSort: 1, caseNumber: 1 }, name: 'cases_due' },
    { key: { applicantKey: 1 }, name: 'cases_applicant' },
  ]);
  await createMissingIndexes(caseEventsOf(db), [{ key: { caseNumber: 1, seq: 1 }, name: 'case_events_seq_unique', unique: true }]);
  await createMissingIndexes(attachmentsOf(db), [
    { key: { id: 1 }, name: 'intake_attachments_id_unique', unique: true },
    { key: { caseNumber: 1, id: 1 }, name: 'intake_attachments_case' },
  ]);
}

/** MongoDB intake store: collections `intakes` and `intake_attachments`; only inserts are ever sent. */
export class MongoIntakeStore implements IntakeStore {
  readonly adapter = 'mongodb' as const;
  readonly #client: MongoClient;
  readonly #db: Db;
  readonly #database: string;
  readonly #details: Record<string, unknown>;
  readonly #codec: PersonalDataCodec;
  /** Per case-number prefix (division and day): the next sequence to try. */
  readonly #nextSequence = new Map<string, number>();

  constructor(client: MongoClient, db: Db, database: string, codec: PersonalDataCodec, details: Record<string, unknown> = {}) {
    this.#client = client;
    this.#codec = codec;
    this.#db = db;
    this.#database = database;
    this.#details = details;
  }

  async #attachments(caseNumber: string): Promise<AttachmentMeta[]> {
    return attachmentsOf(this.#db).find<AttachmentMeta>({ caseNumber }, { projection: META_PROJECTION }).sort({ id: 1 }).toArray();
  }

  async #hydrate(document: IntakeDocument): Promise<IntakeRecord> {
    const record = JSON.parse(document.recordJson) as Omit<IntakeRecord, 'attachments'>;
    return { ...record, formData: this.#codec.open(record.formData), decision: this.#codec.open(record.decision), browserMismatch: this.#codec.open(record.browserMismatch), attachments: await this.#attachments(document.caseNumber) };
  }

  async create(input: NewIntakeRecord, opening?: CaseOpening): Promise<IntakeRecord> {
    const prepared = prepareIntakeRecord(input);
    // ID numbers and mobiles are encrypted wherever the applicant's data reaches: form, decision messages, browser mismatch.
    const seal = this.#codec.sealer();
    const sealed = { formData: seal(prepared.formData), decision: seal(prepared.decision), browserMismatch: seal(prepared.browserMismatch) };
    const prefix = caseNumberPrefix(prepared.receivingDivision, prepared.createdAt);
    const intakes = intakesOf(this.#db);
    for (let attempt = 1; ; attempt++) {
      // The next number this process has not handed out yet; the store is asked only at first and after
      // a collision with another process (a sorted range query is a full scan on some servers).
      let sequence = attempt === 1 ? this.#nextSequence.get(prefix) : undefined;
      if (sequence === undefined) {
        const highest = await guard('create', () =>
          intakes.find<{ caseNumber: string }>({ caseNumber: { $gt: prefix, $lt: `${prefix}~` } }, { projection: { _id: 0, caseNumber: 1 } }).sort({ caseNumber: -1 }).limit(1).toArray(),
        );
        sequence = Math.max(nextSequence(highest[0]?.caseNumber ?? null), this.#nextSequence.get(prefix) ?? 0);
      }
      this.#nextSequence.set(prefix, Math.max(this.#nextSequence.get(prefix) ?? 0, sequence + 1));
      if (sequence > MAX_SEQUENCE) throw new StoreUnavailableError({ key: 'stores.intakeStore.sequenceExhausted', values: { division: prepared.receivingDivision } }, { prefix });
      const record: IntakeRecord = { ...prepared, caseNumber: formatCaseNumber(prefix, sequence), attachments: [] };
      const { attachments: _none, ...stored } = record;
      const first = opening ? chainCaseEvent(record.caseNumber, opening.event, null) : null;
      try {
        await intakes.insertOne({
          caseNumber: record.caseNumber, createdAt: record.createdAt, receivingDivision: record.receivingDivision,
          handlingDivision: record.handling.division, code: record.item.code, outcome: record.decision.outcome, recordJson: canonicalJson({ ...stored, ...sealed }),
          ...(first && opening ? { caseSeq: 1, department: record.handling.department, itemName: record.item.name, ...projectionFields(opening.projection) } : {}),
        });
        // A crash before this insert leaves a record whose case has no opening yet: the service opens it on first read.
        if (first) await caseEventsOf(this.#db).insertOne({ caseNumber: record.caseNumber, seq: 1, eventJson: canonicalJson(first) });
        return record;
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY && attempt < MAX_INSERT_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * Math.min(attempt, 10)));
          continue;
        }
        throw toIntakeError(error, 'create');
      }
    }
  }

  async get(caseNumber: string): Promise<IntakeRecord | null> {
    if (typeof caseNumber !== 'string') return null;
    return guard('get', async () => {
      const document = await intakesOf(this.#db).findOne<IntakeDocument>({ caseNumber }, { projection: { _id: 0 } });
      return document ? this.#hydrate(document) : null;
    });
  }

  async list(query: IntakeQuery = {}): Promise<IntakeRecord[]> {
    const q = normalizeIntakeQuery(query);
    return guard('list', async () => {
      const intakes = intakesOf(this.#db);
      const all: Filter<IntakeDocument>[] = [];
      if (q.division !== undefined) all.push({ $or: [{ receivingDivision: q.division }, { handlingDivision: q.division }] });
      if (q.code !== undefined) all.push({ code: q.code });
      if (q.afterCaseNumber !== undefined) {
        const after = await intakes.findOne<{ createdAt: string }>({ caseNumber: q.afterCaseNumber }, { projection: { _id: 0, createdAt: 1 } });
        if (!after) return [];
        all.push({ $or: [{ createdAt: { $lt: after.createdAt } }, { createdAt: after.createdAt, caseNumber: { $lt: q.afterCaseNumber } }] });
      }
      const documents = await intakes
        .find<IntakeDocument>(all.length ? { $and: all } : {}, { projection: { _id: 0 } })
        .sort({ createdAt: -1, caseNumber: -1 })
        .limit(q.limit)
        .toArray();
      return Promise.all(documents.map((document) => this.#hydrate(document)));
    });
  }

  async caseEvents(caseNumber: string): Promise<CaseEvent[]> {
    if (typeof caseNumber !== 'string') return [];
    return guard('caseEvents', async () => {
      const documents = await caseEventsOf(this.#db).find<CaseEventDocument>({ caseNumber }, { projection: { _id: 0 } }).sort({ seq: 1 }).toArray();
      return documents.map((document) => JSON.parse(document.eventJson) as CaseEvent);
    });
  }

  async appendCaseEvent(caseNumber: string, expectedSeq: number, event: NewCaseEvent, projection: CaseProjection): Promise<CaseEvent> {
    return guard('appendCaseEvent', async () => {
      const intakes = intakesOf(this.#db);
      const record = await intakes.findOne<Pick<IntakeDocument, 'recordJson'>>({ caseNumber }, { projection: { _id: 0, recordJson: 1 } });
      if (!record) throw new NotFoundError({ key: 'services.cases.book.noSuchCase', values: { caseNumber } }, { caseNumber });
      const [head] = await caseEventsOf(this.#db).find<CaseEventDocument>({ caseNumber }, { projection: { _id: 0 } }).sort({ seq: -1 }).limit(1).toArray();
      const previous = head ? (JSON.parse(head.eventJson) as CaseEvent) : null;
      const changed = () => new CaseChangedError({ key: 'stores.mongodb.caseChanged', values: { caseNumber } }, { caseNumber, expectedSeq, seq: previous?.seq ?? 0 });
      if ((previous?.seq ?? 0) !== expectedSeq) throw changed();
      const chained = chainCaseEvent(caseNumber, event, previous);
      try {
        await caseEventsOf(this.#db).insertOne({ caseNumber, seq: chained.seq, eventJson: canonicalJson(chained) });
      } catch (error) {
        if (error instanceof MongoServerError && error.code === DUPLICATE_KEY) throw changed();
        throw error;
      }
      // Only the winner of this sequence number gets here; an older projection never overwrites a newer one.
      const { handling, item } = JSON.parse(record.recordJson) as Pick<IntakeRecord, 'handling' | 'item'>;
      await intakes.updateOne(
        { caseNumber, $or: [{ caseSeq: { $lt: chained.seq } }, { caseSeq: { $exists: false } }] },
        { $set: { caseSeq: chained.seq, department: handling.department, itemName: item.name, ...projectionFields(projection) } },
      );
      return chained;
    });
  }

  async listCases(query: CaseQuery = {}): Promise<CaseRow[]> {
    const q = normalizeCaseQuery(query);
    return guard('listCases', async () => {
      const intakes = intakesOf(this.#db);
      const all: Filter<IntakeDocument>[] = [{ caseSeq: { $gte: 1 } }];
      if (q.divisionPrefix !== undefined) {
        const range = { $gte: q.divisionPrefix, $lt: `${q.divisionPrefix}~` };
        all.push({ $or: [{ receivingDivision: range }, { handlingDivision: range }] });
      }
      if (q.statuses) all.push({ status: { $in: q.statuses } });
      if (q.code !== undefined) all.push({ code: q.code });
      if (q.department !== undefined) all.push({ department: q.department });
      if (q.holderDivision !== undefined) all.push({ holderDivision: q.holderDivision });
      if (q.applicantKey !== undefined) all.push({ applicantKey: q.applicantKey });
      if (q.caseNumber !== undefined) all.push({ caseNumber: q.caseNumber });
      if (q.dueBefore !== undefined) all.push({ dueSort: { $lt: q.dueBefore } });
      if (q.dueOnOrBefore !== undefined) all.push({ dueSort: { $lte: q.dueOnOrBefore } });
      if (q.afterCaseNumber !== undefined) {
        const after = await intakes.findOne<{ dueSort?: string }>({ caseNumber: q.afterCaseNumber, caseSeq: { $gte: 1 } }, { projection: { _id: 0, dueSort: 1 } });
        if (!after?.dueSort) return [];
        all.push({ $or: [{ dueSort: { $gt: after.dueSort } }, { dueSort: after.dueSort, caseNumber: { $gt: q.afterCaseNumber } }] });
      }
      const documents = await intakes.find<IntakeDocument>({ $and: all }, { projection: CASE_ROW_PROJECTION }).sort({ dueSort: 1, caseNumber: 1 }).limit(q.limit).toArray();
      return documents.map(caseRowOf);
    });
  }

  async addAttachment(caseNumber: string, attachment: NewAttachment): Promise<AttachmentMeta> {
    const prepared = prepareAttachment(attachment);
    return guard('addAttachment', async () => {
      const exists = await intakesOf(this.#db).findOne({ caseNumber }, { projection: { _id: 0, caseNumber: 1 } });
      if (!exists) throw new NotFoundError({ key: 'services.cases.book.noSuchCase', values: { caseNumber } }, { caseNumber });
      const { data, ...meta } = prepared;
      await attachmentsOf(this.#db).insertOne({ ...meta, caseNumber, data: new Binary(data) });
      return meta;
    });
  }

  async getAttachment(caseNumber: string, id: string): Promise<Attachment | null> {
    if (typeof caseNumber !== 'string' || typeof id !== 'string') return null;
    return guard('getAttachment', async () => {
      const document = await attachmentsOf(this.#db).findOne<AttachmentDocument>({ caseNumber, id }, { projection: { _id: 0 } });
      if (!document) return null;
      const { data, caseNumber: _case, ...meta } = document;
      return {
        id: meta.id, name: meta.name, contentType: meta.contentType, size: meta.size, sha256: meta.sha256, ...(meta.materialId === undefined ? {} : { materialId: meta.materialId }),
        data: new Uint8Array(data.buffer.subarray(0, data.position)),
      };
    });
  }

  /** Never throws: a failed ping is reported as `ok: false`. */
  async health(): Promise<StoreHealth> {
    const database = this.#database;
    try {
      await this.#db.command({ ping: 1 });
      const intakes = await intakesOf(this.#db).estimatedDocumentCount();
      return { ok: true, adapter: 'mongodb', readOnly: false, details: { database, intakes, ...this.#details } };
    } catch (error) {
      return { ok: false, adapter: 'mongodb', readOnly: false, details: { database, ...this.#details, error: (error as Error).message } };
    }
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}

/**
 * Connects (reads pinned to the primary, so a window reads back what it just saved) and creates
 * the indexes when its user may; an insert/update-only user relies on those an administrator made.
 */
export async function openMongoIntakeStore({ uri, database, key }: MongoIntakeStoreOptions): Promise<MongoIntakeStore> {
  let client: MongoClient | undefined;
  let db: Db;
  try {
    client = new MongoClient(uri, {
      appName: 'tongban-intake',
      ...(/[?&]serverSelectionTimeoutMS=/i.test(uri) ? {} : { serverSelectionTimeoutMS: DEFAULT_SERVER_SELECTION_TIMEOUT_MS }),
    });
    await client.connect();
    db = client.db(database, { readPreference: ReadPreference.primary });
  } catch (error) {
    await client?.close().catch(() => undefined);
    throw new StoreUnavailableError({ key: 'stores.mongodb.cannotConnectIntakeStore', values: { database, reason: (error as Error).message } }, { adapter: 'mongodb', database });
  }
  let indexes: 'ensured' | 'not-permitted' = 'ensured';
  try {
    await ensureIntakeIndexes(db);
  } catch (error) {
    if (error instanceof MongoServerError && error.code === UNAUTHORIZED) indexes = 'not-permitted';
    else {
      await client.close().catch(() => undefined);
      throw toIntakeError(error, 'ensureIndexes');
    }
  }
  return new MongoIntakeStore(client, db, database, personalDataCodec(key, dataDirFromEnv), { indexes });
}

/** For a process with readWrite (the designer, a setup CLI): creates the intake indexes. */
export async function ensureMongoIntakeIndexes(options: MongoIntakeStoreOptions): Promise<void> {
  const store = await openMongoIntakeStore(options);
  const health = await store.health();
  await store.close();
  if (health.details.indexes !== 'ensured') throw new StoreUnavailableError({ key: 'stores.mongodb.noIndexRights' }, { adapter: 'mongodb', database: options.database });
}
