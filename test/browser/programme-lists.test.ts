// The programme office's 三清单 page: an author of the providing department adds a 责任清单 entry,
// which appears in the table with its status and the author's name; the 周调度 page shows the
// current week's snapshot. Both pages carry the print and CSV controls.

import request from 'supertest';
import { expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import { publishThroughApi } from '../http/designer-api.js';
import { browserSuite, describeInChromium, unexpectedErrors } from '../support/chromium.js';
import { TEST_DEPARTMENT } from '../support/installation.js';

describeInChromium('三清单 and 周调度 pages', () => {
  const t = browserSuite({
    webApps: ['designer/web'],
    viewport: { width: 1366, height: 768 },
    seed: async (t) => {
      await publishThroughApi(t, itemConfig('PL-1'));
      await request(t.app).put('/api/localities/150102/claims/PL-1').set(t.as.operator).send({});
    },
  });

  it('an author adds a 责任清单 entry for their department and sees it listed by name; print hides the form', async () => {
    const { page, errors } = await t.open(`/designer/lists/responsibility`);
    await page.getByLabel('访问令牌').fill(t.as.author.Authorization.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('张编制');
    await page.getByRole('link', { name: '三清单' }).click();
    await page.getByRole('link', { name: '责任清单' }).click();
    const form = page.getByRole('form', { name: '新增或修改责任清单条目' });
    await form.waitFor();
    expect(await form.getByLabel('数源部门').inputValue()).toBe(TEST_DEPARTMENT);
    await form.getByLabel('条目编号').fill('rs-100');
    await form.getByLabel('数据项').fill('社会保险参保信息');
    await form.getByLabel('共享接口').fill('人社一体化平台参保查询接口');
    await form.getByLabel('承诺完成日期').fill('2027-03-31');
    await form.getByLabel('状态').selectOption({ label: '推进中' });
    await form.getByRole('button', { name: '保存条目' }).click();
    const row = page.getByRole('row', { name: /rs-100/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('推进中');
    expect(await row.textContent()).toContain('张编制');
    const stored = (await request(t.app).get('/api/lists/responsibility').set(t.as.admin)).body.entries;
    expect(stored).toEqual([expect.objectContaining({ id: 'rs-100', department: TEST_DEPARTMENT, status: 'in-progress', dueDate: '2027-03-31', updatedBy: 'author-zhang' })]);
    await page.emulateMedia({ media: 'print' });
    expect(await form.isVisible()).toBe(false);
    expect(await row.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('访问令牌').waitFor();
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('an auditor sees this week’s snapshot with the claims per banner', async () => {
    const { page, errors } = await t.open(`/designer/reports/week`);
    await page.getByLabel('访问令牌').fill(t.as.auditor.Authorization.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByTestId('signed-in-as').textContent()).toContain('审计');
    await page.getByRole('link', { name: '调度通报' }).click();
    const row = page.getByRole('row', { name: /新城区（150102）/ });
    await row.waitFor({ timeout: 15_000 });
    expect((await row.locator('td').nth(2).textContent())?.trim()).toBe('1');
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toMatch(/^周调度 \d{4}-W\d{2}/);
    expect(await page.getByText('这是第一期，没有上期可比').count()).toBe(1);
    expect(await page.getByRole('button', { name: '生成本期快照' }).count()).toBe(0);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });
});

describeInChromium('material template file: upload in the designer, download from the guide', () => {
  const PDF = Buffer.from('%PDF-1.7\n% 申请表空白表格\n%%EOF\n');
  const t = browserSuite({
    webApps: ['designer/web'],
    viewport: { width: 1366, height: 768 },
    seed: async (t) => {
      const config = itemConfig('TPLB-1');
      config.standard.materialTemplates = [{ materialId: config.standard.materials[0]!.id, name: '申请表空白表格' }];
      expect((await request(t.app).put('/api/items/TPLB-1/draft').set(t.as.author).send(config)).status).toBe(201);
    },
  });

  it('an author uploads the template in the standard tab; once published, the guide’s link downloads the same bytes', async () => {
    const { page, errors } = await t.open(`/designer/items/TPLB-1`);
    await page.getByLabel('访问令牌').fill(t.as.author.Authorization.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('tab', { name: /事项标准/ }).waitFor();
    const field = page.locator('fieldset.template-file').first();
    await field.scrollIntoViewIfNeeded();
    await field.locator('input[type=file]').setInputFiles({ name: '申请表.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => field.getByTestId('template-file-link').textContent(), { timeout: 15_000 }).toContain('申请表.pdf');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(async () => (await request(t.app).get('/api/items/TPLB-1/draft').set(t.as.author)).body.config?.standard.materialTemplates[0].file?.name, { timeout: 15_000 }).toBe('申请表.pdf');
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();

    const draft = (await request(t.app).get('/api/items/TPLB-1/draft').set(t.as.author)).body;
    await publishThroughApi(t, draft.config);
    await request(t.app).put('/api/localities/150102/claims/TPLB-1').set(t.as.operator).send({});
    const guide = await t.context.newPage();
    await guide.goto(`${t.base}/api/runtime/150102/items/TPLB-1/guide`);
    const link = guide.getByRole('link', { name: /申请表空白表格/ });
    await link.waitFor();
    const [download] = await Promise.all([guide.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('申请表.pdf');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    expect(Buffer.compare(Buffer.concat(chunks), PDF)).toBe(0);
    await guide.close();
  });
});
