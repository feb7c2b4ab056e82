import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { diffConfigs, renderDiffText } from './index.js';
import type { ItemConfig, LeafCondition } from '../config/types.js';

function edited(edit: (c: ItemConfig) => void): ItemConfig {
  const config = itemConfig();
  edit(config);
  return config;
}

describe('renderDiffText', () => {
  it('says so when there is no difference', () => {
    expect(renderDiffText(diffConfigs(itemConfig(), itemConfig()))).toBe('配置差异：原配置 → 新配置\n两者一致，没有差异。\n');
  });

  it('writes a Chinese report, section by section, one line per change', () => {
    const from = edited((c) => { c.standard.promisedTimeLimit.value = 20; });
    const to = edited((c) => {
      c.standard.promisedTimeLimit.value = 15;
      c.standard.acceptanceConditions.push('已在就业服务机构进行失业登记');
      c.standard.materials[4]!.required = true;
      c.standard.materials[4]!.necessity = { code: '3', label: '容缺后补' };
      c.standard.materials.splice(1, 1);
      c.standard.scenarios[1]!.materialIds = ['id-card', 'agent-id'];
      (c.form.schema.properties as Record<string, unknown>).email = { type: 'string', title: '电子邮箱', format: 'email' };
      (c.form.schema.required as string[]).push('residence');
      (c.rules[1]!.conditions as { all: LeafCondition[] }).all[1]!.value = 17;
      c.rules[0]!.enabled = false;
      c.examples[0]!.expect.outcome = 'supplement';
    });
    expect(renderDiffText(diffConfigs(from, to), { fromLabel: 'TEST-0001 第 1 版', toLabel: 'TEST-0001 草稿' })).toBe([
      '配置差异：TEST-0001 第 1 版 → TEST-0001 草稿',
      '共 10 处变更（新增 2，删除 1，修改 7，移动 0）。',
      '可能改变受理结果：是（涉及表单校验、受理规则、办理情形、申请材料或受理渠道）。',
      '',
      '【事项标准】',
      '  修改 承诺办理时限：20 → 15 个工作日',
      '  新增 受理条件：已在就业服务机构进行失业登记',
      '',
      '【申请材料】',
      '  删除 申请材料「授权委托书」：必要，申请表格文书，纸质，申请人自备',
      '  修改 申请材料「近期免冠照片」',
      '    · 是否必需：否 → 是',
      '    · 材料必要性：非必要 → 容缺后补',
      '',
      '【办理情形】',
      '  修改 办理情形「委托代办」',
      '    · 所需材料：居民身份证、授权委托书、代理人身份证 → 居民身份证、代理人身份证',
      '',
      '【受理表单】',
      '  新增 表单字段「电子邮箱」：文本，电子邮箱（email）',
      '  修改 表单字段「居住地」',
      '    · 必填：选填 → 必填',
      '',
      '【受理规则】',
      // The fixture's rules have no Chinese name: the description stands in, marked 未命名.
      '  修改 受理规则「未满16周岁不予登记（未命名）」',
      '    · 是否启用：启用 → 停用',
      '  修改 受理规则「16至18周岁需监护人同意书（未命名）」',
      '    · 条件：身份证号码 年龄小于 18 周岁 → 年龄小于 17 周岁',
      '',
      '【测试样例】',
      '  修改 测试样例「本人办理材料齐全」',
      '    · 预期结果：予以受理 → 需补正',
      '',
    ].join('\n'));
  });

  it('keeps both units when they differ, marks absent values, and says when logic changed', () => {
    const to = edited((c) => {
      c.standard.promisedTimeLimit = { value: 1, unit: { code: 'M', label: '月' } };
      c.standard.materials[0]!.copies = 1;
      c.form.schema.allOf = [{ if: { properties: { employmentType: { const: '新就业形态' } } }, then: { required: ['platformName'] } }];
      const [photo] = c.standard.materials.splice(4, 1);
      c.standard.materials.unshift(photo!);
    });
    const text = renderDiffText(diffConfigs(itemConfig(), to));
    expect(text).toContain('\n  修改 承诺办理时限：5 个工作日 → 1 个月\n');
    expect(text).toContain('\n  移动 申请材料「近期免冠照片」：第 5 项 → 第 1 项\n');
    expect(text).toContain('\n  修改 申请材料「居民身份证」\n    · 复印件份数：（无） → 1\n');
    expect(text).toContain('\n  修改 表单整体\n    · 条件逻辑有变化\n');
    expect(text).toContain('共 4 处变更（新增 0，删除 0，修改 3，移动 1）。\n可能改变受理结果：是');
  });

  it('says a diff cannot alter decisions when only the guide or examples changed', () => {
    const text = renderDiffText(diffConfigs(itemConfig(), edited((c) => { c.standard.department.name = '人社厅'; })), { fromLabel: '第 2 版', toLabel: '第 3 版' });
    expect(text).toBe('配置差异：第 2 版 → 第 3 版\n共 1 处变更（新增 0，删除 0，修改 1，移动 0）。\n可能改变受理结果：否。\n\n【事项标准】\n  修改 实施部门：内蒙古自治区人力资源和社会保障厅 → 人社厅\n');
  });
});
