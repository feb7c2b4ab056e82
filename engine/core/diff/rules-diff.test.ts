import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { diffConfigs } from './index.js';
import type { ItemConfig, LeafCondition, Rule } from '../config/types.js';

function edited(edit: (c: ItemConfig) => void): ItemConfig {
  const config = itemConfig();
  edit(config);
  return config;
}

const leaf = (rule: Rule | undefined, i: number) => (rule!.conditions as { all: LeafCondition[] }).all[i]!;

describe('diffConfigs: rules, matched by name', () => {
  it('names the condition that changed by its pointer', () => {
    const from = edited((c) => { leaf(c.rules[1], 1).value = 16; });
    const to = edited((c) => { leaf(c.rules[1], 1).value = 18; });
    const diff = diffConfigs(from, to);
    expect(diff.changes).toEqual([{
      section: 'rules', kind: 'changed', pointer: '/rules/1', label: '受理规则「under-18-consent」',
      aspects: [{ key: 'conditions.value', label: '条件 /conditions/all/1 比较值', pointer: '/conditions/all/1', before: 16, after: 18, beforeText: '16', afterText: '18' }],
      affectsDecision: true,
    }]);
    expect(diff.summary).toMatchObject({ total: 1, sections: { rules: { changed: 1 } }, canAlterDecision: true });
  });

  it('reads operators by their Chinese names and reports added conditions whole', () => {
    const to = edited((c) => {
      leaf(c.rules[0], 0).operator = 'ageAtLeast';
      (c.rules[0]!.conditions as { all: unknown[] }).all.push({ fact: 'residence', operator: 'divisionWithin', value: '150100', optional: true });
    });
    expect(diffConfigs(itemConfig(), to).changes[0]!.aspects).toEqual([
      { key: 'conditions.operator', label: '条件 /conditions/all/0 运算符', pointer: '/conditions/all/0', before: 'ageBelow', after: 'ageAtLeast', beforeText: '年龄小于（周岁）', afterText: '年龄不小于（周岁）' },
      { key: 'conditions', label: '条件 /conditions/all/1', pointer: '/conditions/all/1', after: { fact: 'residence', operator: 'divisionWithin', value: '150100', optional: true }, afterText: 'residence 区划属于 150100（可缺省）' },
    ]);
  });

  it('reports a condition node whose shape changed as a whole', () => {
    const to = edited((c) => { c.rules[0]!.conditions = { any: [{ fact: 'idNumber', operator: 'ageBelow', value: 16 }] }; });
    expect(diffConfigs(itemConfig(), to).changes[0]!.aspects).toEqual([{
      key: 'conditions', label: '条件 /conditions', pointer: '/conditions',
      before: { all: [{ fact: 'idNumber', operator: 'ageBelow', value: 16 }] }, after: { any: [{ fact: 'idNumber', operator: 'ageBelow', value: 16 }] },
      beforeText: '全部满足（1 项）', afterText: '任一满足（1 项）',
    }]);
  });

  it('reports event type and parameters, material ids by name', () => {
    const to = edited((c) => {
      c.rules[1]!.event = { type: 'requireMaterial', params: { materialId: 'photo', message: '未满18周岁需提交监护人同意书' } };
      c.rules[2]!.event = { type: 'reject', params: { message: '不予受理', basis: '某条例' } };
    });
    expect(diffConfigs(itemConfig(), to).changes.map((c) => [c.label, c.aspects])).toEqual([
      ['受理规则「under-18-consent」', [
        { key: 'event.params.materialId', label: '事件所需材料', before: 'guardian-consent', after: 'photo', beforeText: '监护人同意书', afterText: '近期免冠照片' },
      ]],
      ['受理规则「platform-name」', [
        { key: 'event.type', label: '事件类型', before: 'supplement', after: 'reject', beforeText: '补正告知', afterText: '不予受理' },
        { key: 'event.params.message', label: '事件提示信息', before: '新就业形态人员请填写平台名称', after: '不予受理', beforeText: '新就业形态人员请填写平台名称', afterText: '不予受理' },
        { key: 'event.params.basis', label: '事件法律依据', after: '某条例', afterText: '某条例' },
      ]],
    ]);
  });

  it('reports priority, enabled and description; spelled-out defaults are no change', () => {
    const to = edited((c) => { c.rules[0]!.priority = 5; c.rules[1]!.enabled = false; c.rules[2]!.description = '平台名称必填'; });
    expect(diffConfigs(itemConfig(), to).changes.map((c) => c.aspects)).toEqual([
      [{ key: 'priority', label: '优先级', before: 1, after: 5, beforeText: '1', afterText: '5' }],
      [{ key: 'enabled', label: '是否启用', before: true, after: false, beforeText: '启用', afterText: '停用' }],
      [{ key: 'description', label: '规则说明', before: '新就业形态须填写平台名称', after: '平台名称必填', beforeText: '新就业形态须填写平台名称', afterText: '平台名称必填' }],
    ]);
    const spelledOut = edited((c) => {
      for (const rule of c.rules) Object.assign(rule, { enabled: true, priority: 1 });
      leaf(c.rules[0], 0).optional = false;
    });
    expect(diffConfigs(itemConfig(), spelledOut).changes).toEqual([]);
  });

  it('reports rules added and removed; a renamed rule is both; order is no change', () => {
    const from = itemConfig();
    const to = edited((c) => {
      c.rules.reverse();
      c.rules[0]!.name = 'platform-name-v2';
    });
    expect(diffConfigs(from, to).changes).toEqual([
      { section: 'rules', kind: 'added', pointer: '/rules/0', label: '受理规则「platform-name-v2」', after: to.rules[0], afterText: '新就业形态须填写平台名称', affectsDecision: true },
      { section: 'rules', kind: 'removed', pointer: '/rules/2', label: '受理规则「platform-name」', before: from.rules[2], beforeText: '新就业形态须填写平台名称', affectsDecision: true },
    ]);
    expect(diffConfigs(from, edited((c) => c.rules.reverse())).changes).toEqual([]);
  });

  it('points to both places of a rule that changed and shifted', () => {
    const to = edited((c) => { c.rules.shift(); leaf(c.rules[0], 0).value = 15; });
    expect(diffConfigs(itemConfig(), to).changes.map((c) => [c.kind, c.pointer, c.fromPointer])).toEqual([
      ['removed', '/rules/0', undefined],
      ['changed', '/rules/0', '/rules/1'],
    ]);
  });
});

describe('diffConfigs: examples, matched by name', () => {
  it('reports examples added, removed and changed, with form data per field', () => {
    const from = itemConfig();
    const to = edited((c) => {
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
          { key: 'input.formData.name', label: '表单数据 name', before: '王五', after: '李四', beforeText: '王五', afterText: '李四' },
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
