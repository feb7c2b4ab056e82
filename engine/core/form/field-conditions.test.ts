import { describe, expect, it } from 'vitest';
import {
  conditionalBranch, conditionalFields, conditionalFieldText, conditionHolds, conditionIfSchema, conditionText, fieldApplicability, parseConditionIf,
  FIELD_CONDITION_OPERATORS, type FieldCondition,
} from './field-conditions.js';
import { compileFormValidator } from './form-validator.js';
import { formFields } from './form-fields.js';

const HUKOU = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市', '外省'] };
const PERMIT = { type: 'string', title: '居住证编号', maxLength: 30 };

/** 居住证编号 shown (and required) only for 外盟市; 家庭人口 above 3 requires 困难说明. */
const schema = {
  type: 'object',
  required: ['hukou'],
  properties: {
    hukou: HUKOU,
    household: { type: 'number', title: '家庭人口' },
    hardship: { type: 'string', title: '困难说明' },
  },
  allOf: [
    conditionalBranch({ name: 'permit', effect: 'show', when: { field: 'hukou', operator: 'equal', value: '外盟市' }, requiredWhenShown: true }, PERMIT),
    conditionalBranch({ name: 'hardship', effect: 'require', when: { field: 'household', operator: 'greaterThan', value: 3 } }),
  ],
};
const titles: Record<string, string> = { hukou: '户籍所在地', household: '家庭人口', hardship: '困难说明', permit: '居住证编号', employer: '工作单位' };
const titleOf = (name: string) => titles[name] ?? name;

