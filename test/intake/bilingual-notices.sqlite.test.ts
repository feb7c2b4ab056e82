/**
 * A bilingual item's notices print in Chinese and in traditional Mongolian (a second page,
 * lang="mn-Mong", vertical columns, the font embedded); a Chinese-only item's notices do not.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueAwaitingReview, labelOf, documentKinds, uiText } from '../../engine/core/index.js';
import { createPrincipal, seedEmptyStore } from '../../engine/services/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { CLERK, JOBLESS_ACCEPT } from './notice-documents.js';

const MEDICAL = 'SAMPLE-YB-0002';
const person = { insuredName: '陈晓梅', insuredIdNumber: '150602197804020462', phone: '13847720010', insuranceType: '城乡居民基本医疗保险', insuredDivision: '150602', insuredStatus: '参保缴费' };
const ACCEPT = { code: MEDICAL, scenario: 'general-info', formData: { ...person, changeItems: ['联系电话'], newPhone: '15947720011' }, materials: ['change-form', 'id-card'] };
const SUPPLEMENT = { code: MEDICAL, scenario: 'general-info', formData: { ...person, changeItems: ['公民身份号码'], newIdNumber: '150602197804020470' }, materials: ['change-form', 'id-card'] };
const REJECT = { code: MEDICAL, scenario: 'general-info', formData: { ...person, insuredStatus: '终止参保', changeItems: ['通讯地址'], newAddress: '鄂尔多斯市东胜区某小区' }, materials: ['change-form', 'id-card'] };

describe('bilingual notices', () => {
  let t: TestInstallation;
  let clerk: { Authorization: string };
  let config: { translations: { 'mn-Mong': Record<string, string> } };
  const mn = (key: string) => config.translations['mn-Mong'][key] as string;
  const save = async (body: object) => {
    const saved = await request(t.app).post('/api/runtime/150102/intakes').set(clerk).send(body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    return saved.body.intake.caseNumber as string;
  };
  const doc = async (caseNumber: string, kind: string) => {
    const res = await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/documents/${kind}`).set(clerk);
    expect(res.status).toBe(200);
    return res;
  };
  const mongolianPage = (html: string) => /<main class="page mongolian" lang="mn-Mong"[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? null;

  beforeAll(async () => {
    t = await sqliteInstallation();
    await seedEmptyStore({ store: t.store, catalogue: loadSampleCatalogue(), claimFor: ['150102'] });
    clerk = { Authorization: `Bearer ${(await createPrincipal({ store: t.store, input: CLERK, actor: 'test-setup' })).token}` };
    config = (await request(t.app).get(`/api/runtime/150102/items/${MEDICAL}`)).body.config;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('adds the Mongolian page to the acceptance notice: title, item, materials received, draft note; the font embedded and allowed', async () => {
    const res = await doc(await save(ACCEPT), 'acceptance-notice');
    const html = res.text;
    expect(html).toContain('<h1>受理通知书</h1>');
    const page = mongolianPage(html);
    expect(page).not.toBeNull();
    expect(page).toContain(`<h1>${labelOf(documentKinds, 'acceptance-notice', 'mn-Mong')}</h1>`);
    expect(page).toContain(mn('standard.name'));
    expect(page).toContain(mn('standard.materials.change-form.name'));
    expect(page).toContain(mn('standard.materials.id-card.name'));
    expect(page).toContain(uiText('notice.accepted', 'mn-Mong'));
    expect(page).toContain(uiText('notice.translationDraft', 'mn-Mong'));
    expect(html).toMatch(/@font-face\{font-family:"Tongban Mongolian";src:url\(data:font\/ttf;base64,[A-Za-z0-9+/]{1000,}/);
    expect(res.headers['content-security-policy']).toMatch(/font-src 'self' data:/);
  });

  it('names the missing material and the rule’s reason in Mongolian on the 补正 notice, and the reasons on the 不予受理决定书', async () => {
    const supplement = mongolianPage((await doc(await save(SUPPLEMENT), 'supplement-notice')).text);
    expect(supplement).toContain(mn('standard.materials.police-proof.name'));
    expect(supplement).toContain(uiText('notice.mustSupplement', 'mn-Mong'));
    const rejection = mongolianPage((await doc(await save(REJECT), 'rejection-decision')).text);
    expect(rejection).toContain(mn('rules.terminated-insurance.message'));
    expect(rejection).toContain(uiText('notice.rejected', 'mn-Mong'));
  });

  it('prints a Chinese-only item’s notice without a Mongolian page', async () => {
    const html = (await doc(await save(JOBLESS_ACCEPT), 'acceptance-notice')).text;
    expect(html).toContain('<h1>受理通知书</h1>');
    expect(mongolianPage(html)).toBeNull();
    expect(html).not.toContain('Tongban Mongolian');
  });

  it('lists every Mongolian UI string as awaiting the translation office’s review', () => {
    const awaiting = catalogueAwaitingReview();
    expect(awaiting.map((e) => e.key)).toContain('notice.accepted');
    expect(awaiting.every((e) => e.mn.trim() !== '' && e.zh.trim() !== '')).toBe(true);
  });
});

describe('a locality’s Mongolian for its local fields', () => {
  it('is accepted as <field>@mn-Mong and shown in the Mongolian guide, the Chinese guide keeping the Chinese', async () => {
    const t = await sqliteInstallation();
    try {
      await seedEmptyStore({ store: t.store, catalogue: loadSampleCatalogue(), claimFor: ['150102'] });
      const address = 'ᠬᠥᠬᠡᠬᠣᠲᠠ ᠶᠢᠨ ᠰᠢᠨ ᠬᠣᠲᠠ ᠲᠣᠭᠣᠷᠢᠭ';
      const put = await request(t.app).put(`/api/localities/150102/claims/${MEDICAL}`).set(t.as.admin).send({ follow: 'latest', local: { windowAddress: '新城区政务服务中心', 'windowAddress@mn-Mong': address } });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
      expect((await request(t.app).put(`/api/localities/150102/claims/${MEDICAL}`).set(t.as.admin).send({ follow: 'latest', local: { 'bankName@mn-Mong': 'x' } })).status).toBe(422);
      const guide = (await request(t.app).get(`/api/runtime/150102/items/${MEDICAL}/guide`)).body;
      const localOf = (sections: { key: string; items?: unknown[] }[]) => JSON.stringify(sections.find((s) => s.key === 'local')?.items);
      expect(localOf(guide.sections)).toContain('新城区政务服务中心');
      expect(localOf(guide.translations['mn-Mong'].sections)).toContain(address);
      expect(localOf(guide.translations['mn-Mong'].sections)).toContain(uiText('guide.local.windowAddress', 'mn-Mong'));
    } finally {
      await t.close();
    }
  });
});
