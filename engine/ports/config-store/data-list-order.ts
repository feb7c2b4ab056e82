import type { DataListEntry } from '../../core/model/programme-records.js';

const collator = new Intl.Collator('zh-Hans-CN');

/** The order every adapter lists 责任清单 / 负面清单 entries in: department, data item, id (so both stores agree). */
export function sortDataListEntries(entries: DataListEntry[]): DataListEntry[] {
  return entries.sort((a, b) => collator.compare(a.department, b.department) || collator.compare(a.dataItem, b.dataItem) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
