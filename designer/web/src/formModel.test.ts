import { describe, expect, it } from 'vitest';
import { compileFormValidator, conditionalFields, type FormDefinition } from '../../../engine/core/index.js';
import {
  buildForm, conditionOperatorsFor, conditionProblem, conditionValueFromText, conditionValueText, designerBranch, isRoundTrip, newField, parseForm,
  retargetConditions, setCondition, type FieldModel,
} from './formModel.js';

const field = (name: string, over: Partial<FieldModel> = {}): FieldModel => ({ ...newField('text', new Set()), name, title: name, ...over });
const hukou = field('hukou', { kind: 'single', title: '户籍所在地', options: ['本盟市', '外盟市', '外省'], required: true });
const household = field('household', { kind: 'number', title: '家庭人口' });
const permit = field('permit', { title: '居住证编号', required: true, condition: { field: 'hukou', operator: 'equal', value: '外盟市', effect: 'show' } });
const hardship = field('hardship', { title: '困难说明', condition: { field: 'household', operator: 'greaterThan', value: 3, effect: 'require' } });

describe('form model: value-based conditions', () => {
  const form = buildForm([hukou, permit, household, hardship]);
  const schema = form.schema as Record<string, unknown>;

  it('writes a show-when as an allOf if/then declaring the field, and a require-when as then.required', () => {
    expect(schema.properties).not.toHaveProperty('permit');
    expect(schema.properties).toHaveProperty('hardship');
    expect(schema.allOf).toEqual([
      { if: { properties: { hukou: { const: '外盟市' } }, required: ['hukou'] }, then: { properties: { permit: { type: 'string', title: '居住证编号' } }, required: ['permit'] } },
      { if: { properties: { household: { type: 'number', exclusiveMinimum: 3 } }, required: ['household'] }, then: { required: ['hardship'] } },
    ]);
    // The shown field cannot be named in ui:order (RJSF refuses unknown names): '*' stands for it.
    expect(form.uiSchema?.['ui:order']).toEqual(['hukou', '*', 'household', 'hardship']);
    expect(conditionalFields(schema).map((c) => [c.name, c.effect])).toEqual([['permit', 'show'], ['hardship', 'require']]);
  });

  it('reads back exactly what it wrote, conditional fields after their controller', () => {
    const parsed = parseForm(form);
    expect(parsed.map((f) => f.name)).toEqual(['hukou', 'permit', 'household', 'hardship']);
    expect(parsed.find((f) => f.name === 'permit')?.condition).toEqual(permit.condition);
    expect(parsed.find((f) => f.name === 'permit')?.required).toBe(true);
    expect(parsed.find((f) => f.name === 'hardship')?.condition).toEqual(hardship.condition);
    expect(isRoundTrip(form)).toBe(true);
  });

  it('validates as the author meant it', () => {
    const validate = compileFormValidator(schema);
    expect(validate({ hukou: '本盟市' })).toEqual([]);
    expect(validate({ hukou: '外盟市' }).map((e) => e.message)).toEqual(['请填写「居住证编号」']);
    expect(validate({ hukou: '本盟市', household: 4 }).map((e) => e.message)).toEqual(['请填写「困难说明」']);
  });

  it('keeps "shown when it has a value" as RJSF dependencies, and every operator as if/then', () => {
    const legacy = buildForm([hukou, field('note', { condition: { field: 'hukou', operator: 'isFilled', effect: 'show' } })]);
    expect((legacy.schema as Record<string, unknown>).dependencies).toEqual({ hukou: { properties: { note: { type: 'string', title: 'note' } } } });
    expect(parseForm(legacy)[1]?.condition).toEqual({ field: 'hukou', operator: 'isFilled', effect: 'show' });
    for (const operator of ['in', 'greaterThanInclusive', 'lessThan', 'lessThanInclusive'] as const) {
      const value = operator === 'in' ? [2, 3] : 5;
      const f = field('x', { condition: { field: 'household', operator, value, effect: 'require' } });
      expect(parseForm(buildForm([household, f]))[1]?.condition).toEqual({ field: 'household', operator, value, effect: 'require' });
    }
  });

  it('keeps hand-written allOf logic it does not edit', () => {
    const own = { if: { properties: { hukou: { pattern: '^外' } } }, then: { required: ['household'] } };
    const handWritten: FormDefinition = { schema: { ...schema, allOf: [own, ...(schema.allOf as unknown[])] }, uiSchema: form.uiSchema ?? {} };
    expect(designerBranch(own, schema.properties as Record<string, unknown>)).toBeNull();
    const rebuilt = buildForm(parseForm(handWritten), handWritten);
    expect((rebuilt.schema as { allOf: unknown[] }).allOf[0]).toEqual(own);
    expect((rebuilt.schema as { allOf: unknown[] }).allOf).toHaveLength(3);
  });

  it('writes no half condition, and drops one whose controller is gone', () => {
    const half = field('x', { condition: { field: 'household', operator: 'greaterThan', effect: 'require' } });
    expect((buildForm([household, half]).schema as Record<string, unknown>).allOf).toBeUndefined();
    const orphan = field('x', { condition: { field: 'gone', operator: 'equal', value: 1, effect: 'show' } });
    expect((buildForm([orphan]).schema as { properties: Record<string, unknown> }).properties).toHaveProperty('x');
  });

  it('follows a renamed controller and forgets a removed one', () => {
    const renamed = retargetConditions([hukou, permit], 'hukou', 'residence');
    expect(renamed[1]?.condition?.field).toBe('residence');
    expect(retargetConditions([permit], 'hukou', undefined)[0]?.condition).toBeUndefined();
    expect(setCondition(permit, undefined)).not.toHaveProperty('condition');
  });

  it('offers the comparisons the controller supports and types the value to it', () => {
    expect(conditionOperatorsFor('number')).toEqual(['isFilled', 'equal', 'in', 'greaterThan', 'lessThan', 'greaterThanInclusive', 'lessThanInclusive']);
    expect(conditionOperatorsFor('single')).toEqual(['isFilled', 'equal', 'in']);
    expect(conditionOperatorsFor('multi')).toEqual(['isFilled']);
    expect(conditionValueFromText(household, 'greaterThan', ' 3 ')).toBe(3);
    expect(conditionValueFromText(household, 'greaterThan', 'abc')).toBeUndefined();
    expect(conditionValueFromText(hukou, 'in', '外盟市、外省')).toEqual(['外盟市', '外省']);
    expect(conditionValueFromText(hukou, 'isFilled', 'x')).toBeUndefined();
    expect(conditionValueText(['外盟市', '外省'])).toBe('外盟市、外省');
  });

  it('says what is wrong with a condition in Chinese', () => {
    expect(conditionProblem({ field: 'hukou', operator: 'equal', value: '外国', effect: 'show' }, hukou)).toBe('「外国」不是「户籍所在地」的选项');
    expect(conditionProblem({ field: 'hukou', operator: 'equal', effect: 'show' }, hukou)).toBe('请填写条件的值');
    expect(conditionProblem({ field: 'hukou', operator: 'greaterThan', value: 1, effect: 'show' }, hukou)).toBe('「户籍所在地」不能按「大于」判断');
    expect(conditionProblem({ field: 'hukou', operator: 'equal', value: '外盟市', effect: 'show' }, undefined)).toBe('所依据的字段已不存在');
    expect(conditionProblem({ field: 'hukou', operator: 'in', value: ['外盟市'], effect: 'show' }, hukou)).toBeNull();
  });
});
