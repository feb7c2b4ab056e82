import { fixedClock, toCsv, validateConfig } from '../../engine/core/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codedValue, importItemList } from '../../engine/services/index.js';
import { tempStore, type TempStore } from './helpers.js';

const RS = '内蒙古自治区人力资源和社会保障厅';
const GA = '内蒙古自治区公安厅';

/** A list as Excel saves it: BOM, CRLF, a blank line at the end. */
const LIST = '\uFEFF' + [
  '序号,事项名称,实施部门,事项类型,办件类型,通办范围,服务对象,承诺办理时限',
  `1,城乡居民养老保险参保登记,${RS},公共服务,即办件,全区通办,自然人,`,
  `2,"职业资格证书补办",${RS},20,2,2,"自然人、企业法人",10个工作日`,
  `3,失业登记,${RS},公共服务,即办件,全区通办,,`,
  `4,城乡居民养老保险参保登记,${RS},公共服务,即办件,全区通办,,`,
  '5,动物诊疗许可,内蒙古自治区农牧厅,行政许可,承诺件,全区通办,,',
  `6,某事项,${GA},行政审批,承诺件,全区通行,,`,
  `7,,${GA},公共服务,承诺件,全区通办,,`,
  `,无序号事项,${GA},公共服务,承诺件,全区通办,,`,
  `9,居住证签注,${GA},公共服务,承诺件,全区通办,,三天`,
  ',,,,,,,',
  '',
].join('\r\n');

