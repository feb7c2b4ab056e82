import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/canonical/index.js';
import { decisionIdGenerator } from '../decision-log/ids.js';
import { isKnownLocality } from '../../core/divisions/index.js';
import { catalogueProblem, ValidationFailedError, type CatalogueMessage, type Problem } from '../../core/errors.js';
import { isCaseStatus, isOutcome } from '../../core/vocabulary/index.js';
import { isIsoDate } from '../../core/codes/index.js';
import type { AttachmentMeta, CaseQuery, IntakeQuery, IntakeRecord, NewAttachment, NewIntakeRecord } from './port.js';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 1000;

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A record as stored, apart from its case number and attachments (assigned and kept by the adapter). */
export type PreparedIntake = Omit<IntakeRecord, 'caseNumber' | 'attachments'>;

/**
 * Checks a new record and stamps its time. The result is a JSON round trip of the input, so a
 * later `get` returns a deep-equal record from either adapter.
 */
export function prepareIntakeRecord(input: NewIntakeRecord, now: () => Date = () => new Date()): PreparedIntake {
  const problems: Problem[] = [];
  const add = (pointer: string, message: CatalogueMessage) => problems.push(catalogueProblem(pointer, 'intake.invalid', message));
  const field = (key: CatalogueMessage['key'], name: string): CatalogueMessage => ({ key, values: { field: name } });
  if (!isRecord(input)) {
    throw new ValidationFailedError({ key: 'services.cases.records.notObject' }, [catalogueProblem('', 'intake.invalid', { key: 'services.cases.records.notObject' })]);
  }
  if (!isText(input.createdBy)) add('/createdBy', field('services.cases.records.nonEmptyString', 'createdBy'));
  if (!isText(input.receivingDivision) || !isKnownLocality(input.receivingDivision)) {
    add('/receivingDivision', { key: 'services.cases.records.receivingDivision', values: { division: String(input.receivingDivision) } });
  }
  if (!isRecord(input.handling)) add('/handling', field('services.cases.records.object', 'handling'));
  else {
    if (!isText(input.handling.department)) add('/handling/department', { key: 'services.cases.records.department' });
    if (!isText(input.handling.division) || !isKnownLocality(input.handling.division)) {
      add('/handling/division', { key: 'services.cases.records.handlingDivision', values: { division: String(input.handling.division) } });
    }
  }
  if (!isRecord(input.item)) add('/item', field('services.cases.records.object', 'item'));
  else {
    if (!isText(input.item.code)) add('/item/code', field('services.cases.records.nonEmptyString', 'item.code'));
    if (!isText(input.item.hash)) add('/item/hash', field('services.cases.records.nonEmptyString', 'item.hash'));
    if (typeof input.item.name !== 'string') add('/item/name', field('services.cases.records.string', 'item.name'));
    if (!Number.isSafeInteger(input.item.version) || input.item.version < 1) add('/item/version', field('services.cases.records.positiveInteger', 'item.version'));
  }
  if (typeof input.scenario !== 'string') add('/scenario', field('services.cases.records.string', 'scenario'));
  if (!isRecord(input.formData)) add('/formData', field('services.cases.records.object', 'formData'));
  if (!Array.isArray(input.materials) || !input.materials.every((m) => typeof m === 'string')) add('/materials', field('services.cases.records.stringArray', 'materials'));
  if (!isRecord(input.decision) || !isOutcome(input.decision.outcome)) add('/decision', { key: 'services.cases.records.decision' });
  const mismatch = input.browserMismatch ?? null;
  if (mismatch !== null && !isRecord(mismatch)) add('/browserMismatch', field('services.cases.records.objectOrNull', 'browserMismatch'));
  let createdAt = now().toISOString();
  if (input.createdAt !== undefined) {
    const time = typeof input.createdAt === 'string' ? Date.parse(input.createdAt) : Number.NaN;
    if (Number.isNaN(time)) add('/createdAt', { key: 'services.cases.records.createdAt', values: { value: String(input.createdAt) } });
    else createdAt = new Date(time).toISOString();
  }
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.cases.records.invalid' }, problems);
  const record: PreparedIntake = {
    createdAt, createdBy: input.createdBy, receivingDivision: input.receivingDivision,
    handling: { department: input.handling.department, division: input.handling.division },
    item: { code: input.item.code, version: input.item.version, hash: input.item.hash, name: input.item.name },
    scenario: input.scenario, formData: input.formData, materials: input.materials, decision: input.decision,
    browserMismatch: mismatch, decisionId: input.decisionId ?? null,
    ...(input.caseTerms ? { caseTerms: input.caseTerms } : {}),
    ...(input.creditBlacklisted === true ? { creditBlacklisted: true as const } : {}),
  };
  let json: string;
  try {
    json = canonicalJson(record);
  } catch (error) {
    throw new ValidationFailedError({ key: 'services.cases.records.notJson' }, [{ pointer: '', code: 'intake.not-json', message: (error as Error).message }]);
  }
  return JSON.parse(json) as PreparedIntake;
}

