/**
 * The item lifecycle's refusals speak the caller's language: publishing a draft nobody has approved, or
 * publishing without the change's reason and legal basis, answers in traditional Mongolian when
 * Accept-Language prefers mn-Mong, and in the Chinese source otherwise; code and status never change.
 * Real designer app over a real SQLite installation.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftStatuses, labelOf, LEGAL_CHANGE_KINDS, legalChangeKinds, uiText } from '../../engine/core/index.js';
import { toErrorResponse } from '../../engine/http-kit/index.js';
import { ItemLifecycle } from '../../engine/services/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';

const MONGOLIAN = /[\u1820-\u18AA]/;
const HAN = /[\u4e00-\u9fff]/;
const publishBody = { reason: '首次发布', legalBasis: '《中华人民共和国就业促进法》第三十五条', changeKind: 'establish' };

describe('lifecycle refusals in the language the caller asks for', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses to publish an unapproved draft in Mongolian for mn-Mong, in Chinese otherwise', async () => {
    expect((await request(t.app).put('/api/items/LANG-1/draft').set(t.as.author).send(itemConfig('LANG-1'))).status).toBe(201);
    const mn = await request(t.app).post('/api/items/LANG-1/publish').set(t.as.author).set('Accept-Language', 'mn-Mong').send(publishBody);
    const zh = await request(t.app).post('/api/items/LANG-1/publish').set(t.as.author).send(publishBody);
    expect(mn.status).toBe(409);
    expect(mn.headers['content-language']).toBe('mn-Mong');
    const status = labelOf(draftStatuses, 'editing');
    // The status is named by its Mongolian label too: no Chinese is left in the sentence.
    expect(mn.body.error.message).toBe(uiText('services.items.cannotPublish', 'mn-Mong', { status: labelOf(draftStatuses, 'editing', 'mn-Mong') }));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(mn.body.error.message).not.toMatch(/[\u3400-\u9fff]/);
    expect(zh.body.error.message).toBe(`草稿当前状态为「${status}」，不能发布（须先经合法性审核通过）`);
    expect({ status: zh.status, code: zh.body.error.code, details: zh.body.error.details }).toEqual({ status: 409, code: mn.body.error.code, details: mn.body.error.details });
    expect(mn.body.error.code).toBe('invalid_state');
  });

  it('names each missing piece of a publication in Mongolian, keeping pointers and codes', async () => {
    // Blank (not absent) texts pass the API's schema and are refused by the lifecycle itself.
    const blank = { reason: ' ', legalBasis: '  ' };
    const mn = await request(t.app).post('/api/items/LANG-1/publish').set(t.as.author).set('Accept-Language', 'mn-Mong').send(blank);
    const zh = await request(t.app).post('/api/items/LANG-1/publish').set(t.as.author).send(blank);
    expect(mn.status).toBe(422);
    expect(mn.body.error.message).toBe(uiText('services.items.publishIncomplete', 'mn-Mong'));
    expect(mn.body.error.details.problems).toEqual([
      { pointer: '/reason', code: 'publish.reason', message: uiText('services.items.reasonMissing', 'mn-Mong') },
      { pointer: '/legalBasis', code: 'publish.legalBasis', message: uiText('services.items.legalBasisMissing', 'mn-Mong') },
    ]);
    expect(zh.body.error.details.problems.map((p: { message: string }) => p.message)).toEqual(['请填写变更理由', '请填写变更的法律依据（立改废释）']);
    expect(mn.text).not.toContain('catalogueMessage');
  });

  it('names the rules no example fires in Mongolian: quoted and joined by the Mongolian separator, no Chinese left', async () => {
    const config = itemConfig('LANG-2');
    config.rules[1]!.title = 'Consent rule';
    config.rules[2]!.title = 'Platform rule';
    config.examples = config.examples.filter((e) => e.name !== '16至18周岁缺监护人同意书' && e.name !== '新就业形态未填平台名称');
    expect((await request(t.app).put('/api/items/LANG-2/draft').set(t.as.author).send(config)).status).toBe(201);
    const mn = await request(t.app).post('/api/items/LANG-2/draft/submit').set(t.as.author).set('Accept-Language', 'mn-Mong');
    const zh = await request(t.app).post('/api/items/LANG-2/draft/submit').set(t.as.author);
    expect(mn.status).toBe(422);
    expect(zh.body.error.message).toBe('规则「Consent rule」、「Platform rule」没有任何测试样例触发，不能提交审核；请为每条启用的规则添加触发它的样例');
    const names = ['Consent rule', 'Platform rule'].map((name) => uiText('designer.references.quoted', 'mn-Mong', { name })).join(uiText('server.listSeparator', 'mn-Mong'));
    expect(mn.body.error.message).toBe(uiText('services.items.uncoveredRules', 'mn-Mong', { names }));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(mn.body.error.message).not.toMatch(HAN);
    expect(mn.body.error.message).not.toContain('、');
    expect({ code: mn.body.error.code, details: mn.body.error.details }).toEqual({ code: zh.body.error.code, details: zh.body.error.details });
  });

  it('lists the change kinds by their Mongolian labels for a Mongolian reader (the lifecycle\'s own check, behind the API schema)', async () => {
    const lifecycle = new ItemLifecycle({ store: t.store });
    const refusal = await lifecycle.publish('LANG-1', 'author', { reason: 'r', legalBasis: 'b', changeKind: 'bogus' }).then(() => null, (error: unknown) => error);
    const zh = toErrorResponse(refusal);
    const mn = toErrorResponse(refusal, 'mn-Mong');
    expect(zh.status).toBe(422);
    const zhKinds = LEGAL_CHANGE_KINDS.map((kind) => `「${labelOf(legalChangeKinds, kind)}」`).join('、');
    expect(zh.body.error.details).toEqual({ problems: [{ pointer: '/changeKind', code: 'publish.changeKind', message: `变更类型应为${zhKinds}之一` }] });
    const mnKinds = LEGAL_CHANGE_KINDS.map((kind) => uiText('designer.references.quoted', 'mn-Mong', { name: labelOf(legalChangeKinds, kind, 'mn-Mong') })).join(uiText('server.listSeparator', 'mn-Mong'));
    const [problem] = (mn.body.error.details as { problems: { message: string }[] }).problems;
    expect(problem).toEqual({ pointer: '/changeKind', code: 'publish.changeKind', message: uiText('services.items.changeKindOneOf', 'mn-Mong', { kinds: mnKinds }) });
    expect(problem!.message).not.toMatch(HAN);
    expect(mn.body.error.message).not.toMatch(HAN);
    // What goes out is plain data: the language-dependent values never reach JSON.
    expect(JSON.parse(JSON.stringify(mn.body))).toEqual(mn.body);
  });
});
