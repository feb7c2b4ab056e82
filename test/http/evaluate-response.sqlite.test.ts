import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../engine/http-kit/index.js';
import type { ConfigReader } from '../../engine/ports/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { openClaimedRuntime } from './runtime-api.js';

const application = { scenario: 'self', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' }, materials: ['id-card'], date: '2025-06-01' };

/** The real reader, counting the calls that reach it. */
function countingReader(reader: ConfigReader): { reader: ConfigReader; calls: string[] } {
  const calls: string[] = [];
  const counted = new Proxy(reader, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { reader: counted, calls };
}

describe('the evaluate answer and what it costs the store', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await openClaimedRuntime(sqliteInstallation);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers without the explanation by default, and with it on ?explain=full', async () => {
    const lean = await request(t.app).post('/api/runtime/150102/items/RT-1/evaluate').send(application);
    const full = await request(t.app).post('/api/runtime/150102/items/RT-1/evaluate?explain=full').send(application);
    expect(lean.status).toBe(200);
    expect(full.status).toBe(200);
    expect(lean.body).not.toHaveProperty('explanation');
    expect(full.body.explanation.length).toBeGreaterThan(0);
    expect(full.body.explanation[0]).toMatchObject({ rule: expect.any(String), fired: expect.any(Boolean), conditions: expect.any(Array) });
    const { explanation: _explanation, ...rest } = full.body as Record<string, unknown>;
    expect(lean.body).toEqual(rest);
    expect(lean.text.length).toBeLessThan(full.text.length);
    // Anonymous (the public form): answered, not recorded; a signed-in window's decision is recorded.
    expect(lean.headers['x-tongban-decision-id']).toBeUndefined();
    const count = await t.decisionLog.count();
    const signedIn = await request(t.app).post('/api/runtime/150102/items/RT-1/evaluate').set(t.as.operator).send(application);
    expect(signedIn.headers['x-tongban-decision-id']).toMatch(/^D/);
    expect(await t.decisionLog.count()).toBe(count + 1);
  });

  it('reads nothing from the store for a version already compiled, and serves a withdrawn claim’s 404 from the next request (SQLite) or within a second', async () => {
    // With a pointer kept for a minute, 20 more decisions ask the store nothing at all.
    process.env.TONGBAN_POINTER_TTL_MS = '60000';
    const { reader, calls } = countingReader(t.reader);
    const patient = createRuntimeApp({ reader, logger: createLogger(() => undefined) });
    delete process.env.TONGBAN_POINTER_TTL_MS;
    expect((await request(patient).post('/api/runtime/152921/items/RT-1/evaluate').send(application)).status).toBe(200);
    const afterFirst = calls.length;
    expect(afterFirst).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) expect((await request(patient).post('/api/runtime/152921/items/RT-1/evaluate').send(application)).status).toBe(200);
    // Only the store's change marker (a pragma, no table read) is consulted per request.
    expect(calls.slice(afterFirst).filter((call) => call !== 'changeMarker')).toEqual([]);
    expect(calls.slice(afterFirst)).toContain('changeMarker');

    // With the default, a change in the store still reaches the runtime within a second.
    const runtime = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined) });
    expect((await request(runtime).post('/api/runtime/152921/items/RT-1/evaluate').send(application)).status).toBe(200);

    expect((await request(t.app).delete('/api/localities/152921/claims/RT-1').set(t.as.admin)).status).toBeLessThan(300);
    const withdrawn = performance.now();
    let status = 200;
    while (status === 200 && performance.now() - withdrawn < 1500) {
      status = (await request(runtime).post('/api/runtime/152921/items/RT-1/evaluate').send(application)).status;
    }
    expect(status).toBe(404);
    expect(performance.now() - withdrawn).toBeLessThan(1000);
    // SQLite's change marker moved with the designer's commit: the very next request already knew.
    expect((await request(patient).post('/api/runtime/152921/items/RT-1/evaluate').send(application)).status).toBe(404);
  });

  it('names every problem of a body that breaks its schema at once, in Chinese or Mongolian words, never in ajv\'s English', async () => {
    const body = { scenario: 3, materials: 'id-card' };
    const zh = await request(t.app).post('/api/runtime/150102/items/RT-1/evaluate').send(body);
    const mn = await request(t.app).post('/api/runtime/150102/items/RT-1/evaluate').set('Accept-Language', 'mn-Mong').send(body);
    for (const res of [zh, mn]) expect(res.status).toBe(422);
    const problems = (res: request.Response) => res.body.error.details.problems as { pointer: string; code: string; message: string }[];
    expect(problems(zh).map((p) => [p.pointer, p.code])).toEqual([['/scenario', 'body.type'], ['/materials', 'body.type']]);
    expect(problems(zh).map((p) => p.message)).toEqual(['「scenario」应为文本', '「materials」应为列表']);
    expect(problems(mn).map((p) => [p.pointer, p.code])).toEqual(problems(zh).map((p) => [p.pointer, p.code]));
    // Only the field's own key is Latin; the words are Mongolian script.
    for (const p of problems(mn)) expect(p.message.replace(/scenario|materials/, '')).toMatch(/^[^A-Za-z]*[\u1800-\u18AF][^A-Za-z]*$/);
  });
});
