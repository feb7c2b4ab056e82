import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { parseIdNumber } from '../codes/index.js';
import { proposeBoundaryExamples } from './boundary-examples.js';
import { coverageProblems, uncoveredRules } from './rule-coverage.js';
import { runExamples } from './run-examples.js';

describe('boundary examples', () => {
  it('proposes just below, at and just above an age threshold as valid ID numbers', () => {
    const config = itemConfig();
    const proposals = proposeBoundaryExamples(config, '2025-06-01').filter((p) => p.rule === 'under-16');
    expect(proposals.map((p) => p.side)).toEqual(['below', 'at', 'above']);
    const births = proposals.map((p) => parseIdNumber(p.example.input.formData.idNumber)?.birthDate);
    // Evaluated on 2025-06-01 (the base example's date): 15 the day before the 16th birthday, 16 on it, 16 the day after.
    expect(births).toEqual(['2009-06-02', '2009-06-01', '2009-05-31']);
    expect(proposals[0]!.example.name).toBe('边界：身份证号码略低于 16 周岁（15 周岁）（未满16周岁不予登记）');
    expect(proposals[0]!.example.input.scenario).toBe('self');
  });

  it('proposes numbers and dates around literal thresholds, and never a value an example already tries', () => {
    const config = itemConfig();
    (config.form.schema.properties as Record<string, unknown>).income = { type: 'integer', title: '月收入' };
    (config.form.schema.properties as Record<string, unknown>).moveIn = { type: 'string', format: 'date', title: '迁入日期' };
    config.rules.push(
      { name: 'income', conditions: { all: [{ fact: 'income', operator: 'greaterThan', value: 3000 }] }, event: { type: 'supplement', params: { message: '收入超过标准' } } },
      { name: 'move', conditions: { any: [{ fact: 'moveIn', operator: 'dateBefore', value: '2020-01-01' }] }, event: { type: 'supplement', params: { message: '迁入过早' } } },
    );
    const proposals = proposeBoundaryExamples(config, '2025-06-01');
    expect(proposals.filter((p) => p.rule === 'income').map((p) => p.example.input.formData.income)).toEqual([2999, 3000, 3001]);
    expect(proposals.filter((p) => p.rule === 'move').map((p) => p.example.input.formData.moveIn)).toEqual(['2019-12-31', '2020-01-01', '2020-01-02']);
    config.examples.push(proposals.find((p) => p.rule === 'income' && p.side === 'at')!.example);
    expect(proposeBoundaryExamples(config, '2025-06-01').filter((p) => p.rule === 'income').map((p) => p.side)).toEqual(['below', 'above']);
  });

  it('the proposals fire the threshold rule on one side only', async () => {
    const config = itemConfig();
    config.examples = proposeBoundaryExamples(config, '2025-06-01').filter((p) => p.rule === 'under-16').map((p) => p.example);
    const report = await runExamples(config);
    expect(report.results.map((r) => r.actual.firedRules.includes('under-16'))).toEqual([true, false, false]);
  });
});

describe('rule coverage', () => {
  it('names each enabled rule no example fires, by its Chinese name, at the rule', async () => {
    const config = itemConfig();
    config.examples = config.examples.filter((e) => !e.expect.firedRules?.some((r) => r === 'under-18-consent' || r === 'platform-name'));
    config.rules[2]!.title = '新就业形态平台名称';
    config.rules.push({ name: 'off', enabled: false, conditions: { all: [{ fact: 'name', operator: 'isFilled', value: true }] }, event: { type: 'supplement', params: { message: '停用' } } });
    const report = await runExamples(config);
    expect(uncoveredRules(config, report).map((r) => r.displayName)).toEqual(['16至18周岁需监护人同意书', '新就业形态平台名称']);
    expect(coverageProblems(config, report)).toEqual([
      expect.objectContaining({ pointer: '/rules/1', code: 'rule.not-covered', location: expect.objectContaining({ tab: 'rules' }) }),
      expect.objectContaining({ pointer: '/rules/2', message: expect.stringContaining('规则「新就业形态平台名称」没有任何测试样例触发') }),
    ]);
  });
});
