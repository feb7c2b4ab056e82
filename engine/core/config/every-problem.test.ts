import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { compareTimeLimits } from './time-limit-comparison.js';
import type { ItemConfig } from './types.js';
import { validateConfig } from './validate-config.js';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function problemsOf(mutate: (c: Mutable) => void) {
  const config = itemConfig() as unknown as Mutable;
  mutate(config);
  return validateConfig(config);
}

const codes = (problems: { pointer: string; code: string }[]) => problems.map((p) => `${p.pointer} ${p.code}`);

describe('every problem at once', () => {
  it('reports a missing 审查要点 and a wrong 通办范围 label together', () => {
    const problems = problemsOf((c) => {
      delete c.standard.reviewPoints;
      c.standard.scope.label = '全盟市通办';
    });
    expect(codes(problems)).toEqual(expect.arrayContaining(['/standard/reviewPoints schema.required', '/standard/scope/label standard.label-mismatch']));
    expect(problems.find((p) => p.code === 'standard.label-mismatch')?.message).toBe('「通办范围」的代码 2 对应的名称应为「全区通办」，而不是「全盟市通办」');
  });

  it('runs the form, rule and example checks beside schema errors in every part', () => {
    const problems = problemsOf((c) => {
      c.standard.name = 42; // schema
      c.standard.itemType.label = '行政许可'; // code/label (code 20 is 公共服务)
      c.standard.materials[1].id = 'id-card'; // duplicate id
      c.form.schema.properties.x = { type: 'strng' }; // form meta-schema
      c.form.schema.properties.y = { type: 'string', pattern: '(a', maxLength: 5 }; // regex syntax
      c.rules[0].priority = 'high'; // schema
      c.rules[1].conditions.all[0].fact = 'nosuch'; // rule semantics
      c.examples[0].expect.outcome = 'ok'; // schema
      c.examples[1].input.scenario = 'nope'; // example semantics
    });
    expect(codes(problems)).toEqual(expect.arrayContaining([
      '/standard/name schema.type',
      '/standard/itemType/label standard.label-mismatch',
      '/standard/materials/0/id standard.duplicate-material',
      '/standard/materials/1/id standard.duplicate-material',
      '/form/schema/properties/x/type form.invalid-schema',
      '/form/schema/properties/y/pattern form.pattern',
      '/rules/0/priority schema.type',
      '/rules/1/conditions/all/0/fact rule.unknown-fact',
      '/examples/0/expect/outcome schema.enum',
      '/examples/1/input/scenario example.unknown-scenario',
    ]));
  });

  it('gives every problem its tab and section', () => {
    const problems = problemsOf((c) => {
      c.standard.materials[1].id = 'id-card';
      c.form.schema.properties.name.maxLength = 'long';
      c.rules[0].event.params.message = '';
      c.examples[2].input.materials.push('ghost');
    });
    const at = (pointer: string) => problems.find((p) => p.pointer === pointer)?.location;
    expect(at('/standard/materials/1/id')).toEqual({ tab: 'standard', tabLabel: '事项标准', section: '「申请材料」第 2 项（授权委托书）' });
    expect(at('/form/schema/properties/name/maxLength')).toMatchObject({ tab: 'form', section: '字段「姓名」' });
    expect(at('/rules/0/event/params/message')).toMatchObject({ tab: 'rules', section: '规则「未满16周岁不予登记」 · 结果' });
    expect(at('/examples/2/input/materials/1')).toMatchObject({ tab: 'examples', section: '样例「未满16周岁不予受理」' });
  });

  it('says so when a check cannot run on broken input instead of staying silent', () => {
    const brokenForm = problemsOf((c) => { c.form.schema = 'not a schema'; });
    expect(codes(brokenForm)).toEqual(expect.arrayContaining(['/form/schema schema.type', '/form/schema form.not-object', '/rules rule.fields-unchecked']));
    const brokenLimit = problemsOf((c) => { c.standard.promisedTimeLimit = { value: 'five' }; });
    expect(codes(brokenLimit)).toEqual(expect.arrayContaining(['/standard/promisedTimeLimit standard.time-limit-unchecked']));
    const noStandard = problemsOf((c) => { c.standard = []; });
    expect(codes(noStandard)).toEqual(expect.arrayContaining(['/standard schema.type', '/rules/1/event/params/materialId rule.unknown-material', '/examples/0/input/scenario example.unknown-scenario']));
  });

  it('compares limits in different units by the working-day calendar', () => {
    const exceeds = problemsOf((c) => {
      c.standard.promisedTimeLimit = { value: 40, unit: { code: 'WD', label: '工作日' } };
      c.standard.statutoryTimeLimit = { value: 1, unit: { code: 'M', label: '月' } };
    });
    expect(exceeds).toEqual([expect.objectContaining({ pointer: '/standard/promisedTimeLimit/value', code: 'standard.promise-exceeds-statutory' })]);
    expect(exceeds[0]?.message).toMatch(/^承诺办理时限 40 个工作日超过法定办理时限 1 个月：如自 \d{4}-\d{2}-\d{2} 起算/);
    expect(problemsOf((c) => {
      c.standard.promisedTimeLimit = { value: 15, unit: { code: 'WD', label: '工作日' } };
      c.standard.statutoryTimeLimit = { value: 1, unit: { code: 'M', label: '月' } };
    })).toEqual([]);
    const hours = problemsOf((c) => {
      c.standard.promisedTimeLimit = { value: 4, unit: { code: 'H', label: '小时' } };
      c.standard.statutoryTimeLimit = { value: 1, unit: { code: 'WD', label: '工作日' } };
    });
    expect(hours).toEqual([expect.objectContaining({ pointer: '/standard/promisedTimeLimit/unit', code: 'standard.time-limit-not-comparable' })]);
  });

  it('finds the start day at which a working-day promise outruns a month', () => {
    // 20 working days fit in a month from most days, but not across a long holiday.
    const result = compareTimeLimits({ value: 20, unit: 'WD' }, { value: 1, unit: 'M' });
    expect(result.kind).toBe('exceeds');
    if (result.kind === 'exceeds' && result.example) expect(result.example.promisedEnd > result.example.statutoryEnd).toBe(true);
    expect(compareTimeLimits({ value: 30, unit: 'CD' }, { value: 1, unit: 'M' }).kind).toBe('exceeds'); // from 31 January
    expect(compareTimeLimits({ value: 28, unit: 'CD' }, { value: 1, unit: 'M' }).kind).toBe('within');
    expect(compareTimeLimits({ value: 3, unit: 'WD' }, { value: 3, unit: 'CD' }).kind).toBe('exceeds');
    expect(compareTimeLimits({ value: 1, unit: 'WD' }, { value: 3, unit: 'CD' }).kind).toBe('within');
  });

  it('reports a duplicate material id at both cells and keeps checking the scenarios', () => {
    const problems = problemsOf((c) => { c.standard.materials[2].id = 'proxy-letter'; });
    expect(problems.filter((p) => p.code === 'standard.duplicate-material').map((p) => p.pointer)).toEqual(['/standard/materials/1/id', '/standard/materials/2/id']);
    expect(problems.find((p) => p.pointer === '/standard/scenarios/1/materialIds/2')?.code).toBe('standard.unknown-material');
  });
});

