import { systemClock, type Clock } from '../../core/clock/index.js';
import type { Coded, ItemConfig } from '../../core/config/types.js';
import { TongbanError } from '../../core/errors.js';
import type { ItemLifecycle } from '../items/item-lifecycle.js';
import { enumeration, type EnumerationName } from '../../core/standard/standard-schemas.js';
import type { ConfigStore } from '../../ports/config-store/port.js';
import { parseCsvRecords } from '../../core/csv/csv.js';
import { deliveryMethods, isItemCode, labelOf, type DeliveryMethod } from '../../core/vocabulary/index.js';

type ColumnKey = 'seq' | 'code' | 'name' | 'department' | 'itemType' | 'caseType' | 'scope' | 'serviceObjects' | 'exerciseLevels' | 'promisedTimeLimit' | 'statutoryTimeLimit' | 'charged' | 'feeStandard' | 'feeBasis' | 'deliveryMethods';

interface ColumnSpec {
  key: ColumnKey;
  /** The header as the region's templates write it; first is the canonical one. */
  headers: string[];
  required: boolean;
}

/**
 * Columns of an item list (事项清单). Headers are matched after trimming, dropping a required-mark
 * asterisk and a parenthesised note, so "事项类型*" and "事项类型（代码或名称）" both match.
 */
export const ITEM_LIST_COLUMNS: readonly ColumnSpec[] = [
  { key: 'seq', headers: ['序号'], required: false },
  { key: 'code', headers: ['编码', '事项编码', '实施编码'], required: false },
  { key: 'name', headers: ['事项名称'], required: true },
  { key: 'department', headers: ['实施部门', '实施主体'], required: true },
  { key: 'itemType', headers: ['事项类型'], required: true },
  { key: 'caseType', headers: ['办件类型'], required: true },
  { key: 'scope', headers: ['通办范围'], required: true },
  { key: 'serviceObjects', headers: ['服务对象'], required: false },
  { key: 'exerciseLevels', headers: ['行使层级'], required: false },
  { key: 'promisedTimeLimit', headers: ['承诺办理时限'], required: false },
  { key: 'statutoryTimeLimit', headers: ['法定办理时限'], required: false },
  { key: 'charged', headers: ['是否收费'], required: false },
  { key: 'feeStandard', headers: ['收费标准'], required: false },
  { key: 'feeBasis', headers: ['收费依据'], required: false },
  { key: 'deliveryMethods', headers: ['送达方式'], required: false },
];

const YES = new Set(['是', '收费', 'Y', 'y', '1']);
const NO = new Set(['否', '不收费', 'N', 'n', '0']);

/** A delivery method written as its name (窗口领取) or its code (window). */
function deliveryMethodOf(text: string): DeliveryMethod | undefined {
  return deliveryMethods.codes.find((code) => code === text || labelOf(deliveryMethods, code) === text);
}

const ENUMERATED: Partial<Record<ColumnKey, EnumerationName>> = {
  itemType: 'itemType',
  caseType: 'caseType',
  scope: 'scope',
  serviceObjects: 'serviceObject',
  exerciseLevels: 'exerciseLevel',
};

const WORKING_DAYS: Coded = { code: 'WD', label: '工作日' };

export interface ItemListRowReport {
  /** The row as a spreadsheet numbers it: the header is row 1, the first item row 2. */
  row: number;
  status: 'created' | 'rejected';
  code?: string;
  name?: string;
  reasons: string[];
}

export interface ItemListImportReport {
  /** True when the header has every required column and every row was created. */
  ok: boolean;
  dryRun: boolean;
  created: number;
  rejected: number;
  columns: { recognised: Partial<Record<ColumnKey, string>>; missing: string[]; ignored: string[] };
  rows: ItemListRowReport[];
}

export interface ItemListImportOptions {
  actor: string;
  /**
   * Departments accepted besides those of the items already in the store (实施部门 names). A row
   * naming any other department is rejected, so a typo never becomes a new department.
   */
  departments?: readonly string[];
  /** Prefix of generated codes (`<prefix>-<序号 padded to 4>`); default IMPORT. */
  codePrefix?: string;
  dryRun?: boolean;
  onProgress?: (progress: { index: number; total: number; row: number; code: string | null; status: ItemListRowReport['status'] }) => void;
}

