/**
 * (g) Designer speed in Debian's chromium: on a draft of 100 form fields, how long a keystroke
 * takes to reach the screen — in the property panel's 标题 and in the live preview.
 *
 * A keystroke is timed in the page from the keydown event's timestamp to the first task after the
 * next animation frame (requestAnimationFrame, then a zero-delay task: the frame has been painted
 * by then). Two paces: one key at a time on an idle page ("isolated"), and a burst at about eight
 * keys a second ("typing"), where work left behind by one key (a deferred preview rebuild) can
 * delay the next; and for the property panel a key every 450 ms, about when the preview rebuilds
 * after a pause, as the unfavourable case. Also: how long after a key the preview shows the new title.
 *
 * Run on its own: BENCH_SECTIONS=g npm run bench (or `tsx test/bench/designer-speed.ts`).
 * BENCH_DESIGNER_KEYS sets the keys per measurement (default 40, 20 with --quick).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import request from 'supertest';
import type { ItemConfig } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium } from '../support/chromium.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { listenOnLoopback } from '../support/loopback-server.js';

const CODE = 'BENCH-FORM-0100';
/** Paces: an idle page before each key; typing at about eight keys a second; a hesitant author (a key just as the preview catches up). */
const IDLE_MS = 1000;
const TYPING_MS = 125;
const HESITANT_MS = 450;
const FIELD_COUNT = 100;

/** A draft whose form has 100 fields of the kinds authors use most (text, number, choice, date, ID number). */
export function hundredFieldConfig(): ItemConfig {
  const config = itemConfig(CODE, '百字段表单（基准）');
  const properties: Record<string, unknown> = {};
  const order: string[] = [];
  const uiSchema: Record<string, unknown> = {};
  for (let i = 1; i <= FIELD_COUNT; i++) {
    const name = `f${i}`;
    order.push(name);
    switch (i % 5) {
      case 0: properties[name] = { type: 'number', title: `数字字段${i}`, minimum: 0, maximum: 1000 }; break;
      case 1: properties[name] = { type: 'string', title: `文本字段${i}`, maxLength: 50 }; break;
      case 2: properties[name] = { type: 'string', title: `单选字段${i}`, enum: ['甲', '乙', '丙'] }; uiSchema[name] = { 'ui:widget': 'radio' }; break;
      case 3: properties[name] = { type: 'string', title: `日期字段${i}`, format: 'date' }; break;
      default: properties[name] = { type: 'string', title: `身份证号码${i}`, format: 'cn-id-number' };
    }
  }
  // The fixture's rules and examples read these fields: keep them.
  const base = config.form.schema.properties as Record<string, unknown>;
  for (const [name, schema] of Object.entries(base)) {
    properties[name] = schema;
    order.push(name);
  }
  config.form = { schema: { type: 'object', required: ['name', 'idNumber', 'phone', 'f1'], properties }, uiSchema: { ...uiSchema, 'ui:order': order } };
  return config;
}

interface Timings {
  median: number;
  p95: number;
  max: number;
  n: number;
}

function summarise(samples: number[]): Timings {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0, n: sorted.length };
}

/** Installs the in-page probe: every keydown is timed to the first task after the next frame. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keySamples: number[]; __probe?: boolean };
    w.__keySamples = [];
    if (w.__probe) return;
    w.__probe = true;
    document.addEventListener('keydown', (e) => {
      const started = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => w.__keySamples.push(performance.now() - started), 0));
    }, true);
  });
}

async function takeSamples(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __keySamples: number[] };
    const out = w.__keySamples;
    w.__keySamples = [];
    return out;
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Keys typed into the focused control: one at a time after `gapMs` of quiet. */
async function typeKeys(page: Page, keys: number, gapMs: number): Promise<number[]> {
  await takeSamples(page);
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(i % 2 === 0 ? 'a' : 'Backspace');
    await sleep(gapMs);
  }
  await sleep(400);
  return takeSamples(page);
}

async function previewRefresh(page: Page, titleInput: string, labelFor: string): Promise<number> {
  await page.locator(titleInput).click();
  await page.locator(titleInput).press('End');
  const started = await page.evaluate(() => performance.now());
  await page.keyboard.type('改', { delay: 0 });
  const title = await page.locator(titleInput).inputValue();
  await page.waitForFunction(([selector, text]) => (document.querySelector(selector as string)?.textContent ?? '').includes(text as string), [labelFor, title], { timeout: 10_000, polling: 'raf' });
  const ended = await page.evaluate(() => performance.now());
  await page.locator(titleInput).press('Backspace');
  return ended - started;
}

