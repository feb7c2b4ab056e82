/**
 * The evaluate route is served directly (engine/http-kit/direct-routes): the same edge steps as the
 * router gives every route, without walking it. This compares the two, request for request, on the
 * real runtime over a real SQLite installation: every answer a client can get — decided, refused
 * bodies of every kind, unknown places and items, a bad token, the rate limit, compression — must
 * be the same status, the same body and the same headers (but the date and the decision's id).
 */
import request from 'supertest';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IncomingMessage, ServerResponse } from 'node:http';
import { answerJson, createApiApp, createLogger, pathMatcher, type ApiRoute } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { openClaimedRuntime } from './runtime-api.js';

const application = { scenario: 'self', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' }, materials: ['id-card'], date: '2025-06-01' };
const PATH = '/api/runtime/150102/items/RT-1/evaluate';

type Send = (app: ReturnType<typeof createRuntimeApp>) => request.Test;

/** The headers two answers may differ in: when they were sent, and the id each recorded decision got. */
const VARYING = new Set(['date', 'x-tongban-decision-id', 'etag']);
function comparable(res: request.Response): { status: number; body: unknown; text: string; headers: Record<string, unknown> } {
  const headers = Object.fromEntries(Object.entries(res.headers).filter(([name]) => !VARYING.has(name)));
  return { status: res.status, body: res.body, text: res.headers['content-encoding'] ? '' : res.text, headers };
}

describe('direct routes answer exactly as the router does', () => {
  let t: TestInstallation;
  let direct: ReturnType<typeof createRuntimeApp>;
  let routed: ReturnType<typeof createRuntimeApp>;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await openClaimedRuntime(sqliteInstallation);
    const options = { reader: t.reader, decisionLog: t.decisionLog, rateLimits: { public: 3 } };
    direct = createRuntimeApp({ ...options, logger: createLogger((line) => lines.push(line)) });
    routed = createRuntimeApp({ ...options, logger: createLogger((line) => lines.push(line)), directRoutes: false });
  });
  afterAll(async () => {
    await t.close();
  });

  const cases: [string, Send][] = [
    ['a signed-in window decision', (app) => request(app).post(PATH).set(t.as.operator).send(application)],
    ['the full explanation, compressed (gzip)', (app) => request(app).post(`${PATH}?explain=full`).set(t.as.operator).set('Accept-Encoding', 'gzip').send(application)],
    ['the full explanation, uncompressed', (app) => request(app).post(`${PATH}?explain=full`).set(t.as.operator).set('Accept-Encoding', 'identity').send(application)],
    ['a path in other letter case, with a trailing slash', (app) => request(app).post('/API/Runtime/150102/ITEMS/RT-1/evaluate/').set(t.as.operator).send(application)],
    ['malformed JSON', (app) => request(app).post(PATH).set(t.as.operator).set('Content-Type', 'application/json').send('{"scenario":')],
    ['a body that is not JSON', (app) => request(app).post(PATH).set(t.as.operator).set('Content-Type', 'text/plain').send('scenario=self')],
    ['a body over the limit', (app) => request(app).post(PATH).set(t.as.operator).send({ ...application, formData: { name: 'x'.repeat(1_100_000) } })],
    ['a prototype key', (app) => request(app).post(PATH).set(t.as.operator).set('Content-Type', 'application/json').send('{"scenario":"self","__proto__":{"x":1}}')],
    ['a body breaking its schema', (app) => request(app).post(PATH).set(t.as.operator).send({ scenario: 3, materials: 'id-card' })],
    ['no body', (app) => request(app).post(PATH).set(t.as.operator)],
    ['an unknown division', (app) => request(app).post('/api/runtime/999999/items/RT-1/evaluate').set(t.as.operator).send(application)],
    ['an unknown item', (app) => request(app).post('/api/runtime/150102/items/NOPE-1/evaluate').set(t.as.operator).send(application)],
    ['a malformed token', (app) => request(app).post(PATH).set('Authorization', 'Bearer nonsense').send(application)],
    ['an unknown token', (app) => request(app).post(PATH).set('Authorization', `Bearer tb_${'0'.repeat(43)}`).send(application)],
    ['a percent-encoded parameter', (app) => request(app).post('/api/runtime/15010%32/items/RT-1/evaluate').set(t.as.operator).send(application)],
    ['a parameter that does not decode', (app) => request(app).post('/api/runtime/%E0%A4%A/items/RT-1/evaluate').set(t.as.operator).send(application)],
    ['another method', (app) => request(app).put(PATH).set(t.as.operator).send(application)],
  ];

  it.each(cases)('%s', async (_name, send) => {
    const [a, b] = [await send(direct), await send(routed)];
    expect(comparable(a)).toEqual(comparable(b));
    expect(a.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('answers the same compressed bytes as the compression middleware would, and says it varies by encoding', async () => {
    const server = direct.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    const a = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = httpRequest({ port, host: '127.0.0.1', method: 'POST', path: `${PATH}?explain=full`, headers: { ...t.as.operator, 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end(JSON.stringify(application));
    });
    server.close();
    expect(a.headers['content-encoding']).toBe('gzip');
    expect(a.headers.vary).toBe('Accept-Encoding');
    expect(Number(a.headers['content-length'])).toBe(a.body.length);
    expect(JSON.parse(gunzipSync(a.body).toString('utf8')).explanation.length).toBeGreaterThan(0);
  });

  it('counts anonymous calls against the same budget, and refuses past it in the same words', async () => {
    const anonymous = (app: typeof direct) => request(app).post(PATH).send(application);
    const answers = async (app: typeof direct) => {
      const out: ReturnType<typeof comparable>[] = [];
      for (let i = 0; i < 5; i++) out.push(comparable(await anonymous(app)));
      return out;
    };
    const [a, b] = [await answers(direct), await answers(routed)];
    expect(a.map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
    // Reset times are seconds from now: equal to the second, or one apart across a tick.
    const withoutReset = (rs: typeof a) => rs.map((r) => ({ ...r, headers: { ...r.headers, ratelimit: String(r.headers.ratelimit).replace(/t=\d+/, ''), 'retry-after': undefined }, body: JSON.parse(JSON.stringify(r.body).replace(/\d+ 秒/g, 'N 秒').replace(/"retryAfterSeconds":\d+/, '"retryAfterSeconds":0')) }));
    expect(withoutReset(a)).toEqual(withoutReset(b));
  });

  it('writes one request line per answer, as the router does, and records each signed-in decision once', async () => {
    const before = await t.decisionLog.count();
    lines.length = 0;
    await request(direct).post(PATH).set(t.as.operator).send(application);
    await request(routed).post(PATH).set(t.as.operator).send(application);
    const logged = lines.map((line) => JSON.parse(line) as { message: string; method: string; path: string; status: number });
    expect(logged.map(({ message, method, path, status }) => ({ message, method, path, status }))).toEqual([
      { message: 'request', method: 'POST', path: PATH, status: 200 },
      { message: 'request', method: 'POST', path: PATH, status: 200 },
    ]);
    expect(await t.decisionLog.count()).toBe(before + 2);
    expect(lines.join('\n')).not.toContain('11010519491231002X');
  });

  // Express's prototypes, set on every request, cost a bare endpoint most of its CPU on node 20:
  // a signed-in call must not get them (an anonymous one does, for the rate limiter that reads req.ip).
  it('hands the handler params, query and body without Express\'s prototypes, except to the rate limiter\'s callers', async () => {
    const seen: { request: boolean; response: boolean; query: unknown; params: unknown; body: unknown }[] = [];
    const route: ApiRoute = {
      method: 'post', path: '/api/probe/:name', summary: 'probe', tags: ['test'], access: { public: true }, rateLimit: 'public', direct: true,
      body: { schema: { type: 'object' }, required: true },
      responses: { 200: { description: 'ok', schema: { type: 'object' } } },
      handler: (req, res) => {
        seen.push({ request: Object.getPrototypeOf(req) === IncomingMessage.prototype, response: Object.getPrototypeOf(res) === ServerResponse.prototype, query: { ...req.query }, params: req.params, body: req.body });
        answerJson(req, res, { ok: true });
      },
    };
    const app = createApiApp({ title: 'probe', description: 'probe', routes: [route], stores: {}, principals: t.reader, logger: createLogger(() => undefined), bodyLimit: 1024, rateLimits: { public: 100 } });
    const signedIn = await request(app).post('/api/probe/%E5%BC%A0?explain=full&x=1').set(t.as.operator).send({ a: 1 });
    const anonymous = await request(app).post('/api/probe/b').send({ a: 2 });
    expect([signedIn.status, anonymous.status]).toEqual([200, 200]);
    expect(seen).toEqual([
      { request: true, response: true, query: { explain: 'full', x: '1' }, params: { name: '张' }, body: { a: 1 } },
      { request: false, response: false, query: {}, params: { name: 'b' }, body: { a: 2 } },
    ]);
    expect(anonymous.headers.ratelimit).toMatch(/r=99/);
  });
});

describe('pathMatcher', () => {
  const match = pathMatcher('/api/runtime/:division/items/:code/evaluate');
  it('matches as the router does for plain paths, and declines what it would have to guess at', () => {
    expect(match('/api/runtime/150102/items/RT-1/evaluate')).toEqual({ division: '150102', code: 'RT-1' });
    expect(match('/API/runtime/150102/items/RT-1/Evaluate/')).toEqual({ division: '150102', code: 'RT-1' });
    expect(match('/api/runtime/15%30102/items/RT-1/evaluate')).toEqual({ division: '150102', code: 'RT-1' });
    expect(match('/api/runtime//items/RT-1/evaluate')).toBeNull();
    expect(match('/api/runtime/150102/items/RT-1/evaluate/x')).toBeNull();
    expect(match('/api/runtime/150102/items/RT-1')).toBeNull();
    expect(match('/api/runtime/%E0%A4%A/items/RT-1/evaluate')).toBeNull();
    expect(match('api/runtime/150102/items/RT-1/evaluate')).toBeNull();
  });
});
