// The legality reviewer's view in a real chromium: a draft that raises the retirement age from 60 to
// 63 reads 「年龄 不小于 60 → 不小于 63」 under the rule's Chinese name, the impact analysis counts the
// recorded decisions it would change and names the rule that causes it; a new item, which has
// nothing to compare with, reads in full prose.
import type { Page } from 'playwright-core';
import request from 'supertest';
import { expect, it } from 'vitest';
import { labelOf, roles } from '../../engine/core/index.js';
import { retirementAgeConfig } from '../fixtures/retirement-age.js';
import { publishThroughApi } from '../http/designer-api.js';
import { browserSuite, describeInChromium, TEST_ARTIFACTS, unexpectedErrors } from '../support/chromium.js';
import { TEST_PRINCIPALS } from '../support/installation.js';

const CODE = 'REVIEW-AGE-1';
const NEW_CODE = 'REVIEW-NEW-1';
const ADULT = '11010519491231002X';

describeInChromium('the reviewer reads the diff and its impact', () => {
  const t = browserSuite({
    webApps: ['designer/web'],
    viewport: { width: 1366, height: 900 },
    seed: async (t) => {
      await publishThroughApi(t, retirementAgeConfig(CODE, 60));
      expect((await request(t.app).put(`/api/localities/150102/claims/${CODE}`).set(t.as.operator).send({})).status).toBe(200);
      // Four decisions of version 1: one accepted (55), three refused (61, 62, 65).
      for (const age of [55, 61, 62, 65]) {
        const res = await request(t.app).post(`/api/runtime/150102/items/${CODE}/evaluate`).set(t.as.operator)
          .send({ scenario: 'self', formData: { name: '王五', idNumber: ADULT, phone: '13912345678', employmentType: '个体经营', age }, materials: ['id-card'], date: '2025-06-01' });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
      // The author raises the threshold and submits; a second author drafts a new item.
      const draft = retirementAgeConfig(CODE, 63);
      expect((await request(t.app).put(`/api/items/${CODE}/draft`).set(t.as.author).send(draft)).status).toBe(201);
      const submitted = await request(t.app).post(`/api/items/${CODE}/draft/submit`).set(t.as.author);
      expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
      expect((await request(t.app).put(`/api/items/${NEW_CODE}/draft`).set(t.as.author).send(retirementAgeConfig(NEW_CODE, 60))).status).toBe(201);
    },
  });

  async function openReview(code: string): Promise<{ page: Page; errors: string[] }> {
    const watched = await t.open(`/designer/`);
    const { page } = watched;
    const tokenField = page.getByLabel('访问令牌');
    const dashboard = page.getByRole('heading', { name: '全部事项' });
    await tokenField.or(dashboard).first().waitFor();
    // A tab of the same browser may already be signed in.
    if (await tokenField.isVisible()) {
      await tokenField.fill(t.as.reviewer.Authorization.replace(/^Bearer /, ''));
      // The sign-in may ask for the role (older screens) or learn it from the server (GET /api/me).
      const role = page.getByLabel(labelOf(roles, 'reviewer'));
      if ((await role.count()) > 0) await role.check();
      await page.getByRole('button', { name: '登录' }).click();
      await dashboard.waitFor();
    }
    await page.goto(`${t.base}/designer/items/${code}?tab=review`);
    return watched;
  }

  it('shows the raised threshold as a sentence under the rule’s Chinese name, and the decisions it would change with the rule named', async () => {
    const { page, errors } = await openReview(CODE);
    const diff = page.getByLabel('与第 1 版的差异');
    await diff.waitFor();
    // People by name, not by principal id.
    await page.getByText(`编制：${TEST_PRINCIPALS.author.name}`).waitFor();
    const rules = diff.getByRole('region', { name: '受理规则', exact: true });
    expect(await rules.textContent()).toContain('修改 受理规则「已达退休年龄」');
    expect(await rules.textContent()).toContain('条件：年龄 不小于 60 → 不小于 63');
    // Nothing of the programmer's diff leaks: no rule id, no pointer, no operator name.
    expect(await diff.textContent()).not.toMatch(/retired|\/conditions|greaterThanInclusive/);

    const impact = page.getByTestId('impact');
    await impact.getByText('件结果改变').waitFor();
    expect(await impact.locator('.impact-count').textContent()).toBe('第 1 版已记录的 4 件受理决定中，按草稿重新判断将有 2 件结果改变。');
    expect(await impact.locator('.impact-transitions').textContent()).toBe('不予受理 → 予以受理：2 件');
    expect(await impact.locator('.impact-causes').textContent()).toBe('受理规则「已达退休年龄」不再触发（2 件）');
    await impact.getByText('逐件查看（2 件）').click();
    expect(await impact.locator('tbody tr').count()).toBe(2);
    expect(await impact.locator('tbody tr').first().textContent()).toContain('新城区');
    await page.screenshot({ path: `${TEST_ARTIFACTS}review-diff-impact.png`, fullPage: true });
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('shows a version against the one before in the version history as the review tab does: by section, in the reviewer’s words', async () => {
    const code = 'REVIEW-HIST-1';
    await publishThroughApi(t, retirementAgeConfig(code, 60));
    await publishThroughApi(t, retirementAgeConfig(code, 63));
    const { page, errors } = await openReview(code);
    await page.goto(`${t.base}/designer/items/${code}?tab=history`);
    await page.getByRole('button', { name: '与上一版比较' }).first().click();
    const diff = page.getByLabel('第 1 版与第 2 版的差异');
    await diff.waitFor();
    expect(await diff.locator('p').first().textContent()).toMatch(/^共 \d+ 处变更（.*修改 \d+.*）。 ?可能改变受理结果。$/);
    const rules = diff.getByRole('region', { name: '受理规则', exact: true });
    expect(await rules.locator('h3').textContent()).toMatch(/^受理规则（\d+ 处）$/);
    expect(await rules.textContent()).toContain('修改 受理规则「已达退休年龄」');
    expect(await rules.textContent()).toContain('条件：年龄 不小于 60 → 不小于 63');
    expect(await rules.locator('.badge.decides').first().textContent()).toBe('影响受理');
    // The plain-text report is gone: no preformatted block, no rule id, pointer or operator name.
    expect(await page.locator('pre.diff').count()).toBe(0);
    expect(await diff.textContent()).not.toMatch(/retired|\/conditions|greaterThanInclusive/);
    expect(unexpectedErrors(errors)).toEqual([]);
  });

  it('tells a new item in full prose: standard, materials, form and rules', async () => {
    const { page, errors } = await openReview(NEW_CODE);
    const description = page.getByLabel('新设立事项的完整内容');
    await description.waitFor();
    const text = (await description.textContent()) ?? '';
    for (const part of ['事项标准', '承诺办理时限', '申请材料「居民身份证」', '办理情形「本人办理」', '表单字段「年龄」', '受理规则「已达退休年龄」']) expect(text).toContain(part);
    expect(text).toContain('当 年龄 不小于 60（未填写时视为不成立） 时，不予受理：申请人已达退休年龄，不属于灵活就业登记对象');
    // No published version: there is nothing to replay, so no impact is offered.
    expect(await page.getByTestId('impact').count()).toBe(0);
    expect(unexpectedErrors(errors)).toEqual([]);
  });
});
