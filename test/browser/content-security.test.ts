/**
 * The Content-Security-Policy as chromium enforces it: the guide and the notices render with their
 * inline style and the print button works, while any other inline script is refused — also for a
 * notice the window app opens through a blob: URL (such a document inherits the app's policy).
 */
import type { Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInChromium, launchChromium } from '../support/chromium.js';
import { listenOnLoopback } from '../support/loopback-server.js';
import { ensureWebAppBuilt } from '../support/web-build.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { openClaimedRuntime } from '../http/runtime-api.js';

const APPLICATION = { code: 'RT-1', scenario: 'self', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' }, materials: ['id-card'] };

describeInChromium('content security policy', () => {
  let t: TestInstallation;
  let server: Server;
  let base: string;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let caseNumber: string;

  beforeAll(async () => {
    await ensureWebAppBuilt('runtime/web');
    t = await openClaimedRuntime(sqliteInstallation);
    const saved = await request(t.app).post('/api/runtime/150102/intakes').set(t.as.operator).send(APPLICATION);
    expect(saved.status).toBe(201);
    caseNumber = saved.body.intake.caseNumber;
    ({ server, base } = await listenOnLoopback(t.app));
    browser = await launchChromium();
    context = browser.context;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  async function openPage(): Promise<{ page: Page; violations: string[] }> {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (msg) => { if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) violations.push(msg.text()); });
    return { page, violations };
  }

  /** Whether an inline script added now runs: it must not, whatever page this is. */
  const injectedScriptRuns = (page: Page) =>
    page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });

  /** The print button calls window.print through the page's own (hashed) script. */
  const printButtonPrints = async (page: Page) => {
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => { (window as unknown as { printed: number }).printed++; };
    });
    await page.getByRole('button', { name: '打印' }).click();
    return page.evaluate(() => (window as unknown as { printed: number }).printed);
  };

  it('renders a notice opened through a blob: URL from the window app with its style, and its print button works', async () => {
    const { page, violations } = await openPage();
    await page.goto(`${base}/window/150102`);
    await page.waitForSelector('#root > *');
    const token = t.as.operator.Authorization.replace(/^Bearer /, '');
    const path = `/api/runtime/150102/intakes/${caseNumber}/documents/acceptance-notice`;
    // As the window app does (runtime/web/src/api.ts openNotice): fetch with the token, show through a blob: URL.
    await page.evaluate(async ({ path, token }) => {
      const html = await (await fetch(path, { headers: { Authorization: `Bearer ${token}`, Accept: 'text/html' } })).text();
      const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
      setTimeout(() => { location.href = url; }, 0);
    }, { path, token });
    await page.waitForURL(/^blob:/);
    await page.waitForSelector('main.page');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).textAlign)).toBe('center');
    expect(await printButtonPrints(page)).toBe(1);
    expect(violations).toEqual([]);
    expect(await injectedScriptRuns(page)).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
    await page.close();
  });

  it('renders the service guide page with its style and runs no injected script', async () => {
    const { page, violations } = await openPage();
    const response = await page.goto(`${base}/api/runtime/150102/items/RT-1/guide`);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe('860px');
    expect(violations).toEqual([]);
    expect(await injectedScriptRuns(page)).toBe(false);
    expect(violations.length).toBeGreaterThan(0);
    await page.close();
  });
});
