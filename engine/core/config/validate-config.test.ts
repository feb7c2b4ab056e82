import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import type { ItemConfig } from './types.js';
import { validateConfig } from './validate-config.js';

function problemsOf(mutate: (c: ItemConfig) => void) {
  const config = itemConfig();
  mutate(config);
  return validateConfig(config);
}

function pointers(mutate: (c: ItemConfig) => void) {
  return problemsOf(mutate).map((p) => p.pointer);
}

describe('validateConfig', () => {
  it('accepts the fixture', () => {
    expect(validateConfig(itemConfig())).toEqual([]);
  });

  it('reports every schema problem at once with a pointer and a Chinese message', () => {
    const problems = problemsOf((c) => {
      delete (c.standard as Partial<ItemConfig['standard']>).resultName;
      c.standard.caseType = { code: '7', label: '即办件' };
      (c.standard.materials[0] as { name: unknown }).name = 42;
    });
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/standard/caseType/code', '/standard/materials/0/name', '/standard/resultName']);
    expect(problems.find((p) => p.pointer === '/standard/resultName')?.message).toBe('请填写「审批结果名称」');
    expect(problems.find((p) => p.pointer === '/standard/caseType/code')?.message).toContain('给定选项');
  });

  it('checks that a coded label matches its code', () => {
    const problems = problemsOf((c) => { c.standard.itemType = { code: '01', label: '公共服务' }; });
    expect(problems).toEqual([expect.objectContaining({ pointer: '/standard/itemType/label', code: 'standard.label-mismatch' })]);
    expect(problems[0]?.message).toContain('行政许可');
  });

  it('enforces the time-limit rules', () => {
    expect(pointers((c) => { c.standard.promisedTimeLimit.value = 11; })).toEqual(['/standard/promisedTimeLimit/value']);
    expect(pointers((c) => { c.standard.promisedTimeLimit.value = 11; c.standard.statutoryTimeLimit = { value: 30, unit: { code: 'CD', label: '自然日' } }; })).toEqual([]);
    expect(pointers((c) => { c.standard.statutoryTimeLimit.value = null; c.standard.promisedTimeLimit.value = 30; })).toEqual([]);
    const immediate = problemsOf((c) => { c.standard.caseType = { code: '1', label: '即办件' }; });
    expect(immediate).toEqual([expect.objectContaining({ pointer: '/standard/promisedTimeLimit/value', code: 'standard.immediate-time-limit' })]);
    expect(pointers((c) => { c.standard.caseType = { code: '1', label: '即办件' }; c.standard.promisedTimeLimit.value = 0; })).toEqual([]);
  });

  it('requires unique material ids and scenario material ids that exist', () => {
    const problems = problemsOf((c) => {
      c.standard.materials[1] = { ...c.standard.materials[0]!, name: '重复' };
      c.standard.scenarios[0]!.materialIds.push('no-such');
      c.standard.reviewPoints.push({ materialId: 'ghost', point: 'x' });
    });
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['standard.duplicate-material', 'standard.unknown-material']));
    expect(problems.map((p) => p.pointer)).toEqual(expect.arrayContaining(['/standard/materials/1/id', '/standard/scenarios/0/materialIds/2', '/standard/reviewPoints/1/materialId']));
  });

  it('checks that necessity and required agree', () => {
    expect(pointers((c) => { c.standard.materials[4]!.required = true; })).toEqual(['/standard/materials/4/required']);
  });

  it('refuses remote $refs, reserved field names and patterns that cannot run in linear time', () => {
    const problems = problemsOf((c) => {
      const props = c.form.schema.properties as Record<string, Record<string, unknown>>;
      props.today = { type: 'string' };
      props.remote = { $ref: 'https://example.invalid/schema.json' };
      props.backref = { type: 'string', pattern: '^(a)\\1$' };
      props.lookahead = { type: 'string', pattern: '^(?=a)a$' };
    });
    expect(problems.map((p) => [p.pointer, p.code])).toEqual(
      expect.arrayContaining([
        ['/form/schema/properties/today', 'form.reserved-field'],
        ['/form/schema/properties/remote/$ref', 'form.remote-ref'],
        ['/form/schema/properties/backref/pattern', 'form.pattern'],
        ['/form/schema/properties/lookahead/pattern', 'form.pattern'],
      ]),
    );
  });

  it('reports a form schema that does not compile, and accepts Chinese character classes', () => {
    expect(pointers((c) => { (c.form.schema.properties as Record<string, unknown>).x = { type: 'strng' }; })).toEqual(['/form/schema/properties/x/type']);
    expect(pointers((c) => { (c.form.schema.properties as Record<string, Record<string, unknown>>).name!.pattern = '^[\\u4e00-\\u9fa5·]{2,20}$'; })).toEqual([]);
  });

  it('checks rules: known facts and operators, operator fits the field, values fit the field', () => {
    const problems = problemsOf((c) => {
      c.rules.push(
        { name: 'a', conditions: { all: [{ fact: 'nosuch', operator: 'equal', value: 1 }] }, event: { type: 'supplement', params: { message: 'x' } } },
        { name: 'b', conditions: { all: [{ fact: 'name', operator: 'greaterThan', value: 3 }] }, event: { type: 'supplement', params: { message: 'x' } } },
        { name: 'c', conditions: { any: [{ fact: 'employmentType', operator: 'equal', value: '全日制' }] }, event: { type: 'supplement', params: { message: 'x' } } },
        { name: 'd', conditions: { all: [{ fact: 'idNumber', operator: 'ageBelow', value: 'eighteen' }] }, event: { type: 'requireMaterial', params: { materialId: 'nope' } } },
        { name: 'e', conditions: { all: [{ fact: 'name', operator: 'fuzzy', value: 1 }] }, event: { type: 'reject', params: { message: '' } } },
        { name: 'a', conditions: { all: [{ fact: 'materials', operator: 'contains', value: 'ghost' }] }, event: { type: 'supplement', params: { message: 'x' } } },
        { name: 'f', conditions: { all: [{ fact: 'residence', operator: 'divisionWithin', value: '990000' }] }, event: { type: 'supplement', params: { message: 'x' } } },
        { name: 'g', conditions: { all: [{ fact: 'today', operator: 'greaterThan', value: 5 }] }, event: { type: 'supplement', params: { message: 'x' } } },
      );
    });
    const found = problems.map((p) => [p.pointer, p.code]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['/rules/3/conditions/all/0/fact', 'rule.unknown-fact'],
        ['/rules/4/conditions/all/0/operator', 'rule.operator-type'],
        ['/rules/5/conditions/any/0/value', 'rule.option'],
        ['/rules/6/conditions/all/0/value', 'rule.value-type'],
        ['/rules/6/event/params/materialId', 'rule.unknown-material'],
        ['/rules/7/conditions/all/0/operator', 'rule.unknown-operator'],
        ['/rules/7/event/params/message', 'rule.event-params'],
        ['/rules/8/name', 'rule.duplicate-name'],
        ['/rules/8/conditions/all/0/value', 'rule.option'],
        ['/rules/9/conditions/all/0/value', 'rule.value-type'],
        ['/rules/10/conditions/all/0/operator', 'rule.operator-type'],
      ]),
    );
  });

  it('checks that the applicant fields a form designates exist', () => {
    expect(pointers((c) => { c.form.applicant = { name: 'name', idNumber: 'idNumber', phone: 'phone' }; })).toEqual([]);
    expect(problemsOf((c) => { c.form.applicant = { idNumber: 'applicantIdNumber' }; })).toEqual([expect.objectContaining({ pointer: '/form/applicant/idNumber', code: 'form.applicant-field' })]);
  });

  it('refuses an empty comparison value (checking for an empty field is what isFilled is for)', () => {
    const problems = problemsOf((c) => {
      c.rules.push({ name: 'empty', conditions: { all: [{ fact: 'name', operator: 'equal', value: '' }] }, event: { type: 'supplement', params: { message: 'x' } } });
    });
    expect(problems).toEqual([expect.objectContaining({ pointer: '/rules/3/conditions/all/0/value', code: 'rule.empty-value' })]);
  });

  it('checks examples against the scenarios and materials that exist', () => {
    const problems = problemsOf((c) => {
      c.examples[0]!.input.scenario = 'nope';
      c.examples[1]!.input.materials.push('ghost');
      c.examples[1]!.expect.missingMaterials = ['phantom'];
    });
    expect(problems.map((p) => p.pointer).sort()).toEqual(['/examples/0/input/scenario', '/examples/1/expect/missingMaterials/0', '/examples/1/input/materials/1']);
  });

  it('rejects a config that is not an object at all', () => {
    expect(validateConfig(null)[0]).toMatchObject({ pointer: '' });
    expect(validateConfig({ code: 'X' }).map((p) => p.pointer)).toEqual(expect.arrayContaining(['/standard', '/form', '/rules', '/examples']));
  });
});
