import { systemClock, type Clock } from '../../core/clock/index.js';
import type { Principal } from '../../core/access/principal.js';
import { catalogueProblem, ForbiddenError, NotFoundError, ValidationFailedError, type Problem } from '../../core/errors.js';
import { uiText, type CatalogueKey } from '../../core/i18n/catalogue/catalogue.js';
import type { DataListEntry, NegativeEntry, ResponsibilityEntry } from '../../core/model/programme-records.js';
import { commitmentStatuses, dataListKinds, isCommitmentStatus, labelOf, type DataListKind, type Language } from '../../core/vocabulary/index.js';
import { toCsv } from '../../core/csv/csv.js';
import type { ConfigStore } from '../../ports/config-store/port.js';

const MAX_TEXT = 500;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Each field's column heading in the designer's list (数源部门, 数据项, …), named in a problem. */
const FIELD_TITLES: Record<string, CatalogueKey> = {
  department: 'designer.lists.col.department', dataItem: 'designer.lists.col.dataItem', interfaceName: 'designer.lists.col.interfaceName', sharingMethod: 'designer.lists.col.sharingMethod',
  dueDate: 'designer.lists.col.dueDate', status: 'designer.lists.col.status', basis: 'designer.lists.col.basis', note: 'designer.lists.col.note',
};
const titleOf = (field: string): string => (FIELD_TITLES[field] ? uiText(FIELD_TITLES[field]) : field);

function text(body: Record<string, unknown>, field: string, problems: Problem[], required = true): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) problems.push(catalogueProblem(`/${field}`, 'list.required', { key: 'services.lists.required', values: { title: titleOf(field) } }));
    return undefined;
  }
  if (typeof value !== 'string' || value.length > MAX_TEXT) {
    problems.push(catalogueProblem(`/${field}`, 'list.text', { key: 'services.lists.textTooLong', values: { title: titleOf(field), max: MAX_TEXT } }));
    return undefined;
  }
  return value.trim();
}

/** Checks a posted entry of the 责任清单 or 负面清单, reporting every problem at once. */
export function parseDataListEntry(kind: DataListKind, id: string, raw: unknown, updatedAt: string, updatedBy: string): DataListEntry {
  const problems: Problem[] = [];
  if (!ID_PATTERN.test(id)) problems.push(catalogueProblem('/id', 'list.id', { key: 'services.lists.idFormat' }));
  const body = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!body) throw new ValidationFailedError({ key: 'services.lists.notObject' }, [catalogueProblem('', 'list.object', { key: 'services.lists.notObject' })]);
  const known = new Set(['department', 'dataItem', 'note', ...(kind === 'responsibility' ? ['interfaceName', 'sharingMethod', 'dueDate', 'status'] : ['basis'])]);
  for (const key of Object.keys(body)) {
    if (!known.has(key) && !['id', 'kind', 'updatedAt', 'updatedBy'].includes(key)) problems.push(catalogueProblem(`/${key}`, 'list.unknown-field', { key: 'services.lists.unknownField', values: { list: labelOf(dataListKinds, kind), key } }));
  }
  const department = text(body, 'department', problems);
  const dataItem = text(body, 'dataItem', problems);
  const note = text(body, 'note', problems, false);
  const common = { id, department: department ?? '', dataItem: dataItem ?? '', ...(note !== undefined ? { note } : {}), updatedAt, updatedBy };
  let entry: DataListEntry;
  if (kind === 'responsibility') {
    const interfaceName = text(body, 'interfaceName', problems);
    const sharingMethod = text(body, 'sharingMethod', problems);
    const dueDate = text(body, 'dueDate', problems);
    if (dueDate !== undefined && !DATE_PATTERN.test(dueDate)) problems.push(catalogueProblem('/dueDate', 'list.date', { key: 'services.lists.dateFormat', values: { title: titleOf('dueDate') } }));
    const status = body.status ?? 'planned';
    if (!isCommitmentStatus(status)) {
      const separator = uiText('server.listSeparator');
      problems.push(catalogueProblem('/status', 'list.status', { key: 'services.lists.statusOneOf', values: { title: titleOf('status'), labels: commitmentStatuses.codes.map((c) => labelOf(commitmentStatuses, c)).join(separator), codes: commitmentStatuses.codes.join(separator) } }));
    }
    entry = { kind, ...common, interfaceName: interfaceName ?? '', sharingMethod: sharingMethod ?? '', dueDate: dueDate ?? '', status: isCommitmentStatus(status) ? status : 'planned' } satisfies ResponsibilityEntry;
  } else {
    const basis = text(body, 'basis', problems);
    entry = { kind, ...common, basis: basis ?? '' } satisfies NegativeEntry;
  }
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.lists.entryProblems', values: { list: labelOf(dataListKinds, kind), count: problems.length } }, problems);
  return entry;
}

