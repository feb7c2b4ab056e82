/**
 * 容缺受理 in the window app, in a real chromium against the real installation: a clerk at 新城区
 * takes a 失业登记 application without the 解除劳动关系证明 (容缺后补), sees 容缺受理 — and 需补正 once
 * the applicant is marked 失信 —, saves it, records the applicant's commitment on the case page,
 * prints the 承诺书 and the 容缺受理通知书, and records the material when it arrives. A second case
 * whose deadline passes shows the standard's consequence. Every screen is in Chinese.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { officialWorkingCalendar, todayInRegion } from '../../engine/core/index.js';
import { browserSuite, describeInChromium, TEST_ARTIFACTS, englishOn } from '../support/chromium.js';
import { movableClock } from '../support/movable-clock.js';

const CONSEQUENCE = '逾期未补齐的，视为撤回申请，终止办理';

const applicant = {
  applicantName: '王建国', applicantIdNumber: '150102198506151234', phone: '13904710001', residenceDivision: '150102',
  residenceAddress: '呼和浩特市新城区海拉尔东路街道某小区3号楼2单元501室',
};

const chinese = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

describeInChromium('容缺受理 in the window app', () => {
  const time = movableClock();
  const t = browserSuite({ webApps: ['runtime/web'], clock: time.clock, sampleCatalogueClaimedBy: ['150102'], viewport: { width: 1366, height: 900 } });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(TEST_ARTIFACTS, `deferred-acceptance-${name}.png`), fullPage: true });
  const token = () => t.as.operator.Authorization.replace(/^Bearer /, '');
  const actionButtons = (page: Page) => page.locator('.action-buttons button').allTextContents();

  it('accepts on commitment, refuses it for a 失信 applicant, records the commitment, prints both documents and the material that arrives', async () => {
    const { page: clerk, errors } = await t.open('/window/150102/SAMPLE-RS-0001');
    await clerk.getByLabel('操作员令牌').fill(token());
    await clerk.getByRole('button', { name: '登录' }).click();
    await clerk.getByRole('button', { name: /开始受理/ }).click();
    await clerk.getByRole('radio', { name: '与用人单位解除或终止劳动关系后失业' }).check();
    for (const [field, value] of Object.entries(applicant)) await clerk.locator(`#root_${field}`).fill(value);
    await clerk.getByRole('radio', { name: '本自治区户籍' }).check();
    await clerk.locator('#root_education').selectOption({ label: '大学专科' });
    await clerk.locator('#root_unemploymentReason').selectOption({ label: '与用人单位解除或终止劳动关系' });
    await clerk.locator('#root_formerEmployer').fill('呼和浩特市某机械制造有限公司');
    await clerk.locator('#root_terminationDate').fill('2025-02-28');
    for (const material of [/居民身份证或社会保障卡/, /失业登记表/]) await clerk.getByRole('checkbox', { name: material }).check();

    await expect.poll(() => clerk.getByTestId('outcome').getAttribute('data-outcome')).toBe('accept-on-commitment');
    expect(await clerk.getByTestId('outcome').textContent()).toBe('容缺受理');
    expect(await clerk.getByTestId('deferral').textContent()).toContain('所缺「解除或终止劳动关系证明」为容缺后补材料');
    // Marked 失信: the same application is told to supplement.
    const credit = clerk.getByRole('checkbox', { name: '申请人列入失信名单（不适用容缺受理）' });
    await credit.check();
    await expect.poll(() => clerk.getByTestId('outcome').getAttribute('data-outcome')).toBe('supplement');
    expect(await clerk.getByTestId('deferral').textContent()).toContain('失信');
    await shot(clerk, '01-credit-refused');
    await credit.uncheck();
    await expect.poll(() => clerk.getByTestId('outcome').getAttribute('data-outcome')).toBe('accept-on-commitment');

    await clerk.getByRole('button', { name: '保存办件' }).click();
    await expect.poll(() => clerk.getByTestId('case-number').textContent(), { timeout: 10_000 }).toMatch(/^TB150102\d{8}-\d{6}$/);
    const caseNumber = (await clerk.getByTestId('case-number').textContent()) ?? '';
    expect(await clerk.getByTestId('mismatch').count()).toBe(0);
    const latest = officialWorkingCalendar.addWorkingDays(todayInRegion(time.clock()), 10).date;
    expect(await clerk.getByTestId('commitment-next').textContent()).toContain(`最迟 ${chinese(latest)}`);
    expect(await clerk.getByRole('button', { name: /^打印/ }).count()).toBe(0);
    await shot(clerk, '02-saved');

    // The case page: nothing moves, nothing prints, until the commitment is recorded.
    await clerk.getByRole('link', { name: '登记容缺承诺 →' }).click();
    await expect.poll(() => clerk.getByTestId('case-page-number').textContent()).toBe(caseNumber);
    expect(await clerk.getByTestId('commitment-state').textContent()).toBe('待登记承诺');
    expect(await actionButtons(clerk)).toEqual(['登记容缺承诺', '作废']);
    expect(await clerk.getByRole('button', { name: /^打印/ }).count()).toBe(0);
    await clerk.locator('.action-buttons').getByRole('button', { name: '登记容缺承诺' }).click();
    const form = clerk.locator('.event-form');
    expect(await form.textContent()).toContain(CONSEQUENCE);
    expect(await clerk.locator('#event-supplementBy').inputValue()).toBe(latest);
    await form.getByRole('button', { name: '确认登记容缺承诺' }).click();
    await expect.poll(() => clerk.getByTestId('commitment-state').textContent()).toBe('待补齐容缺材料');
    expect(await clerk.getByTestId('commitment-deadline').textContent()).toBe(`${chinese(latest)}前`);
    expect(await clerk.getByTestId('commitment-consequence').textContent()).toBe(CONSEQUENCE);
    expect(await clerk.getByTestId('stage-commitment').textContent()).toContain('容缺材料补齐');
    expect(await actionButtons(clerk)).toEqual(['推送审批部门', '作废', '容缺材料补齐']);
    expect(await clerk.getByTestId('timeline').textContent()).toContain(`承诺补齐期限：${chinese(latest)}`);
    await shot(clerk, '03-committed');

    const [letter] = await Promise.all([t.context.waitForEvent('page'), clerk.getByRole('button', { name: '打印容缺受理承诺书' }).click()]);
    await expect.poll(() => letter.content(), { timeout: 10_000 }).toContain('承诺人（签名或盖章）');
    const letterHtml = await letter.content();
    for (const text of ['容缺受理承诺书', '解除或终止劳动关系证明', `${chinese(latest)}前补齐`, CONSEQUENCE]) expect(letterHtml, text).toContain(text);
    await letter.close();
    const [notice] = await Promise.all([t.context.waitForEvent('page'), clerk.getByRole('button', { name: '打印容缺受理通知书' }).click()]);
    await expect.poll(() => notice.content(), { timeout: 10_000 }).toContain('现决定予以容缺受理');
    expect(await notice.content()).toContain('逾期未补齐的处理');
    await notice.close();

    await clerk.locator('.action-buttons').getByRole('button', { name: '容缺材料补齐' }).click();
    expect(await clerk.getByRole('checkbox', { name: '解除或终止劳动关系证明' }).isChecked()).toBe(true);
    await clerk.locator('.event-form').getByRole('button', { name: '确认容缺材料补齐' }).click();
    await expect.poll(() => clerk.getByTestId('commitment-state').textContent()).toBe('容缺材料已补齐');
    expect(await actionButtons(clerk)).toEqual(['推送审批部门', '作废']);
    expect(await clerk.getByTestId('commitment-overdue').count()).toBe(0);
    expect(await englishOn(clerk)).toEqual([]);
    await shot(clerk, '04-fulfilled');
    expect(errors).toEqual([]);
  });

  it('shows a case whose material did not arrive in time as overdue, naming the standard’s consequence', async () => {
    const body = {
      code: 'SAMPLE-RS-0001', scenario: 'after-termination', materials: ['id-card', 'registration-form'],
      formData: { ...applicant, householdRegistration: '本自治区户籍', unemploymentReason: '与用人单位解除或终止劳动关系', formerEmployer: '呼和浩特市某机械制造有限公司', terminationDate: '2025-02-28' },
    };
    const saved = await request('/api/runtime/150102/intakes', body);
    expect(saved.decision.outcome).toBe('accept-on-commitment');
    const caseNumber = saved.intake.caseNumber as string;
    const committed = await fetch(`${t.base}/api/cases/${caseNumber}/events`, {
      method: 'POST', headers: { ...t.as.operator, 'Content-Type': 'application/json' }, body: JSON.stringify({ type: 'commit', supplementBy: todayInRegion(time.clock()) }),
    });
    expect(committed.status).toBe(201);
    time.advanceDays(3);
    const { page, errors } = await t.open(`/window/150102/cases/${caseNumber}`);
    // Three days on by the server's clock the clerk's session has ended: the window asks to sign in again.
    await expect.poll(async () => (await page.getByLabel('操作员令牌').count()) + (await page.getByTestId('signed-in-as').count()), { timeout: 10_000 }).toBeGreaterThan(0);
    if (await page.getByLabel('操作员令牌').count()) {
      await page.getByLabel('操作员令牌').fill(token());
      await page.getByRole('button', { name: '登录' }).click();
    }
    await expect.poll(() => page.getByTestId('commitment-state').textContent(), { timeout: 10_000 }).toBe('逾期未补齐');
    expect(await page.getByTestId('commitment-overdue').textContent()).toContain(CONSEQUENCE);
    expect(await page.getByTestId('stage-commitment').textContent()).toContain('超期');
    expect(await page.locator('.case-header .badge.overdue').count()).toBe(1);
    expect(await englishOn(page)).toEqual([]);
    await shot(page, '05-overdue');
    expect(errors).toEqual([]);
  });

  async function request(path: string, json: object): Promise<Record<string, any>> {
    const res = await fetch(`${t.base}${path}`, { method: 'POST', headers: { ...t.as.operator, 'Content-Type': 'application/json' }, body: JSON.stringify(json) });
    expect(res.status).toBe(201);
    return res.json() as Promise<Record<string, any>>;
  }
});
