// The diff as a legality reviewer reads it: fields renamed rather than deleted and added, and a new
// item told in full prose when there is nothing published to compare with.
import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { describeConfig, diffConfigs, mirrorDiff, renderConfigDescription, renderDiffText } from './index.js';
import type { ItemConfig } from '../config/types.js';

function edited(edit: (c: ItemConfig) => void): ItemConfig {
  const config = itemConfig();
  edit(config);
  return config;
}

type Props = Record<string, Record<string, unknown>>;
const props = (c: ItemConfig) => c.form.schema.properties as unknown as Props;

/** Replaces the key of a form property in place (same position), keeping `required` in step. */
function reKey(c: ItemConfig, from: string, to: string, schema?: Record<string, unknown>): void {
  c.form.schema.properties = Object.fromEntries(Object.entries(props(c)).map(([k, v]) => (k === from ? [to, schema ?? v] : [k, v]))) as never;
  c.form.schema.required = ((c.form.schema.required ?? []) as string[]).map((k) => (k === from ? to : k));
}

describe('renames in the form', () => {
  it('reports a new key under the same title as one field renamed, not a deletion and an addition', () => {
    const to = edited((c) => reKey(c, 'platformName', 'platform'));
    const diff = diffConfigs(itemConfig(), to);
    const form = diff.changes.filter((c) => c.section === 'form' && c.pointer.startsWith('/form/schema'));
    expect(form).toEqual([{
      section: 'form', kind: 'renamed', pointer: '/form/schema/properties/platform', fromPointer: '/form/schema/properties/platformName',
      label: '表单字段「平台名称」',
      aspects: [{ key: 'key', label: '字段标识（内部）', before: 'platformName', after: 'platform', beforeText: 'platformName', afterText: 'platform' }],
      affectsDecision: true,
    }]);
    expect(diff.summary.kinds.renamed).toBeGreaterThanOrEqual(1);
    expect(diffConfigs(to, itemConfig())).toEqual(mirrorDiff(diff));
  });

  it('pairs a field at the same position with the same type and a similar title, and carries its other changes', () => {
    const to = edited((c) => reKey(c, 'platformName', 'platformTitle', { type: 'string', title: '所在平台名称', maxLength: 200 }));
    const changes = diffConfigs(itemConfig(), to).changes.filter((c) => c.pointer.startsWith('/form/schema'));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ kind: 'renamed', label: '表单字段', fromPointer: '/form/schema/properties/platformName' });
    expect(changes[0]!.aspects!.map((a) => [a.label, a.beforeText, a.afterText])).toEqual([
      ['标题', '平台名称', '所在平台名称'],
      ['字段标识（内部）', 'platformName', 'platformTitle'],
      ['最大长度', '100', '200'],
    ]);
  });

  it('keeps an unrelated replacement as a deletion and an addition', () => {
    const to = edited((c) => reKey(c, 'platformName', 'income', { type: 'number', title: '月收入' }));
    expect(diffConfigs(itemConfig(), to).changes.filter((c) => c.pointer.startsWith('/form/schema')).map((c) => [c.kind, c.label])).toEqual([
      ['added', '表单字段「月收入」'],
      ['removed', '表单字段「平台名称」'],
    ]);
  });

  it('reports a new title on the same key as renamed, with the new title first', () => {
    const diff = diffConfigs(itemConfig(), edited((c) => { props(c).phone!.title = '联系电话'; }));
    expect(diff.changes).toEqual([{
      section: 'form', kind: 'renamed', pointer: '/form/schema/properties/phone', label: '表单字段',
      aspects: [{ key: 'title', label: '标题', before: '手机号码', after: '联系电话', beforeText: '手机号码', afterText: '联系电话' }],
      affectsDecision: true,
    }]);
    expect(renderDiffText(diff)).toContain('  更名 表单字段\n    · 标题：手机号码 → 联系电话');
  });

  it('names option values by their titles in an added field', () => {
    const to = edited((c) => { props(c).origin = { type: 'string', title: '户籍类型', oneOf: [{ const: 'local', title: '本盟市' }, { const: 'other', title: '外盟市' }] }; });
    expect(diffConfigs(itemConfig(), to).changes.find((c) => c.kind === 'added')).toMatchObject({ label: '表单字段「户籍类型」', afterText: '文本，可选值 本盟市、外盟市' });
  });
});

