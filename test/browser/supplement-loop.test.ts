/**
 * The supplement loop (补正) in the window app, in a real chromium against the real installation:
 * a clerk at 新城区 saves an application missing the 授权委托书 (需补正) and the form locks; the
 * applicant completes it at 阿拉善左旗, whose window finds the case by its number, hands in the
 * material with its scan and accepts it there under the same number. Every screen is in Chinese.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserSuite, describeInChromium, TEST_ARTIFACTS, englishOn } from '../support/chromium.js';
import { PDF } from '../intake/fixtures.js';

const applicant = {
  requesterName: '郝晓宇',
  requesterIdNumber: '150502200001010411',
  phone: '15647520014',
  partyName: '陈晓梅',
  partyIdNumber: '150602197804020462',
  spouseName: '郝建军',
  registrationDivision: '150602',
};

describeInChromium('the supplement loop in the window app', () => {
  const tokenOf = (name: 'operator' | 'otherOperator') => t.as[name].Authorization.replace(/^Bearer /, '');
  const t = browserSuite({ webApps: ['runtime/web'], sampleCatalogueClaimedBy: ['150102', '152921'], viewport: { width: 1366, height: 900 } });

  async function signIn(page: Page, token: string): Promise<void> {
    await page.getByLabel('操作员令牌').fill(token);
    await page.getByRole('button', { name: '登录' }).click();
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(TEST_ARTIFACTS, `supplement-loop-${name}.png`), fullPage: true });

  it('locks the form once saved; an applicant turned away for a missing material at 新城区 completes the case at 阿拉善左旗', async () => {
    // 1. 新城区: the 授权委托书 is missing → 需补正, saved; the form is locked from then on.
    const { page: clerk, errors: clerkErrors } = await t.open('/window/150102/SAMPLE-MZ-0001');
    await signIn(clerk, tokenOf('operator'));
    await clerk.getByRole('button', { name: /开始受理/ }).click();
    await clerk.getByRole('radio', { name: '受当事人委托查询' }).check();
    for (const [field, value] of Object.entries(applicant)) await clerk.locator(`#root_${field}`).fill(value);
    await clerk.getByRole('radio', { name: '受当事人委托', exact: true }).check();
    await clerk.locator('#root_registrationType').selectOption({ label: '结婚登记' });
    await clerk.locator('#root_registrationDate').fill('2003-10-01');
    await clerk.locator('#root_purpose').selectOption({ label: '房产交易' });
    for (const material of [/婚姻登记档案查询申请表/, /查询人有效身份证件/, /婚姻当事人身份证件复印件/]) await clerk.getByRole('checkbox', { name: material }).check();
    await expect.poll(() => clerk.getByTestId('outcome').getAttribute('data-outcome')).toBe('supplement');
    expect(await clerk.locator('#root_requesterName').isDisabled()).toBe(false);
    await clerk.getByRole('button', { name: '保存办件' }).click();
    await expect.poll(() => clerk.getByTestId('case-number').textContent(), { timeout: 10_000 }).toMatch(/^TB150102\d{8}-\d{6}$/);
    const caseNumber = (await clerk.getByTestId('case-number').textContent()) ?? '';
    expect(await clerk.getByTestId('form-locked').textContent()).toContain(caseNumber);
    expect(await clerk.locator('#root_requesterName').isDisabled()).toBe(true);
    expect(await clerk.getByRole('checkbox', { name: /授权委托书/ }).isDisabled()).toBe(true);
    expect(await clerk.getByRole('radio', { name: '受当事人委托查询' }).isDisabled()).toBe(true);
    await shot(clerk, '01-saved-and-locked');
    // 受理下一件 unlocks a fresh form.
    await clerk.getByRole('button', { name: '受理下一件' }).click();
    await expect.poll(() => clerk.getByTestId('form-locked').count()).toBe(0);
    expect(await clerk.locator('#root_requesterName').isDisabled()).toBe(false);
    expect(clerkErrors).toEqual([]);

    // 2. 阿拉善左旗 finds the case by its number although it was received elsewhere.
    const { page: other, errors: otherErrors } = await t.open('/window/152921');
    await signIn(other, tokenOf('otherOperator'));
    await other.getByLabel('办件编号').fill(caseNumber);
    await other.getByRole('button', { name: '查询办件' }).click();
    const row = other.locator('.case-queue tbody tr', { hasText: caseNumber });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.textContent()).toContain('待补正');
    expect(await row.textContent()).toContain('郝**（1505**********0411）');
    await row.getByRole('link', { name: caseNumber }).click();
    await expect.poll(() => other.getByTestId('case-page-number').textContent()).toBe(caseNumber);
    expect(await other.getByTestId('case-status').textContent()).toBe('待补正');
    expect(await other.locator('.action-buttons button').allTextContents()).toEqual(['补正']);

    // 3. It hands in the 授权委托书 with its scan, decided on the version the case was opened with.
    await other.locator('.action-buttons').getByRole('button', { name: '补正', exact: true }).click();
    const form = other.getByTestId('event-form-supplement');
    expect(await form.getByRole('radio', { name: /按受理时的版本/ }).isChecked()).toBe(true);
    await form.getByRole('checkbox', { name: /授权委托书/ }).check();
    await form.locator('input[type=file][data-material="power-of-attorney"]').setInputFiles({ name: '授权委托书.pdf', mimeType: 'application/pdf', buffer: PDF });
    expect(await englishOn(other)).toEqual([]);
    await shot(other, '02-supplement-form');
    await form.getByRole('button', { name: '确认补正' }).click();
    await expect.poll(() => other.getByTestId('case-status').textContent(), { timeout: 10_000 }).toBe('已受理');
    expect(await other.getByTestId('case-page-number').textContent()).toBe(caseNumber);
    expect(await other.getByTestId('case-places').textContent()).toBe('阿拉善左旗 → 新城区');
    expect(await other.locator('.action-buttons button').allTextContents()).toEqual(['推送办理地', '作废']);
    const timeline = (await other.getByTestId('timeline').textContent()) ?? '';
    for (const text of ['窗口登记', '补正', '地点：阿拉善左旗', '经办人：阿拉善左旗窗口']) expect(timeline, text).toContain(text);
    expect(await englishOn(other)).toEqual([]);
    await shot(other, '03-accepted-at-another-banner');
    expect(otherErrors).toEqual([]);

    // The scan is on the same case, linked to its material; the event names it.
    const view = await (await fetch(`${t.base}/api/cases/${caseNumber}`, { headers: t.as.otherOperator })).json() as { timeline: { type: string; details: Record<string, any> }[] };
    const supplement = view.timeline.find((e) => e.type === 'supplement');
    expect(supplement?.details).toMatchObject({ outcome: 'accept', version: 'opened', receivingDivision: '152921', materials: ['power-of-attorney'], attachments: [{ materialId: 'power-of-attorney' }] });
    const intake = await (await fetch(`${t.base}/api/runtime/152921/intakes/${caseNumber}`, { headers: t.as.otherOperator })).json() as { attachments: { materialId?: string; name: string }[] };
    expect(intake.attachments).toEqual([expect.objectContaining({ materialId: 'power-of-attorney', name: '授权委托书.pdf' })]);
  });
});
