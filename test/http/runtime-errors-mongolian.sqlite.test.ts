/**
 * The runtime server's own refusals (window intake, cases, calendar) come from the catalogue: a window or
 * applicant whose Accept-Language prefers traditional Mongolian reads them in Mongolian, everyone else in the
 * same Chinese as before. Code and details do not change with the language. Real installation on SQLite files.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, uiText } from '../../engine/core/index.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { openClaimedRuntime } from './runtime-api.js';

const MONGOLIAN = /[\u1820-\u18AA]/;
const CHINESE = /[\u3400-\u9fff]/;
const UNKNOWN_CASE = 'TB15010220250606-999999';

describe('runtime server errors in the language the caller asks for', () => {
  let t: TestInstallation;
  let caseNumber: string;
  beforeAll(async () => {
    t = await openClaimedRuntime(sqliteInstallation);
    const saved = await request(t.app).post('/api/runtime/150102/intakes').set(t.as.operator)
      .send({ code: 'RT-1', scenario: 'self', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' }, materials: ['id-card'] });
    expect(saved.status).toBe(201);
    caseNumber = saved.body.intake.caseNumber;
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers an unknown case number in Mongolian for mn-Mong and in the Chinese of before without it', async () => {
    const path = `/api/runtime/150102/intakes/${UNKNOWN_CASE}`;
    const mn = await request(t.app).get(path).set(t.as.operator).set('Accept-Language', 'mn-Mong');
    const zh = await request(t.app).get(path).set(t.as.operator);
    expect(mn.status).toBe(404);
    expect(zh.status).toBe(404);
    expect(zh.body.error.message).toBe(`办件 ${UNKNOWN_CASE} 不存在`);
    expect(mn.body.error.message).toBe(uiText('services.cases.book.noSuchCase', 'mn-Mong', { caseNumber: UNKNOWN_CASE }));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(mn.body.error.message).not.toMatch(CHINESE);
    expect(mn.body.error.message).toContain(UNKNOWN_CASE);
    expect(mn.headers['content-language']).toBe('mn-Mong');
    expect({ code: mn.body.error.code, details: mn.body.error.details }).toEqual({ code: zh.body.error.code, details: zh.body.error.details });
  });

  it('answers an unknown document kind in Mongolian, the choices joined by the Mongolian separator', async () => {
    const path = `/api/runtime/150102/intakes/${caseNumber}/documents/no-such-notice`;
    const mn = await request(t.app).get(path).set(t.as.operator).set('Accept-Language', 'mn-Mong,zh-CN;q=0.5');
    const zh = await request(t.app).get(path).set(t.as.operator);
    expect(mn.status).toBe(404);
    expect(zh.body.error.message).toBe(`没有「no-such-notice」这种文书，可选：${DOCUMENT_KINDS.join('、')}`);
    expect(mn.body.error.message).toBe(uiText('server.runtime.intake.noSuchDocument', 'mn-Mong', {
      kind: 'no-such-notice', kinds: DOCUMENT_KINDS.join(uiText('server.listSeparator', 'mn-Mong')),
    }));
    expect(mn.body.error.message).not.toMatch(CHINESE);
    expect(mn.body.error.details).toEqual(zh.body.error.details);
  });

  it('answers an unknown locality and an unsupported attachment type in Mongolian, whole sentences without Chinese', async () => {
    const locality = await request(t.app).get('/api/runtime/999999/intakes').set(t.as.admin).set('Accept-Language', 'mn');
    expect(locality.status).toBe(404);
    expect(locality.body.error.message).toBe(uiText('core.decision.input.division', 'mn-Mong', { division: '999999' }));
    const upload = (language?: string) => {
      const req = request(t.app).post(`/api/runtime/150102/intakes/${caseNumber}/attachments`).set(t.as.operator).set('Content-Type', 'text/plain');
      return (language ? req.set('Accept-Language', language) : req).send(Buffer.from('hello'));
    };
    const mn = await upload('mn-Mong');
    const zh = await upload();
    expect(mn.status).toBe(415);
    expect(zh.body.error.message).toBe('不支持的附件类型「text/plain」：只接受 PDF（application/pdf）、JPEG（image/jpeg）或 PNG（image/png） 文件');
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(mn.body.error.message).not.toMatch(CHINESE);
    expect(mn.body.error.message).toContain(uiText('server.runtime.intake.allowedTypes', 'mn-Mong'));
  });

  it('answers a malformed calendar parameter in Mongolian, the problem too', async () => {
    const mn = await request(t.app).get('/api/calendar/working-days?from=2025-02-30&add=1').set('Accept-Language', 'mn-Mong');
    const zh = await request(t.app).get('/api/calendar/working-days?from=2025-02-30&add=1');
    expect(mn.status).toBe(422);
    expect(zh.body.error.message).toBe('参数 from 无效：2025-02-30 不是有效日期');
    expect(mn.body.error.message).toBe(uiText('server.runtime.calendar.invalidParameter', 'mn-Mong', {
      name: 'from', reason: uiText('server.runtime.calendar.notADate', 'mn-Mong', { from: '2025-02-30' }),
    }));
    expect(mn.body.error.details.problems).toEqual([{ pointer: '/from', code: 'query.from', message: uiText('server.runtime.calendar.notADate', 'mn-Mong', { from: '2025-02-30' }) }]);
    expect(zh.body.error.details.problems[0].message).toBe('2025-02-30 不是有效日期');
  });

  it('answers a missing calendar parameter in Mongolian, its nested phrases (what was expected, what came) too', async () => {
    const mn = await request(t.app).get('/api/calendar/working-days?add=1').set('Accept-Language', 'mn-Mong');
    const zh = await request(t.app).get('/api/calendar/working-days?add=1');
    expect(mn.status).toBe(400);
    expect(zh.body.error.message).toBe('参数 from 应为日期 YYYY-MM-DD，缺少该参数');
    expect(mn.body.error.message).toBe(uiText('server.runtime.calendar.parameterExpected', 'mn-Mong', {
      name: 'from', expected: uiText('server.runtime.calendar.expectedDate', 'mn-Mong'), received: uiText('server.runtime.calendar.parameterMissing', 'mn-Mong'),
    }));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(mn.body.error.message).not.toMatch(CHINESE);
    const received = await request(t.app).get('/api/calendar/working-days?from=2025-06-01&add=x').set('Accept-Language', 'mn-Mong');
    expect(received.body.error.message).toContain(uiText('server.runtime.calendar.parameterReceived', 'mn-Mong', { value: 'x' }));
    expect(received.body.error.message).not.toMatch(CHINESE);
    expect(mn.body.error.details).toEqual({ param: 'from' });
  });

  it('refuses an operator outside their locality in Mongolian: apart from their own name, no Chinese left', async () => {
    const mn = await request(t.app).get('/api/runtime/152921/intakes').set(t.as.operator).set('Accept-Language', 'mn-Mong');
    const zh = await request(t.app).get('/api/runtime/152921/intakes').set(t.as.operator);
    expect(mn.status).toBe(403);
    expect(zh.body.error.message).toBe('「新城区窗口」只能办理 150102 及其下级的办件');
    expect(mn.body.error.message).toBe(uiText('server.runtime.intake.operatorScope', 'mn-Mong', { name: '新城区窗口', division: '150102' }));
    expect(mn.body.error.message.replace('新城区窗口', '')).not.toMatch(CHINESE);
    expect({ code: mn.body.error.code, details: mn.body.error.details }).toEqual({ code: zh.body.error.code, details: zh.body.error.details });
  });
});
