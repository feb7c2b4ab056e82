import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { conditionalBranch } from '../form/field-conditions.js';
import { buildServiceGuide, renderServiceGuideHtml } from './service-guide.js';

describe('the service guide of a form with value-based logic', () => {
  it('says when each conditional field must be filled in', () => {
    const config = itemConfig();
    const schema = config.form.schema as { properties: Record<string, unknown>; allOf?: unknown[] };
    schema.properties.hukou = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市'] };
    schema.properties.household = { type: 'number', title: '家庭人口' };
    schema.properties.hardship = { type: 'string', title: '困难说明' };
    schema.allOf = [
      conditionalBranch({ name: 'permit', effect: 'show', when: { field: 'hukou', operator: 'equal', value: '外盟市' }, requiredWhenShown: true }, { type: 'string', title: '居住证编号' }),
      conditionalBranch({ name: 'hardship', effect: 'require', when: { field: 'household', operator: 'greaterThanInclusive', value: 4 } }),
      conditionalBranch({ name: 'note', effect: 'show', when: { field: 'hukou', operator: 'in', value: ['外盟市'] } }, { type: 'string', title: '备注' }),
    ];
    const guide = buildServiceGuide(config, { version: 1, hash: 'h' });
    const section = guide.sections.find((s) => s.key === 'formConditions');
    expect(section?.title).toBe('申请表填写说明');
    expect(section?.items).toEqual([
      '当「户籍所在地」为「外盟市」时需填写「居住证编号」',
      '当「家庭人口」不小于 4 时需填写「困难说明」',
      '当「户籍所在地」为「外盟市」时显示「备注」（可不填）',
    ]);
    expect(renderServiceGuideHtml(guide)).toContain('当「户籍所在地」为「外盟市」时需填写「居住证编号」');
  });

  it('has no such section for a form without conditions', () => {
    const guide = buildServiceGuide(itemConfig(), { version: 1, hash: 'h' });
    expect(guide.sections.map((s) => s.key)).not.toContain('formConditions');
  });
});
