/**
 * The window app (runtime/web) in a real chromium against the real designer app with its
 * embedded runtime, on a real HTTP port: sign in, item, guide, form, live decision, save, print.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { DEFAULT_UPLOAD_LIMIT } from '../../runtime/server/intake-routes.js';
import { browserSuite, describeInChromium, TEST_ARTIFACTS, unexpectedErrors } from '../support/chromium.js';
import { TEST_PRINCIPALS } from '../support/installation.js';

const CLAIMING = ['150102', '152921', '152502'];
const ITEM = 'SAMPLE-MZ-0001';
/** Larger than the attachments the runtime accepts by default. */
const OVERSIZED_BYTES = DEFAULT_UPLOAD_LIMIT + 1024 * 1024;

const applicant = {
  requesterName: '郝晓宇',
  requesterIdNumber: '150502200001010411',
  phone: '15647520014',
  partyName: '陈晓梅',
  partyIdNumber: '150602197804020462',
  spouseName: '郝建军',
  registrationDivision: '150602',
};

describeInChromium('window app', () => {
  const token = (name: 'operator' | 'otherOperator') => t.as[name].Authorization.replace(/^Bearer /, '');
  const t = browserSuite({ webApps: ['runtime/web'], sampleCatalogueClaimedBy: CLAIMING });

  const unexpected = unexpectedErrors;

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(TEST_ARTIFACTS, `window-${name}.png`), fullPage: false });
  }

  /** Signs `who` in, unless this tab opened signed in as them already (the browser stays signed in for the day). */
  async function signIn(page: Page, who: 'operator' | 'otherOperator'): Promise<void> {
    const form = page.getByLabel('操作员令牌');
    const signedIn = page.getByTestId('signed-in-as');
    await expect.poll(async () => (await form.count()) + (await signedIn.count()), { timeout: 10_000 }).toBeGreaterThan(0);
    if ((await signedIn.count()) > 0 && (await signedIn.textContent())?.startsWith(TEST_PRINCIPALS[who].name)) return;
    await form.fill(token(who));
    await page.getByRole('button', { name: '登录' }).click();
  }

  async function openItem(page: Page, query: string, name: RegExp): Promise<void> {
    await page.getByLabel('查找事项').fill(query);
    await page.getByRole('link', { name }).click();
    await expect.poll(() => page.getByRole('tab', { name: /办事指南/ }).getAttribute('aria-selected')).toBe('true');
  }

  async function fillAgentApplication(page: Page): Promise<void> {
    await page.getByRole('radio', { name: '受当事人委托查询' }).check();
    for (const [field, value] of Object.entries(applicant)) await page.locator(`#root_${field}`).fill(value);
    await page.getByRole('radio', { name: '受当事人委托', exact: true }).check();
    await page.locator('#root_registrationType').selectOption({ label: '结婚登记' });
    await page.locator('#root_registrationDate').fill('2003-10-01');
    await page.locator('#root_purpose').selectOption({ label: '房产交易' });
  }

  async function outcome(page: Page): Promise<string | null> {
    return page.getByTestId('outcome').getAttribute('data-outcome');
  }

  async function decisionJson(page: Page): Promise<Record<string, unknown>> {
    return JSON.parse((await page.getByTestId('decision-json').textContent()) ?? '{}') as Record<string, unknown>;
  }

  it('lets a clerk at 新城区 sign in, decide live, save the intake and print the acceptance notice', async () => {
    const { page, errors } = await t.open('/window/150102');
    await expect.poll(() => page.getByRole('heading', { name: /窗口登录/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('新城区').first().isVisible()).toBe(true);
    await shot(page, '01-sign-in');
    await signIn(page, 'operator');

    // Clerks may type pinyin initials instead of characters.
    await page.getByLabel('查找事项').fill('hydj');
    await expect.poll(() => page.locator('.item-list a').allTextContents()).toEqual([expect.stringContaining('婚姻登记档案查询')]);
    await openItem(page, '婚姻', /婚姻登记档案查询/);
    await expect.poll(() => page.getByRole('heading', { name: '婚姻登记档案查询办事指南' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: '受理条件' }).isVisible()).toBe(true);
    await shot(page, '02-guide');

    await page.getByRole('button', { name: /开始受理/ }).click();
    await fillAgentApplication(page);
    await page.getByRole('checkbox', { name: /婚姻登记档案查询申请表/ }).check();
    await page.getByRole('checkbox', { name: /查询人有效身份证件/ }).check();
    // The one-time notice names every missing material at once.
    await expect.poll(() => outcome(page)).toBe('supplement');
    const notice = page.getByTestId('missing-materials');
    await expect.poll(() => notice.textContent()).toContain('婚姻当事人签署的授权委托书');
    expect(await notice.textContent()).toContain('婚姻当事人身份证件复印件');
    expect(await notice.getByRole('listitem').count()).toBe(2);
    expect(await page.getByTestId('decision-version').textContent()).toMatch(/第 1 版 · 哈希 [0-9a-f]{16}/);
    await shot(page, '03-one-time-notice');

    await page.getByRole('checkbox', { name: /授权委托书/ }).check();
    await page.getByRole('checkbox', { name: /婚姻当事人身份证件复印件/ }).check();
    await expect.poll(() => outcome(page)).toBe('accept');
    expect(await page.getByTestId('outcome').textContent()).toContain('受理');
    expect(await page.getByTestId('missing-materials').count()).toBe(0);
    await shot(page, '04-accept');

    await page.getByRole('button', { name: '保存办件' }).click();
    const caseNumber = page.getByTestId('case-number');
    await expect.poll(() => caseNumber.textContent(), { timeout: 10_000 }).toMatch(/\S+/);
    expect(await page.getByTestId('mismatch').count()).toBe(0);
    expect(await page.getByTestId('saved').textContent()).toContain('服务器判定：予以受理');
    const listed = await (await fetch(`${t.base}/api/runtime/150102/intakes`, { headers: t.as.operator })).json() as { intakes?: { caseNumber: string }[] };
    expect(listed.intakes?.map((i) => i.caseNumber)).toContain(await caseNumber.textContent());
    await shot(page, '05-saved');

    const [doc] = await Promise.all([t.context.waitForEvent('page'), page.getByRole('button', { name: '打印受理通知书' }).click()]);
    await doc.waitForLoadState();
    await expect.poll(() => doc.content(), { timeout: 10_000 }).toContain('受理通知书');
    expect(await doc.content()).toContain((await caseNumber.textContent()) ?? '—');
    expect(await doc.content()).toContain('郝晓宇（身份证号码：1505**********0411）');
    await doc.screenshot({ path: join(TEST_ARTIFACTS, 'window-06-acceptance-notice.png') });
    await doc.close();

    // An attachment larger than the runtime accepts is refused with a message saying what to do.
    await page.getByLabel(/上传附件/).setInputFiles({ name: '扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(OVERSIZED_BYTES, 0x20) });
    const upload = page.getByTestId('upload-status');
    await expect.poll(() => upload.textContent(), { timeout: 20_000 }).toContain('文件太大');
    await shot(page, '07-upload-too-large');

    // The window's case queue shows the case with the applicant masked; its case page prints the notice.
    const saved = (await caseNumber.textContent()) ?? '';
    await page.goto(`${t.base}/window/150102`);
    const row = page.locator('.case-queue tr', { hasText: saved });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('婚姻登记档案查询');
    // The item names its applicant (查询人), so the list shows the requester, not the other party.
    expect(rowText).toContain('1505**********0411');
    expect(rowText).toContain('郝*');
    expect(rowText).not.toContain(applicant.requesterIdNumber);
    expect(rowText).not.toContain(applicant.partyIdNumber);
    await shot(page, '07b-case-list');
    await row.getByRole('link', { name: saved }).click();
    await expect.poll(() => page.getByTestId('case-page-number').textContent()).toBe(saved);
    const [fromList] = await Promise.all([t.context.waitForEvent('page'), page.getByRole('button', { name: '打印受理通知书' }).click()]);
    await expect.poll(() => fromList.content(), { timeout: 10_000 }).toContain(saved);
    await fromList.close();
    expect(unexpected(errors, [413])).toEqual([]);
    await page.close();
  });

  it('sends the police item to a police station', async () => {
    const { page, errors } = await t.open('/window/150102/SAMPLE-GA-0001');
    await signIn(page, 'operator');
    await page.getByRole('button', { name: /开始受理/ }).click();
    await expect.poll(() => outcome(page)).toBe('redirect');
    expect(await page.getByTestId('outcome').textContent()).toContain('请到指定渠道办理');
    expect(await page.locator('.decision').textContent()).toContain('公安派出所');
    expect(await page.getByRole('button', { name: '保存办件' }).isDisabled()).toBe(true);
    await shot(page, '08-redirect');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('gives the identical decision for the same input at a second banner', async () => {
    const decisions = [];
    for (const [division, who] of [['150102', 'operator'], ['152921', 'otherOperator']] as const) {
      const { page, errors } = await t.open(`/window/${division}/${ITEM}`);
      await signIn(page, who);
      await page.getByRole('button', { name: /开始受理/ }).click();
      await fillAgentApplication(page);
      await page.getByRole('checkbox', { name: /婚姻登记档案查询申请表/ }).check();
      await expect.poll(() => outcome(page)).toBe('supplement');
      decisions.push(await decisionJson(page));
      if (division === '152921') await shot(page, '09-second-banner');
      expect(unexpected(errors)).toEqual([]);
      await page.close();
    }
    const [a, b] = decisions as [Record<string, unknown>, Record<string, unknown>];
    expect(b.division).toBe('152921');
    expect({ ...b, division: a.division }).toEqual(a);
  });

  it('refuses an operator of another division with a clear message', async () => {
    const { page, errors } = await t.open('/window/150102');
    await signIn(page, 'otherOperator');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('无权在本区划（150102）受理办件');
    expect(await page.getByLabel('查找事项').count()).toBe(0);
    await shot(page, '10-wrong-division');
    expect(unexpected(errors, [403])).toEqual([]);
    await page.close();
  });

  it('evaluates on the public page without a token and offers no save', async () => {
    const { page, errors } = await t.open(`/window/public/150102/${ITEM}`);
    await expect.poll(() => page.getByRole('heading', { name: '婚姻登记档案查询办事指南' }).isVisible()).toBe(true);
    expect(await page.getByLabel('操作员令牌').count()).toBe(0);
    await page.getByRole('tab', { name: /在线自查/ }).click();
    await fillAgentApplication(page);
    await expect.poll(() => outcome(page)).toBe('supplement');
    expect(await page.getByTestId('missing-materials').getByRole('listitem').count()).toBe(4);
    expect(await page.getByRole('button', { name: '保存办件' }).count()).toBe(0);
    await shot(page, '11-public');
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });

  it('serves the app at /window/ and redirects / to it', async () => {
    const res = await fetch(`${t.base}/`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/window/');
    const { page, errors } = await t.open('/window/');
    await expect.poll(() => page.getByRole('link', { name: '新城区' }).isVisible()).toBe(true);
    await shot(page, '00-divisions');
    await page.getByRole('link', { name: '新城区' }).click();
    await expect.poll(() => page.url()).toBe(`${t.base}/window/150102`);
    expect(unexpected(errors)).toEqual([]);
    await page.close();
  });
});
