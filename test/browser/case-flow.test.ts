/**
 * Case flow (办件流转) in the window app, in a real chromium against the real installation: a
 * clerk at 新城区 accepts an application handled at 阿拉善左旗 and dispatches it; the 阿拉善左旗
 * window receives and forwards it; the department there decides and mails the result; the
 * applicant sees 已送达 on the public page. Every case screen is in Chinese.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { createPrincipal } from '../../engine/services/index.js';
import { browserSuite, describeInChromium, TEST_ARTIFACTS, unexpectedErrors, englishOn } from '../support/chromium.js';
import { movableClock } from '../support/movable-clock.js';

/** 婚姻登记档案查询 (内蒙古自治区民政厅): at 阿拉善左旗 its approving department is 阿拉善左旗民政局. */
const DEPARTMENT = '阿拉善左旗民政局';
const ORIGINALS_TRACKING = 'EMS1000000001';
const RESULT_TRACKING = 'EMS2000000002';
const RESULT_NUMBER = 'ALS-MZ-2026-0001';
/** Latin by nature on this flow's screens, besides case and item numbers: tracking and result numbers. */
const FLOW_CODES = [/EMS\d+/g, new RegExp(RESULT_NUMBER, 'g')];

const applicant = {
  requesterName: '郝晓宇',
  requesterIdNumber: '150502200001010411',
  phone: '15647520014',
  partyName: '陈晓梅',
  partyIdNumber: '150602197804020462',
  spouseName: '郝建军',
  registrationDivision: '150602',
};

