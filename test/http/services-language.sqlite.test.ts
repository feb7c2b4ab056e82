/**
 * The services' refusals (claims, principals, sessions, …) speak the caller's language: with
 * Accept-Language: mn-Mong the designer API answers the catalogue's Mongolian, the error's message and
 * each problem's; without it, the Chinese source. Code, pointer and details never change. Real designer
 * app over a real SQLite installation.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiText } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

const MONGOLIAN = /[\u1800-\u18AF]/;

describe('service refusals in the language the caller asks for', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, itemConfig('SL-1', '事项一'));
  });
  afterAll(async () => t.close());

  it('refuses claiming an unpublished item in Mongolian for mn-Mong, in Chinese otherwise', async () => {
    const path = '/api/localities/150102/claims/NOPE-1';
    const mn = await request(t.app).put(path).set(t.as.operator).set('Accept-Language', 'mn-Mong').send({});
    const zh = await request(t.app).put(path).set(t.as.operator).send({});
    expect(mn.status).toBe(404);
    expect(mn.body.error.message).toBe(uiText('services.claims.notPublished', 'mn-Mong', { code: 'NOPE-1' }));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(mn.headers['content-language']).toBe('mn-Mong');
    expect(zh.body.error.message).toBe('事项 NOPE-1 尚未发布，不能认领');
    expect({ code: mn.body.error.code, details: mn.body.error.details }).toEqual({ code: zh.body.error.code, details: zh.body.error.details });
  });

  it('renders each problem of a refused claim in Mongolian, keeping pointer and code', async () => {
    const path = '/api/localities/150102/claims/SL-1';
    const body = { follow: 7, standard: { name: 'x' } };
    const mn = await request(t.app).put(path).set(t.as.operator).set('Accept-Language', 'mn-Mong').send(body);
    const zh = await request(t.app).put(path).set(t.as.operator).send(body);
    expect(mn.status).toBe(422);
    expect(mn.body.error.message).toBe(uiText('services.claims.invalid', 'mn-Mong'));
    expect(mn.body.error.details.problems).toEqual([
      { pointer: '/standard', code: 'claim.unknown-field', message: uiText('services.claims.unknownField', 'mn-Mong', { key: 'standard' }) },
      { pointer: '/follow', code: 'claim.follow', message: uiText('services.claims.follow', 'mn-Mong', { latest: 1 }) },
    ]);
    expect(zh.body.error.details.problems.map((p: { message: string }) => p.message)).toEqual(['认领只能设置 follow 与 local，不能设置「standard」', 'follow 应为 "latest" 或 1–1 之间的已发布版本号']);
  });

  it('refuses an administrator revoking itself, and a malformed sign-in token, in Mongolian', async () => {
    const self = await request(t.app).delete('/api/principals/admin-test').set(t.as.admin).set('Accept-Language', 'mn-Mong');
    expect(self.status).toBe(403);
    expect(self.body.error.message).toBe(uiText('services.principals.revokeSelf', 'mn-Mong'));
    const signIn = await request(t.app).post('/api/session').set('Accept-Language', 'mn-Mong').send({ token: 'not-a-token' });
    expect(signIn.status).toBe(401);
    expect(signIn.body.error.message).toBe(uiText('services.sessions.tokenMalformed', 'mn-Mong'));
    expect(signIn.body.error.message).toMatch(MONGOLIAN);
  });

  it('joins the several problems of a refused template upload in Mongolian, keeping the Chinese details', async () => {
    const refused = await request(t.app).post('/api/templates').set(t.as.author).set('Accept-Language', 'mn-Mong')
      .set('Content-Type', 'application/x-msdownload').set('X-Filename', encodeURIComponent('setup.exe')).send(Buffer.alloc(0));
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('bad_template_file');
    const mn = [uiText('services.templates.typeUnsupported', 'mn-Mong', { type: 'application/x-msdownload' }), uiText('services.templates.empty', 'mn-Mong')];
    expect(refused.body.error.message).toBe(mn.join(uiText('server.notice.clauseSeparator', 'mn-Mong')));
    expect(refused.body.error.message).toMatch(MONGOLIAN);
    expect(refused.body.error.details.problems).toEqual(['模板文件类型「application/x-msdownload」不受支持；可上传 PDF、Word、Excel、WPS、JPEG 或 PNG', '模板文件是空的']);
  });
});
