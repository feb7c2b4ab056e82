import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { conditionalBranch, type ConditionalField } from '../form/field-conditions.js';
import type { ItemConfig } from '../config/types.js';
import { diffConfigs } from './index.js';

const PERMIT = { type: 'string', title: '居住证编号' };

function withCondition(field: ConditionalField): ItemConfig {
  const config = itemConfig();
  (config.form.schema.properties as Record<string, unknown>).hukou = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市', '外省'] };
  config.form.schema.allOf = [conditionalBranch(field, PERMIT)];
  if (field.effect === 'require') (config.form.schema.properties as Record<string, unknown>).permit = PERMIT;
  return config;
}

const show = (value: unknown, operator: ConditionalField['when']['operator'] = 'equal'): ConditionalField =>
  ({ name: 'permit', effect: 'show', when: { field: 'hukou', operator, value }, requiredWhenShown: true });

/** Value-based conditions as the designer writes them: every change to one is a change the reviewer sees. */
describe('diffConfigs: value-based form conditions', () => {
  it('shows a changed condition value, with both values', () => {
    const changes = diffConfigs(withCondition(show('外盟市')), withCondition(show('外省'))).changes.filter((c) => c.section === 'form');
    expect(changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(changes)).toContain('外盟市');
    expect(JSON.stringify(changes)).toContain('外省');
    expect(changes.every((c) => c.affectsDecision)).toBe(true);
  });

  it('shows a changed operator and a show-when turned into a require-when', () => {
    expect(diffConfigs(withCondition(show(['外盟市', '外省'], 'in')), withCondition(show(['外盟市', '外省'], 'in'))).changes).toEqual([]);
    expect(diffConfigs(withCondition(show('外盟市')), withCondition(show(['外盟市'], 'in'))).changes.filter((c) => c.section === 'form').length).toBeGreaterThan(0);
    const required: ConditionalField = { name: 'permit', effect: 'require', when: { field: 'hukou', operator: 'equal', value: '外盟市' } };
    expect(diffConfigs(withCondition(show('外盟市')), withCondition(required)).changes.filter((c) => c.section === 'form').length).toBeGreaterThan(0);
  });

  it('shows a new condition on a field that had none', () => {
    const plain = itemConfig();
    (plain.form.schema.properties as Record<string, unknown>).hukou = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市', '外省'] };
    (plain.form.schema.properties as Record<string, unknown>).permit = PERMIT;
    const conditional = withCondition({ name: 'permit', effect: 'require', when: { field: 'hukou', operator: 'equal', value: '外盟市' } });
    const changes = diffConfigs(plain, conditional).changes.filter((c) => c.section === 'form');
    expect(changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(changes)).toContain('外盟市');
  });
});
