import { fixedClock, contentHash, diffConfigs, type ItemConfig, type DraftRecord, type VersionRecord } from '../../engine/core/index.js';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrincipal } from '../../engine/services/index.js';
import { openSqliteStore } from '../../engine/adapters/sqlite/index.js';
import { createLogger, buildOpenApi, createApiApp } from '../../engine/http-kit/index.js';
import { itemConfig } from '../../test/fixtures/item-config.js';
import { diffRoutes, prefersText } from './diff-routes.js';

const AT = '2025-06-01T00:00:00.000Z';

const v1 = itemConfig('DIFF-1');
const v2 = itemConfig('DIFF-1');
v2.standard.promisedTimeLimit.value = 3;
const draft = structuredClone(v2);
draft.standard.materials.splice(4, 1);
draft.standard.scenarios[0]!.materialIds = ['id-card'];

/** A real SQLite store holding the three items the tests diff. */
const dir = mkdtempSync(join(tmpdir(), 'tongban-diff-'));
const store = openSqliteStore({ file: join(dir, 'tongban.db') });
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});
const versionOf = (code: string, version: number, config: ItemConfig): VersionRecord => ({
  code, version, hash: contentHash(config), baseVersion: version > 1 ? version - 1 : null, publishedAt: AT, publishedBy: 'reviewer',
  author: 'author', reviewer: 'reviewer', reason: '修改', legalBasis: '依据', changeKind: 'amend', config,
});
const draftOf = (code: string, baseVersion: number | null, config: ItemConfig): Omit<DraftRecord, 'revision'> => ({
  code, baseVersion, status: 'editing', config, hash: contentHash(config), createdAt: AT, createdBy: 'author', updatedAt: AT, updatedBy: 'author',
});
for (const code of ['DIFF-1', 'DIFF-2', 'DIFF-3']) await store.upsertItem({ code, name: code, department: '', createdAt: AT });
await store.insertVersion(versionOf('DIFF-1', 1, v1));
await store.insertVersion(versionOf('DIFF-1', 2, v2));
await store.createDraft(draftOf('DIFF-1', 2, draft));
await store.insertVersion(versionOf('DIFF-2', 1, itemConfig('DIFF-2')));
await store.createDraft(draftOf('DIFF-3', null, itemConfig('DIFF-3')));
const TOKEN = (await createPrincipal({ store, input: { id: 'auditor-wang', name: '王审计', role: 'auditor' }, actor: 'admin', clock: fixedClock(AT) })).token;
const app = createApiApp({ title: 't', description: 't', routes: diffRoutes({ store }), stores: { config: store }, principals: store, logger: createLogger(() => undefined), bodyLimit: 1024 });
/** Every reader role may diff; an auditor stands for them. */
const get = (path: string) => request(app).get(path).set('Authorization', `Bearer ${TOKEN}`);

