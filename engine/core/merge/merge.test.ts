import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import type { ItemConfig } from '../config/types.js';
import { mergeItemConfigs, mergeThreeWay, pathKey } from './index.js';
import { conditionalBranch } from '../form/field-conditions.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

function edited(base: ItemConfig, edit: (c: ItemConfig) => void): ItemConfig {
  const copy = structuredClone(base);
  edit(copy);
  return copy;
}

describe('mergeThreeWay', () => {
  it('takes each side where only that side changed, per property', () => {
    const r = mergeThreeWay({ a: 1, b: 1, c: 1 }, { a: 2, b: 1, c: 1 }, { a: 1, b: 3, c: 1 });
    expect(r.merged).toEqual({ a: 2, b: 3, c: 1 });
    expect(r.conflicts).toEqual([]);
    expect(r.fromTheirs.map((c) => c.key)).toEqual(['/b']);
  });

  it('reports a conflict where both changed the same value differently, and settles it by choice', () => {
    const r = mergeThreeWay({ a: 1 }, { a: 2 }, { a: 3 });
    expect(r.conflicts).toEqual([{ key: '/a', path: ['a'], base: 1, mine: 2, theirs: 3 }]);
    expect(r.merged).toEqual({ a: 2 });
    expect(mergeThreeWay({ a: 1 }, { a: 2 }, { a: 3 }, { choices: { '/a': 'theirs' } }).merged).toEqual({ a: 3 });
  });

  it('agrees silently when both made the same edit, and keeps deletions of untouched properties', () => {
    expect(mergeThreeWay({ a: 1, b: 1 }, { a: 2 }, { a: 2, b: 1 })).toEqual({ merged: { a: 2 }, conflicts: [], fromTheirs: [] });
    expect(mergeThreeWay({ a: 1, b: 1 }, { a: 1, b: 2 }, { b: 1 }).merged).toEqual({ b: 2 });
    const r = mergeThreeWay({ a: 1, b: 1 }, { a: 1, b: 2 }, { a: 1 });
    expect(r.conflicts.map((c) => c.key)).toEqual(['/b']);
    expect(r.conflicts[0]).toMatchObject({ base: 1, mine: 2, theirs: undefined });
  });

  it('merges arrays of identified elements per element, whatever their position', () => {
    const identity = () => ['id'];
    const base = [{ id: 'x', v: 1 }, { id: 'y', v: 1 }];
    const mine = [{ id: 'y', v: 1 }, { id: 'x', v: 2 }]; // reordered, edited x
    const theirs = [{ id: 'x', v: 1 }, { id: 'y', v: 3 }, { id: 'z', v: 1 }]; // edited y, added z
    const r = mergeThreeWay(base, mine, theirs, { identity });
    expect(r.merged).toEqual([{ id: 'y', v: 3 }, { id: 'z', v: 1 }, { id: 'x', v: 2 }]);
    expect(r.conflicts).toEqual([]);
    expect(r.fromTheirs.map((c) => c.key).sort()).toEqual(['/[y]/v', '/[z]']);
  });

  it('reports an element one side deleted and the other edited as a conflict', () => {
    const identity = () => ['id'];
    const r = mergeThreeWay([{ id: 'x', v: 1 }], [], [{ id: 'x', v: 2 }], { identity });
    expect(r.conflicts).toMatchObject([{ key: '/[x]', mine: undefined, theirs: { id: 'x', v: 2 } }]);
    expect(r.merged).toEqual([]);
    expect(mergeThreeWay([{ id: 'x', v: 1 }], [], [{ id: 'x', v: 2 }], { identity, choices: { '/[x]': 'theirs' } }).merged).toEqual([{ id: 'x', v: 2 }]);
  });

  it('merges lists of plain values as sets: both sides add, one side removes', () => {
    const r = mergeThreeWay({ s: ['a', 'b', 'c'] }, { s: ['a', 'b', 'c', 'd'] }, { s: ['a', 'c', 'e'] });
    expect(r.merged).toEqual({ s: ['a', 'c', 'e', 'd'] });
    expect(r.conflicts).toEqual([]);
  });

  it('escapes property names in keys', () => {
    expect(pathKey(['ui:order', 'a/b', { id: 'm' }, { index: 2 }])).toBe('/ui:order/a~1b/[m]/#2');
  });
});

