/**
 * The applicant's progress lookup in traditional Mongolian, in Debian's chromium: with ᠮᠣᠩᠭᠣᠯ chosen on
 * the public page the item search speaks Mongolian, and the server's answer to an unknown case number
 * arrives in Mongolian (the API client asks for it with Accept-Language) and is set vertically in the
 * self-hosted font like the page's other Mongolian blocks. Back in 中文 the same lookup answers in Chinese.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { expect, it } from 'vitest';
import { caseNumberPrefix, formatCaseNumber, MAX_SEQUENCE, MONGOLIAN_FONT_FAMILY, uiText } from '../../engine/core/index.js';
import { browserSuite, describeInChromium, TEST_ARTIFACTS, unexpectedErrors } from '../support/chromium.js';

const mn = (key: Parameters<typeof uiText>[0], values?: Record<string, string | number>) => uiText(key, 'mn-Mong', values);

/** How an element is set: its text, language, writing mode, font and whether the Mongolian face loaded. */
async function rendering(page: Page, selector: string) {
  return page.evaluate(async ({ selector, family }) => {
    await document.fonts.ready;
    const element = document.querySelector(selector) as HTMLElement | null;
    if (!element) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      text: element.textContent,
      lang: element.getAttribute('lang'),
      writingMode: style.writingMode,
      fontFamily: style.fontFamily,
      fontLoaded: document.fonts.check(`16px "${family}"`, 'ᠮᠣᠩᠭᠣᠯ'),
      // Columns: the block is taller than a line of horizontal text would be.
      tall: box.height > 100,
    };
  }, { selector, family: MONGOLIAN_FONT_FAMILY });
}

describeInChromium('the progress lookup in traditional Mongolian', () => {
  const t = browserSuite({ webApps: ['runtime/web'], sampleCatalogueClaimedBy: ['150102'], viewport: { width: 1366, height: 900 } });

  it('searches items and answers an unknown case number in Mongolian, vertically, then in Chinese again', async () => {
    const { page, errors } = await t.open(`/window/public/150102`);
    const search = page.locator('nav.item-search');
    await expect.poll(() => search.getAttribute('aria-label')).toBe('事项列表');
    await page.getByRole('group', { name: /语言/ }).first().getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();

    // The item search in Mongolian: its name, label, hint, placeholder, count and empty list.
    await expect.poll(() => search.getAttribute('aria-label')).toBe(mn('runtime.itemSearch.nav'));
    expect(await search.getAttribute('lang')).toBe('mn-Mong');
    const query = page.locator('#item-query');
    expect(await query.getAttribute('placeholder')).toBe(mn('runtime.itemSearch.placeholder'));
    expect(await search.locator('label').textContent()).toBe(`${mn('runtime.itemSearch.label')} ${mn('runtime.itemSearch.labelHint')}`);
    const total = await search.locator('.item-list a').count();
    expect(total).toBeGreaterThan(1);
    await query.fill('hydj');
    await expect.poll(() => search.locator('.item-list a').allTextContents()).toEqual([expect.stringContaining('婚姻登记档案查询')]);
    expect(await search.getByRole('status').textContent()).toBe(mn('runtime.itemSearch.count', { shown: 1, total }));
    expect(await search.locator('.item-name').first().getAttribute('lang')).toBe('zh-CN');
    const { items } = (await request(t.app).get('/api/runtime/150102/items')).body as { items: { code: string; name: string; version: number; department: string | { name: string } }[] };
    const marriage = items.find((item) => item.name === '婚姻登记档案查询')!;
    const department = typeof marriage.department === 'string' ? marriage.department : marriage.department.name;
    expect(await search.locator('.item-meta').first().textContent()).toBe(mn('runtime.itemSearch.meta', { department, code: marriage.code, version: marriage.version }));
    await query.fill('不存在的事项');
    await expect.poll(() => search.locator('.item-list li.hint').textContent()).toBe(mn('runtime.itemSearch.noMatch', { query: '不存在的事项' }));
    await query.fill('');

    // A well-formed case number that no case has.
    const caseNumber = formatCaseNumber(caseNumberPrefix('150102', new Date().toISOString()), MAX_SEQUENCE);
    await page.locator('#progress-case-number').fill(caseNumber);
    await page.locator('#progress-id-tail').fill('1234');
    const answered = page.waitForResponse((res) => res.url().includes('/api/public/cases/'));
    await page.locator('.progress-form button[type="submit"]').click();
    const answer = await answered;
    expect(answer.status()).toBe(404);
    expect(answer.request().headers()['accept-language']).toBe('mn-Mong');
    expect(await answer.headerValue('content-language')).toBe('mn-Mong');

    const expected = mn('services.cases.progress.unknownCase', { caseNumber });
    expect(expected).toMatch(/[\u1820-\u18AA]/);
    await expect.poll(() => page.getByTestId('progress-error').textContent()).toBe(expected);
    const shown = await rendering(page, '[data-testid="progress-error"]');
    expect(shown).toMatchObject({ text: expected, lang: 'mn-Mong', writingMode: 'vertical-lr', fontLoaded: true, tall: true });
    expect(shown?.fontFamily).toContain(MONGOLIAN_FONT_FAMILY);
    expect(await page.getByRole('alert').count()).toBe(1);
    await page.locator('.progress-lookup').screenshot({ path: join(TEST_ARTIFACTS, 'progress-lookup-mn-unknown-case.png') });

    // 中文 again: the same lookup answers in Chinese, horizontally.
    await page.getByRole('group', { name: /语言/ }).first().getByRole('button', { name: '中文' }).click();
    await expect.poll(() => search.getAttribute('lang')).toBe(null);
    expect(await query.getAttribute('placeholder')).toBe(uiText('runtime.itemSearch.placeholder'));
    const againAnswered = page.waitForResponse((res) => res.url().includes('/api/public/cases/'));
    await page.locator('.progress-form button[type="submit"]').click();
    expect((await againAnswered).request().headers()['accept-language']).toBe('zh-CN');
    const chinese = uiText('services.cases.progress.unknownCase', 'zh-CN', { caseNumber });
    await expect.poll(() => page.getByTestId('progress-error').textContent()).toBe(chinese);
    expect(await rendering(page, '[data-testid="progress-error"]')).toMatchObject({ text: chinese, lang: null, writingMode: 'horizontal-tb' });

    expect(unexpectedErrors(errors, [404])).toEqual([]);
    await page.close();
  });
});
