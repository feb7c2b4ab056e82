import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';

const ID = '110105199001011234';
const MOBILE = '13912345678';
/** The same two numbers as people write them: next to letters, +86, dashes, spaces, full width. */
const VARIANTS = `申请人ID${ID}，tel${MOBILE}，+86 139-1234-5678，110105 19900101 1234，１３９１２３４５６７８`;

/** Text with every full-width digit made ASCII and separators removed: what a reader could piece back. */
const readable = (text: string) => text.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\-－]/g, '');

describe('one masking in listings, audit comments and logs', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
    const config = itemConfig('MASK-1');
    await request(t.app).put('/api/items/MASK-1/draft').set(t.as.author).send(config);
    await request(t.app).post('/api/items/MASK-1/draft/submit').set(t.as.author);
    expect((await request(t.app).post('/api/items/MASK-1/draft/approve').set(t.as.reviewer).send({ comment: `核对 ${VARIANTS}` })).status).toBe(200);
    expect((await request(t.app).post('/api/items/MASK-1/publish').set(t.as.author).send({ reason: `首次发布 ${VARIANTS}`, legalBasis: '测试', changeKind: 'establish' })).status).toBe(201);
    await request(t.app).put('/api/localities/150102/claims/MASK-1').set(t.as.admin).send({ follow: 'latest' });
  });
  afterAll(async () => t.close());

  it('GET /api/audit masks review comments and reasons in every form', async () => {
    const events = (await request(t.app).get('/api/audit?code=MASK-1').set(t.as.auditor)).body.events as { action: string; reason: string | null }[];
    const approved = events.find((e) => e.action === 'draft.approved');
    expect(approved?.reason).toContain('ID1101**********1234');
    expect(approved?.reason).toContain('tel139****5678');
    const text = readable(JSON.stringify(events));
    expect(text).not.toContain(ID);
    expect(text).not.toContain(MOBILE);
  });

  it('GET /api/decisions masks form data in every form, keys and JSON numbers included', async () => {
    const formData = { name: `tel${MOBILE}`, idNumber: ID, phone: '+86 139-1234-5678', note: VARIANTS, [`k${MOBILE}`]: Number(MOBILE) };
    const evaluated = await request(t.app).post('/api/runtime/150102/items/MASK-1/evaluate').set(t.as.operator).send({ scenario: 'self', formData, materials: ['id-card'] });
    expect(evaluated.status).toBe(200);
    const decisions = (await request(t.app).get('/api/decisions?code=MASK-1').set(t.as.auditor)).body.decisions as unknown[];
    expect(decisions).toHaveLength(1);
    const text = readable(JSON.stringify(decisions));
    expect(text).not.toContain(ID);
    expect(text).not.toContain(MOBILE);
    expect(JSON.stringify(decisions)).toContain('"k139****5678":"139****5678"');
  });

  it('keeps every log line valid JSON with the numbers masked', async () => {
    t.logs.length = 0;
    await request(t.app).get(`/api/items/ID${ID}`).set(t.as.auditor);
    await request(t.app).get(`/api/runtime/150102/items/tel${MOBILE}/guide`);
    expect(t.logs.length).toBeGreaterThan(0);
    for (const line of t.logs) expect(() => JSON.parse(line)).not.toThrow();
    const text = readable(t.logs.join('\n'));
    expect(text).not.toContain(ID);
    expect(text).not.toContain(MOBILE);
  });

  it('records no anonymous evaluation, so the public form leaves no personal data behind', async () => {
    const before = await t.decisionLog.count();
    const answer = await request(t.app).post('/api/runtime/150102/items/MASK-1/evaluate').send({ scenario: 'self', formData: { name: '王五', idNumber: ID, phone: MOBILE }, materials: ['id-card'] });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-tongban-decision-id']).toBeUndefined();
    expect(await t.decisionLog.count()).toBe(before);
  });
});
