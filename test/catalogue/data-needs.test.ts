import { fixedClock, parseCsv, type ItemConfig } from '../../engine/core/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATA_NEEDS_CSV_HEADER, dataNeedsCatalogue, dataNeedsCsv, dataNeedsCsvHeader } from '../../engine/services/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { itemConfig } from '../fixtures/item-config.js';
import { publish, tempStore, type TempStore } from './helpers.js';

const samples = loadSampleCatalogue();
const GA = '内蒙古自治区公安厅';

/** Which items need (owningDepartment, dataItem), straight from the sample files. */
function expectedUsers(owner: string, dataItem: string, configs: readonly ItemConfig[] = samples): string[] {
  return configs.filter((c) => c.standard.dataNeeds.some((n) => n.owningDepartment === owner && n.dataItem === dataItem)).map((c) => c.code).sort();
}

describe('data-sharing catalogue (三清单)', () => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore({ seed: true });
  });
  afterEach(async () => t.close());

  it('groups every published item’s data needs by owning department, then data item', async () => {
    const catalogue = await dataNeedsCatalogue({ store: t.store, clock: fixedClock('2025-06-01T00:00:00.000Z') });
    const needs = samples.reduce((n, c) => n + c.standard.dataNeeds.length, 0);
    const pairs = new Set(samples.flatMap((c) => c.standard.dataNeeds.map((n) => `${n.owningDepartment}\u0000${n.dataItem}`)));
    expect(catalogue).toMatchObject({ generatedAt: '2025-06-01T00:00:00.000Z', itemCount: samples.length });
    expect(catalogue.totals).toEqual({
      departments: new Set(samples.flatMap((c) => c.standard.dataNeeds.map((n) => n.owningDepartment))).size,
      dataItems: pairs.size,
      needs,
    });
    for (const department of catalogue.departments) {
      for (const entry of department.dataItems) {
        expect(entry.items.map((i) => i.code)).toEqual(expectedUsers(department.owningDepartment, entry.dataItem));
      }
    }
    // The police's ID-card data is needed across departments, in real time through an interface.
    const police = catalogue.departments.find((d) => d.owningDepartment === GA);
    const idCard = police?.dataItems.find((d) => d.dataItem === '居民身份证信息');
    expect(idCard?.items.map((i) => i.code)).toEqual(expect.arrayContaining(['SAMPLE-GA-0001', 'SAMPLE-RS-0001', 'SAMPLE-SJ-0001']));
    expect(idCard?.sharingMethods).toEqual([{ code: 'interface', label: '接口调用' }]);
    expect(idCard?.frequencies).toEqual([{ code: 'realtime', label: '实时' }]);
    expect(idCard?.sourceSystems).toEqual(['人口信息管理系统']);
    expect(idCard?.items.find((i) => i.code === 'SAMPLE-RS-0001')).toMatchObject({ department: '内蒙古自治区人力资源和社会保障厅', version: 1, materialId: 'id-card' });
  });

  it('reads each item’s latest version, and leaves withdrawn items out unless asked', async () => {
    const config = itemConfig('DN-0001', '数据需求测试事项');
    await publish(t.lifecycle, t.store, config);
    config.standard.dataNeeds.push({ dataItem: '婚姻登记信息', owningDepartment: '内蒙古自治区民政厅', sourceSystem: '婚姻登记信息管理系统', sharingMethod: { code: 'batch', label: '批量交换' }, frequency: { code: 'daily', label: '每日' } });
    await publish(t.lifecycle, t.store, config);
    const marriage = (await dataNeedsCatalogue({ store: t.store })).departments.find((d) => d.owningDepartment === '内蒙古自治区民政厅')?.dataItems.find((d) => d.dataItem === '婚姻登记信息');
    expect(marriage?.items.find((i) => i.code === 'DN-0001')).toMatchObject({ version: 2, sharingMethod: { code: 'batch' } });
    expect(marriage?.sharingMethods.map((m) => m.code)).toContain('batch');

    await t.lifecycle.withdraw('DN-0001', 'admin', '测试撤销');
    const without = await dataNeedsCatalogue({ store: t.store });
    expect(without.itemCount).toBe(samples.length);
    expect(JSON.stringify(without)).not.toContain('DN-0001');
    expect(JSON.stringify(await dataNeedsCatalogue({ store: t.store, includeWithdrawn: true }))).toContain('DN-0001');
  });

  it('renders as CSV, one line per item need, that Excel opens as UTF-8', async () => {
    const catalogue = await dataNeedsCatalogue({ store: t.store });
    const csv = dataNeedsCsv(catalogue);
    expect(csv.startsWith('\uFEFF数源部门,数据项,')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...DATA_NEEDS_CSV_HEADER]);
    expect(rows).toHaveLength(catalogue.totals.needs + 1);
    const line = rows.find((r) => r[0] === GA && r[1] === '居民身份证信息' && r[5] === 'SAMPLE-GA-0001');
    expect(line).toEqual([GA, '居民身份证信息', '人口信息管理系统', '接口调用', '实时', 'SAMPLE-GA-0001', '无犯罪记录证明', GA, '1', expect.any(String), expect.any(String)]);
  });

  it('heads its columns in Mongolian for a Mongolian reader, the lines unchanged', async () => {
    const catalogue = await dataNeedsCatalogue({ store: t.store });
    const [mnHeader, ...mnLines] = parseCsv(dataNeedsCsv(catalogue, 'mn-Mong'));
    const [, ...zhLines] = parseCsv(dataNeedsCsv(catalogue));
    expect(mnHeader).toEqual(dataNeedsCsvHeader('mn-Mong'));
    expect(mnHeader).toHaveLength(DATA_NEEDS_CSV_HEADER.length);
    for (const heading of mnHeader ?? []) expect(heading).toMatch(/^[\u1800-\u18AF\s\u202F]+$/);
    expect(mnLines).toEqual(zhLines);
  });
});