describe('mergeItemConfigs', () => {
  const base = itemConfig();

  it('merges edits in different sections without losing either author’s work', () => {
    const mine = edited(base, (c) => { c.standard.name = '灵活就业人员登记（修订）'; });
    const theirs = edited(base, (c) => { c.rules[0]!.description = '未满十六周岁的不予登记'; });
    const r = mergeItemConfigs(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.standard.name).toBe('灵活就业人员登记（修订）');
    expect(r.merged.rules[0]!.description).toBe('未满十六周岁的不予登记');
    expect(r.fromTheirs).toHaveLength(1);
    expect(r.fromTheirs[0]).toMatchObject({ label: '受理规则「under-16」 · 说明', theirsText: '未满十六周岁的不予登记' });
  });

  it('merges edits to different materials and different form fields in the same section', () => {
    const mine = edited(base, (c) => {
      c.standard.materials[0]!.name = '居民身份证（原件）';
      (c.form.schema.properties as Record<string, { title: string }>).name!.title = '申请人姓名';
    });
    const theirs = edited(base, (c) => {
      c.standard.materials.reverse();
      c.standard.materials[0]!.name = '近期二寸免冠照片';
      (c.form.schema.properties as Record<string, { title: string }>).phone!.title = '联系电话';
      c.standard.localFields.push('court');
    });
    const r = mergeItemConfigs(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.standard.materials.map((m) => m.name)).toEqual(['近期二寸免冠照片', '监护人同意书', '代理人身份证', '授权委托书', '居民身份证（原件）']);
    const props = r.merged.form.schema.properties as Record<string, { title: string }>;
    expect([props.name!.title, props.phone!.title]).toEqual(['申请人姓名', '联系电话']);
    expect(r.merged.standard.localFields).toEqual(['windowAddress', 'consultPhone', 'openingHours', 'court']);
    expect(r.fromTheirs.map((c) => c.label)).toEqual(expect.arrayContaining(['申请材料「近期二寸免冠照片」 · 材料名称', '表单设计 · 字段「联系电话」 · 标题', '属地可设字段']));
  });

  it('names a conflict in Chinese with readable values on both sides', () => {
    const mine = edited(base, (c) => { c.standard.materials[0]!.necessity = { code: '2', label: '非必要' }; });
    const theirs = edited(base, (c) => { c.standard.materials[0]!.necessity = { code: '3', label: '容缺后补' }; });
    const r = mergeItemConfigs(base, mine, theirs);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatchObject({ key: '/standard/materials/[id-card]/necessity', label: '申请材料「居民身份证」 · 材料必要性', baseText: '必要', mineText: '非必要', theirsText: '容缺后补' });
  });

  it('names field titles, rule conditions, time limits and material references in conflicts', () => {
    const mine = edited(base, (c) => {
      (c.form.schema.properties as Record<string, { maxLength: number }>).platformName!.maxLength = 50;
      c.rules[0]!.conditions = { all: [{ fact: 'idNumber', operator: 'ageBelow', value: 18 }] };
      c.standard.promisedTimeLimit = { value: 3, unit: { code: 'WD', label: '工作日' } };
      c.standard.scenarios[0]!.materialIds = ['id-card'];
      c.standard.reviewPoints[0]!.materialId = 'photo';
    });
    const theirs = edited(base, (c) => {
      (c.form.schema.properties as Record<string, { maxLength: number }>).platformName!.maxLength = 80;
      c.rules[0]!.conditions = { all: [{ fact: 'idNumber', operator: 'ageBelow', value: 17 }] };
      c.standard.promisedTimeLimit = { value: 4, unit: { code: 'WD', label: '工作日' } };
      c.standard.reviewPoints[0]!.materialId = 'agent-id';
    });
    const r = mergeItemConfigs(base, mine, theirs);
    const byLabel = Object.fromEntries(r.conflicts.map((c) => [c.label, [c.mineText, c.theirsText]]));
    expect(byLabel).toEqual({
      '表单设计 · 字段「平台名称」 · 最大长度': ['50', '80'],
      '受理规则「under-16」 · 条件 · 全部满足第 1 条 · 比较值': ['18', '17'],
      '承诺办理时限 · 时限数值': ['3', '4'],
      '审查要点第 1 项 · 对应材料': ['「近期免冠照片」', '「代理人身份证」'],
    });
    // The scenario's material list changed on one side only: merged, not a conflict.
    expect(r.merged.standard.scenarios[0]!.materialIds).toEqual(['id-card']);
  });

  it('applies the author’s choice per conflict and leaves the other author’s other edits in place', () => {
    const mine = edited(base, (c) => { c.standard.resultName = '登记回执'; });
    const theirs = edited(base, (c) => {
      c.standard.resultName = '登记凭证';
      c.examples[0]!.name = '本人办理（材料齐全）';
    });
    const keepMine = mergeItemConfigs(base, mine, theirs, { '/standard/resultName': 'mine' });
    expect(keepMine.merged.standard.resultName).toBe('登记回执');
    expect(keepMine.merged.examples[0]!.name).toBe('本人办理（材料齐全）');
    const takeTheirs = mergeItemConfigs(base, mine, theirs, { '/standard/resultName': 'theirs' });
    expect(takeTheirs.merged).toEqual(theirs);
  });
});

