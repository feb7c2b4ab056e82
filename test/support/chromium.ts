import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

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
