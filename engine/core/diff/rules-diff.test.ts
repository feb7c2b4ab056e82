import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { diffConfigs, renderDiffText } from './index.js';
import type { ItemConfig, LeafCondition, Rule } from '../config/types.js';

function edited(edit: (c: ItemConfig) => void): ItemConfig {
  const config = itemConfig();
  edit(config);
  return config;
}

const fields = (c: ItemConfig) => c.form.schema.properties as Record<string, unknown>;
const leaf = (rule: Rule | undefined, i: number) => (rule!.conditions as { all: LeafCondition[] }).all[i]!;

/** The fixture with Chinese rule names, as authors now give them. */
function titled(edit: (c: ItemConfig) => void = () => {}): ItemConfig {
  return edited((c) => {
    const titles: Record<string, string> = { 'under-16': '未满16周岁', 'under-18-consent': '未成年人监护人同意', 'platform-name': '平台名称必填' };
    for (const rule of c.rules) rule.title = titles[rule.name];
    edit(c);
  });
}

describe('diffConfigs: rules, matched by their internal name, read by their Chinese name', () => {
  it('reads a changed condition as a sentence: the field, the operator label, both values', () => {
    const from = titled((c) => { leaf(c.rules[1], 1).value = 16; });
    const to = titled((c) => { leaf(c.rules[1], 1).value = 18; });
    const diff = diffConfigs(from, to);
    expect(diff.changes).toEqual([{
      section: 'rules', kind: 'changed', pointer: '/rules/1', label: '受理规则「未成年人监护人同意」',
      aspects: [{
        key: 'condition', label: '条件', pointer: '/conditions/all/1', subject: '身份证号码',
        before: { fact: 'idNumber', operator: 'ageBelow', value: 16 }, after: { fact: 'idNumber', operator: 'ageBelow', value: 18 },
        beforeText: '年龄小于 16 周岁', afterText: '年龄小于 18 周岁',
      }],
      affectsDecision: true,
    }]);
    expect(renderDiffText(diff)).toContain('条件：身份证号码 年龄小于 16 周岁 → 年龄小于 18 周岁');
    expect(diff.summary).toMatchObject({ total: 1, sections: { rules: { changed: 1 } }, canAlterDecision: true });
  });

  it('reads 「年龄 不小于 60 → 不小于 63」 for a number field and option values by their titles', () => {
    const withAge = (threshold: number) => titled((c) => {
      fields(c).age = { type: 'integer', title: '年龄', minimum: 0, maximum: 150 };
      fields(c).residence = { type: 'string', title: '户籍类型', oneOf: [{ const: 'local', title: '本盟市' }, { const: 'other', title: '外盟市' }] };
      c.rules.push({ name: 'retired', title: '已达退休年龄', conditions: { all: [{ fact: 'age', operator: 'greaterThanInclusive', value: threshold }] }, event: { type: 'reject', params: { message: '已达退休年龄' } } });
    });
    const diff = diffConfigs(withAge(60), withAge(63));
    expect(renderDiffText(diff)).toContain('修改 受理规则「已达退休年龄」\n    · 条件：年龄 不小于 60 → 不小于 63');
    const option = titled((c) => {
      fields(c).residence = { type: 'string', title: '户籍类型', oneOf: [{ const: 'local', title: '本盟市' }, { const: 'other', title: '外盟市' }] };
      (c.rules[2]!.conditions as { all: unknown[] }).all.push({ fact: 'residence', operator: 'in', value: ['other'] });
    });
    const base = titled((c) => {
      fields(c).residence = { type: 'string', title: '户籍类型', oneOf: [{ const: 'local', title: '本盟市' }, { const: 'other', title: '外盟市' }] };
    });
    expect(renderDiffText(diffConfigs(base, option))).toContain('条件：新增「户籍类型 属于 外盟市」');
    expect(renderDiffText(diffConfigs(option, base))).toContain('条件：删除「户籍类型 属于 外盟市」');
  });

  it('reads operators by their Chinese names and reports added conditions whole', () => {
    const to = titled((c) => {
      leaf(c.rules[0], 0).operator = 'ageAtLeast';
      (c.rules[0]!.conditions as { all: unknown[] }).all.push({ fact: 'residence', operator: 'divisionWithin', value: '150100', optional: true });
    });
    expect(diffConfigs(titled(), to).changes[0]!.aspects).toEqual([
      { key: 'condition', label: '条件', pointer: '/conditions/all/0', subject: '身份证号码', before: { fact: 'idNumber', operator: 'ageBelow', value: 16 }, after: { fact: 'idNumber', operator: 'ageAtLeast', value: 16 }, beforeText: '年龄小于 16 周岁', afterText: '年龄不小于 16 周岁' },
      { key: 'condition', label: '条件', pointer: '/conditions/all/1', after: { fact: 'residence', operator: 'divisionWithin', value: '150100', optional: true }, afterText: '居住地 区划属于 呼和浩特市（未填写时视为不成立）' },
    ]);
  });

  it('reports a condition node whose shape changed as a whole, in sentences', () => {
    const to = titled((c) => { c.rules[0]!.conditions = { any: [{ fact: 'idNumber', operator: 'ageBelow', value: 16 }, { fact: 'employmentType', operator: 'equal', value: '个体经营' }] }; });
    expect(diffConfigs(titled(), to).changes[0]!.aspects).toEqual([{
      key: 'condition', label: '条件', pointer: '/conditions',
      before: { all: [{ fact: 'idNumber', operator: 'ageBelow', value: 16 }] }, after: { any: [{ fact: 'idNumber', operator: 'ageBelow', value: 16 }, { fact: 'employmentType', operator: 'equal', value: '个体经营' }] },
      beforeText: '身份证号码 年龄小于 16 周岁', afterText: '满足其一：身份证号码 年龄小于 16 周岁；就业形式 等于 个体经营',
    }]);
  });

  it('reports event type and parameters, material ids by name', () => {
    const to = titled((c) => {
      c.rules[1]!.event = { type: 'requireMaterial', params: { materialId: 'photo', message: '未满18周岁需提交监护人同意书' } };
      c.rules[2]!.event = { type: 'reject', params: { message: '不予受理', basis: '某条例' } };
    });
    expect(diffConfigs(titled(), to).changes.map((c) => [c.label, c.aspects])).toEqual([
      ['受理规则「未成年人监护人同意」', [
        { key: 'event.params.materialId', label: '事件所需材料', before: 'guardian-consent', after: 'photo', beforeText: '监护人同意书', afterText: '近期免冠照片' },
      ]],
      ['受理规则「平台名称必填」', [
        { key: 'event.type', label: '事件类型', before: 'supplement', after: 'reject', beforeText: '补正告知', afterText: '不予受理' },
        { key: 'event.params.message', label: '事件提示信息', before: '新就业形态人员请填写平台名称', after: '不予受理', beforeText: '新就业形态人员请填写平台名称', afterText: '不予受理' },
        { key: 'event.params.basis', label: '事件法律依据', after: '某条例', afterText: '某条例' },
      ]],
    ]);
  });

  it('reports priority, enabled and description; spelled-out defaults are no change', () => {
    const to = titled((c) => { c.rules[0]!.priority = 5; c.rules[1]!.enabled = false; c.rules[2]!.description = '平台名称必填'; });
    expect(diffConfigs(titled(), to).changes.map((c) => c.aspects)).toEqual([
      [{ key: 'priority', label: '优先级', before: 1, after: 5, beforeText: '1', afterText: '5' }],
      [{ key: 'enabled', label: '是否启用', before: true, after: false, beforeText: '启用', afterText: '停用' }],
      [{ key: 'description', label: '规则说明', before: '新就业形态须填写平台名称', after: '平台名称必填', beforeText: '新就业形态须填写平台名称', afterText: '平台名称必填' }],
    ]);
    const spelledOut = titled((c) => {
      for (const rule of c.rules) Object.assign(rule, { enabled: true, priority: 1 });
      leaf(c.rules[0], 0).optional = false;
    });
    expect(diffConfigs(titled(), spelledOut).changes).toEqual([]);
  });

  it('reports a new Chinese name as a rename, a new identifier under the same name as one rule, order as no change', () => {
    const from = titled();
    const retitled = titled((c) => { c.rules[2]!.title = '新就业形态平台名称必填'; });
    expect(diffConfigs(from, retitled).changes).toEqual([{
      section: 'rules', kind: 'renamed', pointer: '/rules/2', label: '受理规则',
      aspects: [{ key: 'title', label: '规则名称', before: '平台名称必填', after: '新就业形态平台名称必填', beforeText: '平台名称必填', afterText: '新就业形态平台名称必填' }],
      affectsDecision: true,
    }]);
    expect(renderDiffText(diffConfigs(from, retitled))).toContain('更名 受理规则\n    · 规则名称：平台名称必填 → 新就业形态平台名称必填');
    const reKeyed = titled((c) => { c.rules.reverse(); c.rules[0]!.name = 'platform-name-v2'; });
    expect(diffConfigs(from, reKeyed).changes).toEqual([{
      section: 'rules', kind: 'renamed', pointer: '/rules/0', fromPointer: '/rules/2', label: '受理规则「平台名称必填」',
      aspects: [{ key: 'name', label: '规则标识（内部）', before: 'platform-name', after: 'platform-name-v2', beforeText: 'platform-name', afterText: 'platform-name-v2' }],
      affectsDecision: true,
    }]);
    expect(diffConfigs(from, titled((c) => c.rules.reverse())).changes).toEqual([]);
  });

  it('tells an added rule in one sentence; a rule without a Chinese name falls back to its description, marked 未命名', () => {
    const to = titled((c) => {
      c.rules.push({ name: 'retired', title: '已达退休年龄', conditions: { all: [{ fact: 'idNumber', operator: 'ageAtLeast', value: 60 }, { fact: 'employmentType', operator: 'equal', value: '个体经营' }] }, event: { type: 'reject', params: { message: '已达退休年龄', basis: '《国务院关于工人退休、退职的暂行办法》' } } });
      c.rules.push({ name: 'no-name', description: '无名称的规则', conditions: { all: [{ fact: 'platformName', operator: 'isFilled', value: true }] }, event: { type: 'supplement', params: { message: '请核对' } } });
    });
    const changes = diffConfigs(titled(), to).changes;
    expect(changes.map((c) => [c.kind, c.label, c.afterText])).toEqual([
      ['added', '受理规则「已达退休年龄」', '当 同时满足：身份证号码 年龄不小于 60 周岁；就业形式 等于 个体经营 时，不予受理：已达退休年龄（依据：《国务院关于工人退休、退职的暂行办法》）'],
      ['added', '受理规则「无名称的规则（未命名）」', '当 平台名称 已填写 时，补正告知：请核对'],
    ]);
  });

  it('points to both places of a rule that changed and shifted', () => {
    const to = titled((c) => { c.rules.shift(); leaf(c.rules[0], 0).value = 15; });
    expect(diffConfigs(titled(), to).changes.map((c) => [c.kind, c.pointer, c.fromPointer])).toEqual([
      ['removed', '/rules/0', undefined],
      ['changed', '/rules/0', '/rules/1'],
    ]);
  });
});

