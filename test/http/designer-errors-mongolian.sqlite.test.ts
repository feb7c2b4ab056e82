/**
 * The designer server's own errors speak the caller's language: a request whose Accept-Language prefers
 * traditional Mongolian gets the catalogue's Mongolian sentence (vocabulary labels in Mongolian too), any
 * other request the same Chinese as before the catalogue; code and details never change with the language.
 * Real designer app over a real SQLite installation.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataListKinds, labelOf, OUTCOMES, reportPeriods, uiText } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { OTHER_DEPARTMENT, TEST_DEPARTMENT, sqliteInstallation, type TestInstallation } from '../support/installation.js';

const MONGOLIAN = /[\u1820-\u18AA]/;
const HAN = /[\u4e00-\u9fff]/;

describe('designer server errors in the language the caller asks for', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses an author of another department in Mongolian for mn-Mong, in the Chinese of before otherwise', async () => {
    expect((await request(t.app).put('/api/items/MN-ERR-1/draft').set(t.as.author).send(itemConfig('MN-ERR-1'))).status).toBe(201);
    const body = itemConfig('MN-ERR-1');
    const mn = await request(t.app).put('/api/items/MN-ERR-1/draft').set(t.as.otherAuthor).set('Accept-Language', 'mn-Mong').set('If-Match', '"1"').send(body);
    const zh = await request(t.app).put('/api/items/MN-ERR-1/draft').set(t.as.otherAuthor).set('If-Match', '"1"').send(body);
    expect(mn.status).toBe(403);
    expect(mn.headers['content-language']).toBe('mn-Mong');
    expect(mn.body.error.message).toBe(uiText('server.designer.items.otherDepartment', 'mn-Mong', { name: '赵编制', department: OTHER_DEPARTMENT, itemDepartment: TEST_DEPARTMENT }));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(mn.body.error.message).toContain(OTHER_DEPARTMENT);
    expect(zh.status).toBe(403);
    expect(zh.body.error.message).toBe(`「赵编制」属于${OTHER_DEPARTMENT}，不能编辑${TEST_DEPARTMENT}的事项`);
    expect({ code: mn.body.error.code, details: mn.body.error.details }).toEqual({ code: zh.body.error.code, details: zh.body.error.details });
  });

  it('names the lists by their Mongolian labels for mn-Mong, and by the Chinese ones otherwise', async () => {
    const mn = await request(t.app).get('/api/lists/nope').set(t.as.author).set('Accept-Language', 'mn-Mong');
    const zh = await request(t.app).get('/api/lists/nope').set(t.as.author);
    expect(mn.status).toBe(404);
    const responsibility = labelOf(dataListKinds, 'responsibility', 'mn-Mong');
    expect(mn.body.error.message).toBe(uiText('server.designer.lists.noSuchList', 'mn-Mong', { kind: 'nope', responsibility, negative: labelOf(dataListKinds, 'negative', 'mn-Mong') }));
    expect(mn.body.error.message).toContain(responsibility);
    expect(mn.body.error.message).not.toMatch(HAN);
    expect(zh.body.error.message).toBe('没有清单「nope」（责任清单 responsibility、负面清单 negative）');
  });

  it('answers a malformed version number in Mongolian, with the parameter it got', async () => {
    const mn = await request(t.app).get('/api/items/MN-ERR-1/versions/0').set(t.as.author).set('Accept-Language', 'mn');
    const zh = await request(t.app).get('/api/items/MN-ERR-1/versions/0').set(t.as.author).set('Accept-Language', 'zh-CN');
    expect(mn.status).toBe(400);
    expect(mn.body.error).toMatchObject({ code: 'bad_version', details: { param: 'version' } });
    expect(mn.body.error.message).toBe(uiText('server.designer.params.badVersion', 'mn-Mong', { version: '0' }));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(zh.body.error.message).toBe('版本号「0」应为正整数');
  });

  it('names the report periods by their Mongolian labels for mn-Mong, no Chinese left', async () => {
    const mn = await request(t.app).get('/api/reports/periods/year').set(t.as.auditor).set('Accept-Language', 'mn-Mong');
    const zh = await request(t.app).get('/api/reports/periods/year').set(t.as.auditor);
    expect(mn.status).toBe(404);
    expect(zh.body.error.message).toBe(`没有报表周期「year」（${labelOf(reportPeriods, 'week')} week、${labelOf(reportPeriods, 'month')} month）`);
    expect(mn.body.error.message).toBe(uiText('server.designer.reports.noSuchPeriod', 'mn-Mong', { period: 'year', week: labelOf(reportPeriods, 'week', 'mn-Mong'), month: labelOf(reportPeriods, 'month', 'mn-Mong') }));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(mn.body.error.message).not.toMatch(HAN);
    expect({ code: mn.body.error.code, details: mn.body.error.details }).toEqual({ code: zh.body.error.code, details: zh.body.error.details });
  });

  it('lists the outcomes joined by the Mongolian separator for mn-Mong, by 、 otherwise', async () => {
    const mn = await request(t.app).get('/api/decisions?outcome=maybe').set(t.as.auditor).set('Accept-Language', 'mn-Mong');
    const zh = await request(t.app).get('/api/decisions?outcome=maybe').set(t.as.auditor);
    expect(mn.status).toBe(400);
    expect(zh.body.error.message).toBe(`outcome 应为 ${OUTCOMES.join('、')} 之一`);
    expect(mn.body.error.message).toBe(uiText('server.designer.decisions.badOutcome', 'mn-Mong', { outcomes: OUTCOMES.join(uiText('server.listSeparator', 'mn-Mong')) }));
    expect(mn.body.error.message).not.toMatch(HAN);
    expect(mn.body.error.message).not.toContain('、');
    expect(mn.body.error.details).toEqual({ param: 'outcome' });
  });
});
