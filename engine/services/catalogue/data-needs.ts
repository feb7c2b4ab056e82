import { systemClock, type Clock } from '../../core/clock/index.js';
import type { Coded, ItemStandard } from '../../core/config/types.js';
import type { ConfigReader } from '../../ports/config-store/port.js';
import type { VersionRecord } from '../../core/model/records.js';
import { toCsv } from '../../core/csv/csv.js';
import { uiText, type CatalogueKey } from '../../core/i18n/catalogue/catalogue.js';
import type { Language } from '../../core/vocabulary/index.js';

/** One item's need for a data item (a line of the notice's §7 "three lists"). */
export interface DataNeedUse {
  code: string;
  name: string;
  /** The department implementing the item (the one that needs the data). */
  department: string;
  version: number;
  sourceSystem: string;
  sharingMethod: Coded;
  frequency: Coded;
  materialId?: string;
  purpose?: string;
}

export interface DataItemEntry {
  dataItem: string;
  sourceSystems: string[];
  sharingMethods: Coded[];
  frequencies: Coded[];
  items: DataNeedUse[];
}

export interface OwningDepartmentEntry {
  owningDepartment: string;
  dataItems: DataItemEntry[];
}

/** The region-wide data-sharing catalogue: owning department → data item → the items needing it. */
export interface DataNeedsCatalogue {
  generatedAt: string;
  /** Published, not withdrawn items whose latest version was read. */
  itemCount: number;
  totals: { departments: number; dataItems: number; needs: number };
  departments: OwningDepartmentEntry[];
}

const collator = new Intl.Collator('zh-Hans-CN');

function addCoded(list: Coded[], value: Coded): void {
  if (!list.some((c) => c.code === value.code)) list.push(value);
}

/** Groups the data needs of the given versions (pure; one version per item). */
export function aggregateDataNeeds(versions: readonly Pick<VersionRecord, 'code' | 'version' | 'config'>[], generatedAt: string): DataNeedsCatalogue {
  const byDepartment = new Map<string, Map<string, DataItemEntry>>();
  let needs = 0;
  for (const version of versions) {
    const standard: ItemStandard = version.config.standard;
    for (const need of standard.dataNeeds ?? []) {
      const owner = need.owningDepartment.trim();
      const dataItem = need.dataItem.trim();
      let items = byDepartment.get(owner);
      if (!items) byDepartment.set(owner, (items = new Map()));
      let entry = items.get(dataItem);
      if (!entry) items.set(dataItem, (entry = { dataItem, sourceSystems: [], sharingMethods: [], frequencies: [], items: [] }));
      if (!entry.sourceSystems.includes(need.sourceSystem)) entry.sourceSystems.push(need.sourceSystem);
      addCoded(entry.sharingMethods, need.sharingMethod);
      addCoded(entry.frequencies, need.frequency);
      entry.items.push({
        code: version.code,
        name: standard.name,
        department: standard.department.name,
        version: version.version,
        sourceSystem: need.sourceSystem,
        sharingMethod: need.sharingMethod,
        frequency: need.frequency,
        ...(need.materialId !== undefined ? { materialId: need.materialId } : {}),
        ...(need.purpose !== undefined ? { purpose: need.purpose } : {}),
      });
      needs += 1;
    }
  }
  const departments = [...byDepartment.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([owningDepartment, items]) => ({
      owningDepartment,
      dataItems: [...items.values()]
        .sort((a, b) => collator.compare(a.dataItem, b.dataItem))
        .map((entry) => ({
          ...entry,
          sourceSystems: [...entry.sourceSystems].sort(collator.compare),
          items: [...entry.items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
        })),
    }));
  return {
    generatedAt,
    itemCount: versions.length,
    totals: { departments: departments.length, dataItems: departments.reduce((n, d) => n + d.dataItems.length, 0), needs },
    departments,
  };
}

/** The catalogue over every published item's latest version; withdrawn items are left out unless asked for. */
export async function dataNeedsCatalogue({ store, clock = systemClock, includeWithdrawn = false }: { store: ConfigReader; clock?: Clock; includeWithdrawn?: boolean }): Promise<DataNeedsCatalogue> {
  const versions: VersionRecord[] = [];
  for (const item of await store.listItems()) {
    if (item.latestVersion === null || (item.withdrawn && !includeWithdrawn)) continue;
    const version = await store.getVersion(item.code, item.latestVersion);
    if (version) versions.push(version);
  }
  return aggregateDataNeeds(versions, clock().toISOString());
}

/** The CSV's columns, in order, by their catalogue headings. */
const DATA_NEEDS_CSV_COLUMNS: readonly CatalogueKey[] = [
  'designer.lists.col.department',
  'designer.lists.col.dataItem',
  'services.catalogue.dataNeeds.sourceSystem',
  'designer.lists.col.sharingMethod',
  'services.catalogue.dataNeeds.frequency',
  'services.catalogue.dataNeeds.itemCode',
  'services.catalogue.dataNeeds.itemName',
  'services.catalogue.dataNeeds.department',
  'services.catalogue.dataNeeds.version',
  'services.catalogue.dataNeeds.material',
  'services.catalogue.dataNeeds.purpose',
];

/** The CSV's header line in `language`. */
export function dataNeedsCsvHeader(language: Language = 'zh-CN'): string[] {
  return DATA_NEEDS_CSV_COLUMNS.map((key) => uiText(key, language));
}

/** The CSV's header line in Chinese (the source). */
export const DATA_NEEDS_CSV_HEADER: readonly string[] = dataNeedsCsvHeader();

/** One line per (owning department, data item, item needing it), in the catalogue's order; headings in `language`. */
export function dataNeedsCsv(catalogue: DataNeedsCatalogue, language: Language = 'zh-CN'): string {
  const rows: (string | number)[][] = [dataNeedsCsvHeader(language)];
  for (const department of catalogue.departments) {
    for (const entry of department.dataItems) {
      for (const use of entry.items) {
        rows.push([
          department.owningDepartment, entry.dataItem, use.sourceSystem, use.sharingMethod.label, use.frequency.label,
          use.code, use.name, use.department, use.version, use.materialId ?? '', use.purpose ?? '',
        ]);
      }
    }
  }
  return toCsv(rows);
}
