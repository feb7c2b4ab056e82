/**
 * An author's pattern that backtracks exponentially (`^(a+)+$`) must not stall a browser: the
 * window app and the designer's form preview validate with the web kit's RJSF validator, which
 * runs patterns on the engine's linear-time engine (RE2). With ajv's default engine (the
 * browser's RegExp) the same keystroke takes about 35 s. This is a check that the page does not
 * stall, not a speed measurement: the error must show within 2 s (it takes a few milliseconds),
 * far from the 35 s of a backtracking engine and clear of a slow machine's noise.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { ItemConfig } from '../../engine/core/index.js';
import { seedEmptyStore } from '../../engine/services/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { browserSuite, describeInChromium } from '../support/chromium.js';

const CODE = 'LINEAR-0001';
const DIVISION = '150102';
const CATASTROPHIC = '^(a+)+$';
const PREFIX = 'a'.repeat(28);
const BUDGET_MS = 2000;
const PATTERN_ERROR = '「许可证号」格式不正确';

/** The sample item with one more text field whose pattern backtracks exponentially on a backtracking engine. */
function itemWithCatastrophicPattern(): ItemConfig {
  const config = itemConfig(CODE, '线性时间模式测试事项');
  const schema = config.form.schema as { properties: Record<string, unknown> };
  schema.properties.licence = { type: 'string', title: '许可证号', pattern: CATASTROPHIC, maxLength: 64 };
  const uiSchema = (config.form.uiSchema ?? {}) as { 'ui:order'?: string[] };
  uiSchema['ui:order'] = [...(uiSchema['ui:order'] ?? []), 'licence'];
  config.form.uiSchema = uiSchema;
  return config;
}

/**
 * Types the last character of `PREFIX + '!'` into an input whose value is already `PREFIX`, and
 * measures in the page, with performance.now(), from the input event to the inline error
 * appearing in the field's container: the validator call and the render of its result.
 */
async function millisecondsToPatternError(field: Locator, container: string): Promise<number> {
  await field.fill(PREFIX);
  return field.evaluate(
    (input: HTMLInputElement, { value, container, message }) =>
      new Promise<number>((resolve, reject) => {
        const box = input.closest(container);
        if (!box) return reject(new Error(`no ${container} around the field`));
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        const shown = () => box.textContent?.includes(message) ?? false;
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(box, { childList: true, subtree: true, characterData: true });
        setValue?.call(input, value);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        if (shown()) {
          observer.disconnect();
          resolve(performance.now() - started);
        }
      }),
    { value: `${PREFIX}!`, container, message: PATTERN_ERROR },
  );
}

describeInChromium('linear-time patterns', () => {
  const pageErrors: string[] = [];
  const token = (who: 'operator' | 'author') => t.as[who].Authorization.replace(/^Bearer /, '');
  const t = browserSuite({
    webApps: ['runtime/web', 'designer/web'],
    viewport: { width: 1366, height: 768 },
    seed: async (t) => {
      await seedEmptyStore({ store: t.store, catalogue: [itemWithCatastrophicPattern()], claimFor: [DIVISION] });
    },
  });

  async function newPage(): Promise<Page> {
    const page = await t.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    return page;
  }

  it('the window app shows the pattern error for 28 × a + ! without stalling', async () => {
    const page = await newPage();
    await page.goto(`${t.base}/window/${DIVISION}/${CODE}`);
    await page.getByLabel('操作员令牌').fill(token('operator'));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('tab', { name: /受理登记/ }).click();
    const field = page.locator('#root_licence');
    await field.waitFor();

    const elapsed = await millisecondsToPatternError(field, '.form-group');
    console.info(`window app: pattern error after ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(BUDGET_MS);
    // What the pattern admits is still accepted.
    await field.fill(PREFIX);
    await expect.poll(() => page.locator('#root_licence').locator('xpath=ancestor::div[contains(@class,"form-group")][1]').textContent()).not.toContain(PATTERN_ERROR);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('the designer’s form preview shows the pattern error for 28 × a + ! without stalling', async () => {
    const page = await newPage();
    await page.goto(`${t.base}/designer/`);
    // The window test above signed this browser in (the session cookie lasts the working day): sign out first.
    const form = page.getByLabel('访问令牌');
    const signedIn = page.getByTestId('signed-in-as');
    await expect.poll(async () => (await form.count()) + (await signedIn.count()), { timeout: 10_000 }).toBeGreaterThan(0);
    if ((await signedIn.count()) > 0) await page.getByRole('button', { name: '退出登录' }).click();
    await form.fill(token('author'));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '全部事项' }).waitFor();
    await page.goto(`${t.base}/designer/items/${CODE}?tab=form`);
    const field = page.locator('.preview #preview_licence');
    await field.waitFor();

    const elapsed = await millisecondsToPatternError(field, '.form-group');
    console.info(`designer preview: pattern error after ${elapsed.toFixed(1)} ms`);
    expect(elapsed).toBeLessThan(BUDGET_MS);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
