import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrincipal } from '../../engine/services/index.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, TEST_PRINCIPALS, type TestInstallation } from '../support/installation.js';

/** The server's clock, moved by the test: session expiry is judged by it, never by the browser. */
function movableClock(start: string) {
  let now = new Date(start).getTime();
  return { clock: () => new Date(now), advanceHours: (hours: number) => { now += hours * 3_600_000; } };
}

const tokenOf = (t: TestInstallation, name: keyof TestInstallation['as']) => t.as[name].Authorization.replace(/^Bearer /, '');

/** The `name=value` pairs of a response's Set-Cookie headers, with their attributes. */
function setCookies(res: request.Response): { name: string; value: string; attributes: string[] }[] {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  return (raw ?? []).map((line) => {
    const [pair = '', ...attributes] = line.split(';').map((p) => p.trim());
    const eq = pair.indexOf('=');
    return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attributes };
  });
}

function cookieHeader(res: request.Response): string {
  return setCookies(res).map((c) => `${c.name}=${c.value}`).join('; ');
}

describe('sign-in for people: session cookies', () => {
  let t: TestInstallation;
  const time = movableClock('2026-03-02T00:30:00.000Z');
  beforeAll(async () => {
    t = await sqliteInstallation({ clock: time.clock });
  });
  afterAll(async () => t?.close());

  const signIn = (token: string, headers: Record<string, string> = {}) => request(t.app).post('/api/session').set(headers).send({ token });

  it('exchanges a personal token for an HttpOnly, SameSite=Strict cookie that expires with the session, and /api/me names the person', async () => {
    const res = await signIn(tokenOf(t, 'operator'));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      principal: { id: 'operator-xincheng', name: '新城区窗口', role: 'operator', department: null, division: '150102' },
      expiresAt: '2026-03-02T10:30:00.000Z',
    });
    const cookies = setCookies(res);
    expect(cookies.map((c) => c.name).sort()).toEqual(['tongban_session', 'tongban_session.operator-xincheng']);
    for (const cookie of cookies) {
      expect(cookie.value).toMatch(/^tbs_[A-Za-z0-9_-]{43}$/);
      expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/api', 'HttpOnly', 'SameSite=Strict', 'Max-Age=36000', 'Expires=Mon, 02 Mar 2026 10:30:00 GMT']));
      expect(cookie.attributes).not.toContain('Secure');
    }
    // The store keeps only the hash of the session id.
    const id = cookies[0]?.value ?? '';
    const raw = (t.store as unknown as { db: { prepare(sql: string): { all(): unknown[] } } }).db.prepare('SELECT * FROM sessions').all();
    expect(JSON.stringify(raw)).not.toContain(id);

    const me = await request(t.app).get('/api/me').set('Cookie', cookieHeader(res));
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ principal: res.body.principal, via: 'session', expiresAt: '2026-03-02T10:30:00.000Z' });
    // The cookie signs API calls like the token does.
    expect((await request(t.app).get('/api/runtime/150102/intakes').set('Cookie', cookieHeader(res))).status).toBe(200);
    // Bearer tokens stay for tools and the CLI.
    expect((await request(t.app).get('/api/me').set(t.as.auditor)).body).toMatchObject({ principal: { id: 'auditor-sun', name: '孙审计', role: 'auditor' }, via: 'token', expiresAt: null });
  });

  it('marks the cookie Secure when the request came over https', async () => {
    const res = await signIn(tokenOf(t, 'author'), { 'X-Forwarded-Proto': 'https' });
    expect(setCookies(res).every((c) => c.attributes.includes('Secure'))).toBe(true);
  });

  it('refuses a malformed, unknown or revoked token, naming why', async () => {
    const malformed = await signIn('nonsense');
    expect(malformed.status).toBe(401);
    expect(malformed.body.error.message).toContain('令牌格式不正确');
    expect((await signIn(`tb_${'A'.repeat(43)}`)).body.error.message).toBe('令牌无效');
    const { principal, token } = await createPrincipal({ store: t.store, input: { name: '临时审计', role: 'auditor' }, actor: 'test-setup' });
    await t.store.revokePrincipal(principal.id, '2026-03-02T00:00:00.000Z', 'admin-test');
    expect((await signIn(token)).body.error.message).toContain('吊销');
    expect(setCookies(malformed)).toEqual([]);
  });

  it('ends the session at its expiry by the server clock', async () => {
    const res = await signIn(tokenOf(t, 'reviewer'));
    const cookie = cookieHeader(res);
    time.advanceHours(9.9);
    expect((await request(t.app).get('/api/me').set('Cookie', cookie)).body.principal.id).toBe('reviewer-li');
    expect((await request(t.app).get('/api/audit').set('Cookie', cookie)).status).toBe(200);
    time.advanceHours(0.2);
    const late = await request(t.app).get('/api/audit').set('Cookie', cookie);
    expect(late.status).toBe(401);
    expect(late.body.error).toMatchObject({ code: 'session_ended', details: { session: 'expired', expiresAt: res.body.expiresAt } });
    // The app asks who is signed in without an error, and learns why nobody is.
    expect((await request(t.app).get('/api/me').set('Cookie', cookie)).body).toEqual({ principal: null, via: null, expiresAt: null, ended: 'expired' });
    time.advanceHours(-10.1);
  });

  it('signs out by revoking the session in the store: the same cookie no longer works anywhere', async () => {
    const res = await signIn(tokenOf(t, 'auditor'));
    const cookie = cookieHeader(res);
    const out = await request(t.app).delete('/api/session').set('Cookie', cookie).set('Origin', 'http://127.0.0.1').set('Host', '127.0.0.1');
    expect(out.status).toBe(200);
    expect(out.body).toEqual({ signedOut: true });
    const cleared = setCookies(out);
    expect(cleared.map((c) => c.name).sort()).toEqual(['tongban_session', 'tongban_session.auditor-sun']);
    expect(cleared.every((c) => c.value === '' && c.attributes.includes('Max-Age=0'))).toBe(true);
    // A copy of the cookie kept elsewhere is refused too: the revocation is server-side.
    const after = await request(t.app).get('/api/audit').set('Cookie', cookie);
    expect(after.status).toBe(401);
    expect(after.body.error.details).toEqual({ session: 'signed-out' });
  });

  it('stops a session at once when its principal is revoked', async () => {
    const { principal, token } = await createPrincipal({ store: t.store, input: { name: '钱审核', role: 'reviewer' }, actor: 'test-setup' });
    const cookie = cookieHeader(await signIn(token));
    expect((await request(t.app).get('/api/me').set('Cookie', cookie)).body.principal.name).toBe('钱审核');
    await request(t.app).delete(`/api/principals/${principal.id}`).set(t.as.admin);
    expect((await request(t.app).get('/api/items').set('Cookie', cookie)).body.error.details).toEqual({ session: 'principal-revoked' });
    expect((await request(t.app).get('/api/me').set('Cookie', cookie)).body.ended).toBe('principal-revoked');
  });

  it('refuses a cookie-signed change sent from another site (CSRF) and accepts one from our own pages', async () => {
    const cookie = cookieHeader(await signIn(tokenOf(t, 'author')));
    const save = () => request(t.app).put('/api/items/SESS-1/draft').set('Cookie', cookie).set('Host', 'tongban.example');
    const crossSite = await save().set('Origin', 'https://evil.example').set('Sec-Fetch-Site', 'cross-site').send(itemConfig('SESS-1'));
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.error.code).toBe('cross_site_request');
    expect((await save().set('Origin', 'https://evil.example').send(itemConfig('SESS-1'))).status).toBe(403);
    // Neither Origin nor Sec-Fetch-Site: no proof the request came from our page.
    expect((await save().send(itemConfig('SESS-1'))).body.error.code).toBe('cross_site_request');
    expect(await t.store.getDraft('SESS-1')).toBeNull();
    const own = await save().set('Origin', 'http://tongban.example').set('Sec-Fetch-Site', 'same-origin').send(itemConfig('SESS-1'));
    expect(own.status).toBe(201);
    // The draft names the person who signed in.
    expect(own.body.createdBy).toBe(TEST_PRINCIPALS.author.id);
    // Reading needs no proof (SameSite=Strict keeps the cookie off other sites' requests anyway).
    expect((await request(t.app).get('/api/items/SESS-1/draft').set('Cookie', cookie)).status).toBe(200);
    // A sign-in posted from another site is refused as well (login CSRF).
    expect((await signIn(tokenOf(t, 'author'), { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
  });

  it('keeps each tab the person who signed in there: X-Tongban-Principal picks among the browser’s sessions', async () => {
    const first = await signIn(tokenOf(t, 'operator'));
    const second = await signIn(tokenOf(t, 'handler'));
    const jar = [...setCookies(second), ...setCookies(first).filter((c) => c.name !== 'tongban_session')].map((c) => `${c.name}=${c.value}`).join('; ');
    // A new tab (no selector) is the latest sign-in.
    expect((await request(t.app).get('/api/me').set('Cookie', jar)).body.principal.id).toBe('handler-xincheng-rs');
    expect((await request(t.app).get('/api/me').set('Cookie', jar).set('X-Tongban-Principal', 'operator-xincheng')).body.principal.id).toBe('operator-xincheng');
    // Naming a person with no session in this browser is not a sign-in.
    expect((await request(t.app).get('/api/me').set('Cookie', jar).set('X-Tongban-Principal', 'auditor-sun')).body.principal).toBeNull();
    expect((await request(t.app).get('/api/audit').set('Cookie', jar).set('X-Tongban-Principal', 'auditor-sun')).status).toBe(401);
    // Nobody signed in: an answer, not an error.
    expect((await request(t.app).get('/api/me')).body).toEqual({ principal: null, via: null, expiresAt: null, ended: null });
  });

  it('a stand-alone runtime (read-only store) keeps no sessions: /api/me answers for bearer tokens, sign-in is not served', async () => {
    const runtime = createRuntimeApp({ reader: t.reader, intakeStore: t.intakes, logger: createLogger(() => undefined), windowApp: false });
    expect((await request(runtime).get('/api/me').set(t.as.operator)).body).toEqual({
      principal: { id: 'operator-xincheng', name: '新城区窗口', role: 'operator', department: null, division: '150102' }, via: 'token', expiresAt: null,
    });
    expect((await request(runtime).get('/api/me')).body.principal).toBeNull();
    expect((await request(runtime).post('/api/session').send({ token: tokenOf(t, 'operator') })).status).toBe(404);
    // A designer session cookie means nothing to it: no session is read.
    const cookie = cookieHeader(await signIn(tokenOf(t, 'operator')));
    expect((await request(runtime).get('/api/runtime/150102/intakes').set('Cookie', cookie)).status).toBe(401);
  });
});
