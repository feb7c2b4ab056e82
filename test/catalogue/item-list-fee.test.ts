import { fixedClock, validateConfig } from '../../engine/core/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importItemList } from '../../engine/services/index.js';
import { tempStore, type TempStore } from './helpers.js';

const RS = '内蒙古自治区人力资源和社会保障厅';

const LIST = [
  '序号,事项名称,实施部门,事项类型,办件类型,通办范围,是否收费,收费标准,收费依据,送达方式',
  `1,社会保障卡补换,${RS},公共服务,即办件,全区通办,是,每卡 20 元,《关于社会保障卡工本费的通知》,"窗口领取、邮寄送达"`,
  `2,参保证明打印,${RS},公共服务,即办件,全区通办,否,,,electronic`,
  `3,某收费事项,${RS},公共服务,即办件,全区通办,是,,,飞鸽传书`,
  `4,某事项,${RS},公共服务,即办件,全区通办,也许,,,`,
].join('\r\n');

describe('item list import: 收费 and 送达方式 columns', () => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore({ seed: true });
  });
  afterEach(async () => t.close());

  it('carries the fee and the delivery methods into the draft skeleton, and names every bad cell', async () => {
    const report = await importItemList({ csv: LIST, ...t, actor: 'importer', clock: fixedClock('2025-06-01T00:00:00.000Z') });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([[2, 'created'], [3, 'created'], [4, 'rejected'], [5, 'rejected']]);
    expect(report.rows[2]?.reasons).toEqual(['「是否收费」为「是」时须填写「收费标准」', '「是否收费」为「是」时须填写「收费依据」', expect.stringContaining('「送达方式」的值「飞鸽传书」不在代码表中')]);
    expect(report.rows[3]?.reasons).toEqual(['「是否收费」的值「也许」应为「是」或「否」']);
    const first = await t.store.getDraft(report.rows[0]?.code as string);
    expect(first?.config.standard.fee).toEqual({ charged: true, standard: '每卡 20 元', basis: '《关于社会保障卡工本费的通知》' });
    expect(first?.config.standard.deliveryMethods).toEqual(['window', 'post']);
    expect(validateConfig(first!.config).filter((p) => p.pointer.startsWith('/standard/fee') || p.pointer.startsWith('/standard/deliveryMethods'))).toEqual([]);
    const second = await t.store.getDraft(report.rows[1]?.code as string);
    expect(second?.config.standard.fee).toEqual({ charged: false });
    expect(second?.config.standard.deliveryMethods).toEqual(['electronic']);
  });
});
