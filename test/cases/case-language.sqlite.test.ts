/**
 * The case services' refusals speak the caller's language: through the real runtime app over a real
 * SQLite installation, a window asking in traditional Mongolian (Accept-Language: mn-Mong) gets the
 * catalogue's Mongolian for an event the status does not allow, for a bad event body's problems and
 * for the applicant's progress lookup of a case number that does not exist; code and details never
 * change with the language, and Chinese stays the answer otherwise.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labelOf, caseEventTypes, caseStatuses, uiText } from '../../engine/core/index.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { openClaimedRuntime } from '../http/runtime-api.js';

const MONGOLIAN = /[\u1800-\u18AF]/;
const APPLICATION = { code: 'RT-1', scenario: 'self', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' }, materials: ['id-card'] };

describe('case refusals in the language the caller asks for (runtime app, SQLite)', () => {
  let t: TestInstallation;
  let app: ReturnType<typeof createRuntimeApp>;
  beforeAll(async () => {
    t = await openClaimedRuntime(sqliteInstallation);
    app = createRuntimeApp({ reader: t.reader, decisionLog: t.decisionLog, intakeStore: t.intakes, logger: createLogger(() => {}), windowApp: false });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers an event the status does not allow (409) in Mongolian for mn-Mong and in Chinese otherwise, with the same code and details', async () => {
    const saved = await request(app).post('/api/runtime/150102/intakes').set(t.as.operator).send({ ...APPLICATION, handlingDivision: '152921' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const caseNumber = saved.body.intake.caseNumber as string;
    const events = `/api/cases/${caseNumber}/events`;
    expect((await request(app).post(events).set(t.as.operator).send({ type: 'dispatch' })).status).toBe(201);

    const mn = await request(app).post(events).set(t.as.operator).set('Accept-Language', 'mn-Mong').send({ type: 'dispatch' });
    const zh = await request(app).post(events).set(t.as.operator).send({ type: 'dispatch' });
    expect(mn.status).toBe(409);
    expect(mn.body.error.code).toBe('case_event_not_allowed');
    const values = {
      caseNumber, status: labelOf(caseStatuses, 'dispatched'), event: labelOf(caseEventTypes, 'dispatch'),
      allowed: `${labelOf(caseEventTypes, 'receive')}（receive）、${labelOf(caseEventTypes, 'return')}（return）`,
    };
    expect(mn.body.error.message).toBe(uiText('services.cases.book.eventNotAllowed', 'mn-Mong', values));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(mn.body.error.message).toContain(caseNumber);
    expect(mn.headers['content-language']).toBe('mn-Mong');
    // The Chinese source, byte for byte as before the catalogue.
    expect(zh.body.error.message).toBe(`办件 ${caseNumber} 当前状态为「流转中」，不能「推送办理地」；当前可办理：办理地接收（receive）、退回（return）`);
    expect(zh.body.error.message).not.toMatch(MONGOLIAN);
    expect(mn.body.error.details).toEqual(zh.body.error.details);

    // A 作废 without its reason: the case service's own check (after the API's schema), its problem in Mongolian.
    const bad = await request(app).post(events).set(t.as.operator).set('Accept-Language', 'mn-Mong').send({ type: 'void' });
    expect(bad.status, JSON.stringify(bad.body)).toBe(422);
    expect(bad.body.error.message).toBe(uiText('services.cases.event.invalid', 'mn-Mong'));
    expect(bad.body.error.details.problems).toEqual([{ pointer: '/reason', code: 'case.event', message: uiText('services.cases.event.voidReason', 'mn-Mong') }]);
    expect(bad.body.error.details.problems[0].message).toMatch(MONGOLIAN);
    expect(bad.text).not.toContain('services.cases');
  });

  it('answers the applicant’s lookup of a malformed case number (404) in Mongolian, as it answers an unknown one', async () => {
    const caseNumber = 'NOT-A-CASE';
    const mn = await request(app).get(`/api/public/cases/${caseNumber}?idTail=1234`).set('Accept-Language', 'mn-Mong');
    const zh = await request(app).get(`/api/public/cases/${caseNumber}?idTail=1234`).set('Accept-Language', 'zh-CN');
    const unknown = await request(app).get('/api/public/cases/TB15010220200101-000001?idTail=1234').set('Accept-Language', 'mn-Mong');
    expect(mn.status).toBe(404);
    expect(mn.body.error.message).toBe(uiText('services.cases.progress.unknownCase', 'mn-Mong', { caseNumber }));
    expect(mn.body.error.message).toMatch(MONGOLIAN);
    expect(zh.body.error.message).toBe(`未查询到办件 ${caseNumber}，请核对办件编号和身份证号码后四位`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message.replace('TB15010220200101-000001', '#')).toBe(mn.body.error.message.replace(caseNumber, '#'));
  });
});