export interface NormalizedIntakeQuery {
  division?: string;
  code?: string;
  afterCaseNumber?: string;
  limit: number;
}

export function normalizeIntakeQuery(query: IntakeQuery = {}): NormalizedIntakeQuery {
  const problems: Problem[] = [];
  const out: NormalizedIntakeQuery = { limit: DEFAULT_PAGE };
  for (const key of ['division', 'code', 'afterCaseNumber'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') problems.push(catalogueProblem(`/${key}`, 'intake.query', { key: 'services.cases.records.string', values: { field: key } }));
    else out[key] = value;
  }
  if (query.limit !== undefined) {
    if (typeof query.limit !== 'number' || Number.isNaN(query.limit)) {
      problems.push(catalogueProblem('/limit', 'intake.query', { key: 'services.cases.records.number', values: { field: 'limit' } }));
    }
    else out.limit = Math.trunc(Math.min(Math.max(query.limit, 1), MAX_PAGE));
  }
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.cases.query.invalid' }, problems);
  return out;
}

const nextAttachmentId = decisionIdGenerator();

/** A fresh attachment id: 'A' + the same time-sortable 26 characters as decision ids. */
export function newAttachmentId(): string {
  return `A${nextAttachmentId().slice(1)}`;
}

/** A material id of the standard, as an attachment names it. */
const MATERIAL_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Checks an attachment and gives it its id, size and SHA-256. The name loses any directory part. */
export function prepareAttachment(input: NewAttachment): AttachmentMeta & { data: Buffer } {
  const problems: Problem[] = [];
  const add = (pointer: string, key: CatalogueMessage['key']) => problems.push(catalogueProblem(pointer, 'attachment.invalid', { key }));
  const name = typeof input?.name === 'string' ? (input.name.split(/[\\/]/).pop() ?? '').trim() : '';
  if (name === '' || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) add('/name', 'services.cases.attachment.name');
  if (!isText(input?.contentType) || input.contentType.length > 100) add('/contentType', 'services.cases.attachment.contentType');
  if (!(input?.data instanceof Uint8Array) || input.data.byteLength === 0) add('/data', 'services.cases.attachment.empty');
  if (input?.materialId !== undefined && !(isText(input.materialId) && MATERIAL_ID.test(input.materialId))) add('/materialId', 'services.cases.attachment.materialId');
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.cases.attachment.invalid' }, problems);
  const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  return {
    id: newAttachmentId(), name, contentType: input.contentType, size: data.byteLength, sha256: createHash('sha256').update(data).digest('hex'),
    ...(input.materialId !== undefined ? { materialId: input.materialId } : {}), data,
  };
}

export interface NormalizedCaseQuery extends Omit<CaseQuery, 'limit' | 'within'> {
  /** Division codes from `within`: those starting with this prefix (absent: the whole region). */
  divisionPrefix?: string;
  limit: number;
}

/**
 * The digits a locality's own code and every code below it start with: 150000 → '15',
 * 150100 → '1501', 150102 → '150102'.
 */
export function divisionPrefix(code: string): string {
  if (code.length !== 6) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function normalizeCaseQuery(query: CaseQuery = {}): NormalizedCaseQuery {
  const problems: Problem[] = [];
  const add = (key: string, message: CatalogueMessage) => problems.push(catalogueProblem(`/${key}`, 'case.query', message));
  const out: NormalizedCaseQuery = { limit: DEFAULT_PAGE };
  for (const key of ['code', 'department', 'holderDivision', 'applicantKey', 'caseNumber', 'afterCaseNumber'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') add(key, { key: 'services.cases.records.string', values: { field: key } });
    else out[key] = value;
  }
  if (query.within !== undefined) {
    if (typeof query.within !== 'string' || !/^\d{6}(\d{3}(\d{3})?)?$/.test(query.within)) add('within', { key: 'services.cases.records.within' });
    else if (query.within !== '150000') out.divisionPrefix = divisionPrefix(query.within);
  }
  for (const key of ['dueBefore', 'dueOnOrBefore'] as const) {
    const value = query[key];
    if (value === undefined) continue;
    if (!isIsoDate(value)) add(key, { key: 'services.cases.records.isoDate', values: { field: key } });
    else out[key] = value;
  }
  if (query.statuses !== undefined) {
    if (!Array.isArray(query.statuses) || !query.statuses.every(isCaseStatus)) add('statuses', { key: 'services.cases.records.statuses' });
    else if (query.statuses.length > 0) out.statuses = [...query.statuses];
  }
  if (query.limit !== undefined) {
    if (typeof query.limit !== 'number' || Number.isNaN(query.limit)) add('limit', { key: 'services.cases.records.number', values: { field: 'limit' } });
    else out.limit = Math.trunc(Math.min(Math.max(query.limit, 1), MAX_PAGE));
  }
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.cases.query.invalid' }, problems);
  return out;
}
