import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

const ADULT = '11010519491231002X';
const AGE_17 = '150102200803150027';
const CHILD = '150102201501010015';
const form = (idNumber: string) => ({ name: '王五', idNumber, phone: '13912345678', employmentType: '个体经营' });

describe('recorded decisions: replay and impact', () => {
  let t: TestInstallation;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, itemConfig('RP-1'));
    await request(t.app).put('/api/localities/150102/claims/RP-1').set(t.as.operator).send({});
    await request(t.app).put('/api/localities/152921/claims/RP-1').set(t.as.otherOperator).send({});
    for (const [division, idNumber, materials] of [['150102', ADULT, ['id-card']], ['152921', AGE_17, ['id-card']], ['150102', CHILD, ['id-card']], ['152921', ADULT, []]] as const) {
      const res = await request(t.app).post(`/api/runtime/${division}/items/RP-1/evaluate`).set(t.as.operator).send({ scenario: 'self', formData: form(idNumber), materials, date: '2025-06-01' });
      expect(res.status).toBe(200);
      ids.push(res.headers['x-tongban-decision-id'] as string);
    }
  });
  afterAll(async () => t.close());

  it('records every decision with the version and hash it used, listed with personal data masked', async () => {
    expect(ids.every((id) => /^D[0-9A-Z]{26}$/.test(id))).toBe(true);
    const listed = (await request(t.app).get('/api/decisions?code=RP-1').set(t.as.auditor)).body.decisions;
    expect(listed.map((d: { id: string }) => d.id)).toEqual(ids);
    expect(listed.map((d: { outcome: string }) => d.outcome)).toEqual(['accept', 'supplement', 'reject', 'supplement']);
    expect(listed[0]).toMatchObject({ code: 'RP-1', version: 1, division: '150102', input: { formData: { idNumber: '1101**********002X', phone: '139****5678' } }, by: { id: 'operator-xincheng', name: '新城区窗口' } });
    expect(JSON.stringify(listed)).not.toContain(ADULT);
    expect((await request(t.app).get('/api/decisions?outcome=reject').set(t.as.auditor)).body.decisions.map((d: { id: string }) => d.id)).toEqual([ids[2]]);
    expect((await request(t.app).get('/api/decisions').set(t.as.operator)).status).toBe(403);
  });

  it('replays a recorded decision against its exact version with an identical result', async () => {
    for (const id of ids) {
      const replay = await request(t.app).post('/api/audit/replay').set(t.as.auditor).send({ id });
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ id, identical: true, differences: [], item: { code: 'RP-1', version: 1 } });
    }
    // A newer version does not change what a past decision replays against.
    const v2 = itemConfig('RP-1');
    v2.standard.promisedTimeLimit.value = 2;
    await publishThroughApi(t, v2, { reason: '压缩时限', legalBasis: '测试', changeKind: 'amend' });
    const again = await request(t.app).post('/api/audit/replay').set(t.as.auditor).send({ id: ids[0] });
    expect(again.body).toMatchObject({ identical: true, item: { version: 1 } });
    expect((await request(t.app).post('/api/audit/replay').set(t.as.auditor).send({ id: 'D0000000000000000000000000' })).status).toBe(404);
  });

  it('lists exactly the recorded decisions whose outcome a draft would change', async () => {
    const v1Decisions = ids;
    // Decisions of version 2, the latest: one adult accept and one 17-year-old supplement.
    const v2Ids: string[] = [];
    for (const idNumber of [ADULT, AGE_17]) {
      const res = await request(t.app).post('/api/runtime/150102/items/RP-1/evaluate').set(t.as.operator).send({ scenario: 'self', formData: form(idNumber), materials: ['id-card'], date: '2025-06-01' });
      expect(res.body.item.version).toBe(2);
      v2Ids.push(res.headers['x-tongban-decision-id'] as string);
    }
    const draft = itemConfig('RP-1');
    draft.standard.promisedTimeLimit.value = 2;
    const rule = draft.rules.find((r) => r.name === 'under-16')!;
    rule.conditions = { all: [{ fact: 'idNumber', operator: 'ageBelow', value: 18 }] };
    draft.examples = draft.examples.filter((e) => e.expect.outcome !== 'supplement' || e.name !== '未满18');
    const head = await request(t.app).get('/api/items/RP-1/draft').set(t.as.author);
    expect(head.status).toBe(404);
    expect((await request(t.app).put('/api/items/RP-1/draft').set(t.as.author).send(draft)).status).toBe(201);
    const impact = await request(t.app).post('/api/items/RP-1/impact').set(t.as.reviewer);
    expect(impact.status).toBe(200);
    expect(impact.body).toMatchObject({ code: 'RP-1', version: 2, examined: 2 });
    expect(impact.body.changed).toEqual([
      { id: v2Ids[1], division: '150102', date: '2025-06-01', before: 'supplement', after: 'reject', reasons: [expect.objectContaining({ rule: 'under-16', type: 'reject' }), expect.objectContaining({ rule: 'under-18-consent' })],
        causes: [expect.objectContaining({ kind: 'rule', rule: 'under-16', change: 'fires', event: 'reject' })] },
    ]);
    expect(v1Decisions).not.toContain(v2Ids[1]);
  });
});

