/**
 * Error answers speak the caller's language: a request whose Accept-Language prefers traditional Mongolian
 * (`mn-Mong`, or `mn`) gets the catalogue's Mongolian message; any other (or none) gets the Chinese source.
 * Code and details never change with the language. Real runtime over a real SQLite installation, both the
 * direct evaluate route and routed ones.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiText } from '../../engine/core/index.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { openClaimedRuntime } from './runtime-api.js';

const PATH = '/api/runtime/150102/items/RT-1/evaluate';
const MONGOLIAN = /[\u1800-\u18AF]/;

describe('error answers (and the problems of a refused body) in the language the caller asks for', () => {
  let t: TestInstallation;
  let app: ReturnType<typeof createRuntimeApp>;
  beforeAll(async () => {
    t = await openClaimedRuntime(sqliteInstallation);
    app = createRuntimeApp({ reader: t.reader, decisionLog: t.decisionLog, logger: createLogger(() => {}) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers an unknown token in Mongolian for mn-Mong, in Chinese otherwise, with the same code and details', async () => {
    const token = `Bearer tb_${'0'.repeat(43)}`;
    const mn = await request(app).post(PATH).set('Authorization', token).set('Accept-Language', 'mn-Mong,zh-CN;q=0.5').send({});
    const zh = await request(app).post(PATH).set('Authorization', token).set('Accept-Language', 'zh-CN').send({});
    const none = await request(app).post(PATH).set('Authorization', token).send({});
    expect(mn.status).toBe(401);
    expect(mn.body.error.message).toBe(uiText('server.http.tokenInvalid', 'mn-Mong'));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(mn.headers['content-language']).toBe('mn-Mong');
    expect(zh.body.error.message).toBe(uiText('server.http.tokenInvalid', 'zh-CN'));
    expect(none.body.error.message).toBe(zh.body.error.message);
    expect(none.headers['content-language']).toBe('zh-CN');
    expect({ code: mn.body.error.code, details: mn.body.error.details }).toEqual({ code: zh.body.error.code, details: zh.body.error.details });
    expect(mn.headers.vary).toMatch(/Accept-Language/i);
  });

  it('takes plain mn as traditional Mongolian and fills the placeholders of a routed error', async () => {
    const res = await request(app).get('/api/no-such-thing').set('Accept-Language', 'mn');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(uiText('server.http.noSuchEndpoint', 'mn-Mong', { method: 'GET', path: '/api/no-such-thing' }));
    expect(res.body.error.message).toContain('/api/no-such-thing');
  });

  it('keeps Chinese when Mongolian is ranked below it, and for a language it does not have', async () => {
    const ranked = await request(app).post(PATH).set('Content-Type', 'text/plain').set('Accept-Language', 'zh-CN,mn-Mong;q=0.8').send('x');
    const english = await request(app).post(PATH).set('Content-Type', 'text/plain').set('Accept-Language', 'en-GB').send('x');
    expect(ranked.status).toBe(415);
    expect(ranked.body.error.message).toBe(uiText('server.http.notJson'));
    expect(english.body.error.message).toBe(uiText('server.http.notJson'));
  });

  it('renders each catalogue problem in Mongolian, keeping pointer and code, and never shows the key', async () => {
    const mn = await request(app).post(PATH).set(t.as.operator).set('Accept-Language', 'mn-Mong').set('Content-Type', 'application/json').send('{"scenario":"self","formData":{"n":1e400}}');
    const zh = await request(app).post(PATH).set(t.as.operator).set('Content-Type', 'application/json').send('{"scenario":"self","formData":{"n":1e400}}');
    expect(mn.status).toBe(422);
    const [mnProblem] = mn.body.error.details.problems;
    const [zhProblem] = zh.body.error.details.problems;
    expect(mnProblem).toEqual({ pointer: '/formData/n', code: 'number.non-finite', message: uiText('server.http.numberOutOfRange', 'mn-Mong', { pointer: '/formData/n' }) });
    expect(zhProblem).toEqual({ pointer: '/formData/n', code: 'number.non-finite', message: uiText('server.http.numberOutOfRange', 'zh-CN', { pointer: '/formData/n' }) });
    expect(mn.body.error.message).toBe(uiText('server.http.numbersOutOfRange', 'mn-Mong'));
    expect(mn.text).not.toContain('catalogueMessage');
  });
});
