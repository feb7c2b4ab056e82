import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import type { ItemConfig } from '../config/types.js';
import { conditionalBranch } from '../form/field-conditions.js';
import { evaluate } from './evaluate.js';

const ADULT = '11010519491231002X';
const at = { division: '150102', channel: 'comprehensive-window' as const };

/**
 * The fixture item with 户籍所在地; 居住证编号 is shown and required only for 外盟市, 家庭人口 above 3
 * requires 困难说明, and a rule reads both (a 居住证编号 starting with X is refused; a 困难说明 asks
 * for a material).
 */
function conditionalItem(): ItemConfig {
  const config = itemConfig();
  const schema = config.form.schema as { properties: Record<string, unknown>; allOf?: unknown[] };
  schema.properties.hukou = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市'] };
  schema.properties.household = { type: 'number', title: '家庭人口' };
  schema.properties.hardship = { type: 'string', title: '困难说明' };
  schema.allOf = [
    conditionalBranch({ name: 'permit', effect: 'show', when: { field: 'hukou', operator: 'equal', value: '外盟市' }, requiredWhenShown: true }, { type: 'string', title: '居住证编号', maxLength: 30 }),
    conditionalBranch({ name: 'hardship', effect: 'require', when: { field: 'household', operator: 'greaterThan', value: 3 } }),
  ];
  config.rules.push(
    {
      name: 'permit-revoked',
      description: '居住证已注销',
      conditions: { all: [{ fact: 'permit', operator: 'equal', value: 'X-REVOKED' }] },
      event: { type: 'reject', params: { message: '居住证已注销' } },
    },
    {
      name: 'hardship-proof',
      description: '困难说明需附证明',
      conditions: { all: [{ fact: 'hardship', operator: 'notEqual', value: '无' }] },
      event: { type: 'requireMaterial', params: { materialId: 'photo', message: '请附困难证明照片' } },
    },
  );
  return config;
}

const decide = (formData: Record<string, unknown>) =>
  evaluate(conditionalItem(), { scenario: 'self', formData: { name: '王五', idNumber: ADULT, phone: '13912345678', employmentType: '个体经营', ...formData }, materials: ['id-card'], date: '2025-06-01' }, at);

describe('missing data under form conditions', () => {
  it('does not ask for a field the condition hides, nor count a value left in it', async () => {
    const local = await decide({ hukou: '本盟市', household: 2 });
    expect(local.fieldErrors).toEqual([]);
    expect(local.reasons).toEqual([]);
    expect(local.outcome).toBe('accept');
    // A stale 居住证编号 from before the applicant switched to 本盟市 is not on the form: no refusal.
    const stale = await decide({ hukou: '本盟市', household: 2, permit: 'X-REVOKED' });
    expect(stale.outcome).toBe('accept');
  });

  it('asks for it, in the form and in the rules, once the condition holds', async () => {
    const away = await decide({ hukou: '外盟市', household: 2 });
    expect(away.outcome).toBe('supplement');
    expect(away.fieldErrors).toEqual([{ path: '/permit', keyword: 'required', message: '请填写「居住证编号」' }]);
    expect(away.reasons).toEqual([{ rule: 'permit-revoked', type: 'undecided', message: '请填写「居住证编号」，以便判断“居住证已注销”' }]);
    const refused = await decide({ hukou: '外盟市', household: 2, permit: 'X-REVOKED' });
    expect(refused.outcome).toBe('reject');
  });

  it('treats a field required only above a threshold as missing only above it', async () => {
    const small = await decide({ hukou: '本盟市', household: 3 });
    expect(small.reasons.filter((r) => r.rule === 'hardship-proof')).toEqual([]);
    expect(small.outcome).toBe('accept');
    const large = await decide({ hukou: '本盟市', household: 4 });
    expect(large.fieldErrors.map((e) => e.path)).toEqual(['/hardship']);
    expect(large.reasons).toEqual([{ rule: 'hardship-proof', type: 'undecided', message: '请填写「困难说明」，以便判断“困难说明需附证明”' }]);
    const explained = await decide({ hukou: '本盟市', household: 4, hardship: '失业' });
    expect(explained.missingMaterials.map((m) => m.id)).toEqual(['photo']);
  });
});
