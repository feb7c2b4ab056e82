import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../engine/http-kit/index.js';
import { seedEmptyStore } from '../../engine/services/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { itemConfig } from '../fixtures/item-config.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

const ADULT = '11010519491231002X';
const CHILD = '150102201501010015';
export const CLAIMING = ['150102', '152921', '152502'];
const form = (extra: Record<string, unknown> = {}) => ({ name: '王五', idNumber: ADULT, phone: '13912345678', employmentType: '个体经营', ...extra });

/**
 * A runtime ready for window tests: the sample catalogue claimed at three localities, and the
 * fixture item RT-1 published through the API and claimed there too.
 */
export async function openClaimedRuntime(open: InstallationFactory): Promise<TestInstallation> {
  const t = await open();
  await seedEmptyStore({ store: t.store, catalogue: loadSampleCatalogue(), claimFor: CLAIMING });
  await publishThroughApi(t, itemConfig('RT-1'));
  for (const division of CLAIMING) {
    expect((await request(t.app).put(`/api/localities/${division}/claims/RT-1`).set(t.as.admin).send({ follow: 'latest' })).status).toBe(200);
  }
  return t;
}

/** The league/banner runtime API as window clerks use it, on any store adapter. */
export function describeRuntimeApi(name: string, open: InstallationFactory): void {
  describe(`runtime API on ${name}`, () => {
    // One installation per file: the catalogue is seeded once. RT-1 stays at version 1; a test
    // that publishes a new version does so on an item code of its own.
    let t: TestInstallation;
    beforeAll(async () => {
      t = await openClaimedRuntime(open);
    });
    afterAll(async () => {
      await t.close();
    });

    /** Publishes the fixture item under `code` and claims it where RT-1 is claimed (following the latest version). */
    const publishClaimed = async (code: string) => {
      await publishThroughApi(t, itemConfig(code));
      for (const division of CLAIMING) {
        expect((await request(t.app).put(`/api/localities/${division}/claims/${code}`).set(t.as.admin).send({ follow: 'latest' })).status).toBe(200);
      }
    };

    it('lists the items offered at a locality with version and hash, and the config in force', async () => {
      const list = await request(t.app).get('/api/runtime/150102/items');
      expect(list.status).toBe(200);
      expect(list.body.division).toEqual({ code: '150102', name: '新城区' });
      const rt = list.body.items.find((i: { code: string }) => i.code === 'RT-1');
      expect(rt).toMatchObject({ version: 1, name: '灵活就业人员登记（测试）' });
      expect(list.body.items.some((i: { code: string }) => i.code === 'SAMPLE-GA-0001')).toBe(true);
      const detail = await request(t.app).get('/api/runtime/150102/items/RT-1');
      expect(detail.body.item).toEqual({ code: 'RT-1', version: 1, hash: rt.hash });
      expect(detail.body.config.standard.scenarios.map((s: { id: string }) => s.id)).toEqual(['self', 'agent']);
    });

    it('decides every outcome and names the version and hash it used', async () => {
      const evaluate = (body: object, division = '150102') => request(t.app).post(`/api/runtime/${division}/items/RT-1/evaluate`).send(body);
      const accept = await evaluate({ scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' });
      expect(accept.status).toBe(200);
      expect(accept.body).toMatchObject({ outcome: 'accept', item: { code: 'RT-1', version: 1 }, division: '150102', date: '2025-06-01' });
      expect(accept.headers['x-tongban-version']).toBe('1');
      expect(accept.headers['x-tongban-hash']).toBe(accept.body.item.hash);
      const supplement = await evaluate({ scenario: 'agent', formData: form(), materials: [], date: '2025-06-01' });
      expect(supplement.body.outcome).toBe('supplement');
      expect(supplement.body.missingMaterials.map((m: { id: string }) => m.id)).toEqual(['id-card', 'proxy-letter', 'agent-id']);
      const reject = await evaluate({ scenario: 'agent', formData: form({ idNumber: CHILD }), materials: [], date: '2025-06-01' });
      expect(reject.body.outcome).toBe('reject');
      expect(reject.body.reasons[0]).toMatchObject({ rule: 'under-16', basis: '《中华人民共和国劳动法》第十五条' });
      const bad = await evaluate({ scenario: 'nope', formData: {}, materials: [] });
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.problems[0].pointer).toBe('/scenario');
      expect((await evaluate({ formData: {} })).status).toBe(422);
    });

    it('redirects the police-station item from a comprehensive window', async () => {
      const res = await request(t.app).post('/api/runtime/150102/items/SAMPLE-GA-0001/evaluate').send({ scenario: 'in-person', formData: {}, materials: [] });
      expect(res.body.outcome).toBe('redirect');
      expect(res.body.redirect.channel).toBe('police-station');
      expect(res.body.reasons[0].message).toContain('公安派出所');
    });

    it('gives identical decisions at two banners and on two runtime instances, apart from the division', async () => {
      const other = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined) });
      const body = { scenario: 'agent', formData: form({ idNumber: '150102200803150027' }), materials: ['id-card'], date: '2025-06-01' };
      const a = (await request(t.app).post('/api/runtime/150102/items/RT-1/evaluate').send(body)).body;
      const b = (await request(other).post('/api/runtime/152921/items/RT-1/evaluate').send(body)).body;
      expect(b.division).toBe('152921');
      expect({ ...b, division: a.division }).toEqual(a);
      expect(a.outcome).toBe('supplement');
    });

    it('serves a new version within a second of its publication, without a restart', async () => {
      await publishClaimed('RT-NEW');
      const before = (await request(t.app).post('/api/runtime/150102/items/RT-NEW/evaluate').send({ scenario: 'self', formData: form({ idNumber: CHILD }), materials: ['id-card'], date: '2025-06-01' })).body;
      expect(before).toMatchObject({ outcome: 'reject', item: { version: 1 } });
      const v2 = itemConfig('RT-NEW');
      v2.rules = v2.rules.filter((r) => r.name !== 'under-16');
      v2.examples = v2.examples.filter((e) => e.expect.outcome !== 'reject');
      await publishThroughApi(t, v2, { reason: '取消年龄限制', legalBasis: '测试', changeKind: 'amend' });
      // The runtime re-reads which version is in force at most every TONGBAN_POINTER_TTL_MS: the new one is served within a second.
      const published = performance.now();
      let after = before;
      while (after.item.version !== 2 && performance.now() - published < 1500) {
        after = (await request(t.app).post('/api/runtime/150102/items/RT-NEW/evaluate').send({ scenario: 'self', formData: form({ idNumber: CHILD }), materials: ['id-card'], date: '2025-06-01' })).body;
      }
      expect(performance.now() - published).toBeLessThan(1000);
      expect(after).toMatchObject({ outcome: 'accept', item: { version: 2 } });
      expect(after.item.hash).not.toBe(before.item.hash);
    });

    it('compiles a version once, however many requests and windows use it', async () => {
      const runtime = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined) });
      const body = { scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' };
      await Promise.all(Array.from({ length: 30 }, (_, i) => request(runtime).post(`/api/runtime/${i % 2 ? '150102' : '152502'}/items/RT-1/evaluate`).send(body)));
      await request(runtime).get('/api/runtime/150102/items/RT-1');
      expect(runtime.locals.configs.compilations).toBe(1);
    });

    it('publishes the service guide from the standard, as JSON and as a page', async () => {
      const json = await request(t.app).get('/api/runtime/150102/items/RT-1/guide');
      expect(json.body.title).toBe('灵活就业人员登记（测试）办事指南');
      expect(json.body.sections.map((s: { key: string }) => s.key)).toEqual(expect.arrayContaining(['basic', 'acceptanceConditions', 'materials', 'timeLimits']));
      const html = await request(t.app).get('/api/runtime/150102/items/RT-1/guide').set('Accept', 'text/html');
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.text).toContain('<h1>灵活就业人员登记（测试）办事指南</h1>');
      expect(html.text).toContain(json.body.item.hash);
    });

    it('serves an item only where it is claimed, at the pinned version, with the local fields in the guide', async () => {
      await publishClaimed('RT-PIN');
      expect((await request(t.app).get('/api/runtime/150203/items')).body.items).toEqual([]);
      const unclaimed = await request(t.app).post('/api/runtime/150203/items/RT-PIN/evaluate').send({ scenario: 'self', formData: form(), materials: ['id-card'] });
      expect(unclaimed.status).toBe(404);
      expect(unclaimed.body.error.message).toContain('尚未认领');
      const v2 = itemConfig('RT-PIN');
      v2.standard.promisedTimeLimit.value = 2;
      await publishThroughApi(t, v2, { reason: '压缩时限', legalBasis: '测试', changeKind: 'amend' });
      const pin = await request(t.app).put('/api/localities/150102/claims/RT-PIN').set(t.as.operator)
        .send({ follow: 1, local: { windowAddress: '新城区政务服务中心一楼 12 号窗口', consultPhone: '0471-6661234' } });
      expect(pin.status).toBe(200);
      const pinned = await request(t.app).get('/api/runtime/150102/items');
      expect(pinned.body.items.find((i: { code: string }) => i.code === 'RT-PIN')).toMatchObject({ version: 1, latestVersion: 2, follow: 1 });
      const decision = await request(t.app).post('/api/runtime/150102/items/RT-PIN/evaluate').send({ scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' });
      expect(decision.body.item.version).toBe(1);
      expect(decision.body.timeLimits.promised.value).toBe(5);
      const elsewhere = await request(t.app).post('/api/runtime/152921/items/RT-PIN/evaluate').send({ scenario: 'self', formData: form(), materials: ['id-card'], date: '2025-06-01' });
      expect(elsewhere.body.item.version).toBe(2);
      const guide = await request(t.app).get('/api/runtime/150102/items/RT-PIN/guide');
      expect(guide.body.sections.find((sec: { key: string }) => sec.key === 'local').items).toEqual([{ 办理地点: '新城区政务服务中心一楼 12 号窗口' }, { 咨询电话: '0471-6661234' }]);
    });

    it('answers 404 for an unknown division or item', async () => {
      expect((await request(t.app).get('/api/runtime/999999/items')).status).toBe(404);
      expect((await request(t.app).get('/api/runtime/110105/items')).status).toBe(404);
      expect((await request(t.app).get('/api/runtime/150102/items/NOPE-9')).status).toBe(404);
      expect((await request(t.app).post('/api/runtime/150102/items/NOPE-9/evaluate').send({ scenario: 'x' })).status).toBe(404);
      expect((await request(t.app).get('/api/runtime/150102001/items')).status).toBe(200);
    });

    it('has no route that writes a config', async () => {
      const paths = ['/api/runtime/150102/items', '/api/runtime/150102/items/RT-1', '/api/runtime/150102/items/RT-1/guide', '/api/runtime/150102/items/RT-1/draft', '/api/runtime/150102/items/RT-1/publish', '/api/runtime/150102/items/RT-1/versions/1'];
      for (const path of paths) {
        for (const method of ['put', 'post', 'patch', 'delete'] as const) {
          const res = await request(t.app)[method](path).send(itemConfig('RT-1'));
          expect([404, 405], `${method} ${path}`).toContain(res.status);
        }
      }
      expect((await request(t.app).get('/api/runtime/150102/items/RT-1')).body.item.version).toBe(1);
    });

  });
}
