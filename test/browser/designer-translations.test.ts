/**
 * The translation-completeness gate in the designer, in Debian's chromium: a bilingual draft with
 * untranslated strings is refused on submit, each missing string named; once the author has typed
 * the Mongolian of every string in the 翻译 tab, the same draft is accepted for review.
 */
import { join } from 'node:path';
import request from 'supertest';
import { expect, it } from 'vitest';
import { applicantStrings, labelOf, roles } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { browserSuite, describeInChromium, TEST_ARTIFACTS, unexpectedErrors } from '../support/chromium.js';
const CODE = 'TR-GATE-1';
/** The accessible name the 翻译 tab gives each Mongolian field: the place and the Chinese text. */
const translationLabel = (s: { where: string; zh: string }) => `蒙古文译文：${s.where}「${s.zh.length > 30 ? `${s.zh.slice(0, 30)}…` : s.zh}」`;

describeInChromium('designer translation gate', () => {
  const t = browserSuite({ webApps: ['designer/web'], viewport: { width: 1366, height: 900 } });

  it('refuses to submit a bilingual draft listing its untranslated strings, then accepts it once translated', async () => {
    const config = itemConfig(CODE);
    config.standard.bilingual = true;
    const strings = applicantStrings(config);
    // Half translated already: those must not be asked for again.
    const done = strings.filter((_, i) => i % 2 === 0);
    config.translations = { 'mn-Mong': Object.fromEntries(done.map((s) => [s.key, 'ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ'])) };
    const missing = strings.filter((_, i) => i % 2 === 1);
    expect(missing.length).toBeGreaterThan(5);
    expect((await request(t.app).put(`/api/items/${CODE}/draft`).set(t.as.author).send(config)).status).toBe(201);

    const { page, errors } = await t.open(`/designer/`);
    await page.getByLabel('访问令牌').fill(t.as.author.Authorization.replace(/^Bearer /, ''));
    // The sign-in may ask which role the token is for (older sign-in) or take it from the session.
    const role = page.getByLabel(labelOf(roles, 'author'));
    if (await role.count()) await role.check();
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '全部事项' }).waitFor();
    await page.goto(`${t.base}/designer/items/${CODE}?tab=translations`);
    await page.getByRole('heading', { name: '蒙古文译文（传统蒙古文）' }).waitFor();
    expect(await page.getByTestId('translation-counts').textContent()).toContain(`未翻译 ${missing.length} 条，共 ${strings.length} 条`);
    // Untranslated first.
    const rowKeys = await page.locator('.translations tbody tr').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-key'), r.classList.contains('untranslated')] as const));
    expect(rowKeys.slice(0, missing.length).map(([k]) => k).sort()).toEqual(missing.map((s) => s.key).sort());
    expect(rowKeys.slice(missing.length).every(([, untranslated]) => !untranslated)).toBe(true);

    await page.getByRole('button', { name: '提交审核' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '服务器指出的问题' });
    await alert.waitFor();
    const listed = await alert.locator('li[data-code="translation.missing"]').allTextContents();
    expect(listed.length).toBe(Math.min(12, missing.length));
    const named = missing.map((s) => `双语事项缺少蒙古文译文：${s.where}`);
    for (const text of listed) expect(named.some((n) => text.includes(n)), text).toBe(true);
    const refused = await request(t.app).post(`/api/items/${CODE}/draft/validate`).set(t.as.author).send({});
    expect(refused.body.problems.filter((p: { code: string }) => p.code === 'translation.missing').map((p: { pointer: string }) => p.pointer).sort())
      .toEqual(missing.map((s) => `/translations/mn-Mong/${s.key.replace(/~/g, '~0').replace(/\//g, '~1')}`).sort());
    expect((await request(t.app).get(`/api/items/${CODE}/draft`).set(t.as.author)).body.status).toBe('editing');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'bilingual-designer-refused.png') });

    for (const s of missing) await page.getByLabel(translationLabel(s), { exact: true }).fill('ᠮᠣᠩᠭᠣᠯ ᠣᠷᠴᠢᠭᠤᠯᠭ᠎ᠠ');
    await expect.poll(() => page.getByTestId('translation-counts').textContent()).toContain(`未翻译 0 条，共 ${strings.length} 条`);
    expect(await page.locator('.translations tr.untranslated').count()).toBe(0);
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('status').filter({ hasText: '已提交审核' }).first().waitFor();
    const submitted = (await request(t.app).get(`/api/items/${CODE}/draft`).set(t.as.author)).body;
    expect(submitted.status).toBe('submitted');
    expect(Object.keys(submitted.config.translations['mn-Mong']).sort()).toEqual(strings.map((s) => s.key).sort());
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'bilingual-designer-accepted.png') });
    expect(unexpectedErrors(errors, [422])).toEqual([]);
    await page.close();
  });
});