export async function designerSpeedBench(options: { quick: boolean } = { quick: false }): Promise<string[]> {
  if (!chromiumAvailable()) return [`Not run: no chromium at ${CHROMIUM_PATH} (install Debian's chromium, or set CHROMIUM_PATH).`];
  const keys = Number(process.env.BENCH_DESIGNER_KEYS ?? (options.quick ? 20 : 40));
  // Built into a directory of its own and served from there (the API from the installation), so a
  // build of the shared designer/web/dist by anything else running cannot swap the code mid-run.
  const dist = mkdtempSync(join(tmpdir(), 'tongban-designer-bench-'));
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../../designer/web/vite.config.ts', import.meta.url)), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  const t: TestInstallation = await sqliteInstallation();
  let server: Server | undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    const put = await request(t.app).put(`/api/items/${CODE}/draft`).set(t.as.author).send(hundredFieldConfig());
    if (put.status !== 201) throw new Error(`draft not saved: ${put.status} ${JSON.stringify(put.body)}`);
    let base = '';
    ({ server, base } = await listenOnLoopback(t.app));
    browser = await launchChromium({ width: 1600, height: 900 });
    const page = await browser.context.newPage();
    const types: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.json': 'application/json', '.svg': 'image/svg+xml' };
    await page.route(/\/designer\//, async (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\/designer\/?/, '');
      const file = path && existsSync(join(dist, path)) ? join(dist, path) : join(dist, 'index.html');
      await route.fulfill({ body: readFileSync(file), contentType: types[extname(file)] ?? 'application/octet-stream' });
    });
    await page.goto(`${base}/designer/`);
    await page.getByLabel('访问令牌').fill(t.as.author.Authorization.replace(/^Bearer /, ''));
    // Older sign-in screens also ask for the role.
    if ((await page.getByLabel('部门编制人员').count()) > 0) if ((await page.getByLabel('部门编制人员').count()) > 0) await page.getByLabel('部门编制人员').check();
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: CODE }).first().click();
    await page.getByRole('tab', { name: /^表单设计/ }).click();
    await page.locator('.fieldlist [data-field=f1] button.pick').click();
    const title = 'fieldset.props input[name=title]';
    await page.locator(title).waitFor();
    await page.locator('.preview #preview_f1').waitFor();
    await installProbe(page);

    await page.locator(title).click();
    await page.locator(title).press('End');
    const panelIsolated = summarise(await typeKeys(page, keys, IDLE_MS));
    const panelTyping = summarise(await typeKeys(page, keys, TYPING_MS));
    const panelHesitant = summarise(await typeKeys(page, keys, HESITANT_MS));
    const refresh: number[] = [];
    for (let i = 0; i < 5; i++) {
      refresh.push(await previewRefresh(page, title, '.preview label[for="preview_f1"]'));
      await sleep(400);
    }

    const field = page.locator('.preview #preview_f1');
    await field.click();
    const previewIsolated = summarise(await typeKeys(page, keys, IDLE_MS));
    const previewTyping = summarise(await typeKeys(page, keys, TYPING_MS));
    const ms = (v: number) => v.toFixed(1);
    const row = (what: string, s: Timings, goal: string) => `| ${what} | ${s.n} | **${ms(s.median)}** | ${ms(s.p95)} | ${ms(s.max)} | ${goal} |`;
    const refreshed = summarise(refresh);
    return [
      `Draft of ${FIELD_COUNT + Object.keys(itemConfig().form.schema.properties as object).length} form fields, designer built for production, chromium ${CHROMIUM_PATH}, 1600×900. Keydown → first task after the next frame, in the page.`,
      '',
      '| keystroke | keys | median (ms) | p95 (ms) | max (ms) | goal (median) |',
      '|---|---:|---:|---:|---:|---|',
      row('property panel 标题, one key on an idle page', panelIsolated, '≤ 50 ms'),
      row('property panel 标题, typing (8 keys/s)', panelTyping, '≤ 50 ms'),
      row(`property panel 标题, a key every ${HESITANT_MS} ms`, panelHesitant, '—'),
      row('preview text field, one key on an idle page', previewIsolated, '≤ 30 ms'),
      row('preview text field, typing (8 keys/s)', previewTyping, '≤ 30 ms'),
      '',
      `The preview shows a new 标题 ${ms(refreshed.median)} ms after the key (median of ${refreshed.n}; max ${ms(refreshed.max)} ms).`,
    ];
  } finally {
    await browser?.close();
    if (server) await new Promise((resolve) => server?.close(resolve));
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  console.log((await designerSpeedBench({ quick })).join('\n'));
}
