import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, ephemeralProcessSigning, signVersion, type ItemConfig } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';

const publishBody = { reason: '首次发布', legalBasis: '《中华人民共和国就业促进法》第三十五条', changeKind: 'establish' };

/** Drives a draft of `config` through save → submit → approve → publish; returns the published version. */
export async function publishThroughApi(t: TestInstallation, config: ItemConfig, reason = publishBody) {
  const app = t.app;
  const existing = await request(app).get(`/api/items/${config.code}/draft`).set(t.as.author);
  const put = await request(app).put(`/api/items/${config.code}/draft`).set(t.as.author).set(existing.status === 200 ? { 'If-Match': existing.headers.etag as string } : {}).send(config);
  expect([200, 201]).toContain(put.status);
  expect((await request(app).post(`/api/items/${config.code}/draft/submit`).set(t.as.author)).status).toBe(200);
  expect((await request(app).post(`/api/items/${config.code}/draft/approve`).set(t.as.reviewer).send({ comment: '合法性审核通过' })).status).toBe(200);
  const published = await request(app).post(`/api/items/${config.code}/publish`).set(t.as.author).send(reason);
  expect(published.status).toBe(201);
  return published.body as { version: number; hash: string };
}

/** The designer API as authors and reviewers use it, on any store adapter. */
export function describeDesignerApi(name: string, open: InstallationFactory): void {
  describe(`designer API on ${name}`, () => {
    // One installation per file; every test works on item codes of its own.
    let t: TestInstallation;
    beforeAll(async () => {
      t = await open({ bodyLimit: 256 * 1024 });
    });
    afterAll(async () => {
      await t.close();
    });

    it('takes an item from draft through review to an immutable, hashed version', async () => {
      const config = itemConfig('HTTP-1');
      const created = await t.admin().put('/api/items/HTTP-1/draft').set(t.as.author).send(config);
      expect(created.status).toBe(201);
      expect(created.headers.etag).toBe('"1"');
      expect(created.body).toMatchObject({ code: 'HTTP-1', revision: 1, status: 'editing', baseVersion: null, createdBy: 'author-zhang' });

      const check = await t.admin().post('/api/items/HTTP-1/draft/validate');
      expect(check.status).toBe(200);
      expect(check.body).toMatchObject({ valid: true, problems: [], examples: { passed: 5, failed: 0 } });

      expect((await t.admin().post('/api/items/HTTP-1/publish').set(t.as.author).send(publishBody)).body.error.code).toBe('invalid_state');
      const submitted = await t.admin().post('/api/items/HTTP-1/draft/submit').set(t.as.author);
      expect(submitted.body).toMatchObject({ status: 'submitted', submittedBy: 'author-zhang', revision: 2 });
      const approved = await t.admin().post('/api/items/HTTP-1/draft/approve').set(t.as.reviewer).send({ comment: '同意' });
      expect(approved.body).toMatchObject({ status: 'approved', reviewedBy: 'reviewer-li', reviewComment: '同意' });

      const published = await t.admin().post('/api/items/HTTP-1/publish').set(t.as.author).send(publishBody);
      expect(published.status).toBe(201);
      expect(published.body).toMatchObject({ code: 'HTTP-1', version: 1, hash: contentHash(config), author: 'author-zhang', reviewer: 'reviewer-li', reason: '首次发布', changeKind: 'establish' });

      const version = await t.admin().get('/api/items/HTTP-1/versions/1');
      expect(version.status).toBe(200);
      expect(version.body.hash).toBe(contentHash(config));
      expect(contentHash(version.body.config)).toBe(version.body.hash);
      expect((await t.admin().get('/api/items/HTTP-1/draft')).status).toBe(404);
      const item = await t.admin().get('/api/items/HTTP-1');
      expect(item.body.item).toMatchObject({ latestVersion: 1, draft: null, name: config.standard.name });
      expect(item.body.versions.map((v: { version: number }) => v.version)).toEqual([1]);

      const audit = await t.admin().get('/api/audit?code=HTTP-1');
      expect(audit.body.events.map((e: { action: string }) => e.action)).toEqual(['draft.created', 'draft.submitted', 'draft.approved', 'version.published']);
      expect((await t.admin().get('/api/audit/verify')).body).toMatchObject({ ok: true, firstBroken: null });
    });

    it('numbers versions 1, 2, … and never changes a published one', async () => {
      const v1 = itemConfig('HTTP-2');
      await publishThroughApi(t, v1);
      const v2 = itemConfig('HTTP-2');
      v2.standard.promisedTimeLimit.value = 3;
      const draft = await t.admin().put('/api/items/HTTP-2/draft').set(t.as.author).send(v2);
      expect(draft.body.baseVersion).toBe(1);
      await publishThroughApi(t, v2, { reason: '压缩承诺时限', legalBasis: '自治区优化营商环境要求', changeKind: 'amend' });
      const versions = (await t.admin().get('/api/items/HTTP-2/versions')).body.versions;
      expect(versions.map((v: { version: number; baseVersion: number | null }) => [v.version, v.baseVersion])).toEqual([[1, null], [2, 1]]);
      const first = await t.admin().get('/api/items/HTTP-2/versions/1');
      expect(first.body.hash).toBe(contentHash(v1));
      expect(first.body.config.standard.promisedTimeLimit.value).toBe(5);
      for (const method of ['put', 'patch', 'delete', 'post'] as const) {
        const attempt = await t.admin()[method]('/api/items/HTTP-2/versions/1').send(v2);
        // A published version has no writing method at all: 405, and Allow says it is read-only.
        expect(attempt.status, method).toBe(405);
        expect(attempt.headers.allow, method).toBe('GET, HEAD');
      }
      expect((await t.admin().get('/api/items/HTTP-2/versions/1')).body.hash).toBe(contentHash(v1));
    });

    it('refuses to replace a draft without the revision, or from a stale revision (409)', async () => {
      const config = itemConfig('HTTP-3');
      await t.admin().put('/api/items/HTTP-3/draft').set(t.as.author).send(config);
      const blind = await t.admin().put('/api/items/HTTP-3/draft').set(t.as.author).send(config);
      expect(blind.status).toBe(428);
      expect(blind.body.error).toMatchObject({ code: 'precondition_required', details: { currentRevision: 1 } });
      const first = await t.admin().put('/api/items/HTTP-3/draft').set(t.as.author).set('If-Match', '"1"').send(config);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toBe('"2"');
      const loser = await t.admin().put('/api/items/HTTP-3/draft').set(t.as.author2).set('If-Match', '"1"').send(config);
      expect(loser.status).toBe(409);
      expect(loser.body.error).toMatchObject({ code: 'conflict', details: { currentRevision: 2, expectedRevision: 1 } });
      expect((await t.admin().put('/api/items/HTTP-3/draft').set('If-Match', 'abc').send(config)).status).toBe(400);
    });

    it('sends an edited draft back to editing, so an approval never covers unreviewed changes', async () => {
      const config = itemConfig('HTTP-4');
      await t.admin().put('/api/items/HTTP-4/draft').set(t.as.author).send(config);
      await t.admin().post('/api/items/HTTP-4/draft/submit').set(t.as.author);
      await t.admin().post('/api/items/HTTP-4/draft/approve').set(t.as.reviewer);
      const edited = await t.admin().put('/api/items/HTTP-4/draft').set(t.as.author).set('If-Match', '"3"').send({ ...config, rules: [] });
      expect(edited.body.status).toBe('editing');
      const publish = await t.admin().post('/api/items/HTTP-4/publish').set(t.as.author).send(publishBody);
      expect(publish.status).toBe(409);
      expect(publish.body.error.code).toBe('invalid_state');
    });

    it('returns a draft to its author with comments; returning needs a comment', async () => {
      await t.admin().put('/api/items/HTTP-5/draft').set(t.as.author).send(itemConfig('HTTP-5'));
      await t.admin().post('/api/items/HTTP-5/draft/submit').set(t.as.author);
      const noComment = await t.admin().post('/api/items/HTTP-5/draft/return').set(t.as.reviewer).send({});
      expect(noComment.status).toBe(422);
      expect(noComment.body.error.details.problems[0].pointer).toBe('/comment');
      const returned = await t.admin().post('/api/items/HTTP-5/draft/return').set(t.as.reviewer).send({ comment: '法律依据条款不准确' });
      expect(returned.body).toMatchObject({ status: 'returned', reviewComment: '法律依据条款不准确' });
      expect((await t.admin().post('/api/items/HTTP-5/draft/approve').set(t.as.reviewer)).status).toBe(409);
      expect((await t.admin().post('/api/items/HTTP-5/draft/submit').set(t.as.author)).body.status).toBe('submitted');
    });

    it('refuses to submit an invalid draft, listing every problem with its pointer', async () => {
      const config = itemConfig('HTTP-6');
      config.standard.promisedTimeLimit.value = 99;
      config.rules[0]!.conditions = { all: [{ fact: 'ghost', operator: 'equal', value: 1 }] };
      await t.admin().put('/api/items/HTTP-6/draft').set(t.as.author).send(config);
      const check = await t.admin().post('/api/items/HTTP-6/draft/validate');
      expect(check.body.valid).toBe(false);
      const submit = await t.admin().post('/api/items/HTTP-6/draft/submit').set(t.as.author);
      expect(submit.status).toBe(422);
      expect(submit.body.error.code).toBe('validation_failed');
      expect(submit.body.error.details.problems.map((p: { pointer: string }) => p.pointer)).toEqual(['/standard/promisedTimeLimit/value', '/rules/0/conditions/all/0/fact']);
    });

    it('refuses to submit a draft whose examples fail, or that has none', async () => {
      const failing = itemConfig('HTTP-7');
      failing.examples[0]!.expect.outcome = 'reject';
      await t.admin().put('/api/items/HTTP-7/draft').set(t.as.author).send(failing);
      const submit = await t.admin().post('/api/items/HTTP-7/draft/submit').set(t.as.author);
      expect(submit.status).toBe(422);
      expect(submit.body.error.code).toBe('examples_failed');
      expect(submit.body.error.details.examples).toEqual([expect.objectContaining({ name: '本人办理材料齐全', passed: false, differences: ['受理结论应为「不予受理」，实际为「予以受理」'] })]);
      const none = itemConfig('HTTP-8');
      none.examples = [];
      await t.admin().put('/api/items/HTTP-8/draft').set(t.as.author).send(none);
      expect((await t.admin().post('/api/items/HTTP-8/draft/submit').set(t.as.author)).body.error.code).toBe('examples_failed');
    });

    it('refuses to publish a draft based on a version that is no longer the latest (409)', async () => {
      const config = itemConfig('HTTP-9');
      await publishThroughApi(t, config);
      const next = itemConfig('HTTP-9');
      next.standard.promisedTimeLimit.value = 4;
      await t.admin().put('/api/items/HTTP-9/draft').set(t.as.author).send(next);
      await t.admin().post('/api/items/HTTP-9/draft/submit').set(t.as.author);
      await t.admin().post('/api/items/HTTP-9/draft/approve').set(t.as.reviewer);
      // Another designer instance (or an import) publishes version 2 first.
      const other = itemConfig('HTTP-9', '他人发布的第二版');
      const second = { code: 'HTTP-9', version: 2, hash: contentHash(other), baseVersion: 1, publishedAt: new Date().toISOString(), publishedBy: 'other', author: 'other', reviewer: 'other', reason: 'x', legalBasis: 'y', changeKind: 'amend' as const, config: other };
      // Signed like any publication (the installation's key), so the runtimes keep trusting the store.
      await t.store.insertVersion({ ...second, signature: signVersion(second, ephemeralProcessSigning().signer) });
      const stale = await t.admin().post('/api/items/HTTP-9/publish').set(t.as.author).send(publishBody);
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'conflict', details: { baseVersion: 1, latestVersion: 2 } });
      expect((await t.admin().get('/api/items/HTTP-9/versions')).body.versions).toHaveLength(2);
    });

    it('answers concurrent publishes of one approved draft with one version and conflicts', async () => {
      await t.admin().put('/api/items/HTTP-10/draft').set(t.as.author).send(itemConfig('HTTP-10'));
      await t.admin().post('/api/items/HTTP-10/draft/submit').set(t.as.author);
      await t.admin().post('/api/items/HTTP-10/draft/approve').set(t.as.reviewer);
      const results = await Promise.all(Array.from({ length: 8 }, () => t.admin().post('/api/items/HTTP-10/publish').set(t.as.author).send(publishBody)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.every((s) => s === 201 || s === 404 || s === 409)).toBe(true);
      expect((await t.admin().get('/api/items/HTTP-10/versions')).body.versions).toHaveLength(1);
    });

    it('requires a reason and legal basis to publish, naming the missing field', async () => {
      await t.admin().put('/api/items/HTTP-11/draft').set(t.as.author).send(itemConfig('HTTP-11'));
      await t.admin().post('/api/items/HTTP-11/draft/submit').set(t.as.author);
      await t.admin().post('/api/items/HTTP-11/draft/approve').set(t.as.reviewer);
      const missing = await t.admin().post('/api/items/HTTP-11/publish').set(t.as.author).send({ reason: '首次发布' });
      expect(missing.status).toBe(422);
      expect(missing.body.error.details.problems).toEqual([expect.objectContaining({ pointer: '/legalBasis' })]);
    });

    it('withdraws a published item: the runtime stops offering it, its versions stay', async () => {
      await publishThroughApi(t, itemConfig('HTTP-12'));
      expect((await request(t.app).put('/api/localities/150102/claims/HTTP-12').set(t.as.operator).send({ follow: 'latest' })).status).toBe(200);
      expect((await t.admin().get('/api/runtime/150102/items')).body.items.map((i: { code: string }) => i.code)).toContain('HTTP-12');
      const withdrawn = await t.admin().post('/api/items/HTTP-12/withdraw').set(t.as.author).send({ reason: '上位法废止' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.withdrawn).toMatchObject({ by: 'author-zhang', reason: '上位法废止' });
      expect((await t.admin().get('/api/runtime/150102/items')).body.items.map((i: { code: string }) => i.code)).not.toContain('HTTP-12');
      expect((await t.admin().get('/api/runtime/150102/items/HTTP-12')).status).toBe(404);
      expect((await t.admin().get('/api/items/HTTP-12/versions/1')).status).toBe(200);
      expect((await t.admin().post('/api/items/HTTP-12/withdraw').set(t.as.author).send({ reason: 'again' })).status).toBe(409);
    });

    it('answers bad input with 4xx JSON errors and never lets a body pollute a prototype', async () => {
      const malformed = await t.admin().put('/api/items/HTTP-13/draft').set('Content-Type', 'application/json').send('{"code": "HTTP-13",');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.code).toBe('malformed_json');
      const big = await t.admin().put('/api/items/HTTP-13/draft').set('Content-Type', 'application/json').send(JSON.stringify({ code: 'HTTP-13', pad: 'x'.repeat(300 * 1024) }));
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('payload_too_large');
      const polluted = await t.admin().put('/api/items/HTTP-13/draft').set('Content-Type', 'application/json').send('{"code":"HTTP-13","standard":{"__proto__":{"polluted":true}},"form":{}}');
      expect(polluted.status).toBe(400);
      expect(polluted.body.error).toMatchObject({ code: 'forbidden_key', details: { key: '__proto__' } });
      const ctor = await t.admin().post('/api/validate').set('Content-Type', 'application/json').send('{"constructor":{"prototype":{"polluted":true}}}');
      expect(ctor.status).toBe(400);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect((await t.admin().put('/api/items/HTTP-13/draft').set('Content-Type', 'text/plain').send('hello')).status).toBe(415);
      const wrongCode = await t.admin().put('/api/items/HTTP-13/draft').send(itemConfig('OTHER'));
      expect(wrongCode.status).toBe(422);
      expect(wrongCode.body.error.details.problems[0].pointer).toBe('/code');
      expect((await t.admin().put('/api/items/HTTP-13/draft').send([1, 2])).status).toBe(422);
      expect((await t.admin().get('/api/items/NOPE-1')).status).toBe(404);
      expect((await t.admin().get('/api/items/NOPE-1/versions/abc')).status).toBe(400);
      expect((await t.admin().get('/api/no-such-route')).body.error.code).toBe('not_found');
      expect((await t.admin().get('/api/items')).body.items.map((i: { code: string }) => i.code)).not.toContain('HTTP-13');
    });

    it('discards a draft at the expected revision', async () => {
      await t.admin().put('/api/items/HTTP-14/draft').set(t.as.author).send(itemConfig('HTTP-14'));
      expect((await t.admin().delete('/api/items/HTTP-14/draft')).status).toBe(428);
      expect((await t.admin().delete('/api/items/HTTP-14/draft').set('If-Match', '"9"')).status).toBe(409);
      expect((await t.admin().delete('/api/items/HTTP-14/draft').set('If-Match', '"1"')).status).toBe(204);
      expect((await t.admin().get('/api/items/HTTP-14/draft')).status).toBe(404);
    });

    it('reports health and serves the reference data', async () => {
      const health = await t.admin().get('/api/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', stores: { config: { ok: true, readOnly: false }, runtime: { ok: true, readOnly: true }, decisions: { ok: true }, intakes: { ok: true } } });
      const divisions = await t.admin().get('/api/divisions');
      expect(divisions.body.children).toHaveLength(12);
      const enums = await t.admin().get('/api/enumerations');
      expect(enums.body.enumerations.find((e: { name: string }) => e.name === 'caseType').values).toEqual([{ code: '1', label: '即办件' }, { code: '2', label: '承诺件' }]);
      const operators = await t.admin().get('/api/operators');
      expect(operators.body.operators.find((o: { name: string }) => o.name === 'ageAtLeast').label).toBe('年龄不小于（周岁）');
    });
  });
}