/** Comparable form of names and headers: NFKC (full-width to half-width), no surrounding or inner spaces. */
function normalise(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').trim();
}

function headerKey(header: string): string {
  return normalise(header).replace(/[*]/g, '').replace(/\(.*\)$/, '');
}

/** A coded value from its code or its label (also a label without its parenthesised note). */
export function codedValue(name: EnumerationName, raw: string): Coded | null {
  const wanted = normalise(raw);
  const values = enumeration(name);
  return (
    values.find((v) => v.code === wanted) ??
    values.find((v) => normalise(v.label) === wanted) ??
    values.find((v) => normalise(v.label).replace(/\(.*\)$/, '') === wanted) ??
    null
  );
}

function timeLimit(raw: string): { value: number; unit: Coded } | null {
  const match = /^(\d{1,4})(?:个)?(工作日|自然日|小时|月)?$/.exec(normalise(raw));
  if (!match) return null;
  const unit = match[2] ? enumeration('timeLimitUnit').find((u) => u.label === match[2]) : WORKING_DAYS;
  return unit ? { value: Number(match[1]), unit } : null;
}

interface Candidate {
  row: number;
  code: string;
  config: ItemConfig;
}

/**
 * The draft skeleton of a listed item: the standard's elements that the list gives, and empty
 * values for the rest (no materials, scenarios, form fields, rules or examples). Validation names
 * everything the department still has to complete before the draft can be submitted.
 */
export function draftSkeleton(fields: {
  code: string; name: string; department: string; itemType: Coded; caseType: Coded; scope: Coded;
  serviceObjects?: Coded[]; exerciseLevels?: Coded[]; promisedTimeLimit?: { value: number; unit: Coded }; statutoryTimeLimit?: { value: number; unit: Coded };
}, note: string): ItemConfig {
  const immediate = fields.caseType.code === '1';
  return {
    code: fields.code,
    meta: { note },
    standard: {
      name: fields.name,
      code: fields.code,
      itemType: fields.itemType,
      caseType: fields.caseType,
      serviceObjects: fields.serviceObjects ?? [],
      scope: fields.scope,
      legalBasis: { powerSource: { code: '1', label: '法定本级行使' }, provisions: [] },
      resultType: { code: '', label: '' },
      resultName: '',
      resultSample: { description: '' },
      exerciseLevels: fields.exerciseLevels ?? [],
      statutoryTimeLimit: fields.statutoryTimeLimit ?? { value: null, unit: WORKING_DAYS, note: '待实施部门补充' },
      promisedTimeLimit: fields.promisedTimeLimit ?? { value: 0, unit: WORKING_DAYS, ...(immediate ? {} : { note: '待实施部门补充' }) },
      acceptanceConditions: [],
      process: [],
      materials: [],
      scenarios: [],
      reviewPoints: [],
      stageTimeLimits: [],
      materialTemplates: [],
      department: { name: fields.department },
      channel: 'comprehensive-window',
      localFields: ['windowAddress', 'openingHours', 'consultPhone'],
      dataNeeds: [],
    },
    form: { schema: { type: 'object', properties: {} }, uiSchema: {} },
    rules: [],
    examples: [],
  };
}

/**
 * Imports an item list (CSV, e.g. saved from Excel) as draft skeletons that departments then
 * complete. Every row is checked before anything is written; good rows become drafts, bad rows are
 * reported with every reason at once. A CSV syntax error refuses the whole file (CsvSyntaxError).
 */
