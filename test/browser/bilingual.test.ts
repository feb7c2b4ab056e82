/**
 * Traditional Mongolian in Debian's chromium: the public page's guide after the language switch
 * and the printable guide page, set vertically (writing-mode: vertical-lr) in the self-hosted Noto
 * Sans Mongolian; and a bilingual item's notice with its Mongolian page. Screenshots go to
 * test-artifacts/bilingual-*.png for review by eye.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { expect, it } from 'vitest';
import { MONGOLIAN_FONT_FAMILY } from '../../engine/core/index.js';
import { createPrincipal } from '../../engine/services/index.js';
import { describeInChromium, TEST_ARTIFACTS, unexpectedErrors } from '../support/chromium.js';
import { bilingualItemSuite, MEDICAL } from './bilingual-item.js';

const POLICE = 'SAMPLE-GA-0001';

/** What the page shows of a Mongolian block: its writing mode, its language and whether its font loaded. */
async function mongolianRendering(page: Page, selector: string) {
  return page.evaluate(async ({ selector, family }) => {
    await document.fonts.ready;
    const element = document.querySelector(selector) as HTMLElement | null;
    if (!element) return null;
    const faces: FontFace[] = [];
    document.fonts.forEach((f) => { if (f.family.replace(/"/g, '') === family) faces.push(f); });
    return {
      writingMode: getComputedStyle(element).writingMode,
      lang: element.closest('[lang]')?.getAttribute('lang') ?? null,
      fontFamily: getComputedStyle(element).fontFamily,
      faceStatus: faces.map((f) => f.status),
      checked: document.fonts.check(`16px "${family}"`, 'ᠮᠣᠩᠭᠣᠯ'),
      // Taller than wide: the text runs in columns.
      tall: element.scrollHeight > 0 && element.getBoundingClientRect().height > 200,
    };
  }, { selector, family: MONGOLIAN_FONT_FAMILY });
}

/** The fonts the page fetched (resource timing): only ours, from our origin. */
const fontsFetched = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\.(ttf|otf|woff2?)(\?|$)/.test(name)));

describeInChromium('traditional Mongolian', () => {
  const { t, mn } = bilingualItemSuite();

  it('serves the font from our origin', async () => {
    const font = await request(t.app).get('/fonts/NotoSansMongolian-Regular.ttf');
    expect(font.status).toBe(200);
    expect(font.headers['content-type']).toBe('font/ttf');
    expect(Number(font.headers['content-length'])).toBe(242252);
  });

  it('switches the public page’s guide to traditional Mongolian, vertical, in the self-hosted font, and remembers the choice', async () => {
    const { page, errors } = await t.open(`/window/public/150102/${MEDICAL}`);
    await expect.poll(() => page.locator('article.guide h2').first().textContent()).toBe('基本医疗保险参保信息变更登记办事指南');
    await page.getByRole('group', { name: /语言/ }).first().getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
    const article = page.getByTestId('guide-mongolian');
    await expect.poll(() => article.isVisible()).toBe(true);
    await expect.poll(() => article.locator('h2').textContent()).toContain(mn['standard.name']);
    const rendering = await mongolianRendering(page, '[data-testid="guide-mongolian"]');
    expect(rendering).toMatchObject({ writingMode: 'vertical-lr', lang: 'mn-Mong', faceStatus: ['loaded'], checked: true, tall: true });
    expect(rendering?.fontFamily).toContain(MONGOLIAN_FONT_FAMILY);
    expect(await fontsFetched(page)).toEqual([`${t.base}/fonts/NotoSansMongolian-Regular.ttf`]);
    await expect.poll(() => article.textContent()).toContain(mn['standard.materials.police-proof.name']);
    expect(await page.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).first().getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'bilingual-public-guide-mn.png') });

    await page.reload();
    await expect.poll(() => page.getByTestId('guide-mongolian').isVisible()).toBe(true);
    await page.getByRole('button', { name: '中文' }).first().click();
    await expect.poll(() => page.locator('article.guide h2').first().textContent()).toBe('基本医疗保险参保信息变更登记办事指南');
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('says so, in both languages, for an item without Mongolian', async () => {
    const { page, errors } = await t.open(`/window/public/150102/SAMPLE-MZ-0001`);
    await page.getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).first().click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '本事项尚无蒙古文办事指南' }).count()).toBe(1);
    expect(await page.getByTestId('guide-mongolian').count()).toBe(0);
    await page.getByRole('button', { name: '中文' }).first().click();
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('prints the guide page of a bilingual item with its Mongolian part vertical, under the page’s own CSP', async () => {
    const { page, errors } = await t.open(`/api/runtime/150102/items/${POLICE}/guide`);
    expect(await page.locator('h1').first().textContent()).toBe('无犯罪记录证明办事指南');
    const rendering = await mongolianRendering(page, '#guide-mn-Mong');
    expect(rendering).toMatchObject({ writingMode: 'vertical-lr', lang: 'mn-Mong', faceStatus: ['loaded'], checked: true, tall: true });
    await page.locator('#guide-mn-Mong').scrollIntoViewIfNeeded();
    await page.locator('#guide-mn-Mong').screenshot({ path: join(TEST_ARTIFACTS, 'bilingual-guide-page-mn.png') });
    expect(await fontsFetched(page)).toEqual([`${t.base}/fonts/NotoSansMongolian-Regular.ttf`]);
    // A page served by the API has no favicon (404); nothing else may fail, the CSP refuses nothing.
    expect(unexpectedErrors(errors, [404])).toEqual([]);
    await page.close();
  });

  it('shows a bilingual notice’s Mongolian page vertical in the embedded font', async () => {
    const clerk = (await createPrincipal({ store: t.store, input: { name: '乌云', role: 'operator', division: '150102' }, actor: 'test-setup' })).token;
    const saved = await request(t.app).post('/api/runtime/150102/intakes').set({ Authorization: `Bearer ${clerk}` }).send({
      code: MEDICAL, scenario: 'general-info', materials: ['change-form', 'id-card'],
      formData: { insuredName: '陈晓梅', insuredIdNumber: '150602197804020462', phone: '13847720010', insuranceType: '城乡居民基本医疗保险', insuredDivision: '150602', insuredStatus: '参保缴费', changeItems: ['公民身份号码'], newIdNumber: '150602197804020470' },
    });
    expect(saved.status).toBe(201);
    const page = await t.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.setExtraHTTPHeaders({ Authorization: `Bearer ${clerk}` });
    await page.goto(`${t.base}/api/runtime/150102/intakes/${saved.body.intake.caseNumber}/documents/supplement-notice`);
    const rendering = await mongolianRendering(page, 'main.page.mongolian');
    expect(rendering).toMatchObject({ writingMode: 'vertical-lr', lang: 'mn-Mong', faceStatus: ['loaded'], checked: true, tall: true });
    await page.locator('main.page.mongolian').screenshot({ path: join(TEST_ARTIFACTS, 'bilingual-notice-mn.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
