import { systemClock, contentHash, parseCsv } from '../../engine/core/index.js';
import type { Express } from 'express';
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogueRoutes } from '../../designer/server/catalogue-routes.js';
import type { CatalogueBundle, ImportReport } from '../../engine/services/index.js';
import { createLogger, createApiApp } from '../../engine/http-kit/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { tempStore, versionHashes, type TempStore } from './helpers.js';

const samples = loadSampleCatalogue();
const first = samples[0]!;

function appFor(t: TempStore): Express {
  return createApiApp({
    title: 'catalogue test',
    description: 'catalogue routes only',
    routes: catalogueRoutes({ store: t.store, lifecycle: t.lifecycle, clock: systemClock }),
    stores: { config: t.store },
    principals: t.store,
    logger: createLogger(() => undefined),
    bodyLimit: 8 * 1024 * 1024,
  });
}

/** A client acting as one of the store's administrators. */
function as(t: TempStore, app: Express, actor: 'ops-wang' | 'dept-li' = 'ops-wang') {
  return request.agent(app).set('Authorization', `Bearer ${t.tokens[actor]}`);
}

describe('catalogue HTTP routes', () => {
  let source: TempStore;
  let target: TempStore;
  let sourceApp: Express;
  let targetApp: Express;
  beforeEach(async () => {
    source = await tempStore({ seed: true });
    target = await tempStore();
    sourceApp = appFor(source);
    targetApp = appFor(target);
  });
  afterEach(async () => {
    await source.close();
    await target.close();
  });

  it('exports the catalogue, one item or one version, and refuses bad parameters', async () => {
    const all = await as(source, sourceApp).get('/api/catalogue/export');
    expect(all.status).toBe(200);
    expect(all.headers['content-disposition']).toMatch(/^attachment; filename="tongban-catalogue-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(all.body).toMatchObject({ format: 'tongban-bundle', formatVersion: 1 });
    expect(all.body.items).toHaveLength(samples.length);

    const one = await as(source, sourceApp).get(`/api/catalogue/export?code=${first.code}&version=1`);
    expect(one.status).toBe(200);
    expect(one.body.items.map((i: { code: string }) => i.code)).toEqual([first.code]);
    expect(one.body.items[0].versions[0].hash).toBe(contentHash(first));

    expect((await as(source, sourceApp).get('/api/catalogue/export?code=NOPE-1')).status).toBe(404);
    expect((await as(source, sourceApp).get(`/api/catalogue/export?code=${first.code}&version=7`)).status).toBe(404);
    expect((await as(source, sourceApp).get('/api/catalogue/export?version=1')).body.error.code).toBe('bad_request');
    expect((await as(source, sourceApp).get(`/api/catalogue/export?code=${first.code}&version=x`)).body.error.code).toBe('bad_version');
    expect((await as(source, sourceApp).get('/api/catalogue/export?code=%2E%2E')).body.error.code).toBe('bad_code');
  });

  it('imports a bundle with a per-item report (200), idempotently, recording the actor', async () => {
    const bundle = (await as(source, sourceApp).get('/api/catalogue/export')).body as CatalogueBundle;
    const dry = await as(target, targetApp).post('/api/catalogue/import?dryRun=true').send(bundle);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ ok: true, dryRun: true });
    expect(await target.store.listItems()).toEqual([]);

    const first = await as(target, targetApp, 'ops-wang').post('/api/catalogue/import').send(bundle);
    expect(first.status).toBe(200);
    expect((first.body as ImportReport).counts.imported).toBe(samples.length);
    expect(await versionHashes(target.store)).toEqual(await versionHashes(source.store));
    expect((await target.store.listAudit({ actor: 'ops-wang', limit: 1000 })).every((e) => e.action === 'item.imported')).toBe(true);

    const again = await as(target, targetApp).post('/api/catalogue/import').send(bundle);
    expect(again.status).toBe(200);
    expect(again.body.counts).toMatchObject({ imported: 0, identical: samples.length });
  });

  it('answers 200 with ok:false when items conflict, and 422 for a tampered bundle', async () => {
    const bundle = (await as(source, sourceApp).get(`/api/catalogue/export?code=${first.code}`)).body as CatalogueBundle;
    const changed = structuredClone(bundle);
    changed.items[0]!.versions[0]!.config.standard.acceptanceConditions.push('另一条件');
    // A bilingual item's new text comes with its Mongolian (the completeness gate).
    const mongolian = changed.items[0]!.versions[0]!.config.translations?.['mn-Mong'];
    if (mongolian) mongolian['standard.acceptanceConditions[另一条件]'] = 'ᠥᠭᠡᠷ᠎ᠡ ᠪᠣᠯᠵᠣᠯ';
    changed.items[0]!.versions[0]!.hash = contentHash(changed.items[0]!.versions[0]!.config);
    // A config changed after signing, its hash recomputed: not published here, but left as a draft for review.
    const fabricated = await as(target, targetApp).post('/api/catalogue/import').send(changed);
    expect(fabricated.body).toMatchObject({
      ok: false, counts: { imported: 0, draft: 1 },
      items: [{ code: first.code, status: 'draft', imported: [], refused: [{ version: 1, reason: 'bad-signature' }], draft: { fromVersion: 1, status: 'submitted', baseVersion: null } }],
    });
    expect((await as(target, targetApp).post('/api/catalogue/import').send(bundle)).body.counts.imported).toBe(1);

    const conflicting = await as(target, targetApp).post('/api/catalogue/import').send(changed);
    expect(conflicting.status).toBe(200);
    expect(conflicting.body).toMatchObject({ ok: false, counts: { conflict: 1 }, items: [{ code: first.code, status: 'conflict' }] });

    const tampered = structuredClone(bundle);
    tampered.items[0]!.versions[0]!.config.standard.name = '被篡改的名称';
    const refused = await as(target, targetApp).post('/api/catalogue/import').send(tampered);
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.problems[0]).toMatchObject({ pointer: '/items/0/versions/0/hash', code: 'bundle.hash-mismatch' });

    expect((await as(target, targetApp).post('/api/catalogue/import').send({ hello: 1 })).status).toBe(422);
    expect((await as(target, targetApp).post('/api/catalogue/import').set('Content-Type', 'text/plain').send('x')).status).toBe(415);
  });

  it('imports an item list sent as { csv } JSON and reports each row', async () => {
    const csv = '\uFEFF序号,事项名称,实施部门,事项类型,办件类型,通办范围\r\n1,新事项甲,内蒙古自治区民政厅,公共服务,承诺件,全区通办\r\n2,新事项乙,未知部门,公共服务,承诺件,全区通办\r\n';
    const res = await as(source, sourceApp, 'dept-li').post('/api/catalogue/import-csv').send({ csv, departments: ['内蒙古自治区民政厅'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, created: 1, rejected: 1 });
    expect(res.body.rows).toEqual([
      { row: 2, status: 'created', code: 'IMPORT-0001', name: '新事项甲', reasons: [] },
      { row: 3, status: 'rejected', code: 'IMPORT-0002', name: '新事项乙', reasons: [expect.stringMatching(/实施部门「未知部门」不在已知部门中/)] },
    ]);
    expect((await source.store.getDraft('IMPORT-0001'))?.createdBy).toBe('dept-li');

    const malformed = await as(source, sourceApp).post('/api/catalogue/import-csv').send({ csv: '序号,事项名称\r\n1,"未闭合\r\n' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'malformed_csv', details: { line: 2 } });
    expect((await as(source, sourceApp).post('/api/catalogue/import-csv').send({ csv: 'x', departments: 'all' })).status).toBe(422);
    expect((await as(source, sourceApp).post('/api/catalogue/import-csv').set('Content-Type', 'text/csv').send(csv)).status).toBe(415);
  });

  it('serves the data-sharing catalogue as JSON, or as CSV for Accept: text/csv', async () => {
    const json = await as(source, sourceApp).get('/api/catalogue/data-needs');
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toMatch(/application\/json/);
    expect(json.body.itemCount).toBe(samples.length);
    const csv = await as(source, sourceApp).get('/api/catalogue/data-needs').set('Accept', 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/filename="tongban-data-needs-/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    expect(parseCsv(csv.text)).toHaveLength(json.body.totals.needs + 1);
    expect((await as(source, sourceApp).get('/api/catalogue/data-needs?includeWithdrawn=maybe')).status).toBe(400);
  });

  it('documents its routes in the OpenAPI document, every $ref resolving', async () => {
    const doc = (await as(source, sourceApp).get('/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/catalogue/export', '/api/catalogue/import', '/api/catalogue/import-csv', '/api/catalogue/data-needs']));
    const refs = JSON.stringify(doc).match(/"\$ref":"([^"]+)"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const raw of refs) {
      let node: unknown = doc;
      for (const token of raw.slice(8, -1).replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)?.[token];
      expect(node, raw).toBeDefined();
    }
  });
});