describeInChromium('case flow in the window app', () => {
  let handlerToken: string;
  const time = movableClock();
  const tokenOf = (name: 'operator' | 'otherOperator') => t.as[name].Authorization.replace(/^Bearer /, '');
  const t = browserSuite({
    webApps: ['runtime/web'],
    clock: time.clock,
    sampleCatalogueClaimedBy: ['150102', '152921'],
    viewport: { width: 1366, height: 900 },
    seed: async (t) => {
      ({ token: handlerToken } = await createPrincipal({
        store: t.store, input: { id: 'handler-alxa-left-mz', name: '郑审批', role: 'handler', department: DEPARTMENT, division: '152921' }, actor: 'test-setup',
      }));
    },
  });

  /** Console errors other than the HTTP refusals a step provokes on purpose. */
  const unexpected = unexpectedErrors;

  const shot = (page: Page, name: string) => page.screenshot({ path: join(TEST_ARTIFACTS, `case-flow-${name}.png`), fullPage: true });

  /**
   * Signs in with `token`, unless the tab opened signed in already: the browser's latest sign-in
   * stays signed in for the day in a new tab when that person works at this desk.
   */
  async function signIn(page: Page, token: string, label = '操作员令牌'): Promise<void> {
    const form = page.getByLabel(label);
    const signedIn = page.getByTestId('signed-in-as');
    await expect.poll(async () => (await form.count()) + (await signedIn.count()), { timeout: 10_000 }).toBeGreaterThan(0);
    if ((await signedIn.count()) > 0) return;
    await form.fill(token);
    await page.getByRole('button', { name: '登录' }).click();
  }

  const status = (page: Page) => page.getByTestId('case-status').textContent();
  const actionButtons = (page: Page) => page.locator('.action-buttons button').allTextContents();

  /** Opens an action's form, fills it and confirms it. */
  async function act(page: Page, action: string, fill: (form: Locator) => Promise<void> = async () => undefined): Promise<void> {
    await page.locator('.action-buttons').getByRole('button', { name: action, exact: true }).click();
    const form = page.locator('.event-form');
    await fill(form);
    await form.getByRole('button', { name: `确认${action}` }).click();
  }

  it('carries a case from a window at 新城区 to 阿拉善左旗 and its department, to 送达, all in Chinese', async () => {
    // 1. The 新城区 clerk accepts the application and names 阿拉善左旗 as the handling place.
    const { page: clerk, errors: clerkErrors } = await t.open('/window/150102/SAMPLE-MZ-0001');
    await signIn(clerk, tokenOf('operator'));
    await clerk.getByRole('button', { name: /开始受理/ }).click();
    await clerk.getByRole('radio', { name: '受当事人委托查询' }).check();
    for (const [field, value] of Object.entries(applicant)) await clerk.locator(`#root_${field}`).fill(value);
    await clerk.getByRole('radio', { name: '受当事人委托', exact: true }).check();
    await clerk.locator('#root_registrationType').selectOption({ label: '结婚登记' });
    await clerk.locator('#root_registrationDate').fill('2003-10-01');
    await clerk.locator('#root_purpose').selectOption({ label: '房产交易' });
    for (const material of [/婚姻登记档案查询申请表/, /查询人有效身份证件/, /授权委托书/, /婚姻当事人身份证件复印件/]) await clerk.getByRole('checkbox', { name: material }).check();
    await expect.poll(() => clerk.getByTestId('outcome').getAttribute('data-outcome')).toBe('accept');

    const place = clerk.getByLabel('办理地');
    expect(await place.inputValue()).toBe('150102');
    expect(await clerk.getByTestId('handling-hint').textContent()).toContain('本地受理、本地办理');
    await place.selectOption({ label: '阿拉善左旗' });
    await expect.poll(() => clerk.getByTestId('handling-hint').textContent()).toContain(`收受分离：本窗口受理后推送至阿拉善左旗办理。审批部门：${DEPARTMENT}`);
    await clerk.getByRole('button', { name: '保存办件' }).click();
    await expect.poll(() => clerk.getByTestId('case-number').textContent(), { timeout: 10_000 }).toMatch(/^TB150102\d{8}-\d{6}$/);
    const caseNumber = (await clerk.getByTestId('case-number').textContent()) ?? '';
    const savedCase = (await clerk.getByTestId('saved-case').textContent()) ?? '';
    expect(savedCase).toContain('办件状态：已受理');
    expect(savedCase).toContain(`新城区 → 阿拉善左旗，${DEPARTMENT}`);
    expect(savedCase).toMatch(/承诺办结日期 \d{4}年\d{1,2}月\d{1,2}日/);
    await shot(clerk, '01-saved-with-handling-place');

    // The acceptance notice prints the promised due date of the case (and the calendar note when a year is missing).
    const view = await (await fetch(`${t.base}/api/cases/${caseNumber}`, { headers: t.as.operator })).json() as { promisedDue: string; calendarMissing?: number[]; handling: { department: string } };
    expect(view.handling.department).toBe(DEPARTMENT);
    const [y, m, d] = view.promisedDue.split('-');
    const [notice] = await Promise.all([t.context.waitForEvent('page'), clerk.getByRole('button', { name: '打印受理通知书' }).click()]);
    await expect.poll(() => notice.content(), { timeout: 10_000 }).toContain('承诺办结日期');
    const noticeHtml = await notice.content();
    expect(noticeHtml).toContain(`${y}年${Number(m)}月${Number(d)}日前`);
    expect(noticeHtml).toContain(`转${DEPARTMENT}（阿拉善盟阿拉善左旗）办理（收受分离）`);
    if (view.calendarMissing) expect(noticeHtml).toContain(`${view.calendarMissing.join('、')} 年节假日安排尚未载入`);
    else expect(noticeHtml).not.toContain('尚未载入');
    await notice.close();

    // 2. Its case page offers only what the 受理地 may do now; dispatch needs the originals' tracking number.
    await clerk.getByRole('link', { name: '打开办件 →' }).click();
    await expect.poll(() => clerk.getByTestId('case-page-number').textContent()).toBe(caseNumber);
    expect(await status(clerk)).toBe('已受理');
    expect(await clerk.getByTestId('case-places').textContent()).toBe('新城区 → 阿拉善左旗');
    expect(await clerk.getByTestId('case-promised-due').textContent()).toBe(`${y}年${Number(m)}月${Number(d)}日`);
    expect(await actionButtons(clerk)).toEqual(['推送办理地', '作废']);
    expect(await clerk.getByTestId('stage-dispatch').textContent()).toContain('推送办理地');
    expect(await clerk.getByTestId('stage-mail-originals').textContent()).toContain('寄递纸质原件');
    await clerk.locator('.action-buttons').getByRole('button', { name: '推送办理地' }).click();
    expect(await clerk.locator('.event-form').textContent()).toContain('婚姻登记档案查询申请表');
    await clerk.locator('.event-form').getByRole('button', { name: '确认推送办理地' }).click();
    // The server's 422 lands next to the field it is about.
    await expect.poll(() => clerk.locator('#event-trackingNumber-error').textContent()).toMatch(/\S/);
    expect(await clerk.getByTestId('event-error').textContent()).toContain('推送办理地未提交');
    await shot(clerk, '02-dispatch-needs-tracking');
    await clerk.locator('#event-trackingNumber').fill(ORIGINALS_TRACKING);
    await clerk.locator('#event-comment').fill('原件已核验');
    await clerk.locator('.event-form').getByRole('button', { name: '确认推送办理地' }).click();
    await expect.poll(() => status(clerk)).toBe('流转中');
    expect(await actionButtons(clerk)).toEqual([]);
    expect(await clerk.getByTestId('no-actions').textContent()).toContain('阿拉善左旗');
    const clerkTimeline = (await clerk.getByTestId('timeline').textContent()) ?? '';
    for (const text of ['窗口登记', '推送办理地', '地点：新城区', '经办人：新城区窗口（窗口）', `邮寄单号：${ORIGINALS_TRACKING}`, '意见：原件已核验']) expect(clerkTimeline, text).toContain(text);
    expect(await englishOn(clerk, FLOW_CODES)).toEqual([]);
    await shot(clerk, '03-dispatched');

    // The clerk finds the case by the applicant's ID number, shown masked only.
    await clerk.getByRole('link', { name: '← 返回办件队列' }).click();
    await clerk.getByLabel('申请人身份证号码').fill(applicant.requesterIdNumber);
    await clerk.getByRole('button', { name: '按申请人查询' }).click();
    const found = clerk.locator('.case-queue tbody tr', { hasText: caseNumber });
    await expect.poll(() => found.count()).toBe(1);
    const foundText = (await found.textContent()) ?? '';
    expect(foundText).toContain('郝**（1505**********0411）');
    expect(foundText).toContain('流转中');
    expect(await clerk.locator('.case-queue').textContent()).not.toContain(applicant.requesterIdNumber);
    expect(await englishOn(clerk, FLOW_CODES)).toEqual([]);
    // The window exports its overdue report; nothing is late yet.
    const [download] = await Promise.all([clerk.waitForEvent('download'), clerk.getByRole('button', { name: '导出超期办件报表' }).click()]);
    expect(download.suggestedFilename()).toBe('超期办件-150102.csv');
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('超期环节');
    expect(csv).not.toContain(caseNumber);
    expect(unexpected(clerkErrors, [422])).toEqual([]);

    // 3. The 阿拉善左旗 window sees it waiting to be received; a second, stale tab loses the race with 409.
    const { page: alxa, errors: alxaErrors } = await t.open('/window/152921');
    await signIn(alxa, tokenOf('otherOperator'));
    // 待办理 first (everything this window must act on), 待接收 the cases pushed to it.
    expect(await alxa.getByRole('tab', { name: '待办理' }).getAttribute('aria-selected')).toBe('true');
    await alxa.getByRole('tab', { name: '待接收' }).click();
    const waiting = alxa.locator('.case-queue tbody tr', { hasText: caseNumber });
    await expect.poll(() => waiting.count(), { timeout: 10_000 }).toBe(1);
    const waitingText = (await waiting.textContent()) ?? '';
    for (const text of ['婚姻登记档案查询', '新城区 → 阿拉善左旗', DEPARTMENT, '流转中']) expect(waitingText, text).toContain(text);
    // The stage due first and its date.
    expect(waitingText).toMatch(/(推送审批部门|审批办结)：\d{4}年\d{1,2}月\d{1,2}日/);
    expect(await englishOn(alxa, FLOW_CODES)).toEqual([]);
    await shot(alxa, '04-to-receive');
    const { page: stale, errors: staleErrors } = await t.open(`/window/152921/cases/${caseNumber}`);
    await signIn(stale, tokenOf('otherOperator'));
    await expect.poll(() => actionButtons(stale)).toEqual(['接收办件', '退回']);

    await waiting.getByRole('link', { name: caseNumber }).click();
    await expect.poll(() => actionButtons(alxa)).toEqual(['接收办件', '退回']);
    await act(alxa, '接收办件');
    await expect.poll(() => status(alxa)).toBe('办理地已接收');
    await act(stale, '接收办件');
    await expect.poll(() => stale.getByTestId('event-error').textContent()).toContain('接收办件未提交');
    await stale.getByRole('button', { name: '刷新办件' }).click();
    await expect.poll(() => status(stale)).toBe('办理地已接收');
    expect(unexpected(staleErrors, [409])).toEqual([]);
    await stale.close();

    expect(await actionButtons(alxa)).toEqual(['推送审批部门', '退回']);
    await act(alxa, '推送审批部门', async (form) => { await form.locator('#event-comment').fill('材料齐全，请审批'); });
    await expect.poll(() => status(alxa)).toBe('审批中');
    expect(await alxa.getByTestId('no-actions').textContent()).toContain(DEPARTMENT);
    expect(await englishOn(alxa, FLOW_CODES)).toEqual([]);
    await shot(alxa, '05-forwarded');
    expect(unexpected(alxaErrors)).toEqual([]);

    // 4. The department signs in at its desk, decides 准予 with a number and mails the result.
    const { page: dept, errors: deptErrors } = await t.open('/window/department/152921');
    await expect.poll(() => dept.getByRole('heading', { name: '审批部门登录' }).isVisible()).toBe(true);
    await signIn(dept, handlerToken, '审批人员令牌');
    expect(await dept.getByRole('tab', { name: '待审批' }).getAttribute('aria-selected')).toBe('true');
    const toDecide = dept.locator('.case-queue tbody tr', { hasText: caseNumber });
    await expect.poll(() => toDecide.count(), { timeout: 10_000 }).toBe(1);
    expect(await toDecide.textContent()).toContain('审批中');
    expect(await englishOn(dept, FLOW_CODES)).toEqual([]);
    await shot(dept, '06-department-queue');
    await toDecide.getByRole('link', { name: caseNumber }).click();
    await expect.poll(() => actionButtons(dept)).toEqual(['审批', '退回']);
    await act(dept, '审批', async (form) => {
      await form.getByRole('radio', { name: '准予' }).check();
      await form.locator('#event-resultNumber').fill(RESULT_NUMBER);
    });
    await expect.poll(() => status(dept)).toBe('已办结');
    expect(await dept.getByTestId('case-decision').textContent()).toContain(`准予`);
    expect(await dept.getByTestId('case-decision').textContent()).toContain(RESULT_NUMBER);
    expect(await actionButtons(dept)).toEqual(['送达']);
    await dept.locator('.action-buttons').getByRole('button', { name: '送达' }).click();
    expect(await dept.locator('.event-form').getByRole('radio', { name: '邮寄送达' }).isChecked()).toBe(true);
    await dept.locator('#event-trackingNumber').fill(RESULT_TRACKING);
    await dept.locator('.event-form').getByRole('button', { name: '确认送达' }).click();
    await expect.poll(() => status(dept)).toBe('已送达');
    expect(await dept.getByTestId('no-actions').textContent()).toContain('本件已办结流转');
    const timeline = dept.getByTestId('timeline').locator('li');
    expect(await timeline.count()).toBe(6);
    const steps = await timeline.allTextContents();
    const expected: [string, string][] = [
      ['窗口登记', '经办人：新城区窗口'], ['推送办理地', '经办人：新城区窗口'], ['办理地接收', '经办人：阿拉善左旗窗口'],
      ['推送审批部门', '经办人：阿拉善左旗窗口'], ['审批办结', '经办人：郑审批（审批部门）'], ['送达', '经办人：郑审批（审批部门）'],
    ];
    expected.forEach(([what, who], i) => {
      expect(steps[i]).toContain(what);
      expect(steps[i]).toContain(who);
      // Asia/Shanghai local time, e.g. 2026/12/2 08:34:56
      expect(steps[i]).toMatch(/\d{4}\/\d{1,2}\/\d{1,2} \d{2}:\d{2}:\d{2}/);
    });
    expect(steps[4]).toContain(`地点：阿拉善左旗 · ${DEPARTMENT}`);
    expect(steps[4]).toContain(`审批结果：准予`);
    expect(steps[5]).toContain(`送达方式：邮寄送达；邮寄单号：${RESULT_TRACKING}`);
    expect(await dept.getByTestId('integrity-warning').count()).toBe(0);
    expect(await englishOn(dept, FLOW_CODES)).toEqual([]);
    await shot(dept, '07-delivered');
    expect(unexpected(deptErrors)).toEqual([]);

    // 5. The applicant looks the case up with the last four characters of the ID number.
    const { page: lookup, errors: lookupErrors } = await t.open('/window/public/150102');
    await lookup.getByLabel('办件编号').fill(caseNumber);
    await lookup.getByLabel('身份证号码后四位').fill('1234');
    await lookup.getByRole('button', { name: '查询进度' }).click();
    await expect.poll(() => lookup.getByRole('alert').textContent()).toContain('未查询到办件');
    await lookup.getByLabel('身份证号码后四位').fill('0411');
    await lookup.getByRole('button', { name: '查询进度' }).click();
    await expect.poll(() => lookup.getByTestId('progress-status').textContent()).toBe('已送达');
    const progress = (await lookup.getByTestId('progress-result').textContent()) ?? '';
    for (const text of [caseNumber, '婚姻登记档案查询', `${y}年${Number(m)}月${Number(d)}日`, `阿拉善左旗 · ${DEPARTMENT}`]) expect(progress, text).toContain(text);
    expect(progress).not.toContain('郝晓宇');
    expect(await englishOn(lookup, FLOW_CODES)).toEqual([]);
    await shot(lookup, '08-public-progress');
    expect(unexpected(lookupErrors, [404])).toEqual([]);
    for (const page of [clerk, alxa, dept, lookup]) await page.close();
  });

  it('flags a case the 受理地 has not dispatched in time as 超期, and voids it only with a reason', async () => {
    const saved = await fetch(`${t.base}/api/runtime/150102/intakes`, {
      method: 'POST', headers: { ...t.as.operator, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        code: 'SAMPLE-MZ-0001', scenario: 'by-agent', handlingDivision: '152921',
        formData: { ...applicant, requesterRelation: '受当事人委托', registrationType: '结婚登记', registrationDate: '2003-10-01', purpose: '房产交易' },
        materials: ['application-form', 'id-card', 'power-of-attorney', 'party-id'],
      }),
    });
    expect(saved.status).toBe(201);
    const { intake: { caseNumber } } = await saved.json() as { intake: { caseNumber: string } };
    time.advanceDays(7);

    const { page, errors } = await t.open('/window/150102');
    await signIn(page, tokenOf('operator'));
    await page.getByRole('tab', { name: '已超期' }).click();
    const late = page.locator('.case-queue tbody tr', { hasText: caseNumber });
    await expect.poll(() => late.count(), { timeout: 10_000 }).toBe(1);
    expect(await late.locator('.badge.overdue').textContent()).toBe('超期');
    expect(await late.textContent()).toMatch(/：\d{4}年\d{1,2}月\d{1,2}日超期/);
    await shot(page, '09-overdue-queue');
    await late.getByRole('link', { name: caseNumber }).click();
    await expect.poll(() => page.getByTestId('case-page-number').textContent()).toBe(caseNumber);
    expect(await page.locator('.case-header .badge.overdue').textContent()).toBe('超期');
    expect(await page.getByTestId('stage-dispatch').locator('.badge.overdue').count()).toBe(1);

    // 作废 needs a reason: the server's 422 is shown at the reason field.
    await act(page, '作废');
    await expect.poll(() => page.locator('#event-reason-error').textContent()).toMatch(/\S/);
    await page.locator('#event-reason').fill('申请人撤回申请');
    await page.locator('.event-form').getByRole('button', { name: '确认作废' }).click();
    await expect.poll(() => status(page)).toBe('已作废');
    expect(await page.getByTestId('timeline').textContent()).toContain('原因：申请人撤回申请');
    expect(await englishOn(page, FLOW_CODES)).toEqual([]);
    await shot(page, '10-voided');
    expect(unexpected(errors, [422])).toEqual([]);
    await page.close();
  });
});