/** Only the region's administrators and the authors of the providing department may change its entries. */
function assertMayEdit(principal: Principal, department: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'author' && principal.department === department) return;
  throw new ForbiddenError({ key: 'services.lists.mayNotEdit', values: { name: principal.name, department } }, { department, principalDepartment: principal.department });
}

export interface DataListWrite {
  store: ConfigStore;
  clock?: Clock;
  kind: DataListKind;
  id: string;
  principal: Principal;
}

/** Creates or replaces an entry; the department of both the new and the replaced entry must be the editor's. */
export async function putDataListEntry({ store, clock = systemClock, kind, id, principal, body }: DataListWrite & { body: unknown }): Promise<{ entry: DataListEntry; created: boolean }> {
  const entry = parseDataListEntry(kind, id, body, clock().toISOString(), principal.id);
  assertMayEdit(principal, entry.department);
  const existing = (await store.listDataListEntries(kind)).find((e) => e.id === id);
  if (existing) assertMayEdit(principal, existing.department);
  const replaced = await store.putDataListEntry(entry);
  return { entry, created: replaced === null };
}

export async function deleteDataListEntry({ store, kind, id, principal }: DataListWrite): Promise<void> {
  const existing = (await store.listDataListEntries(kind)).find((e) => e.id === id);
  if (!existing) throw new NotFoundError({ key: 'services.lists.noSuchEntry', values: { list: labelOf(dataListKinds, kind), id } }, { kind, id });
  assertMayEdit(principal, existing.department);
  await store.deleteDataListEntry(kind, id);
}

const RESPONSIBILITY_COLUMNS: readonly CatalogueKey[] = ['designer.lists.col.id', 'designer.lists.col.department', 'designer.lists.col.dataItem', 'designer.lists.col.interfaceName', 'designer.lists.col.sharingMethod', 'designer.lists.col.dueDate', 'designer.lists.col.status', 'designer.lists.col.note', 'services.lists.col.updatedAt', 'designer.lists.col.updatedBy'];
const NEGATIVE_COLUMNS: readonly CatalogueKey[] = ['designer.lists.col.id', 'designer.lists.col.department', 'designer.lists.col.dataItem', 'designer.lists.col.basis', 'designer.lists.col.note', 'services.lists.col.updatedAt', 'designer.lists.col.updatedBy'];

/** The CSV export's headings of a list, in `language`. */
export function dataListCsvHeader(kind: DataListKind, language: Language = 'zh-CN'): string[] {
  return (kind === 'responsibility' ? RESPONSIBILITY_COLUMNS : NEGATIVE_COLUMNS).map((key) => uiText(key, language));
}
export const RESPONSIBILITY_CSV_HEADER: readonly string[] = dataListCsvHeader('responsibility');
export const NEGATIVE_CSV_HEADER: readonly string[] = dataListCsvHeader('negative');

/** One line per entry (UTF-8 with BOM, as the other exports); people by the name `nameOf` gives. */
export function dataListCsv(kind: DataListKind, entries: readonly DataListEntry[], nameOf: (id: string) => string = (id) => id, sharingMethodLabel: (code: string) => string = (code) => code, language: Language = 'zh-CN'): string {
  const rows: (string | number)[][] = [dataListCsvHeader(kind, language)];
  for (const e of entries) {
    if (e.kind === 'responsibility') rows.push([e.id, e.department, e.dataItem, e.interfaceName, sharingMethodLabel(e.sharingMethod), e.dueDate, labelOf(commitmentStatuses, e.status, language), e.note ?? '', e.updatedAt, nameOf(e.updatedBy)]);
    else rows.push([e.id, e.department, e.dataItem, e.basis, e.note ?? '', e.updatedAt, nameOf(e.updatedBy)]);
  }
  return toCsv(rows);
}
