/**
 * A draft's check problems speak the caller's language: submitting a draft whose rules break a check is
 * refused with each catalogue problem in traditional Mongolian when Accept-Language prefers mn-Mong, and in
 * the Chinese source otherwise; pointer and code never change. Real designer app over a real SQLite installation.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiText } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';

const MONGOLIAN = /[\u1820-\u18AA]/;

describe('draft-check problems in the language the caller asks for', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses to submit a draft with a duplicate rule name, the problem in Mongolian for mn-Mong and in Chinese otherwise', async () => {
    const config = itemConfig('LANG-CHECK-1');
    const first = config.rules[0]!.name;
    config.rules[1]!.name = first;
    expect((await request(t.app).put('/api/items/LANG-CHECK-1/draft').set(t.as.author).send(config)).status).toBe(201);

    const mn = await request(t.app).post('/api/items/LANG-CHECK-1/draft/submit').set(t.as.author).set('Accept-Language', 'mn-Mong');
    const zh = await request(t.app).post('/api/items/LANG-CHECK-1/draft/submit').set(t.as.author);
    expect(mn.status).toBe(422);
    expect(mn.headers['content-language']).toBe('mn-Mong');
    const find = (body: { error: { details: { problems: { pointer: string; code: string; message: string }[] } } }) =>
      body.error.details.problems.find((p) => p.code === 'rule.duplicate-name');
    const mnProblem = find(mn.body);
    const zhProblem = find(zh.body);
    expect(mnProblem).toMatchObject({ pointer: '/rules/1/name', message: uiText('core.config.rules.duplicateName', 'mn-Mong', { name: first, first: 1 }) });
    expect(mnProblem!.message).toMatch(MONGOLIAN);
    expect(mnProblem!.message).toContain(first);
    expect(zhProblem).toMatchObject({ pointer: '/rules/1/name', message: `规则标识「${first}」与第 1 条规则重复` });
    expect({ status: zh.status, code: zh.body.error.code }).toEqual({ status: 422, code: mn.body.error.code });
    expect(mn.text).not.toContain('catalogueMessage');
  });

  it('answers a check of a config (200) with its catalogue problems in the language asked for', async () => {
    const config = itemConfig('LANG-CHECK-2');
    const first = config.rules[0]!.name;
    config.rules[1]!.name = first;
    const mn = await request(t.app).post('/api/validate').set(t.as.author).set('Accept-Language', 'mn-Mong').send(config);
    const zh = await request(t.app).post('/api/validate').set(t.as.author).send(config);
    expect(mn.status).toBe(200);
    expect(mn.headers['content-language']).toBe('mn-Mong');
    expect(mn.headers.vary).toMatch(/Accept-Language/i);
    const duplicate = (problems: { code: string; message: string }[]) => problems.find((p) => p.code === 'rule.duplicate-name');
    expect(duplicate(mn.body.problems)?.message).toBe(uiText('core.config.rules.duplicateName', 'mn-Mong', { name: first, first: 1 }));
    expect(duplicate(zh.body.problems)?.message).toBe(`规则标识「${first}」与第 1 条规则重复`);
    expect(mn.body.problems.map((p: { pointer: string; code: string }) => [p.pointer, p.code])).toEqual(zh.body.problems.map((p: { pointer: string; code: string }) => [p.pointer, p.code]));
  });
});