describe('recorded 容缺受理 decisions: replay and impact', () => {
  let t: TestInstallation;
  /** The fixture on the 容缺受理事项清单, with 授权委托书 as 容缺后补. */
  const deferring = () => {
    const config = itemConfig('RP-2');
    config.standard.materials.find((m) => m.id === 'proxy-letter')!.necessity = { code: '3', label: '容缺后补' };
    config.standard.deferredAcceptance = { allowed: true, consequence: '终止办理' };
    return config;
  };
  const agent = (extra: object = {}) => ({ scenario: 'agent', formData: form(ADULT), materials: ['id-card', 'agent-id'], date: '2025-06-01', ...extra });
  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, deferring());
    await request(t.app).put('/api/localities/150102/claims/RP-2').set(t.as.operator).send({});
  });
  afterAll(async () => t.close());

  it('records accept-on-commitment and the 失信 mark that refused it, replays both identically, and sees a draft without 容缺 change the first', async () => {
    const ids: string[] = [];
    for (const body of [agent(), agent({ creditBlacklisted: true })]) {
      const res = await request(t.app).post('/api/runtime/150102/items/RP-2/evaluate').set(t.as.operator).send(body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      ids.push(res.headers['x-tongban-decision-id'] as string);
    }
    const listed = (await request(t.app).get('/api/decisions?code=RP-2').set(t.as.auditor)).body.decisions;
    expect(listed.map((d: { outcome: string }) => d.outcome)).toEqual(['accept-on-commitment', 'supplement']);
    expect(listed[0].input).not.toHaveProperty('creditBlacklisted');
    expect(listed[1].input.creditBlacklisted).toBe(true);
    expect(listed[1].decision.deferredAcceptance).toMatchObject({ granted: false, refusal: 'credit' });
    expect((await request(t.app).get('/api/decisions?outcome=accept-on-commitment').set(t.as.auditor)).body.decisions.map((d: { id: string }) => d.id)).toEqual([ids[0]]);
    for (const id of ids) {
      const replay = await request(t.app).post('/api/audit/replay').set(t.as.auditor).send({ id });
      expect(replay.body).toMatchObject({ id, identical: true, differences: [] });
    }
    const draft = deferring();
    delete draft.standard.deferredAcceptance;
    expect((await request(t.app).put('/api/items/RP-2/draft').set(t.as.author).send(draft)).status).toBe(201);
    const impact = await request(t.app).post('/api/items/RP-2/impact').set(t.as.reviewer);
    expect(impact.body.changed.map((c: { id: string; before: string; after: string }) => [c.id, c.before, c.after])).toEqual([[ids[0], 'accept-on-commitment', 'supplement']]);
  });
});
