// How the designer reaches a browser: the first screen (sign-in and the item list) loads at most
// 250 KB of gzip'd script — the editor, RJSF and the rule engine are separate chunks loaded when an
// item is opened — and the server sends scripts, pages and JSON compressed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESSION_THRESHOLD } from '../../engine/http-kit/index.js';
import { DESIGNER_WEB_DIR } from '../../designer/server/designer-web.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { ensureWebAppBuilt } from '../support/web-build.js';

const FIRST_SCREEN_GZIP_BUDGET = 250 * 1024;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  src?: string;
}

/** The entry's script and everything it imports statically: what the browser loads before the first paint. */
function firstScreenFiles(manifest: Record<string, ManifestChunk>): string[] {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const next of manifest[key]!.imports ?? []) visit(next);
  };
  if (entry) visit(entry);
  return [...seen].map((k) => manifest[k]!.file);
}

/** Reads a whole body as bytes, as sent (no decoding). */
function rawBytes(res: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('designer web delivery', () => {
  let t: TestInstallation;
  let manifest: Record<string, ManifestChunk>;
  beforeAll(async () => {
    await ensureWebAppBuilt('designer/web');
    manifest = JSON.parse(readFileSync(join(DESIGNER_WEB_DIR, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    t = await sqliteInstallation();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('loads the first screen with at most 250 KB of gzip’d script; the editor is a lazy chunk', () => {
    const files = firstScreenFiles(manifest);
    expect(files.length).toBeGreaterThan(0);
    const gzipped = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(DESIGNER_WEB_DIR, file))).length, 0);
    expect(gzipped).toBeLessThanOrEqual(FIRST_SCREEN_GZIP_BUDGET);
    const editor = manifest['src/Editor.tsx'];
    expect(editor?.file).toBeDefined();
    expect(files).not.toContain(editor!.file);
    // The editor's chunks together are the bigger part: splitting moved real weight off the first screen.
    const all = Object.values(manifest).map((c) => c.file).filter((f) => f.endsWith('.js'));
    const total = all.reduce((sum, file) => sum + gzipSync(readFileSync(join(DESIGNER_WEB_DIR, file))).length, 0);
    expect(total - gzipped).toBeGreaterThan(gzipped);
  });

  it('serves the scripts gzip’d or brotli-compressed, and the page and JSON compressed', async () => {
    const page = await request(t.app).get('/designer/').set('Accept-Encoding', 'gzip').buffer(true).parse(rawBytes as never);
    expect(page.status).toBe(200);
    const html = (page.headers['content-encoding'] === 'gzip' ? (await import('node:zlib')).gunzipSync(page.body as Buffer) : (page.body as Buffer)).toString('utf8');
    // The page is compressed unless it is too small to gain anything (the HTTP kit's threshold).
    if (!page.headers['content-encoding']) expect(Buffer.byteLength(html)).toBeLessThan(COMPRESSION_THRESHOLD);
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of [...scripts, `/designer/${manifest['src/Editor.tsx']!.file}`]) {
      const gz = await request(t.app).get(src).set('Accept-Encoding', 'gzip').buffer(true).parse(rawBytes as never);
      expect(gz.status).toBe(200);
      expect(gz.headers['content-type']).toMatch(/javascript/);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['cache-control']).toMatch(/immutable/);
      const br = await request(t.app).get(src).set('Accept-Encoding', 'br, gzip').buffer(true).parse(rawBytes as never);
      expect(br.headers['content-encoding']).toBe('br');
    }
    // An item's page (the single-page fallback) comes the same way as the start page.
    const fallback = await request(t.app).get('/designer/items/ANY-1').set('Accept-Encoding', 'gzip');
    expect(fallback.status).toBe(200);
    expect(fallback.headers['content-type']).toMatch(/text\/html/);

    expect((await request(t.app).put('/api/items/DELIVERY-1/draft').set(t.as.author).send(itemConfig('DELIVERY-1'))).status).toBe(201);
    const json = await request(t.app).get('/api/items/DELIVERY-1/draft').set(t.as.author).set('Accept-Encoding', 'gzip');
    expect(json.status).toBe(200);
    expect(json.headers['content-encoding']).toBe('gzip');
    expect(json.body.code).toBe('DELIVERY-1');
  });
});
