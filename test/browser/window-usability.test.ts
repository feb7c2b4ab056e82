/**
 * The window's usability in a real chromium: search by full pinyin and aliases, the operator's
 * 属地信息 screen feeding the guide, and the guide's start button clear of the guide at
 * 1366×768 and 375 px wide.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import { publishThroughApi } from '../http/designer-api.js';
import { browserSuite, describeInChromium, TEST_ARTIFACTS, unexpectedErrors } from '../support/chromium.js';
import { TEST_PRINCIPALS } from '../support/installation.js';

const DIBAO = 'SAMPLE-MZ-0002';
const LEAGUE_ADDRESS = '呼和浩特市政务服务中心二楼民政窗口';
const PINNED = 'RT-PINNED-1';

describeInChromium('window usability', () => {
  const t = browserSuite({
    webApps: ['runtime/web'],
    sampleCatalogueClaimedBy: ['150102'],
    seed: async (t) => {
      // The league's own values are what the banner's screen shows as defaults.
      const league = await request(t.app).put(`/api/localities/150100/claims/${DIBAO}`).set(t.as.leagueOperator).send({ follow: 'latest', local: { windowAddress: LEAGUE_ADDRESS } });
      expect(league.status).toBe(200);
      // An item the window keeps at version 1 after the region published version 2.
      const pinned = itemConfig(PINNED, '灵活就业人员登记');
      await publishThroughApi(t, pinned);
      pinned.standard.resultName = `${pinned.standard.resultName}（新版）`;
      await publishThroughApi(t, pinned);
      expect((await request(t.app).put(`/api/localities/150102/claims/${PINNED}`).set(t.as.operator).send({ follow: 1 })).status).toBe(200);
      for (const station of [{ code: '150102001', name: '中山东路街道便民服务中心' }, { code: '150102001001', name: '海东路社区便民服务站' }]) {
        expect((await request(t.app).post('/api/divisions/stations').set(t.as.admin).send(station)).status).toBe(201);
      }
    },
  });

  async function signIn(page: Page): Promise<void> {
    const form = page.getByLabel('操作员令牌');
    const signedIn = page.getByTestId('signed-in-as');
    await expect.poll(async () => (await form.count()) + (await signedIn.count()), { timeout: 10_000 }).toBeGreaterThan(0);
    if ((await signedIn.count()) > 0 && (await signedIn.textContent())?.startsWith(TEST_PRINCIPALS.operator.name)) return;
    await form.fill(t.as.operator.Authorization.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => signedIn.count(), { timeout: 10_000 }).toBe(1);
  }

  const listed = (page: Page) => page.locator('.item-list a .item-name').allTextContents();

  it('finds items by full pinyin, initials and the aliases the standard carries', async () => {
    const { page, errors } = await t.open(`/window/150102`);
    await signIn(page);
    const search = page.getByLabel('查找事项');
    await search.fill('hunyin');
    await expect.poll(() => listed(page)).toEqual(['婚姻登记档案查询']);
    await search.fill('dibao');
    await expect.poll(() => listed(page)).toEqual(['最低生活保障申请']);
    await search.fill('低保');
    await expect.poll(() => listed(page)).toEqual(['最低生活保障申请']);
    expect(await page.locator('.item-list a').first().textContent()).toContain('又称：低保');
    await search.fill('hydj');
    await expect.poll(() => listed(page)).toEqual(['婚姻登记档案查询']);
    await search.fill('shebaoka');
    await expect.poll(() => listed(page)).toEqual(['社会保障卡申领']);
    await search.fill('xyz');
    await expect.poll(() => listed(page)).toEqual([]);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('lets the operator fill in the local fields, refusing a bad phone in Chinese, and the guide shows them', async () => {
    const { page, errors } = await t.open(`/window/150102`);
    await signIn(page);
    await page.getByRole('link', { name: '属地信息' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '属地信息维护' }).isVisible()).toBe(true);
    await page.getByRole('combobox', { name: '要填写的事项' }).selectOption(DIBAO);
    const address = page.getByLabel('办理地点');
    await expect.poll(() => address.getAttribute('placeholder')).toBe(`盟市填写：${LEAGUE_ADDRESS}`);
    await address.fill('新城区政务服务中心一楼 8 号窗口');
    await page.getByLabel('办理时间').fill('工作日 9:00–12:00，13:30–17:00');
    await page.getByLabel('咨询电话').fill('0471-6661234');
    await page.getByLabel('监督投诉电话').fill('请找值班长');
    await page.getByRole('button', { name: '保存属地信息' }).click();
    await expect.poll(() => page.locator('#local-complaintPhone-error').textContent()).toContain('「监督投诉电话」应为电话号码');
    expect((await request(t.app).get('/api/localities/150102/claims').set(t.as.operator)).body.claims.find((c: { code: string }) => c.code === DIBAO).local.complaintPhone).toBeUndefined();
    await page.getByLabel('监督投诉电话').fill('12345');
    await page.getByRole('button', { name: '保存属地信息' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已保存' }).count()).toBe(1);
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'window-local-fields.png') });

    await page.goto(`${t.base}/window/150102/${DIBAO}`);
    const local = page.locator('.guide-section', { has: page.getByRole('heading', { name: '本地办理信息' }) });
    await expect.poll(() => local.textContent(), { timeout: 10_000 }).toContain('新城区政务服务中心一楼 8 号窗口');
    const text = await local.textContent();
    for (const expected of ['办理时间', '工作日 9:00–12:00，13:30–17:00', '咨询电话', '0471-6661234', '监督投诉电话', '12345']) expect(text).toContain(expected);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('warns on the counter when the locality runs an older version than the region\'s current one', async () => {
    const { page, errors } = await t.open(`/window/150102/${PINNED}`);
    await signIn(page);
    const banner = page.getByTestId('older-version');
    await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toContain('执行本事项第 1 版，自治区现行第 2 版');
    await page.goto(`${t.base}/window/150102/${DIBAO}`);
    await expect.poll(() => page.getByRole('heading', { name: /最低生活保障申请/ }).first().isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await page.getByTestId('older-version').count()).toBe(0);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('lists stations in the division picker under their banner, a village under its township, named by their own names', async () => {
    const { page, errors } = await t.open(`/window/`);
    const banner = page.locator('.chips > li', { has: page.getByRole('link', { name: '新城区', exact: true }) });
    await expect.poll(() => banner.getByRole('link').allTextContents(), { timeout: 10_000 }).toEqual(['新城区', '中山东路街道便民服务中心', '海东路社区便民服务站']);
    const township = banner.locator('.stations > li', { has: page.getByRole('link', { name: '中山东路街道便民服务中心' }) });
    expect(await township.locator('.stations').getByRole('link').allTextContents()).toEqual(['海东路社区便民服务站']);
    await page.getByLabel('按名称或区划代码筛选').fill('海东路');
    await expect.poll(() => page.locator('.picker-grid a').allTextContents()).toEqual(['呼和浩特市', '新城区', '中山东路街道便民服务中心', '海东路社区便民服务站']);
    await page.getByRole('link', { name: '海东路社区便民服务站' }).click();
    await expect.poll(() => page.locator('.topbar .where').textContent(), { timeout: 10_000 }).toContain('海东路社区便民服务站');
    expect(await page.locator('.topbar').textContent()).not.toContain('站点');
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('lets the clerk pick a division field by name and shows the name of a typed code', async () => {
    const { page, errors } = await t.open(`/window/150102/SAMPLE-MZ-0001`);
    await signIn(page);
    await page.getByRole('button', { name: /开始受理/ }).click();
    const field = page.locator('#root_registrationDivision');
    await field.fill('东胜区');
    await expect.poll(() => field.inputValue()).toBe('150602');
    await expect.poll(() => page.locator('#root_registrationDivision-division-name').textContent()).toBe('已选：鄂尔多斯市东胜区（150602）');
    await field.fill('152921');
    await expect.poll(() => page.locator('#root_registrationDivision-division-name').textContent()).toBe('已选：阿拉善盟阿拉善左旗（152921）');
    expect(await page.locator('#root_registrationDivision-divisions option[value="150602"]').getAttribute('label')).toBe('鄂尔多斯市东胜区（150602）');
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  for (const [label, viewport] of [['1366x768', { width: 1366, height: 768 }], ['375', { width: 375, height: 740 }]] as const) {
    it(`keeps the start button off the guide at ${label}, with body text of at least 14 px`, async () => {
      const { page, errors } = await t.open(`/window/150102/${DIBAO}`);
      await page.setViewportSize(viewport);
      await signIn(page);
      const start = page.getByRole('button', { name: /开始受理/ });
      await expect.poll(() => start.isVisible(), { timeout: 10_000 }).toBe(true);
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.waitForFunction(() => Math.abs(window.scrollY + window.innerHeight - document.documentElement.scrollHeight) < 2);
      const last = page.locator('.guide .guide-section').last();
      const [button, section, fine] = await Promise.all([start.boundingBox(), last.boundingBox(), page.locator('.guide .fineprint').boundingBox()]);
      expect(button && section && fine).toBeTruthy();
      const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(overlaps(button!, section!)).toBe(false);
      expect(overlaps(button!, fine!)).toBe(false);
      // Nothing wider than the screen: no sideways scrolling on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      const smallest = await page.evaluate(() => {
        let min = Infinity;
        for (const el of Array.from(document.querySelectorAll<HTMLElement>('main p, main li, main dd, main dt, main small, main span, nav a span, main label'))) {
          if (el.offsetParent === null || !el.textContent?.trim()) continue;
          min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
        }
        return min;
      });
      expect(smallest).toBeGreaterThanOrEqual(14);
      await page.screenshot({ path: join(TEST_ARTIFACTS, `window-guide-end-${label}.png`) });
      expect(unexpectedErrors(errors)).toEqual([]);
      await page.close();
    });
  }
});
