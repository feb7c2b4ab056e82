// The administrator's dashboard in a real chromium warns from 1 December (the server's clock)
// that next year's holiday calendar is not loaded, and stops once an admin has stored it.
import type { Page } from 'playwright-core';
import request from 'supertest';
import { beforeAll, expect, it } from 'vitest';
import { fixedClock } from '../../engine/core/index.js';
import { browserSuite, describeInChromium } from '../support/chromium.js';

const WARNING = '2027 年节假日安排尚未载入';
const year2027 = {
  year: 2027,
  notice: { issuer: '国务院办公厅', title: '国务院办公厅关于2027年部分节假日安排的通知', documentNumber: '测试〔2026〕27号', published: '2026-11-10' },
  holidays: [{ name: '元旦', days: 3, daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkdays: [] }],
};

describeInChromium('designer dashboard calendar warning', () => {
  // 2 December 2026 in the region: next year's calendar is due and not loaded.
  const t = browserSuite({ webApps: ['designer/web'], clock: fixedClock('2026-12-02T02:00:00.000Z'), viewport: { width: 1280, height: 800 } });
  let page: Page;

  beforeAll(async () => {
    page = await t.context.newPage();
  });

  async function signIn(who: 'admin' | 'reviewer') {
    await page.goto(`${t.base}/designer/`);
    await page.getByLabel('访问令牌').fill(t.as[who].Authorization.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '全部事项' }).waitFor();
  }

  it('shows the administrator the warning now, and not once 2027 is stored', async () => {
    await signIn('admin');
    const warning = page.locator('.calendar-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toContain(WARNING);
    expect(await warning.textContent()).toContain('tongban calendar put');

    expect((await request(t.app).put('/api/calendar/2027').set(t.as.admin).send(year2027)).status).toBe(201);
    const coverage = page.waitForResponse((r) => r.url().endsWith('/api/calendar/coverage'));
    await page.reload();
    expect(await (await coverage).json()).toMatchObject({ today: '2026-12-02', missing: [] });
    await page.getByRole('heading', { name: '全部事项' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.calendar-warning').count()).toBe(0);
  });
});