describe('diffConfigs: examples, matched by name', () => {
  it('reports examples added, removed and changed, with form data per field', () => {
    // The first three examples of the fixture, whatever else it grows.
    const from = edited((c) => { c.examples = c.examples.slice(0, 3); });
    const to = edited((c) => {
      c.examples = c.examples.slice(0, 3);
      c.examples[0]!.input.formData.name = '李四';
      c.examples[0]!.input.materials = ['id-card', 'photo'];
      c.examples[0]!.expect = { outcome: 'supplement', missingMaterials: ['photo'] };
      c.examples.splice(2, 1);
      c.examples.push({ name: '新样例', input: { scenario: 'self', formData: {}, materials: [] }, expect: { outcome: 'reject' } });
    });
    const diff = diffConfigs(from, to);
    expect(diff.changes).toEqual([
      {
        section: 'examples', kind: 'changed', pointer: '/examples/0', label: '测试样例「本人办理材料齐全」',
        aspects: [
          { key: 'input.formData.name', label: '表单数据「姓名」', before: '王五', after: '李四', beforeText: '王五', afterText: '李四' },
          { key: 'input.materials', label: '提交材料', before: ['id-card'], after: ['id-card', 'photo'], beforeText: '居民身份证', afterText: '居民身份证、近期免冠照片' },
          { key: 'expect.outcome', label: '预期结果', before: 'accept', after: 'supplement', beforeText: '予以受理', afterText: '需补正' },
          { key: 'expect.missingMaterials', label: '预期缺件', before: [], after: ['photo'], beforeText: '（空）', afterText: '近期免冠照片' },
        ],
        affectsDecision: false,
      },
      { section: 'examples', kind: 'added', pointer: '/examples/2', label: '测试样例「新样例」', after: to.examples[2], afterText: '预期不予受理', affectsDecision: false },
      { section: 'examples', kind: 'removed', pointer: '/examples/2', label: '测试样例「未满16周岁不予受理」', before: from.examples[2], beforeText: '预期不予受理', affectsDecision: false },
    ]);
    expect(diff.summary.canAlterDecision).toBe(false);
  });
});
