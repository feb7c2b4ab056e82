// Value-based form logic through the HTTP API: a field shown and required only for 外盟市 is asked
// for by evaluate exactly then, and the service guide says so.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conditionalBranch, type ItemConfig } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

const CODE = 'RT-COND-1';

const application = (formData: Record<string, unknown>) => ({
  scenario: 'self',
  formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营', ...formData },
  materials: ['id-card'],
  date: '2025-06-01',
});

function conditionalItem(): ItemConfig {
  const config = itemConfig(CODE, '灵活就业人员登记（条件字段）');
  const properties = config.form.schema.properties as Record<string, unknown>;
  properties.hukou = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市'] };
  config.form.schema.allOf = [
    conditionalBranch({ name: 'permit', effect: 'show', when: { field: 'hukou', operator: 'equal', value: '外盟市' }, requiredWhenShown: true }, { type: 'string', title: '居住证编号', maxLength: 30 }),
  ];
  config.rules.push({
    name: 'permit-revoked',
    description: '居住证已注销',
    conditions: { all: [{ fact: 'permit', operator: 'equal', value: 'X-REVOKED' }] },
    event: { type: 'reject', params: { message: '居住证已注销' } },
  });
  // Every enabled rule needs an example that fires it before the draft can be submitted.
  config.examples.push({
    name: '外盟市居住证已注销',
    input: application({ hukou: '外盟市', permit: 'X-REVOKED' }),
    expect: { outcome: 'reject' },
  });
  return config;
}

describe('evaluate honours a field required only under a condition', () => {
  let t: TestInstallation;
  const evaluate = (formData: Record<string, unknown>) => request(t.app).post(`/api/runtime/150102/items/${CODE}/evaluate`).set(t.as.operator).send(application(formData));

  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, conditionalItem());
    expect((await request(t.app).put(`/api/localities/150102/claims/${CODE}`).set(t.as.admin).send({ follow: 'latest' })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('accepts 本盟市 without the field, and does not count a value left in it', async () => {
    const local = await evaluate({ hukou: '本盟市' });
    expect(local.status).toBe(200);
    expect(local.body).toMatchObject({ outcome: 'accept', fieldErrors: [], reasons: [] });
    expect((await evaluate({ hukou: '本盟市', permit: 'X-REVOKED' })).body.outcome).toBe('accept');
  });

  it('asks for it for 外盟市, in the form and in the rules, and decides on it once given', async () => {
    const away = await evaluate({ hukou: '外盟市' });
    expect(away.status).toBe(200);
    expect(away.body.outcome).toBe('supplement');
    expect(away.body.fieldErrors).toEqual([{ path: '/permit', keyword: 'required', message: '请填写「居住证编号」' }]);
    expect(away.body.reasons).toEqual([{ rule: 'permit-revoked', type: 'undecided', message: '请填写「居住证编号」，以便判断“居住证已注销”' }]);
    expect((await evaluate({ hukou: '外盟市', permit: 'P-1' })).body.outcome).toBe('accept');
    expect((await evaluate({ hukou: '外盟市', permit: 'X-REVOKED' })).body.outcome).toBe('reject');
  });

  it('says in the service guide when the field must be filled in', async () => {
    const guide = await request(t.app).get(`/api/runtime/150102/items/${CODE}/guide`).set(t.as.operator);
    expect(guide.status).toBe(200);
    const section = (guide.body.sections as { key: string; items?: string[] }[]).find((s) => s.key === 'formConditions');
    expect(section?.items).toEqual(['当「户籍所在地」为「外盟市」时需填写「居住证编号」']);
  });
});