describe('value-based form logic in words', () => {
  const withPermit = (values: string[]) => edited((c) => {
    props(c).origin = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市', '外省'] };
    const test = values.length === 1 ? { const: values[0] } : { enum: values };
    (c.form.schema as Record<string, unknown>).allOf = [{ if: { properties: { origin: test }, required: ['origin'] }, then: { properties: { permit: { type: 'string', title: '居住证编号', maxLength: 30 } }, required: ['permit'] } }];
  });

  it('reads a changed show-when condition as two sentences', () => {
    const diff = diffConfigs(withPermit(['外盟市']), withPermit(['外盟市', '外省']));
    const logic = diff.changes.flatMap((c) => c.aspects ?? []).find((a) => a.key === 'conditional');
    expect(logic).toMatchObject({ label: '条件逻辑', beforeText: '当「户籍所在地」为「外盟市」时需填写「居住证编号」', afterText: '当「户籍所在地」为「外盟市」或「外省」时需填写「居住证编号」' });
    expect(renderDiffText(diff)).toContain('条件逻辑：当「户籍所在地」为「外盟市」时需填写「居住证编号」 → 当「户籍所在地」为「外盟市」或「外省」时需填写「居住证编号」');
  });

  it('tells the logic of a new item too', () => {
    const entries = describeConfig(withPermit(['外盟市'])).sections.find((s) => s.section === 'form')!.entries;
    expect(entries).toContainEqual({ label: '表单字段「居住证编号」', text: '文本，最多 30 字，必填，按其他字段的填写情况显示' });
    expect(entries).toContainEqual({ label: '表单逻辑「居住证编号」', text: '当「户籍所在地」为「外盟市」时需填写「居住证编号」' });
  });

  it('reads added logic against nothing', () => {
    const without = edited((c) => { props(c).origin = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市', '外省'] }; });
    expect(renderDiffText(diffConfigs(without, withPermit(['外盟市'])))).toContain('条件逻辑：（无） → 当「户籍所在地」为「外盟市」时需填写「居住证编号」');
  });
});

describe('a new item in prose', () => {
  it('tells the standard, the materials and scenarios, the form and the rules in Chinese', () => {
    const config = edited((c) => {
      c.rules[0]!.title = '未满16周岁';
      props(c).origin = { type: 'string', title: '户籍类型', oneOf: [{ const: 'local', title: '本盟市' }, { const: 'other', title: '外盟市' }] };
      c.rules.push({ name: 'non-local', title: '外盟市户籍', conditions: { all: [{ fact: 'origin', operator: 'equal', value: 'other' }] }, event: { type: 'requireMaterial', params: { materialId: 'photo' } } });
    });
    const description = describeConfig(config);
    expect(description.sections.map((s) => s.title)).toEqual(['事项标准', '申请材料', '办理情形', '受理表单', '受理规则', '测试样例']);
    const entry = (section: string, label: string) => description.sections.find((s) => s.section === section)!.entries.find((e) => e.label === label)?.text;
    expect(entry('standard', '承诺办理时限')).toBe('5 个工作日');
    expect(entry('materials', '申请材料「居民身份证」')).toContain('必要');
    expect(entry('scenarios', '办理情形「本人办理」')).toBe('需提交：居民身份证、近期免冠照片');
    expect(entry('form', '表单字段「身份证号码」')).toContain('必填');
    expect(entry('form', '表单字段「户籍类型」')).toBe('文本，可选值 本盟市、外盟市，选填');
    expect(entry('rules', '受理规则「未满16周岁」')).toBe('当 身份证号码 年龄小于 16 周岁 时，不予受理：申请人未满16周岁，不属于灵活就业登记对象（依据：《中华人民共和国劳动法》第十五条）');
    expect(entry('rules', '受理规则「外盟市户籍」')).toBe('当 户籍类型 等于 外盟市 时，需提交材料「近期免冠照片」');
    expect(entry('rules', '受理规则「16至18周岁需监护人同意书（未命名）」')).toContain('需提交材料「监护人同意书」');
    const text = renderConfigDescription(description);
    expect(text).toContain('新设立事项：');
    expect(text).toContain('【受理规则】\n  受理规则「');
    expect(text).not.toMatch(/idNumber|ageBelow|\/conditions/);
  });

  it('does not throw on a half-written draft', () => {
    const draft = { code: 'X-1', standard: { name: '草稿', materials: 'pending' }, form: { schema: { type: 'object' } }, rules: [7] } as unknown as ItemConfig;
    const description = describeConfig(draft);
    expect(description.heading).toBe('草稿（X-1）');
    expect(renderConfigDescription(description)).toContain('【申请材料】\n  （无）');
  });
});