describe('mergeItemConfigs: renamed elements', () => {
  const base = itemConfig();

  it('merges a rule one author renamed with an edit the other made to it', () => {
    const mine = edited(base, (c) => { c.rules[1]!.name = 'minor-consent'; });
    const theirs = edited(base, (c) => { c.rules[1]!.description = '十六至十八周岁须监护人同意'; c.examples[0]!.name = '本人办理，材料齐全'; });
    const r = mergeItemConfigs(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.merged.rules.map((x) => [x.name, x.description])).toEqual([
      ['under-16', '未满16周岁不予登记'],
      ['minor-consent', '十六至十八周岁须监护人同意'],
      ['platform-name', '新就业形态须填写平台名称'],
    ]);
    expect(r.merged.examples.map((e) => e.name)[0]).toBe('本人办理，材料齐全');
    expect(r.fromTheirs.map((c) => c.label)).toEqual(['受理规则「under-18-consent」 · 说明', '测试样例「本人办理材料齐全」 · 样例名称']);
  });

  it('reports both authors renaming the same element differently as one conflict', () => {
    const mine = edited(base, (c) => { c.examples[2]!.name = '十五岁不予受理'; });
    const theirs = edited(base, (c) => { c.examples[2]!.name = '未成年不予受理'; });
    const r = mergeItemConfigs(base, mine, theirs);
    expect(r.conflicts.map((c) => [c.label, c.mineText, c.theirsText])).toEqual([['测试样例「未满16周岁不予受理」 · 样例名称', '十五岁不予受理', '未成年不予受理']]);
    expect(r.merged.examples).toHaveLength(base.examples.length);
  });
});

describe('mergeItemConfigs: value-based form logic', () => {
  const residence = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市', '外省'] };
  const withLogic = (value: string, requiredWhenShown: boolean, extra: unknown[] = []): ItemConfig => edited(itemConfig(), (c) => {
    (c.form.schema.properties as Record<string, unknown>).residence = residence;
    (c.form.schema as Record<string, unknown>).allOf = [
      conditionalBranch({ name: 'permit', effect: 'show', when: { field: 'residence', operator: 'equal', value }, requiredWhenShown }, { type: 'string', title: '居住证编号' }),
      ...extra,
    ];
  });

  it('shows a conflict in conditional logic as the sentences the core writes, not as JSON', () => {
    const base = withLogic('外盟市', true);
    const mine = withLogic('外省', true);
    const handWritten = { if: { properties: { residence: { minLength: 3 } } }, then: { required: ['name'] } };
    const theirs = withLogic('外盟市', false, [handWritten]);
    const r = mergeItemConfigs(base, mine, theirs);
    expect(r.conflicts.map((c) => [c.label, c.baseText, c.mineText, c.theirsText])).toEqual([[
      '表单设计 · 条件逻辑',
      '当「户籍所在地」为「外盟市」时需填写「居住证编号」',
      '当「户籍所在地」为「外省」时需填写「居住证编号」',
      '当「户籍所在地」为「外盟市」时显示「居住证编号」（可不填）；另有 1 条手写的表单逻辑',
    ]]);
    for (const c of r.conflicts) expect(`${c.baseText}${c.mineText}${c.theirsText}`).not.toMatch(/allOf|"if"|properties|residence|permit/);
  });

  it('tells what came in from the other author in the same words', () => {
    const base = itemConfig();
    const mine = edited(base, (c) => { c.standard.name = `${c.standard.name}（修订）`; });
    const theirs = withLogic('外盟市', true);
    const r = mergeItemConfigs(base, mine, theirs);
    expect(r.conflicts).toEqual([]);
    expect(r.fromTheirs.map((c) => [c.label, c.theirsText])).toContainEqual(['表单设计 · 条件逻辑', '当「户籍所在地」为「外盟市」时需填写「居住证编号」']);
  });
});

describe('the merge texts in the catalogue', () => {
  it('names a conflict in Chinese (unchanged), and a Mongolian caller of the same keys gets the draft in Mongolian script', () => {
    expect(uiText('core.merge.field', 'zh-CN', { name: '姓名' })).toBe('字段「姓名」');
    expect(uiText('core.merge.ruleValue', 'zh-CN', { conditions: 'a', outcome: 'b' })).toBe('条件：a；结果：b');
    const mn = uiText('core.merge.handWrittenLogic', 'mn-Mong', { n: 2 });
    expect(mn).toMatch(/[\u1800-\u18AF]/);
    expect(mn).toContain('2');
    expect(uiText('core.merge.field', 'mn-Mong', { name: '姓名' })).toContain('「姓名」');
    expect(uiText('core.merge.deleted', 'mn-Mong')).not.toBe(uiText('core.merge.deleted', 'zh-CN'));
  });
});
