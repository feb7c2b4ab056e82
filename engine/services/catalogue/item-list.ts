import { systemClock, type Clock } from '../../core/clock/index.js';
import type { Coded, ItemConfig } from '../../core/config/types.js';
import { TongbanError } from '../../core/errors.js';
import { uiText, type CatalogueKey } from '../../core/i18n/catalogue/catalogue.js';
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

/** A sentence of the item list's report or of a skeleton draft: in Chinese, the source (the list's own language). */
const text = (key: CatalogueKey, values?: Record<string, string | number>) => uiText(key, 'zh-CN', values);

/**
 * Columns of an item list (事项清单). Each column's canonical header is its catalogue heading; the other
 * headers are spellings found in the region's templates (data matched against a file, not text shown). Headers are matched after trimming, dropping a required-mark
 * asterisk and a parenthesised note, so "事项类型*" and "事项类型（代码或名称）" both match.
 */
export const ITEM_LIST_COLUMNS: readonly ColumnSpec[] = [
  { key: 'seq', headers: [text('designer.auditor.trail.col.seq')], required: false },
  { key: 'code', headers: [text('services.catalogue.itemList.column.code'), '事项编码', '实施编码'], required: false },
  { key: 'name', headers: [text('services.catalogue.itemList.column.name')], required: true },
  { key: 'department', headers: [text('services.catalogue.itemList.column.department'), '实施主体'], required: true },
  { key: 'itemType', headers: [text('services.catalogue.itemList.column.itemType')], required: true },
  { key: 'caseType', headers: [text('services.catalogue.itemList.column.caseType')], required: true },
  { key: 'scope', headers: [text('services.catalogue.itemList.column.scope')], required: true },
  { key: 'serviceObjects', headers: [text('services.catalogue.itemList.column.serviceObjects')], required: false },
  { key: 'exerciseLevels', headers: [text('services.catalogue.itemList.column.exerciseLevels')], required: false },
  { key: 'promisedTimeLimit', headers: [text('services.catalogue.itemList.column.promisedTimeLimit')], required: false },
  { key: 'statutoryTimeLimit', headers: [text('services.catalogue.itemList.column.statutoryTimeLimit')], required: false },
  { key: 'charged', headers: [text('services.catalogue.itemList.column.charged')], required: false },
  { key: 'feeStandard', headers: [text('services.catalogue.itemList.column.feeStandard')], required: false },
  { key: 'feeBasis', headers: [text('services.catalogue.itemList.column.feeBasis')], required: false },
  { key: 'deliveryMethods', headers: [text('runtime.caseActions.deliveryMethod')], required: false },
];

// The spellings of yes and no a list may use (data matched against a cell).
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

/** The code tables' own entries (labels as the standard's schema defines them). */
function coded(name: EnumerationName, code: string): Coded {
  const value = enumeration(name).find((v) => v.code === code);
  if (!value) throw new Error(`${name} has no code ${code}`);
  return { code: value.code, label: value.label };
}

const WORKING_DAYS: Coded = coded('timeLimitUnit', 'WD');

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
      legalBasis: { powerSource: coded('powerSource', '1'), provisions: [] },
      resultType: { code: '', label: '' },
      resultName: '',
      resultSample: { description: '' },
      exerciseLevels: fields.exerciseLevels ?? [],
      statutoryTimeLimit: fields.statutoryTimeLimit ?? { value: null, unit: WORKING_DAYS, note: text('services.catalogue.itemList.toBeCompleted') },
      promisedTimeLimit: fields.promisedTimeLimit ?? { value: 0, unit: WORKING_DAYS, ...(immediate ? {} : { note: text('services.catalogue.itemList.toBeCompleted') }) },
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
    for (const column of missing) reasons.push(text('services.catalogue.itemList.missingColumn', { column }));
    for (const spec of ITEM_LIST_COLUMNS) {
      if (spec.required && index[spec.key] !== undefined && cell(spec.key) === '') reasons.push(text('services.catalogue.itemList.emptyCell', { column: spec.headers[0] as string }));
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      reasons.push(text('services.catalogue.itemList.tooManyCells', { cells: cells.length, header: header.length }));
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
          const options = enumeration(enumName).map((v) => `${v.code} ${v.label}`).join(text('server.listSeparator'));
          reasons.push(text('services.catalogue.itemList.notInCodeTable', { column: headerOf(key), value: part, options }));
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
      else reasons.push(text('services.catalogue.itemList.badTimeLimit', { column: headerOf(key), value: raw }));
    }

    // 收费 and 送达方式 where the list has them: a charged item needs its standard and basis, as the schema says.
    let fee: { charged: boolean; standard?: string; basis?: string } | undefined;
    const charged = cell('charged');
    if (charged !== '') {
      if (YES.has(charged)) {
        fee = { charged: true, standard: cell('feeStandard'), basis: cell('feeBasis') };
        if (!fee.standard) reasons.push(text('services.catalogue.itemList.feeStandardNeeded'));
        if (!fee.basis) reasons.push(text('services.catalogue.itemList.feeBasisNeeded'));
      } else if (NO.has(charged)) fee = { charged: false };
      else reasons.push(text('services.catalogue.itemList.badCharged', { value: charged }));
    }
    const delivery: DeliveryMethod[] = [];
    for (const part of cell('deliveryMethods').split(/[、,，;；/|\n]+/).map((p) => p.trim()).filter(Boolean)) {
      const method = deliveryMethodOf(part);
      if (method) { if (!delivery.includes(method)) delivery.push(method); }
      else reasons.push(text('services.catalogue.itemList.notInCodeTable', { column: headerOf('deliveryMethods'), value: part, options: deliveryMethods.codes.map((c) => `${c} ${labelOf(deliveryMethods, c)}`).join(text('server.listSeparator')) }));
    }

    const name = cell('name');
    if (name) {
      const key = normalise(name);
      const earlier = namesInFile.get(key);
      const existing = existingNames.get(key);
      if (earlier !== undefined) reasons.push(text('services.catalogue.itemList.nameDuplicate', { name, row: earlier }));
      else if (existing !== undefined) reasons.push(text('services.catalogue.itemList.nameExists', { name, code: existing }));
      else namesInFile.set(key, row);
    }

    const department = cell('department');
    if (department && !departments.has(normalise(department))) {
      reasons.push(text('services.catalogue.itemList.unknownDepartment', { department }));
    }

    let code = cell('code');
    if (code === '') {
      const seq = cell('seq');
      if (/^\d{1,9}$/.test(seq) && Number(seq) > 0) code = `${prefix}-${seq.padStart(4, '0')}`;
      else if (seq === '') reasons.push(text('services.catalogue.itemList.noCodeNoSeq'));
      else reasons.push(text('services.catalogue.itemList.badSeq', { seq }));
    } else if (!isItemCode(code)) {
      reasons.push(text('services.catalogue.itemList.badCode', { code }));
    }
    if (isItemCode(code)) {
      const earlier = codesInFile.get(code);
      if (earlier !== undefined) reasons.push(text('services.catalogue.itemList.codeDuplicate', { code, row: earlier }));
      else if (existingCodes.has(code)) reasons.push(text('services.catalogue.itemList.codeExists', { code }));
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
      text('services.catalogue.itemList.skeletonNote', { row }),
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
          reason: text('services.catalogue.itemList.auditReason'), details: { source: 'item-list-csv', row: report.row },
        });
      } catch (error) {
        if (!(error instanceof TongbanError) || error.status >= 500) throw error;
        report.status = 'rejected';
        report.reasons.push(text('services.catalogue.itemList.draftFailed', { message: error.message }));
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
