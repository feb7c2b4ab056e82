import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/canonical/index.js';
import { decisionIdGenerator } from '../decision-log/ids.js';
import { isKnownLocality } from '../../core/divisions/index.js';
import { ValidationFailedError, type Problem } from '../../core/errors.js';
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
  const add = (pointer: string, message: string) => problems.push({ pointer, code: 'intake.invalid', message });
  if (!isRecord(input)) throw new ValidationFailedError('办件记录应为对象', [{ pointer: '', code: 'intake.invalid', message: '办件记录应为对象' }]);
  if (!isText(input.createdBy)) add('/createdBy', 'createdBy 应为非空字符串');
  if (!isText(input.receivingDivision) || !isKnownLocality(input.receivingDivision)) add('/receivingDivision', `受理地「${String(input.receivingDivision)}」不是内蒙古自治区的行政区划代码`);
  if (!isRecord(input.handling)) add('/handling', 'handling 应为对象');
  else {
    if (!isText(input.handling.department)) add('/handling/department', '实施部门应为非空字符串');
    if (!isText(input.handling.division) || !isKnownLocality(input.handling.division)) add('/handling/division', `办理地「${String(input.handling.division)}」不是内蒙古自治区的行政区划代码`);
  }
  if (!isRecord(input.item)) add('/item', 'item 应为对象');
  else {
    if (!isText(input.item.code)) add('/item/code', 'item.code 应为非空字符串');
    if (!isText(input.item.hash)) add('/item/hash', 'item.hash 应为非空字符串');
    if (typeof input.item.name !== 'string') add('/item/name', 'item.name 应为字符串');
    if (!Number.isSafeInteger(input.item.version) || input.item.version < 1) add('/item/version', 'item.version 应为正整数');
  }
  if (typeof input.scenario !== 'string') add('/scenario', 'scenario 应为字符串');
  if (!isRecord(input.formData)) add('/formData', 'formData 应为对象');
  if (!Array.isArray(input.materials) || !input.materials.every((m) => typeof m === 'string')) add('/materials', 'materials 应为字符串数组');
  if (!isRecord(input.decision) || !isOutcome(input.decision.outcome)) add('/decision', 'decision 应为评估结果对象');
  const mismatch = input.browserMismatch ?? null;
  if (mismatch !== null && !isRecord(mismatch)) add('/browserMismatch', 'browserMismatch 应为对象或 null');
  let createdAt = now().toISOString();
  if (input.createdAt !== undefined) {
    const time = typeof input.createdAt === 'string' ? Date.parse(input.createdAt) : Number.NaN;
    if (Number.isNaN(time)) add('/createdAt', `createdAt「${String(input.createdAt)}」不是 ISO 8601 时间`);
    else createdAt = new Date(time).toISOString();
  }
  if (problems.length > 0) throw new ValidationFailedError('办件记录有误', problems);
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
    throw new ValidationFailedError('办件记录不能表示为 JSON', [{ pointer: '', code: 'intake.not-json', message: (error as Error).message }]);
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
    if (typeof value !== 'string') problems.push({ pointer: `/${key}`, code: 'intake.query', message: `${key} 应为字符串` });
    else out[key] = value;
  }
  if (query.limit !== undefined) {
    if (typeof query.limit !== 'number' || Number.isNaN(query.limit)) problems.push({ pointer: '/limit', code: 'intake.query', message: 'limit 应为数字' });
    else out.limit = Math.trunc(Math.min(Math.max(query.limit, 1), MAX_PAGE));
  }
  if (problems.length > 0) throw new ValidationFailedError('办件查询有误', problems);
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
  const add = (pointer: string, message: string) => problems.push({ pointer, code: 'attachment.invalid', message });
  const name = typeof input?.name === 'string' ? (input.name.split(/[\\/]/).pop() ?? '').trim() : '';
  if (name === '' || name.length > 255 || /[\u0000-\u001f\u007f]/.test(name)) add('/name', '附件名称应为 1–255 个字符，且不含控制字符');
  if (!isText(input?.contentType) || input.contentType.length > 100) add('/contentType', '附件类型应为非空字符串');
  if (!(input?.data instanceof Uint8Array) || input.data.byteLength === 0) add('/data', '附件内容为空');
  if (input?.materialId !== undefined && !(isText(input.materialId) && MATERIAL_ID.test(input.materialId))) add('/materialId', '材料编号应为 1–64 个字母、数字、点、下划线或连字符');
  if (problems.length > 0) throw new ValidationFailedError('附件有误', problems);
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
  const add = (key: string, message: string) => problems.push({ pointer: `/${key}`, code: 'case.query', message });
  const out: NormalizedCaseQuery = { limit: DEFAULT_PAGE };
  for (const key of ['code', 'department', 'holderDivision', 'applicantKey', 'caseNumber', 'afterCaseNumber'] as const) {
    const value = query[key];
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string') add(key, `${key} 应为字符串`);
    else out[key] = value;
  }
  if (query.within !== undefined) {
    if (typeof query.within !== 'string' || !/^\d{6}(\d{3}(\d{3})?)?$/.test(query.within)) add('within', 'within 应为行政区划代码');
    else if (query.within !== '150000') out.divisionPrefix = divisionPrefix(query.within);
  }
  for (const key of ['dueBefore', 'dueOnOrBefore'] as const) {
    const value = query[key];
    if (value === undefined) continue;
    if (!isIsoDate(value)) add(key, `${key} 应为 YYYY-MM-DD 日期`);
    else out[key] = value;
  }
  if (query.statuses !== undefined) {
    if (!Array.isArray(query.statuses) || !query.statuses.every(isCaseStatus)) add('statuses', 'statuses 应为办件状态列表');
    else if (query.statuses.length > 0) out.statuses = [...query.statuses];
  }
  if (query.limit !== undefined) {
    if (typeof query.limit !== 'number' || Number.isNaN(query.limit)) add('limit', 'limit 应为数字');
    else out.limit = Math.trunc(Math.min(Math.max(query.limit, 1), MAX_PAGE));
  }
  if (problems.length > 0) throw new ValidationFailedError('办件查询有误', problems);
  return out;
}
