// The reviewer's impact analysis names what changes each recorded decision: the rule whose firing
// changed (by its Chinese name), the new required field, the material now missing.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retirementAgeConfig } from '../fixtures/retirement-age.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

const CODE = 'IMPACT-1';
const ADULT = '11010519491231002X';
const application = (age: number) => ({ scenario: 'self', formData: { name: '王五', idNumber: ADULT, phone: '13912345678', employmentType: '个体经营', age }, materials: ['id-card'], date: '2025-06-01' });

describe('POST /api/items/:code/impact attributes every changed decision', () => {
  let t: TestInstallation;
  const ids = new Map<number, string>();
  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, retirementAgeConfig(CODE, 60));
    expect((await request(t.app).put(`/api/localities/150102/claims/${CODE}`).set(t.as.operator).send({})).status).toBe(200);
    for (const age of [55, 61, 62, 65]) {
      const res = await request(t.app).post(`/api/runtime/150102/items/${CODE}/evaluate`).set(t.as.operator).send(application(age));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      ids.set(age, res.headers['x-tongban-decision-id'] as string);
    }
  });
  afterAll(async () => t?.close());

  async function saveDraft(config: ReturnType<typeof retirementAgeConfig>) {
    const existing = await request(t.app).get(`/api/items/${CODE}/draft`).set(t.as.author);
    const put = await request(t.app).put(`/api/items/${CODE}/draft`).set(t.as.author).set(existing.status === 200 ? { 'If-Match': existing.headers.etag as string } : {}).send(config);
    expect([200, 201], JSON.stringify(put.body)).toContain(put.status);
  }

  it('names the rule whose firing changed when a draft raises the age threshold from 60 to 63', async () => {
    await saveDraft(retirementAgeConfig(CODE, 63));
    const impact = await request(t.app).post(`/api/items/${CODE}/impact`).set(t.as.reviewer);
    expect(impact.status, JSON.stringify(impact.body)).toBe(200);
    expect(impact.body).toMatchObject({ code: CODE, version: 1, examined: 4, transitions: [{ before: 'reject', after: 'accept', count: 2 }] });
    expect(impact.body.changed.map((c: { id: string }) => c.id)).toEqual([ids.get(61), ids.get(62)]);
    for (const entry of impact.body.changed) {
      expect(entry.causes).toEqual([{ kind: 'rule', rule: 'retired', title: '已达退休年龄', change: 'stops', text: '受理规则「已达退休年龄」不再触发' }]);
    }
  });

  it('names a new required field and a newly required material as the cause, by title and name', async () => {
    const draft = retirementAgeConfig(CODE, 60);
    (draft.form.schema.properties as Record<string, unknown>).employer = { type: 'string', title: '工作单位', maxLength: 100 };
    (draft.form.schema.required as string[]).push('employer');
    (draft.form.uiSchema!['ui:order'] as string[]).push('employer');
    for (const example of draft.examples) example.input.formData.employer = '某某公司';
    // The photo becomes required (it already belongs to applying in person).
    Object.assign(draft.standard.materials.find((m) => m.id === 'photo')!, { required: true, necessity: { code: '1', label: '必要' } });
    for (const example of draft.examples) if (example.input.scenario === 'self' && !example.input.materials.includes('photo')) example.input.materials.push('photo');
    await saveDraft(draft);
    const impact = await request(t.app).post(`/api/items/${CODE}/impact`).set(t.as.reviewer);
    expect(impact.status, JSON.stringify(impact.body)).toBe(200);
    // Only the 55-year-old was accepted; the refused stay refused.
    expect(impact.body.transitions).toEqual([{ before: 'accept', after: 'supplement', count: 1 }]);
    const [entry] = impact.body.changed;
    expect(entry.id).toBe(ids.get(55));
    expect(entry.causes.map((c: { kind: string; text: string }) => [c.kind, c.text])).toEqual([
      ['field', expect.stringMatching(/^新增必填字段「工作单位」未填写：/)],
      ['material', '现须提交申请材料「近期免冠照片」，该申请未提交'],
    ]);
    expect(entry.causes[0]).toMatchObject({ field: '/employer', title: '工作单位', change: 'fails' });
  });
});
