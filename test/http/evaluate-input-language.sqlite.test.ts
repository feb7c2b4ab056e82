/**
 * A refused evaluation request answers in the caller's language: the core's checks of the request
 * (catalogue part core-applicant) carry their keys, so the runtime's evaluate endpoint renders the
 * summary and each problem in traditional Mongolian for `Accept-Language: mn-Mong`, the same code,
 * pointers and problem codes as the Chinese answer. Real runtime over a real SQLite installation.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiText } from '../../engine/core/index.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { openClaimedRuntime } from './runtime-api.js';

const PATH = '/api/runtime/150102/items/RT-1/evaluate';

describe('a refused evaluation request in the language the caller asks for', () => {
  let t: TestInstallation;
  let app: ReturnType<typeof createRuntimeApp>;
  beforeAll(async () => {
    t = await openClaimedRuntime(sqliteInstallation);
    app = createRuntimeApp({ reader: t.reader, decisionLog: t.decisionLog, logger: createLogger(() => {}) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('renders the core\'s problems in Mongolian for mn-Mong and in Chinese otherwise', async () => {
    const body = { scenario: 'no-such-scenario', formData: {}, materials: ['no-such-material'] };
    const mn = await request(app).post(PATH).set(t.as.operator).set('Accept-Language', 'mn-Mong').send(body);
    const zh = await request(app).post(PATH).set(t.as.operator).send(body);
    expect(mn.status).toBe(422);
    expect(zh.status).toBe(422);
    expect(zh.body.error.message).toBe('评估请求有误');
    expect(mn.body.error.message).toBe(uiText('core.decision.input.invalid', 'mn-Mong'));
    const byPointer = (res: typeof mn) => Object.fromEntries((res.body.error.details.problems as { pointer: string; code: string; message: string }[]).map((p) => [p.pointer, p]));
    const mnProblems = byPointer(mn);
    const zhProblems = byPointer(zh);
    expect(zhProblems['/materials/0']).toEqual({ pointer: '/materials/0', code: 'input.unknown-material', message: '「no-such-material」不是本事项的申请材料' });
    expect(mnProblems['/materials/0']).toEqual({ pointer: '/materials/0', code: 'input.unknown-material', message: uiText('core.decision.input.unknownMaterial', 'mn-Mong', { id: 'no-such-material' }) });
    const choices = String(zhProblems['/scenario']?.message).replace(/^请选择办理情形，可选：/, '');
    expect(choices).toMatch(/^「.+」（「.+」）/);
    expect(mnProblems['/scenario']?.message).toBe(uiText('core.decision.input.scenario', 'mn-Mong', { choices }));
    expect(Object.keys(mnProblems).sort()).toEqual(Object.keys(zhProblems).sort());
    expect(mn.headers['content-language']).toBe('mn-Mong');
  });
});