describe('form conditions in JSON Schema', () => {
  it('writes every operator as an `if` that an empty controller does not satisfy, and reads it back', () => {
    const values: Record<string, unknown> = { isFilled: undefined, equal: '外盟市', in: ['外盟市', '外省'], greaterThan: 3, lessThan: 3, greaterThanInclusive: 3, lessThanInclusive: 3 };
    for (const operator of FIELD_CONDITION_OPERATORS) {
      const condition: FieldCondition = { field: 'c', operator, ...(values[operator] !== undefined ? { value: values[operator] } : {}) };
      const ifSchema = conditionIfSchema(condition);
      expect(ifSchema.required).toEqual(['c']);
      expect(parseConditionIf(ifSchema)).toEqual(condition);
    }
    expect(conditionIfSchema({ field: 'c', operator: 'greaterThanInclusive', value: 60 })).toEqual({ properties: { c: { type: 'number', minimum: 60 } }, required: ['c'] });
  });

  it('leaves hand-written logic it does not understand alone', () => {
    expect(parseConditionIf({ properties: { c: { const: 1 } } })).toBeNull();
    expect(parseConditionIf({ properties: { c: { const: 1 }, d: { const: 2 } }, required: ['c', 'd'] })).toBeNull();
    expect(parseConditionIf({ properties: { c: { pattern: '^1' } }, required: ['c'] })).toBeNull();
  });

  it('finds the conditional fields of allOf branches and of RJSF dependencies', () => {
    const withDependency = { ...schema, dependencies: { hardship: { properties: { employer: { type: 'string', title: '工作单位' } } }, household: ['hukou'] } };
    expect(conditionalFields(withDependency)).toEqual([
      { name: 'employer', effect: 'show', when: { field: 'hardship', operator: 'isFilled' } },
      { name: 'hukou', effect: 'require', when: { field: 'household', operator: 'isFilled' } },
      { name: 'permit', effect: 'show', when: { field: 'hukou', operator: 'equal', value: '外盟市' }, requiredWhenShown: true },
      { name: 'hardship', effect: 'require', when: { field: 'household', operator: 'greaterThan', value: 3 } },
    ]);
    // A field declared only in a branch is still a field (rules may read it).
    expect([...formFields(schema).keys()]).toEqual(['hukou', 'household', 'hardship', 'permit']);
  });

  it('decides a condition as JSON Schema does', () => {
    const equal: FieldCondition = { field: 'hukou', operator: 'equal', value: '外盟市' };
    expect(conditionHolds(equal, { hukou: '外盟市' })).toBe(true);
    expect(conditionHolds(equal, { hukou: '本盟市' })).toBe(false);
    expect(conditionHolds(equal, {})).toBe(false);
    const oneOf: FieldCondition = { field: 'hukou', operator: 'in', value: ['外盟市', '外省'] };
    expect(conditionHolds(oneOf, { hukou: '外省' })).toBe(true);
    expect(conditionHolds(oneOf, { hukou: '本盟市' })).toBe(false);
    const cases: [FieldCondition['operator'], number, boolean][] = [
      ['greaterThan', 3, false], ['greaterThan', 4, true], ['lessThan', 3, false], ['lessThan', 2, true],
      ['greaterThanInclusive', 3, true], ['greaterThanInclusive', 2, false], ['lessThanInclusive', 3, true], ['lessThanInclusive', 4, false],
    ];
    for (const [operator, value, holds] of cases) {
      expect(conditionHolds({ field: 'n', operator, value: 3 }, { n: value })).toBe(holds);
      // The engine's reading is ajv's reading.
      const validate = compileFormValidator({ type: 'object', if: conditionIfSchema({ field: 'n', operator, value: 3 }), then: { required: ['x'] } });
      expect(validate({ n: value }).length > 0).toBe(holds);
    }
  });

  it('says which fields an application does not need, hiding what a hidden field controls', () => {
    const fields = conditionalFields(schema);
    const local = fieldApplicability(fields, { hukou: '本盟市', household: 2, permit: 'stale' });
    expect([...local.hidden]).toEqual(['permit']);
    expect([...local.notRequired].sort()).toEqual(['hardship', 'permit']);
    const away = fieldApplicability(fields, { hukou: '外盟市', household: 5 });
    expect([...away.hidden]).toEqual([]);
    expect([...away.notRequired]).toEqual([]);
    const chained = conditionalFields({
      type: 'object',
      properties: { hukou: HUKOU },
      allOf: [
        conditionalBranch({ name: 'permit', effect: 'show', when: { field: 'hukou', operator: 'equal', value: '外盟市' } }, PERMIT),
        conditionalBranch({ name: 'issuer', effect: 'show', when: { field: 'permit', operator: 'isFilled' } }, { type: 'string', title: '发证机关' }),
      ],
    });
    expect([...fieldApplicability(chained, { hukou: '本盟市', permit: 'stale' }).hidden].sort()).toEqual(['issuer', 'permit']);
    expect([...fieldApplicability(chained, { hukou: '外盟市', permit: 'P1' }).hidden]).toEqual([]);
  });

  it('says a condition in Chinese', () => {
    expect(conditionText({ field: 'hukou', operator: 'equal', value: '外盟市' }, titleOf)).toBe('当「户籍所在地」为「外盟市」时');
    expect(conditionText({ field: 'hukou', operator: 'in', value: ['外盟市', '外省'] }, titleOf)).toBe('当「户籍所在地」为「外盟市」或「外省」时');
    expect(conditionText({ field: 'household', operator: 'greaterThanInclusive', value: 3 }, titleOf)).toBe('当「家庭人口」不小于 3 时');
    expect(conditionText({ field: 'employer', operator: 'isFilled' }, titleOf)).toBe('当「工作单位」已填写时');
    const [permit, hardship] = conditionalFields(schema);
    expect(permit && conditionalFieldText(permit, titleOf)).toBe('当「户籍所在地」为「外盟市」时需填写「居住证编号」');
    expect(hardship && conditionalFieldText(hardship, titleOf)).toBe('当「家庭人口」大于 3 时需填写「困难说明」');
  });
});

describe('form validation with value-based conditions', () => {
  const validate = compileFormValidator(schema);

  it('requires a shown field only while its condition holds, naming it by title', () => {
    expect(validate({ hukou: '外盟市' })).toEqual([{ path: '/permit', keyword: 'required', message: '请填写「居住证编号」' }]);
    expect(validate({ hukou: '本盟市' })).toEqual([]);
    expect(validate({ hukou: '外盟市', permit: 'x'.repeat(31) })).toEqual([{ path: '/permit', keyword: 'maxLength', message: '「居住证编号」最多 30 个字符' }]);
  });

  it('requires a field above a threshold only', () => {
    expect(validate({ hukou: '本盟市', household: 4 })).toEqual([{ path: '/hardship', keyword: 'required', message: '请填写「困难说明」' }]);
    expect(validate({ hukou: '本盟市', household: 3 })).toEqual([]);
  });

  it('reports every problem at once, in every branch that holds', () => {
    expect(validate({ hukou: '外盟市', household: 9 }).map((e) => e.path).sort()).toEqual(['/hardship', '/permit']);
    expect(validate({}).map((e) => e.path)).toEqual(['/hukou']);
  });
});
