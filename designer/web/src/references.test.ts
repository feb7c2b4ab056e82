import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { fieldReferences, materialReferences, scenarioReferences } from './references.js';

describe('what refers to an element before it is deleted', () => {
  it('names the rules whose conditions use a field, the applicant mapping and the examples that fill it', () => {
    const config = itemConfig();
    config.form.applicant = { idNumber: 'idNumber' };
    const refs = fieldReferences(config, 'idNumber');
    expect(refs).toEqual(expect.arrayContaining(['受理规则「under-16」的条件用到此字段', '受理规则「under-18-consent」的条件用到此字段', '申请人信息的「申请人证件号码」取自此字段']));
    expect(refs.some((r) => r.startsWith('测试样例「本人办理材料齐全」'))).toBe(true);
    expect(fieldReferences(config, 'residence')).toEqual([]);
  });

  it('names a field whose visibility depends on another field’s value', () => {
    const config = itemConfig();
    (config.form.schema as Record<string, unknown>).allOf = [
      { if: { properties: { employmentType: { const: '新就业形态' } }, required: ['employmentType'] }, then: { required: ['platformName'] } },
    ];
    expect(fieldReferences(config, 'employmentType')).toContain('字段「平台名称」的显示或必填条件取决于此字段');
  });

  it('names the scenarios, rules, review points, templates and examples that use a material', () => {
    const config = itemConfig();
    expect(materialReferences(config, 'guardian-consent')[0]).toBe('受理规则「under-18-consent」要求提交此材料');
    expect(materialReferences(config, 'photo').some((r) => r.startsWith('受理规则'))).toBe(false);
    expect(materialReferences(config, 'id-card')).toEqual(expect.arrayContaining(['办理情形「本人办理」需要此材料', '办理情形「委托代办」需要此材料', '审查要点「人证一致」针对此材料']));
    expect(materialReferences(config, 'proxy-letter')).toContain('材料模板「授权委托书模板」属于此材料');
    expect(scenarioReferences(config, 'agent')).toEqual(['测试样例「委托代办缺委托书」按此情形办理']);
  });
});
