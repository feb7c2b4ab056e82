import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDecisionLog, openIntakeStore } from '../../engine/adapters/index.js';
import { createLogger, DEFAULT_PUBLIC_RATE_LIMIT, rateLimitsFromEnv } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { ensureWebAppBuilt } from '../support/web-build.js';
import { openClaimedRuntime } from './runtime-api.js';
import { NOTICE_INLINE_BLOCKS } from '../../runtime/server/notice-documents.js';

const EVALUATE = '/api/runtime/150102/items/RT-1/evaluate';
const APPLICATION = { scenario: 'self', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' }, materials: ['id-card'] };

/** The directives of a Content-Security-Policy header, each with its sources. */
function directives(header: string | undefined): Record<string, string[]> {
  expect(header, 'Content-Security-Policy header').toBeTypeOf('string');
  return Object.fromEntries(
    header!.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
      const [name, ...sources] = d.split(/\s+/);
      return [name!, sources];
    }),
  );
}

/** The text of every inline block of a page (`<style>…</style>` or `<script>…</script>` without src). */
function inlineBlocks(html: string, tag: 'style' | 'script'): string[] {
  return [...html.matchAll(new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].filter((m) => !/\ssrc=/.test(m[1] ?? '')).map((m) => m[2]!);
}

const hashSource = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Reads a whole body as bytes (superagent has already undone any content-encoding). */
function rawBytes(res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('server hardening (designer with embedded runtime, SQLite)', () => {
  let t: TestInstallation;
  let caseNumber: string;
  beforeAll(async () => {
    await ensureWebAppBuilt('runtime/web');
    await ensureWebAppBuilt('designer/web');
    t = await openClaimedRuntime(sqliteInstallation);
    const saved = await request(t.app).post('/api/runtime/150102/intakes').set(t.as.operator).send({ code: 'RT-1', ...APPLICATION });
    expect(saved.status).toBe(201);
    caseNumber = saved.body.intake.caseNumber;
  });
  afterAll(async () => t.close());

  describe('security headers', () => {
    it('sends nosniff, no referrer, no framing and a CSP that loads nothing on API answers', async () => {
      const res = await request(t.app).get('/api/items').set(t.as.admin);
      expect(res.status).toBe(200);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-powered-by']).toBeUndefined();
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['default-src']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['script-src']).toBeUndefined();
      // Errors carry the same headers.
      const missing = await request(t.app).get('/api/no-such-thing');
      expect(missing.status).toBe(404);
      expect(directives(missing.headers['content-security-policy'])['frame-ancestors']).toEqual(["'none'"]);
      expect(missing.headers['x-content-type-options']).toBe('nosniff');
    });

    it('allows on a notice page exactly its inline style and script, by hash, and nothing inline otherwise', async () => {
      const res = await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/documents/acceptance-notice`).set(t.as.operator);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      const styles = inlineBlocks(res.text, 'style');
      const scripts = inlineBlocks(res.text, 'script');
      expect(styles).toHaveLength(1);
      expect(scripts).toHaveLength(1);
      expect(scripts[0]).toContain('window.print()');
      // No inline event handlers or style attributes, which hashes cannot allow.
      expect(res.text).not.toMatch(/\son[a-z]+=/i);
      expect(res.text).not.toMatch(/\sstyle=/i);
      const csp = directives(res.headers['content-security-policy']);
      // The route allows exactly the blocks a notice may carry: this page's style, and the Mongolian page's style that only a bilingual item's notice adds.
      expect(csp['style-src']).toEqual(NOTICE_INLINE_BLOCKS.styles.map(hashSource));
      expect(csp['style-src']).toEqual(expect.arrayContaining(styles.map(hashSource)));
      expect(csp['script-src']).toEqual(scripts.map(hashSource));
      expect(csp['default-src']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['script-src-attr']).toEqual(["'none'"]);
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    });

    it('allows on a service guide page exactly its inline style and no script', async () => {
      const res = await request(t.app).get('/api/runtime/150102/items/RT-1/guide').set('Accept', 'text/html');
      expect(res.status).toBe(200);
      const styles = inlineBlocks(res.text, 'style');
      expect(styles).toHaveLength(1);
      expect(inlineBlocks(res.text, 'script')).toEqual([]);
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['style-src']).toEqual(styles.map(hashSource));
      expect(csp['script-src']).toBeUndefined();
      expect(csp['default-src']).toEqual(["'none'"]);
    });

    it('serves the built web apps with no inline blocks, under a policy that loads only our own scripts and styles', async () => {
      const acceptance = (await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/documents/acceptance-notice`).set(t.as.operator)).text;
      for (const path of ['/window/', '/window/public/150102', '/designer/', '/designer/items/RT-1']) {
        const res = await request(t.app).get(path);
        expect(res.status, path).toBe(200);
        expect(res.text).toContain('<div id="root"></div>');
        expect(inlineBlocks(res.text, 'script'), path).toEqual([]);
        expect(inlineBlocks(res.text, 'style'), path).toEqual([]);
        expect(res.text).not.toMatch(/\son[a-z]+=/i);
        for (const [, src] of res.text.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) expect(src).toMatch(/^\/(window|designer)\/assets\//);
        const csp = directives(res.headers['content-security-policy']);
        expect(csp['default-src']).toEqual(["'self'"]);
        expect(csp['frame-ancestors']).toEqual(["'none'"]);
        expect(csp['object-src']).toEqual(["'none'"]);
        expect(csp['script-src']).toContain("'self'");
        expect(csp['script-src']).not.toContain("'unsafe-inline'");
        expect(csp['style-src']).not.toContain("'unsafe-inline'");
        // The window app shows notices through blob: URLs, which inherit its policy: their blocks are allowed here too.
        for (const block of inlineBlocks(acceptance, 'style')) expect(csp['style-src']).toContain(hashSource(block));
        for (const block of inlineBlocks(acceptance, 'script')) expect(csp['script-src']).toContain(hashSource(block));
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    });
  });

  describe('compression', () => {
    it('gzips and brotli-compresses large JSON, and leaves small answers alone', async () => {
      const gzip = await request(t.app).get('/api/openapi.json').set('Accept-Encoding', 'gzip');
      expect(gzip.status).toBe(200);
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gzip.headers.vary).toMatch(/Accept-Encoding/i);
      expect(gzip.body.openapi).toBe('3.1.0');

      const br = await request(t.app).get('/api/openapi.json').set('Accept-Encoding', 'br, gzip').buffer(true).parse(rawBytes as never);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-length']).toBeUndefined();
      expect(JSON.parse((br.body as Buffer).toString('utf8')).openapi).toBe('3.1.0');

      const plain = await request(t.app).get('/api/openapi.json').set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();

      // A small answer: one working-day sum.
      const small = await request(t.app).get('/api/calendar/working-days?from=2026-09-30&add=1').set('Accept-Encoding', 'gzip');
      expect(small.status).toBe(200);
      expect(JSON.stringify(small.body).length).toBeLessThan(1024);
      expect(small.headers['content-encoding']).toBeUndefined();
    });

    it('gzips the web apps’ scripts and the notice pages', async () => {
      const page = (await request(t.app).get('/window/')).text;
      const script = /<script[^>]*\ssrc="([^"]+)"/.exec(page)?.[1];
      expect(script).toBeDefined();
      const js = await request(t.app).get(script!).set('Accept-Encoding', 'gzip').buffer(true).parse(rawBytes as never);
      expect(js.status).toBe(200);
      expect(js.headers['content-type']).toMatch(/javascript/);
      expect(js.headers['content-encoding']).toBe('gzip');
      const notice = await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/documents/acceptance-notice`).set(t.as.operator).set('Accept-Encoding', 'gzip');
      expect(notice.headers['content-encoding']).toBe('gzip');
      expect(notice.text).toContain('受理通知书');
    });

    it('never compresses attachment bytes: they keep their exact Content-Length', async () => {
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n', 'latin1'), Buffer.alloc(8192, 0x20), Buffer.from('\n%%EOF\n', 'latin1')]);
      const uploaded = await request(t.app).post(`/api/runtime/150102/intakes/${caseNumber}/attachments`).set(t.as.operator).set('Content-Type', 'application/pdf').send(pdf);
      expect(uploaded.status).toBe(201);
      const res = await request(t.app).get(uploaded.headers.location!).set(t.as.operator).set('Accept-Encoding', 'gzip, br').buffer(true).parse(rawBytes as never);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['content-length']).toBe(String(pdf.length));
      expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
    });
  });

  describe('405 Method Not Allowed', () => {
    it('answers a known path with an undeclared method 405, with Allow and the JSON error body; unknown paths stay 404', async () => {
      const get = await request(t.app).get(EVALUATE);
      expect(get.status).toBe(405);
      expect(get.headers.allow).toBe('POST');
      expect(get.body).toEqual({ error: { code: 'method_not_allowed', message: expect.stringContaining('不支持 GET 方法'), details: { method: 'GET', path: EVALUATE, allow: ['POST'] } } });

      const doc = (await request(t.app).get('/api/openapi.json')).body;
      const del = await request(t.app).delete('/api/calendar/2025');
      expect(del.status).toBe(405);
      expect(del.headers.allow).toBe(doc.paths['/api/calendar/{year}']['x-allow'].join(', '));
      expect(del.headers.allow).toMatch(/^GET, HEAD\b/);

      const options = await request(t.app).options('/api/items');
      expect(options.status).toBe(405);
      expect(options.headers.allow).toBe(doc.paths['/api/items']['x-allow'].join(', '));
      expect(options.headers.allow).toContain('GET');

      // A declared method is unaffected, HEAD is answered where GET is.
      expect((await request(t.app).head('/api/calendar/working-days?from=2025-06-06&add=1')).status).toBe(200);
      expect((await request(t.app).delete('/api/no-such-thing')).status).toBe(404);
      expect((await request(t.app).put('/api/runtime/150102/items/RT-1/nothing-here')).status).toBe(404);
      expect(del.headers['content-security-policy']).toBeDefined();
    });
  });

  describe('OpenAPI', () => {
    it('declares 429 on rate-limited operations and 405 with Allow on every path', async () => {
      const doc = (await request(t.app).get('/api/openapi.json')).body;
      const tooMany = { $ref: '#/components/responses/TooManyRequests' };
      expect(doc.paths['/api/runtime/{division}/items/{code}/evaluate'].post.responses['429']).toEqual(tooMany);
      expect(doc.paths['/api/runtime/{division}/items/{code}/guide'].get.responses['429']).toEqual(tooMany);
      expect(doc.paths['/api/calendar/{year}'].get.responses['429']).toEqual(tooMany);
      expect(doc.paths['/api/items'].get.responses['429']).toBeUndefined();
      expect(doc.components.responses.TooManyRequests.headers['Retry-After']).toBeDefined();
      expect(doc.components.responses.MethodNotAllowed.headers.Allow).toBeDefined();
      expect(doc.paths['/api/runtime/{division}/items/{code}/evaluate']['x-allow']).toEqual(['POST']);
      expect(doc.paths['/api/runtime/{division}/items/{code}/evaluate'].description).toContain('405');
    });
  });

  describe('rate limits on public routes', () => {
    it('defaults to a generous limit, configurable by TONGBAN_PUBLIC_RATE_LIMIT (0 = off)', () => {
      expect(rateLimitsFromEnv({})).toEqual({ public: DEFAULT_PUBLIC_RATE_LIMIT });
      expect(DEFAULT_PUBLIC_RATE_LIMIT).toBe(600);
      expect(rateLimitsFromEnv({ TONGBAN_PUBLIC_RATE_LIMIT: '30' })).toEqual({ public: 30 });
      expect(rateLimitsFromEnv({ TONGBAN_PUBLIC_RATE_LIMIT: '0' })).toEqual({ public: 0 });
      expect(() => rateLimitsFromEnv({ TONGBAN_PUBLIC_RATE_LIMIT: 'many' })).toThrow(/TONGBAN_PUBLIC_RATE_LIMIT/);
    });

    it('answers anonymous calls beyond the budget 429 with Retry-After and the JSON error body; tokens and other routes are not limited', async () => {
      const previous = process.env.TONGBAN_PUBLIC_RATE_LIMIT;
      process.env.TONGBAN_PUBLIC_RATE_LIMIT = '3';
      let app;
      try {
        app = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined) });
      } finally {
        if (previous === undefined) delete process.env.TONGBAN_PUBLIC_RATE_LIMIT;
        else process.env.TONGBAN_PUBLIC_RATE_LIMIT = previous;
      }
      for (let i = 0; i < 2; i++) {
        const ok = await request(app).post(EVALUATE).send(APPLICATION);
        expect(ok.status).toBe(200);
        expect(ok.headers['ratelimit-policy']).toMatch(/q=3/);
      }
      // The guide, the calendar and evaluate share one budget per client address.
      expect((await request(app).get('/api/calendar')).status).toBe(200);
      const refused = await request(app).post(EVALUATE).send(APPLICATION);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
      expect(refused.body).toEqual({
        error: { code: 'too_many_requests', message: expect.stringMatching(/^请求过于频繁，请 \d+ 秒后再试$/), details: { limit: 3, windowSeconds: 60, retryAfterSeconds: Number(refused.headers['retry-after']) } },
      });
      expect((await request(app).get('/api/runtime/150102/items/RT-1/guide')).status).toBe(429);
      expect((await request(app).get('/api/calendar/2025')).status).toBe(429);
      // Not a public-tier route: served.
      expect((await request(app).get('/api/runtime/150102/items')).status).toBe(200);
      expect((await request(app).get('/api/health')).status).toBe(200);
      // An authenticated caller is not counted; a bad token is refused before any limit matters.
      expect((await request(app).post(EVALUATE).set(t.as.operator).send(APPLICATION)).status).toBe(200);
      expect((await request(app).post(EVALUATE).set('Authorization', 'Bearer tb_nobody').send(APPLICATION)).status).toBe(401);
      // The installation's own app (default limit) was not affected.
      expect((await request(t.app).post(EVALUATE).send(APPLICATION)).status).toBe(200);
    });
  });
});

describe('data files', () => {
  it('creates the SQLite files 0600 (with their -wal and -shm) in a data directory created 0700, and tightens older 0644 files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tongban-modes-'));
    try {
      const dataDir = join(root, 'new', 'data');
      const settings = { dataDir, mongodbDatabase: 'unused' };
      const decisions = await openDecisionLog(settings);
      const intakes = await openIntakeStore(settings);
      const saved = await intakes.health();
      expect(saved.ok).toBe(true);
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dataDir);
      expect(files).toEqual(expect.arrayContaining(['decisions.db', 'intake.db']));
      expect(files.some((f) => f.endsWith('-wal'))).toBe(true);
      for (const file of files) expect(statSync(join(dataDir, file)).mode & 0o777, file).toBe(0o600);
      await intakes.close();
      await decisions.close();

      for (const file of readdirSync(dataDir)) chmodSync(join(dataDir, file), 0o644);
      const reopened = await openIntakeStore(settings);
      for (const file of readdirSync(dataDir).filter((f) => f.startsWith('intake.db'))) expect(statSync(join(dataDir, file)).mode & 0o777, file).toBe(0o600);
      await reopened.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