export async function importItemList({
  csv,
  store,
  lifecycle,
  clock = systemClock,
  ...options
}: ItemListImportOptions & { csv: string; store: ConfigStore; lifecycle: ItemLifecycle; clock?: Clock }): Promise<ItemListImportReport> {
  const records = parseCsvRecords(csv);
  const header = records[0]?.fields ?? [];
  const recognised: Partial<Record<ColumnKey, string>> = {};
  const index: Partial<Record<ColumnKey, number>> = {};
  const ignored: string[] = [];
  header.forEach((raw, i) => {
    const key = headerKey(raw);
    const spec = ITEM_LIST_COLUMNS.find((c) => c.headers.includes(key));
    if (spec && index[spec.key] === undefined) {
      index[spec.key] = i;
      recognised[spec.key] = raw.trim();
    } else if (raw.trim() !== '') ignored.push(raw.trim());
  });
  const missing = ITEM_LIST_COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.headers[0] as string);

  const items = await store.listItems();
  const existingCodes = new Set(items.map((i) => i.code));
  const existingNames = new Map(items.map((i) => [normalise(i.name), i.code]));
  const departments = new Set([...items.map((i) => i.department), ...(options.departments ?? [])].map(normalise).filter(Boolean));
  const prefix = options.codePrefix ?? 'IMPORT';
  const now = () => clock().toISOString();

  const rows: ItemListRowReport[] = [];
  const candidates = new Map<number, Candidate>();
  const namesInFile = new Map<string, number>();
  const codesInFile = new Map<string, number>();

  records.slice(1).forEach((record, i) => {
    const row = i + 2;
    const cells = record.fields;
    if (cells.every((c) => c.trim() === '')) return; // blank line (Excel leaves them at the end)
    const reasons: string[] = [];
    const cell = (key: ColumnKey) => {
      const at = index[key];
      return at === undefined ? '' : (cells[at] ?? '').trim();
    };
    for (const column of missing) reasons.push(`缺少必填列「${column}」`);
    for (const spec of ITEM_LIST_COLUMNS) {
      if (spec.required && index[spec.key] !== undefined && cell(spec.key) === '') reasons.push(`「${spec.headers[0]}」不能为空`);
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      reasons.push(`本行有 ${cells.length} 列，多于表头的 ${header.length} 列（可能有未加引号的逗号）`);
    }

    const coded: Partial<Record<ColumnKey, Coded[]>> = {};
    for (const [key, enumName] of Object.entries(ENUMERATED) as [ColumnKey, EnumerationName][]) {
      const raw = cell(key);
      if (raw === '') continue;
      const parts = key === 'serviceObjects' || key === 'exerciseLevels' ? raw.split(/[、,，;；/|\n]+/).map((p) => p.trim()).filter(Boolean) : [raw];
      const values: Coded[] = [];
      for (const part of parts) {
        const value = codedValue(enumName, part);
        if (value) {
          if (!values.some((v) => v.code === value.code)) values.push(value);
        } else {
          const options = enumeration(enumName).map((v) => `${v.code} ${v.label}`).join('、');
          reasons.push(`「${headerOf(key)}」的值「${part}」不在代码表中（可填：${options}）`);
        }
      }
      coded[key] = values;
    }

    const limits: Partial<Record<'promisedTimeLimit' | 'statutoryTimeLimit', { value: number; unit: Coded }>> = {};
    for (const key of ['promisedTimeLimit', 'statutoryTimeLimit'] as const) {
      const raw = cell(key);
      if (raw === '') continue;
      const limit = raw === '即办' && key === 'promisedTimeLimit' ? { value: 0, unit: WORKING_DAYS } : timeLimit(raw);
      if (limit) limits[key] = limit;
      else reasons.push(`「${headerOf(key)}」的值「${raw}」应为天数，如「20」或「20个工作日」`);
    }

    // 收费 and 送达方式 where the list has them: a charged item needs its standard and basis, as the schema says.
    let fee: { charged: boolean; standard?: string; basis?: string } | undefined;
    const charged = cell('charged');
    if (charged !== '') {
      if (YES.has(charged)) {
        fee = { charged: true, standard: cell('feeStandard'), basis: cell('feeBasis') };
        if (!fee.standard) reasons.push('「是否收费」为「是」时须填写「收费标准」');
        if (!fee.basis) reasons.push('「是否收费」为「是」时须填写「收费依据」');
      } else if (NO.has(charged)) fee = { charged: false };
      else reasons.push(`「是否收费」的值「${charged}」应为「是」或「否」`);
    }
    const delivery: DeliveryMethod[] = [];
    for (const part of cell('deliveryMethods').split(/[、,，;；/|\n]+/).map((p) => p.trim()).filter(Boolean)) {
      const method = deliveryMethodOf(part);
      if (method) { if (!delivery.includes(method)) delivery.push(method); }
      else reasons.push(`「送达方式」的值「${part}」不在代码表中（可填：${deliveryMethods.codes.map((c) => `${c} ${labelOf(deliveryMethods, c)}`).join('、')}）`);
    }

    const name = cell('name');
    if (name) {
      const key = normalise(name);
      const earlier = namesInFile.get(key);
      const existing = existingNames.get(key);
      if (earlier !== undefined) reasons.push(`事项名称「${name}」与第 ${earlier} 行重复`);
      else if (existing !== undefined) reasons.push(`事项名称「${name}」已存在（事项 ${existing}）`);
      else namesInFile.set(key, row);
    }

    const department = cell('department');
    if (department && !departments.has(normalise(department))) {
      reasons.push(`实施部门「${department}」不在已知部门中；请核对名称，或由管理员将其加入部门名单`);
    }

    let code = cell('code');
    if (code === '') {
      const seq = cell('seq');
      if (/^\d{1,9}$/.test(seq) && Number(seq) > 0) code = `${prefix}-${seq.padStart(4, '0')}`;
      else if (seq === '') reasons.push('没有「编码」也没有「序号」，无法生成事项编码');
      else reasons.push(`「序号」应为正整数，而不是「${seq}」`);
    } else if (!isItemCode(code)) {
      reasons.push(`编码「${code}」格式不正确（字母或数字开头，可含字母、数字、点、下划线、连字符，2–64 位）`);
    }
    if (isItemCode(code)) {
      const earlier = codesInFile.get(code);
      if (earlier !== undefined) reasons.push(`编码 ${code} 与第 ${earlier} 行重复`);
      else if (existingCodes.has(code)) reasons.push(`编码 ${code} 已存在`);
      else codesInFile.set(code, row);
    }

    const report: ItemListRowReport = { row, status: reasons.length ? 'rejected' : 'created', reasons, ...(code ? { code } : {}), ...(name ? { name } : {}) };
    rows.push(report);
    if (reasons.length > 0) return;
    const config = draftSkeleton(
      {
        code, name, department,
        itemType: coded.itemType?.[0] as Coded,
        caseType: coded.caseType?.[0] as Coded,
        scope: coded.scope?.[0] as Coded,
        ...(coded.serviceObjects ? { serviceObjects: coded.serviceObjects } : {}),
        ...(coded.exerciseLevels ? { exerciseLevels: coded.exerciseLevels } : {}),
        ...limits,
      },
      `由事项清单导入（第 ${row} 行），待实施部门补全事项标准、表单、规则与样例`,
    );
    if (fee) config.standard.fee = fee;
    if (delivery.length > 0) config.standard.deliveryMethods = delivery;
    candidates.set(row, { row, code, config });
  });

  // Everything checked; now write the good rows.
  const total = rows.length;
  for (const [i, report] of rows.entries()) {
    const candidate = candidates.get(report.row);
    if (candidate && !options.dryRun) {
      try {
        await lifecycle.saveDraft(candidate.code, candidate.config, options.actor, undefined);
        await store.appendAudit({
          at: now(), actor: options.actor, action: 'item.imported', code: candidate.code, version: null,
          reason: '由事项清单导入草稿骨架', details: { source: 'item-list-csv', row: report.row },
        });
      } catch (error) {
        if (!(error instanceof TongbanError) || error.status >= 500) throw error;
        report.status = 'rejected';
        report.reasons.push(`未能创建草稿：${error.message}`);
      }
    }
    options.onProgress?.({ index: i + 1, total, row: report.row, code: report.code ?? null, status: report.status });
  }

  const created = rows.filter((r) => r.status === 'created').length;
  return {
    ok: missing.length === 0 && created === rows.length,
    dryRun: options.dryRun ?? false,
    created,
    rejected: rows.length - created,
    columns: { recognised, missing, ignored },
    rows,
  };
}

function headerOf(key: ColumnKey): string {
  return ITEM_LIST_COLUMNS.find((c) => c.key === key)?.headers[0] ?? key;
}
