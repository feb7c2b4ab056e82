import { systemClock, type Clock } from '../../core/clock/index.js';
import type { Principal } from '../../core/access/principal.js';
import { ForbiddenError, NotFoundError, ValidationFailedError, type Problem } from '../../core/errors.js';
import type { DataListEntry, NegativeEntry, ResponsibilityEntry } from '../../core/model/programme-records.js';
import { commitmentStatuses, dataListKinds, isCommitmentStatus, labelOf, type DataListKind } from '../../core/vocabulary/index.js';
import { toCsv } from '../../core/csv/csv.js';
import type { ConfigStore } from '../../ports/config-store/port.js';

const MAX_TEXT = 500;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const FIELD_TITLES: Record<string, string> = {
  department: '数源部门', dataItem: '数据项', interfaceName: '共享接口', sharingMethod: '共享方式', dueDate: '承诺完成日期', status: '状态', basis: '不予共享依据', note: '备注',
};

function text(body: Record<string, unknown>, field: string, problems: Problem[], required = true): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (required) problems.push({ pointer: `/${field}`, code: 'list.required', message: `请填写「${FIELD_TITLES[field]}」` });
    return undefined;
  }
  if (typeof value !== 'string' || value.length > MAX_TEXT) {
    problems.push({ pointer: `/${field}`, code: 'list.text', message: `「${FIELD_TITLES[field]}」应为不超过 ${MAX_TEXT} 字的文字` });
    return undefined;
  }
  return value.trim();
}

/** Checks a posted entry of the 责任清单 or 负面清单, reporting every problem at once. */
export function parseDataListEntry(kind: DataListKind, id: string, raw: unknown, updatedAt: string, updatedBy: string): DataListEntry {
  const problems: Problem[] = [];
  if (!ID_PATTERN.test(id)) problems.push({ pointer: '/id', code: 'list.id', message: '条目编号应为 1–64 位字母、数字、点、下划线或连字符' });
  const body = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : null;
  if (!body) throw new ValidationFailedError('清单条目应为对象', [{ pointer: '', code: 'list.object', message: '清单条目应为对象' }]);
  const known = new Set(['department', 'dataItem', 'note', ...(kind === 'responsibility' ? ['interfaceName', 'sharingMethod', 'dueDate', 'status'] : ['basis'])]);
  for (const key of Object.keys(body)) {
    if (!known.has(key) && !['id', 'kind', 'updatedAt', 'updatedBy'].includes(key)) problems.push({ pointer: `/${key}`, code: 'list.unknown-field', message: `${labelOf(dataListKinds, kind)}没有「${key}」一项` });
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
    if (dueDate !== undefined && !DATE_PATTERN.test(dueDate)) problems.push({ pointer: '/dueDate', code: 'list.date', message: '「承诺完成日期」应为 YYYY-MM-DD 格式的日期' });
    const status = body.status ?? 'planned';
    if (!isCommitmentStatus(status)) problems.push({ pointer: '/status', code: 'list.status', message: `「状态」应为${commitmentStatuses.codes.map((c) => labelOf(commitmentStatuses, c)).join('、')}之一（代码 ${commitmentStatuses.codes.join('、')}）` });
    entry = { kind, ...common, interfaceName: interfaceName ?? '', sharingMethod: sharingMethod ?? '', dueDate: dueDate ?? '', status: isCommitmentStatus(status) ? status : 'planned' } satisfies ResponsibilityEntry;
  } else {
    const basis = text(body, 'basis', problems);
    entry = { kind, ...common, basis: basis ?? '' } satisfies NegativeEntry;
  }
  if (problems.length > 0) throw new ValidationFailedError(`${labelOf(dataListKinds, kind)}条目有 ${problems.length} 处问题`, problems);
  return entry;
}

/** Only the region's administrators and the authors of the providing department may change its entries. */
function assertMayEdit(principal: Principal, department: string): void {
  if (principal.role === 'admin') return;
  if (principal.role === 'author' && principal.department === department) return;
  throw new ForbiddenError(`「${principal.name}」不能修改${department}的清单条目，只有该部门的编制人员或管理员可以修改`, { department, principalDepartment: principal.department });
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
  if (!existing) throw new NotFoundError(`${labelOf(dataListKinds, kind)}中没有条目 ${id}`, { kind, id });
  assertMayEdit(principal, existing.department);
  await store.deleteDataListEntry(kind, id);
}

export const RESPONSIBILITY_CSV_HEADER = ['条目编号', '数源部门', '数据项', '共享接口', '共享方式', '承诺完成日期', '状态', '备注', '更新时间', '更新人'] as const;
export const NEGATIVE_CSV_HEADER = ['条目编号', '数源部门', '数据项', '不予共享依据', '备注', '更新时间', '更新人'] as const;

/** One line per entry (UTF-8 with BOM, as the other exports); people by the name `nameOf` gives. */
export function dataListCsv(kind: DataListKind, entries: readonly DataListEntry[], nameOf: (id: string) => string = (id) => id, sharingMethodLabel: (code: string) => string = (code) => code): string {
  const rows: (string | number)[][] = [kind === 'responsibility' ? [...RESPONSIBILITY_CSV_HEADER] : [...NEGATIVE_CSV_HEADER]];
  for (const e of entries) {
    if (e.kind === 'responsibility') rows.push([e.id, e.department, e.dataItem, e.interfaceName, sharingMethodLabel(e.sharingMethod), e.dueDate, labelOf(commitmentStatuses, e.status), e.note ?? '', e.updatedAt, nameOf(e.updatedBy)]);
    else rows.push([e.id, e.department, e.dataItem, e.basis, e.note ?? '', e.updatedAt, nameOf(e.updatedBy)]);
  }
  return toCsv(rows);
}
