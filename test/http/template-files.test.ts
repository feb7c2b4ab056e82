import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/index.js';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const DOC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x01]);

describe('material templates as files: upload in the designer, download from the guide', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
  });
  afterAll(async () => t.close());

  const bytesOf = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  };

  const upload = (as: Record<string, string>, body: Buffer, type: string, name: string) =>
    request(t.app).post('/api/templates').set(as).set('Content-Type', type).set('X-Filename', encodeURIComponent(name)).send(body);

  it('stores a template by content hash (authors and admins), refuses other types, empty files and other roles', async () => {
    const first = await upload(t.as.author, PDF, 'application/pdf', '申请表（空白）.pdf');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), name: '申请表（空白）.pdf', type: 'application/pdf', size: PDF.length, stored: true });
    const again = await upload(t.as.admin, PDF, 'application/pdf', '另一个名字.pdf');
    expect(again.body).toMatchObject({ hash: first.body.hash, stored: false });
    const exe = await upload(t.as.author, Buffer.from('MZ'), 'application/x-msdownload', 'setup.exe');
    expect(exe.status).toBe(400);
    expect(exe.body.error.message).toContain('不受支持');
    expect((await upload(t.as.author, Buffer.alloc(0), 'application/pdf', 'x.pdf')).status).toBe(400);
    expect((await upload(t.as.operator, PDF, 'application/pdf', 'x.pdf')).status).toBe(403);
    expect((await upload(t.as.author, Buffer.alloc(2 * 1024 * 1024 + 1, 1), 'application/pdf', 'big.pdf')).status).toBe(413);
  });

  it('a published version references the file by hash (the version hash covers it); the guide links it and anyone downloads it', async () => {
    const { hash } = (await upload(t.as.author, PDF, 'application/pdf', '申请表.pdf')).body as { hash: string };
    const config = itemConfig('TPL-1');
    const material = config.standard.materials[0]!.id;
    config.standard.materialTemplates = [{ materialId: material, name: '申请表空白表格', file: { hash, name: '申请表.pdf' } }];
    const published = await publishThroughApi(t, config);
    const version = (await request(t.app).get('/api/items/TPL-1/versions/1').set(t.as.auditor)).body;
    expect(version.config.standard.materialTemplates[0].file).toEqual({ hash, name: '申请表.pdf' });
    expect(published.hash).toBe(contentHash(version.config));
    const withoutFile = structuredClone(version.config);
    delete withoutFile.standard.materialTemplates[0].file;
    expect(contentHash(withoutFile)).not.toBe(published.hash);

    await request(t.app).put('/api/localities/150102/claims/TPL-1').set(t.as.operator).send({});
    const guide = await request(t.app).get('/api/runtime/150102/items/TPL-1/guide');
    expect(guide.body.templateFiles).toEqual([{ materialId: material, name: '申请表空白表格', fileName: '申请表.pdf', href: `/api/templates/${encodeURIComponent(hash)}?name=${encodeURIComponent('申请表.pdf')}` }]);
    const html = await request(t.app).get('/api/runtime/150102/items/TPL-1/guide').set('Accept', 'text/html');
    expect(html.text).toContain('下载模板');
    expect(html.text).toContain(`href="/api/templates/${encodeURIComponent(hash)}`);

    const download = await request(t.app).get(guide.body.templateFiles[0].href).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('申请表.pdf'));
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    expect((await request(t.app).get(`/api/templates/sha256:${'0'.repeat(64)}`)).status).toBe(404);
    expect((await request(t.app).get('/api/templates/not-a-hash')).status).toBe(400);
  });

  it('the stand-alone runtime (its own process over the read-only reader) serves the guide and the template download too', async () => {
    const { hash } = (await upload(t.as.author, DOC, 'application/msword', '登记表.doc')).body as { hash: string };
    const config = itemConfig('TPL-2');
    const material = config.standard.materials[0]!.id;
    config.standard.materialTemplates = [{ materialId: material, name: '登记表', file: { hash, name: '登记表.doc' } }];
    await publishThroughApi(t, config);
    await request(t.app).put('/api/localities/150102/claims/TPL-2').set(t.as.operator).send({});

    const runtime = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined), windowApp: false });
    const guide = await request(runtime).get('/api/runtime/150102/items/TPL-2/guide');
    expect(guide.status).toBe(200);
    const href = guide.body.templateFiles[0].href as string;
    expect(href).toBe(`/api/templates/${encodeURIComponent(hash)}?name=${encodeURIComponent('登记表.doc')}`);
    const download = await request(runtime).get(href).buffer(true).parse(bytesOf);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/msword');
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('登记表.doc'));
    expect(Buffer.compare(download.body as Buffer, DOC)).toBe(0);
    const missing = await request(runtime).get(`/api/templates/sha256:${'0'.repeat(64)}`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBeTruthy();
    expect((await request(runtime).get('/api/templates/not-a-hash')).status).toBe(400);
    // Read-only: the stand-alone runtime takes no uploads.
    const refused = await request(runtime).post('/api/templates').set('Content-Type', 'application/pdf').set('X-Filename', 'x.pdf').send(Buffer.from('%PDF-1.7 other'));
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
  });

  it('a material template whose file is not in the store is a validation problem naming the material: saving, validating, submitting and publishing refuse it', async () => {
    const dangling = `sha256:${'ab'.repeat(32)}`;
    const config = itemConfig('TPL-3');
    const material = config.standard.materials[0]!;
    config.standard.materialTemplates = [{ materialId: material.id, name: '空白表', file: { hash: dangling, name: '丢失的表.pdf' } }];
    const saved = await request(t.app).put('/api/items/TPL-3/draft').set(t.as.author).send(config);
    expect(saved.status).toBe(422);
    expect(saved.body.error.code).toBe('validation_failed');
    expect(saved.body.error.details.problems).toEqual([expect.objectContaining({ pointer: '/standard/materialTemplates/0/file', code: 'standard.template-file-missing' })]);
    expect(saved.body.error.details.problems[0].message).toContain(`材料「${material.name}」`);
    expect(saved.body.error.details.problems[0].message).toContain('丢失的表.pdf');
    expect(await t.store.getDraft('TPL-3')).toBeNull();

    // A draft that already holds such a reference (saved before the check, or copied in) never reaches a version.
    const at = new Date().toISOString();
    await t.store.upsertItem({ code: 'TPL-3', name: config.standard.name, department: config.standard.department.name, createdAt: at });
    const draft = await t.store.createDraft({ code: 'TPL-3', baseVersion: null, status: 'editing', config, hash: contentHash(config), createdAt: at, createdBy: 'author-zhang', updatedAt: at, updatedBy: 'author-zhang', editors: ['author-zhang'] });
    const check = await request(t.app).post('/api/items/TPL-3/draft/validate').set(t.as.author);
    expect(check.body.valid).toBe(false);
    expect(check.body.problems).toEqual([expect.objectContaining({ code: 'standard.template-file-missing', message: expect.stringContaining(material.name) })]);
    const submitted = await request(t.app).post('/api/items/TPL-3/draft/submit').set(t.as.author);
    expect(submitted.status).toBe(422);
    expect(submitted.body.error.details.problems[0].code).toBe('standard.template-file-missing');
    await t.store.updateDraft('TPL-3', draft.revision, { status: 'approved', submittedAt: at, submittedBy: 'author-zhang', reviewedAt: at, reviewedBy: 'reviewer-li', updatedAt: at, updatedBy: 'reviewer-li' });
    const published = await request(t.app).post('/api/items/TPL-3/publish').set(t.as.author).send({ reason: '首次发布', legalBasis: '《中华人民共和国就业促进法》第三十五条', changeKind: 'establish' });
    expect(published.status).toBe(422);
    expect(published.body.error.details.problems[0].message).toContain(`材料「${material.name}」`);
    expect(await t.store.latestVersionRef('TPL-3')).toBeNull();
  });
});
