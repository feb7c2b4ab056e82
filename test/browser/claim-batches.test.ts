// 分批认领 in the designer: an administrator sets a batch of items whose claim deadline has passed on
// the 周调度 / 月通报 page; the server's problems show next to the fields first, and the report then
// names the late batch for a banner that has not claimed its item.

import request from 'supertest';
import { expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import { publishThroughApi } from '../http/designer-api.js';
import { browserSuite, describeInChromium, unexpectedErrors } from '../support/chromium.js';

describeInChromium('claim batches on the 调度通报 page', () => {
  const t = browserSuite({
    webApps: ['designer/web'],
    viewport: { width: 1366, height: 900 },
    seed: async (t) => {
      await publishThroughApi(t, itemConfig('LB-1', '个体工商户登记（分批测试）'));
      await publishThroughApi(t, itemConfig('LB-2', '食品经营许可（分批测试）'));
      expect((await request(t.app).put('/api/campaign').set(t.as.admin).send({ name: '2026 年认领', deadline: '2099-12-31' })).status).toBe(200);
      // 150103 claims the batch's item; 新城区 (150102) does not.
      expect((await request(t.app).put('/api/localities/150103/claims/LB-1').set(t.as.leagueOperator).send({})).status).toBe(200);
    },
  });

  it('an admin sets a batch whose deadline has passed; the server’s problems show by the fields; the 月通报 names the late batch for the banner that has not claimed', async () => {
    const { page, errors } = await t.open(`/designer/reports/week`);
    await page.getByLabel('访问令牌').fill(t.as.admin.Authorization.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('link', { name: '调度通报' }).click();
    const section = page.getByRole('region', { name: '分批认领截止日期' });
    await section.waitFor({ timeout: 15_000 });
    expect(await section.textContent()).toContain('2026 年认领');
    await section.getByRole('button', { name: '新增批次' }).click();
    const batch = section.getByRole('group', { name: '第 1 批' });
    await batch.getByLabel('认领截止日期').fill('2020-01-15');
    await batch.getByLabel('从事项目录选择').selectOption({ label: '个体工商户登记（分批测试）（LB-1）' });
    await batch.getByRole('button', { name: '加入事项' }).click();
    expect(await batch.getByRole('list', { name: '批次事项' }).textContent()).toContain('个体工商户登记（分批测试）');

    // Without a name the server refuses; its Chinese problem stands by the name field, nothing is kept.
    await section.getByRole('button', { name: '保存批次' }).click();
    await expect.poll(() => batch.getByRole('alert').allTextContents()).toContain('第 1 批须有名称');
    expect(await batch.getByLabel('批次名称').getAttribute('aria-invalid')).toBe('true');
    expect((await t.store.getCampaign())?.batches).toBeUndefined();

    await batch.getByLabel('批次名称').fill('第一批');
    await section.getByRole('button', { name: '保存批次' }).click();
    await section.getByRole('status').waitFor();
    expect((await t.store.getCampaign())?.batches).toEqual([{ name: '第一批', codes: ['LB-1'], deadline: '2020-01-15' }]);

    // The week's snapshot was taken when the page opened; the month's, first asked for now, counts the batch.
    await page.getByRole('link', { name: '月通报' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 2 }).textContent()).toMatch(/^月通报 /);
    const late = page.getByRole('row', { name: /新城区（150102）/ });
    await late.waitFor({ timeout: 15_000 });
    const headers = await page.getByRole('table').first().locator('th').allTextContents();
    // The week's rows stay on screen until the month's snapshot arrives: wait for the month's figure.
    await expect.poll(async () => (await late.locator('td').allTextContents())[headers.indexOf('逾期未认领')], { timeout: 15_000 }).toBe('1');
    const cells = await late.locator('td').allTextContents();
    expect(cells[headers.indexOf('逾期批次')]).toBe('第一批');
    const claimed = (await page.getByRole('row', { name: /（150103）/ }).locator('td').allTextContents());
    expect(claimed[headers.indexOf('逾期批次')]).toBe('无');
    // The one refusal is the nameless save above.
    expect(unexpectedErrors(errors, [422])).toEqual([]);
    await page.close();
  });
});
