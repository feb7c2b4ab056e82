// People sign in once per browser: a clerk's session cookie keeps a second tab signed in, the token
// is never kept in the page, and signing out in one tab ends the session on the server for all.

import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createLogger } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/index.js';
import { browserSuite, describeInChromium, openWatchedPage, TEST_ARTIFACTS, unexpectedErrors } from '../support/chromium.js';
import { listenOnLoopback } from '../support/loopback-server.js';


describeInChromium('sign-in sessions', () => {
  const token = () => t.as.operator.Authorization.replace(/^Bearer /, '');
  const t = browserSuite({ webApps: ['runtime/web'], sampleCatalogueClaimedBy: ['150102'] });

  /** Everything the page's own script can read of its storage: the token must be in none of it. */
  const pageStorage = (page: Page) => page.evaluate(() => ({
    cookie: document.cookie,
    session: JSON.stringify({ ...sessionStorage }),
    local: JSON.stringify({ ...localStorage }),
  }));

  it('a clerk signs in once and a second tab opens still signed in; signing out ends the session everywhere', async () => {
    const { page: first, errors: firstErrors } = await t.open(`/window/150102`);
    await first.getByLabel('操作员令牌').fill(token());
    await first.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => first.getByTestId('signed-in-as').textContent()).toContain('新城区窗口');
    expect(await first.getByTestId('signed-in-as').textContent()).toMatch(/登录有效至 \d{2}:\d{2}/);
    await expect.poll(() => first.getByRole('heading', { name: '本窗口办件队列' }).isVisible()).toBe(true);
    // HttpOnly: the page's script sees no cookie; the token is kept nowhere in the page.
    const storage = await pageStorage(first);
    expect(storage.cookie).toBe('');
    expect(`${storage.session}${storage.local}`).not.toContain(token());
    const cookies = await t.context.cookies(`${t.base}/api/me`);
    expect(cookies.map((c) => c.name).sort()).toEqual(['tongban_session', 'tongban_session.operator-xincheng']);
    expect(cookies.every((c) => c.httpOnly && c.sameSite === 'Strict' && c.path === '/api' && c.expires > Date.now() / 1000)).toBe(true);

    // A second tab: no sign-in screen, the same person, and the work queue loads.
    const { page: second, errors: secondErrors } = await t.open(`/window/150102`);
    await expect.poll(() => second.getByTestId('signed-in-as').textContent()).toContain('新城区窗口');
    expect(await second.getByLabel('操作员令牌').count()).toBe(0);
    await expect.poll(() => second.getByRole('heading', { name: '本窗口办件队列' }).isVisible()).toBe(true);
    await second.screenshot({ path: join(TEST_ARTIFACTS, 'sign-in-second-tab.png') });

    // Sign out in the second tab: the server revokes the session, so the first tab is signed out too.
    await second.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => second.getByLabel('操作员令牌').count()).toBe(1);
    expect(await t.context.cookies(`${t.base}/api/me`)).toEqual([]);
    await first.reload();
    await expect.poll(() => first.getByLabel('操作员令牌').count()).toBe(1);
    expect(unexpectedErrors(firstErrors)).toEqual([]);
    expect(unexpectedErrors(secondErrors)).toEqual([]);
    await first.close();
    await second.close();
  });

  it('refuses a token of another division and keeps nobody signed in', async () => {
    const { page, errors } = await t.open(`/window/150102`);
    await page.getByLabel('操作员令牌').fill(t.as.otherOperator.Authorization.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('无权在本区划（150102）受理办件');
    // The refused person's session was revoked at once.
    const me = await page.evaluate(async () => (await fetch('/api/me')).json());
    expect(me).toMatchObject({ principal: null });
    expect(unexpectedErrors(errors, [403])).toEqual([]);
    await page.close();
  });

  it('on a stand-alone runtime (no sessions on its read-only store) a clerk still signs in, for that tab', async () => {
    const runtime = createRuntimeApp({ reader: t.reader, intakeStore: t.intakes, logger: createLogger(() => undefined) });
    const { server: runtimeServer, base: runtimeBase } = await listenOnLoopback(runtime);
    try {
      const { page, errors } = await openWatchedPage(t.context, `${runtimeBase}/window/150102`);
      await page.getByLabel('操作员令牌').fill(token());
      await page.getByRole('button', { name: '登录' }).click();
      await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('新城区窗口');
      await expect.poll(() => page.getByRole('heading', { name: '本窗口办件队列' }).isVisible()).toBe(true);
      // No cookie: the tab keeps the token, as the window always did without sessions.
      expect(await t.context.cookies(`${runtimeBase}/api/me`)).toEqual([]);
      await page.getByRole('button', { name: '退出登录' }).click();
      await expect.poll(() => page.getByLabel('操作员令牌').count()).toBe(1);
      expect(await pageStorage(page)).toMatchObject({ session: expect.not.stringContaining(token()) });
      // The one refusal is the sign-in route this runtime does not serve.
      expect(unexpectedErrors(errors, [404])).toEqual([]);
      await page.close();
    } finally {
      await new Promise((resolve) => runtimeServer.close(resolve));
    }
  });
});