describe('item list (CSV) import', () => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore({ seed: true });
  });
  afterEach(async () => t.close());

  it('creates draft skeletons for the good rows and reports every bad row with its reasons', async () => {
    const report = await importItemList({ csv: LIST, ...t, actor: 'importer', clock: fixedClock('2025-06-01T00:00:00.000Z') });
    expect(report.ok).toBe(false);
    expect(report.rows.map((r) => [r.row, r.status, r.code])).toEqual([
      [2, 'created', 'IMPORT-0001'],
      [3, 'created', 'IMPORT-0002'],
      [4, 'rejected', 'IMPORT-0003'],
      [5, 'rejected', 'IMPORT-0004'],
      [6, 'rejected', 'IMPORT-0005'],
      [7, 'rejected', 'IMPORT-0006'],
      [8, 'rejected', 'IMPORT-0007'],
      [9, 'rejected', undefined],
      [10, 'rejected', 'IMPORT-0009'],
    ]);
    const reasons = Object.fromEntries(report.rows.map((r) => [r.row, r.reasons.join(' | ')]));
    expect(reasons[4]).toMatch(/事项名称「失业登记」已存在（事项 SAMPLE-RS-0001）/);
    expect(reasons[5]).toMatch(/与第 2 行重复/);
    expect(reasons[6]).toMatch(/实施部门「内蒙古自治区农牧厅」不在已知部门中/);
    expect(report.rows.find((r) => r.row === 7)?.reasons).toEqual([
      expect.stringMatching(/「事项类型」的值「行政审批」不在代码表中/),
      expect.stringMatching(/「通办范围」的值「全区通行」不在代码表中/),
    ]);
    expect(reasons[8]).toMatch(/「事项名称」不能为空/);
    expect(reasons[9]).toMatch(/没有「编码」也没有「序号」/);
    expect(reasons[10]).toMatch(/「承诺办理时限」的值「三天」应为天数/);
    expect(report).toMatchObject({ created: 2, rejected: 7, columns: { missing: [], ignored: [] } });

    // Only the good rows became drafts, with the standard filled from the row.
    const draft = await t.store.getDraft('IMPORT-0002');
    expect(draft).toMatchObject({ status: 'editing', createdBy: 'importer', baseVersion: null });
    expect(draft?.config.standard).toMatchObject({
      name: '职业资格证书补办',
      code: 'IMPORT-0002',
      department: { name: RS },
      itemType: { code: '20', label: '公共服务' },
      caseType: { code: '2', label: '承诺件' },
      scope: { code: '2', label: '全区通办' },
      serviceObjects: [{ code: '1', label: '自然人' }, { code: '2', label: '企业法人' }],
      promisedTimeLimit: { value: 10, unit: { code: 'WD', label: '工作日' } },
    });
    expect((await t.store.getDraft('IMPORT-0001'))?.config.standard.promisedTimeLimit.value).toBe(0);
    for (const code of ['IMPORT-0003', 'IMPORT-0004', 'IMPORT-0005', 'IMPORT-0006', 'IMPORT-0007', 'IMPORT-0009']) {
      expect(await t.store.getDraft(code)).toBeNull();
      expect(await t.store.getItem(code)).toBeNull();
    }
    // The skeleton is a draft to complete: validation names what is missing, not what the list gave.
    const problems = validateConfig(draft?.config);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.map((p) => p.pointer)).toEqual(expect.arrayContaining(['/standard/acceptanceConditions', '/standard/scenarios']));
    expect(problems.some((p) => /^\/standard\/(name|code|itemType|caseType|scope|department)/.test(p.pointer))).toBe(false);

    const audit = await t.store.listAudit({ code: 'IMPORT-0001' });
    expect(audit.map((e) => e.action)).toEqual(['draft.created', 'item.imported']);
    expect(audit[1]).toMatchObject({ actor: 'importer', details: { source: 'item-list-csv', row: 2 } });
  });

  it('takes the known departments from the caller as well as from the store', async () => {
    const csv = toCsv([['序号', '事项名称', '实施部门', '事项类型', '办件类型', '通办范围'], ['1', '动物诊疗许可', '内蒙古自治区农牧厅', '01', '2', '2']]);
    expect((await importItemList({ csv, ...t, actor: 'a', dryRun: true })).rows[0]?.status).toBe('rejected');
    const report = await importItemList({ csv, ...t, actor: 'a', departments: ['内蒙古自治区农牧厅'] });
    expect(report.ok).toBe(true);
    expect((await t.store.getItem('IMPORT-0001'))?.department).toBe('内蒙古自治区农牧厅');
    // Imported again, the name and the code now exist.
    const again = await importItemList({ csv, ...t, actor: 'a', departments: ['内蒙古自治区农牧厅'] });
    expect(again.rows[0]?.reasons).toEqual([expect.stringMatching(/已存在/), expect.stringMatching(/编码 IMPORT-0001 已存在/)]);
  });

  it('rejects every row when a required column is missing, and reports the columns it used', async () => {
    const csv = toCsv([['序号', '事项名称*', '实施部门（全称）', '事项类型', '办件类型', '备注'], ['1', '某事项', GA, '公共服务', '承诺件', '无']]);
    const report = await importItemList({ csv, ...t, actor: 'a' });
    expect(report.ok).toBe(false);
    expect(report.columns).toEqual({
      recognised: { seq: '序号', name: '事项名称*', department: '实施部门（全称）', itemType: '事项类型', caseType: '办件类型' },
      missing: ['通办范围'],
      ignored: ['备注'],
    });
    expect(report.rows).toEqual([{ row: 2, status: 'rejected', code: 'IMPORT-0001', name: '某事项', reasons: ['缺少必填列「通办范围」'] }]);
    expect(await t.store.getDraft('IMPORT-0001')).toBeNull();
  });

  it('uses the 编码 column when present and checks codes for format and duplicates', async () => {
    const csv = toCsv([
      ['编码', '事项名称', '实施部门', '事项类型', '办件类型', '通办范围'],
      ['NM-GA-0100', '户口迁移', GA, '公共服务', '承诺件', '全国通办'],
      ['NM-GA-0100', '户口登记', GA, '公共服务', '承诺件', '全区通办'],
      ['SAMPLE-GA-0001', '身份证换领', GA, '公共服务', '承诺件', '全区通办'],
      ['坏 编码', '临时身份证', GA, '公共服务', '承诺件', '全区通办'],
    ]);
    const report = await importItemList({ csv, ...t, actor: 'a' });
    expect(report.rows.map((r) => r.status)).toEqual(['created', 'rejected', 'rejected', 'rejected']);
    expect(report.rows[1]?.reasons).toEqual(['编码 NM-GA-0100 与第 2 行重复']);
    expect(report.rows[2]?.reasons).toEqual(['编码 SAMPLE-GA-0001 已存在']);
    expect(report.rows[3]?.reasons[0]).toMatch(/编码「坏 编码」格式不正确/);
    expect((await t.store.getDraft('NM-GA-0100'))?.config.standard.scope).toEqual({ code: '1', label: '全国通办（跨省通办）' });
  });

  it('maps enumerations from either the code or the label', () => {
    expect(codedValue('caseType', '1')).toEqual({ code: '1', label: '即办件' });
    expect(codedValue('caseType', ' 承诺件 ')).toEqual({ code: '2', label: '承诺件' });
    expect(codedValue('scope', '全国通办(跨省通办)')).toEqual({ code: '1', label: '全国通办（跨省通办）' });
    expect(codedValue('itemType', '行政审批')).toBeNull();
  });
});
