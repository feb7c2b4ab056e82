import { accessSync, constants, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../engine/core/index.js';
import { seedEmptyStore } from '../../engine/services/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { sqliteInstallation, type TestInstallation } from './installation.js';
import { listenOnLoopback } from './loopback-server.js';
import { ensureWebAppBuilt } from './web-build.js';

/** Debian's chromium (apt-get install -y chromium fonts-noto-cjk); never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(path = CHROMIUM_PATH): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Registers a browser suite. Without chromium exactly one test stands in for it and says why (so a
 * run never reports a skipped test); under CI=true a missing chromium fails the run.
 */
export function describeInChromium(name: string, suite: () => void): void {
  if (!chromiumAvailable()) {
    if (process.env.CI === 'true') throw new Error(`chromium is required for the browser tests under CI but ${CHROMIUM_PATH} is missing: apt-get install -y chromium fonts-noto-cjk`);
    describe(`${name} without chromium`, () => {
      it('is not run: chromium is missing', () => {
        console.warn(`${name}: not run, no chromium at ${CHROMIUM_PATH} (apt-get install -y chromium fonts-noto-cjk; under CI=true this fails)`);
        expect(chromiumAvailable()).toBe(false);
      });
    });
    return;
  }
  describe(`${name} in chromium`, { timeout: 90_000 }, suite);
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * A headless chromium with a fresh profile (its own --user-data-dir, removed on close), at the
 * smallest screen the window app must work on.
 */
export async function launchChromium(options: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'tongban-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1366, height: options.height ?? 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh tab at `url` that records the console errors and page errors it shows. */
export async function openWatchedPage(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  return { page, errors };
}

/** The recorded errors other than the HTTP refusals a step provokes on purpose. */
export function unexpectedErrors(errors: string[], allowedStatuses: number[] = []): string[] {
  return errors.filter((e) => !allowedStatuses.some((s) => e.includes(`status of ${s}`)));
}

/** Codes that are Latin by nature on every screen: case and item numbers. */
const LATIN_CODES = [/TB\d+-\d+/g, /SAMPLE-[A-Z]+-\d+/g];

/** Latin words on the page, once the codes that are Latin by nature (and `moreCodes`) are taken out: what no clerk or applicant should read. */
export async function englishOn(page: Page, moreCodes: RegExp[] = []): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const stripped = [...LATIN_CODES, ...moreCodes].reduce((t, pattern) => t.replace(pattern, ' '), text);
  return stripped.match(/[A-Za-z]{2,}/g) ?? [];
}

/** Where browser tests leave their screenshots for review by eye (created by browserSuite). */
export const TEST_ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));

/** A test installation served on loopback to a headless chromium: the installation's own fields, and where to reach it. */
export interface ServedInstallation extends TestInstallation {
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  base: string;
  /** The chromium profile every page of the suite opens in (one session cookie jar for the whole file). */
  context: BrowserContext;
  /** A fresh watched tab at `path` on this server (see openWatchedPage). */
  open(path: string): Promise<{ page: Page; errors: string[] }>;
}

export interface BrowserSuiteOptions {
  /** The web apps the suite's pages load, built first unless their dist is up to date. */
  webApps?: ('runtime/web' | 'designer/web')[];
  /** The server's clock in a fresh SQLite installation; default the system's. */
  clock?: Clock;
  /** Seeds the store with the sample catalogue, claimed by these divisions, before `seed` runs. */
  sampleCatalogueClaimedBy?: string[];
  /** Further set-up on the installation before it is served (publications, principals, records). */
  seed?: (t: TestInstallation) => Promise<void>;
  /** The browser window; default the smallest screen the window app must work on (1366 × 768). */
  viewport?: { width: number; height: number };
}

/**
 * The set-up every browser suite shares, registered as the suite's beforeAll and afterAll: builds
 * the web apps, opens and seeds an installation, serves it on loopback and launches chromium; after
 * the suite closes the browser, the server and the installation. The returned object is filled in
 * by the beforeAll, so read its fields inside hooks and tests only.
 */
export function browserSuite(options: BrowserSuiteOptions = {}): ServedInstallation {
  const served = {} as ServedInstallation;
  let installation: TestInstallation | undefined;
  let server: Server | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;

  beforeAll(async () => {
    mkdirSync(TEST_ARTIFACTS, { recursive: true });
    for (const app of options.webApps ?? []) await ensureWebAppBuilt(app);
    installation = await sqliteInstallation(options.clock ? { clock: options.clock } : {});
    const t = installation;
    if (options.sampleCatalogueClaimedBy) await seedEmptyStore({ store: t.store, catalogue: loadSampleCatalogue(), claimFor: options.sampleCatalogueClaimedBy });
    await options.seed?.(t);
    const listening = await listenOnLoopback(t.app);
    server = listening.server;
    browser = await launchChromium(options.viewport ?? {});
    const { context } = browser;
    Object.assign(served, t, { base: listening.base, context, open: (path: string) => openWatchedPage(context, `${listening.base}${path}`) });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await installation?.close();
  });

  return served;
}