describe('GET /api/items/:code/diff', () => {
  it('compares the latest version with the draft by default, as JSON', async () => {
    const res = await get('/api/items/DIFF-1/diff');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    // Accept-Encoding is added by the compression at the edge.
    expect(res.headers.vary?.split(/,\s*/)).toEqual(['Accept', 'Accept-Encoding']);
    expect(res.body).toEqual({
      code: 'DIFF-1',
      from: { ref: 'version', version: 2, hash: contentHash(v2) },
      to: { ref: 'draft', revision: 1, baseVersion: 2, hash: contentHash(draft) },
      ...diffConfigs(v2, draft),
    });
    expect(res.body.changes.map((c: { kind: string; label: string }) => `${c.kind} ${c.label}`)).toEqual(['removed 申请材料「近期免冠照片」', 'changed 办理情形「本人办理」']);
    expect(res.body.summary.canAlterDecision).toBe(true);
  });

  it('compares any two versions, either way round, and the draft on either side', async () => {
    const forward = await get('/api/items/DIFF-1/diff?from=1&to=2');
    expect(forward.body.changes).toEqual([expect.objectContaining({ pointer: '/standard/promisedTimeLimit', beforeText: '5 个工作日', afterText: '3 个工作日' })]);
    const backward = await get('/api/items/DIFF-1/diff?from=2&to=1');
    expect(backward.body.changes).toEqual([expect.objectContaining({ pointer: '/standard/promisedTimeLimit', beforeText: '3 个工作日', afterText: '5 个工作日' })]);
    const draftFirst = await get('/api/items/DIFF-1/diff?from=draft&to=1');
    expect(draftFirst.body.from).toEqual({ ref: 'draft', revision: 1, baseVersion: 2, hash: contentHash(draft) });
    expect(draftFirst.body.summary.total).toBe(3);
    const same = await get('/api/items/DIFF-1/diff?from=2&to=2');
    expect(same.body.changes).toEqual([]);
  });

  it('answers with the Chinese text report when Accept prefers text/plain', async () => {
    const res = await get('/api/items/DIFF-1/diff?from=1').set('Accept', 'text/plain');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toBe([
      '配置差异：DIFF-1 第 1 版 → DIFF-1 草稿（修订 1）',
      '共 3 处变更（新增 0，删除 1，修改 2，移动 0）。',
      '可能改变受理结果：是（涉及表单校验、受理规则、办理情形、申请材料或受理渠道）。',
      '',
      '【事项标准】',
      '  修改 承诺办理时限：5 → 3 个工作日',
      '',
      '【申请材料】',
      '  删除 申请材料「近期免冠照片」：非必要，其他，纸质/电子化，申请人自备',
      '',
      '【办理情形】',
      '  修改 办理情形「本人办理」',
      '    · 所需材料：居民身份证、近期免冠照片 → 居民身份证',
      '',
    ].join('\n'));
    const json = await get('/api/items/DIFF-1/diff').set('Accept', 'application/json, text/plain');
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });

  it.each([
    ['from=0', 'from'], ['from=v1', 'from'], ['to=1.5', 'to'], ['to=DRAFT', 'to'], ['from=', 'from'], ['from=1&from=2', 'from'], ['to=-1', 'to'],
  ])('refuses a malformed side (%s) with 400', async (query, param) => {
    const res = await get(`/api/items/DIFF-1/diff?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_version', details: { param } });
  });

  it('refuses a malformed code with 400', async () => {
    const res = await get('/api/items/%20x/diff');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_code');
  });

  it.each([
    ['/api/items/NOPE-1/diff', '事项 NOPE-1 不存在'],
    ['/api/items/DIFF-1/diff?from=3', '事项 DIFF-1 没有第 3 版'],
    ['/api/items/DIFF-1/diff?to=9', '事项 DIFF-1 没有第 9 版'],
    ['/api/items/DIFF-2/diff', '事项 DIFF-2 没有草稿'],
    ['/api/items/DIFF-2/diff?to=draft&from=1', '事项 DIFF-2 没有草稿'],
    ['/api/items/DIFF-3/diff', '事项 DIFF-3 还没有已发布的版本，请用 from 指定比较对象'],
  ])('answers 404 for %s', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', message });
  });

  it('needs a bearer token, like every other read of drafts and versions', async () => {
    const res = await request(app).get('/api/items/DIFF-1/diff');
    expect(res.status).toBe(401);
  });

  it('is documented in the OpenAPI document', () => {
    const doc = buildOpenApi(diffRoutes({ store }), { title: 't', version: '0', description: 't' }) as { paths: Record<string, { get: { parameters: { name: string }[] } }> };
    expect(doc.paths['/api/items/{code}/diff']!.get.parameters.map((p) => p.name)).toEqual(['code', 'from', 'to', 'Accept']);
  });
});

describe('GET /api/items/:code/description', () => {
  it('tells a new item in prose, JSON by default and text on request', async () => {
    const res = await get('/api/items/DIFF-3/description');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'DIFF-3', of: { ref: 'draft', revision: 1, baseVersion: null, hash: contentHash(itemConfig('DIFF-3')) }, heading: '灵活就业人员登记（测试）（DIFF-3）' });
    expect(res.body.sections.map((s: { title: string }) => s.title)).toEqual(['事项标准', '申请材料', '办理情形', '受理表单', '受理规则', '测试样例']);
    const rules = res.body.sections.find((s: { section: string }) => s.section === 'rules');
    expect(rules.entries[0]).toEqual({ label: '受理规则「未满16周岁不予登记（未命名）」', text: '当 身份证号码 年龄小于 16 周岁 时，不予受理：申请人未满16周岁，不属于灵活就业登记对象（依据：《中华人民共和国劳动法》第十五条）' });
    const text = await get('/api/items/DIFF-3/description').set('Accept', 'text/plain');
    expect(text.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(text.text).toMatch(/^新设立事项：灵活就业人员登记（测试）（DIFF-3）\n/);
    expect(text.text).toContain('  办理情形「委托代办」：需提交：居民身份证、授权委托书、代理人身份证');
  });

  it('describes a published version too, and answers 400 and 404 as the diff does', async () => {
    expect((await get('/api/items/DIFF-1/description?of=1')).body.of).toEqual({ ref: 'version', version: 1, hash: contentHash(v1) });
    expect((await get('/api/items/DIFF-1/description?of=x')).status).toBe(400);
    expect((await get('/api/items/DIFF-2/description')).body.error.message).toBe('事项 DIFF-2 没有草稿');
    expect((await get('/api/items/NOPE-1/description')).status).toBe(404);
  });
});

describe('prefersText', () => {
  it.each([
    [undefined, false], ['', false], ['*/*', false], ['application/json', false], ['text/plain', true], ['text/*', true],
    ['text/plain, */*', true], ['*/*, text/plain', true], ['application/json, text/plain', false], ['text/plain, application/json', true],
    ['text/plain;q=0.5, application/json', false], ['application/json;q=0.4, text/plain;q=0.9', true], ['text/plain;q=0', false], ['text/html', false],
    ['TEXT/PLAIN; charset=utf-8', true],
  ])('Accept %j → text: %s', (accept, expected) => {
    expect(prefersText(accept)).toBe(expected);
  });
});
