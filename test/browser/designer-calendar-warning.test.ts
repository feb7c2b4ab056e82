// The administrator's dashboard in a real chromium warns from 1 December (the server's clock)
// that next year's holiday calendar is not loaded, and stops once an admin has stored it.
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../engine/core/index.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { createDesignerApp } from '../../designer/server/designer-app.js';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium } from '../support/chromium.js';
import { listenOnLoopback } from '../support/loopback-server.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { ensureWebAppBuilt } from '../support/web-build.js';

const hasChromium = chromiumAvailable();
if (!hasChromium && process.env.CI === 'true') throw new Error(`CI=true but no chromium at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk)`);

const WARNING = '2027 年节假日安排尚未载入';
const year2027 = {
  year: 2027,
  notice: { issuer: '国务院办公厅', title: '国务院办公厅关于2027年部分节假日安排的通知', documentNumber: '测试〔2026〕27号', published: '2026-11-10' },
  holidays: [{ name: '元旦', days: 3, daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkdays: [] }],
};

if (!hasChromium) {
  describe('designer calendar warning (no chromium)', () => {
    it(`is not exercised: no chromium at ${CHROMIUM_PATH} (install Debian's chromium, or set CHROMIUM_PATH)`, () => {
      expect(hasChromium).toBe(false);
    });
  });
}

if (hasChromium) describe('designer dashboard calendar warning in chromium', () => {
  let t: TestInstallation;
  let app: Express;
  let server: Server;
  let base = '';
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;

  beforeAll(async () => {
    await ensureWebAppBuilt('designer/web');
    t = await sqliteInstallation();
    // 2 December 2026 in the region: next year's calendar is due and not loaded.
    app = createDesignerApp({ store: t.store, logger: createLogger(() => undefined), clock: fixedClock('2026-12-02T02:00:00.000Z') });
    ({ server, base } = await listenOnLoopback(app));
    browser = await launchChromium({ width: 1280, height: 800 });
    page = await browser.context.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  async function signIn(who: 'admin' | 'reviewer') {
    await page.goto(`${base}/designer/`);
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

    expect((await request(app).put('/api/calendar/2027').set(t.as.admin).send(year2027)).status).toBe(201);
    const coverage = page.waitForResponse((r) => r.url().endsWith('/api/calendar/coverage'));
    await page.reload();
    expect(await (await coverage).json()).toMatchObject({ today: '2026-12-02', missing: [] });
    await page.getByRole('heading', { name: '全部事项' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.calendar-warning').count()).toBe(0);
  });
});
