// The designer in a real chromium shows every problem at once (tab badges with counts, no tab
// green while it has a problem, a duplicate material id at its cell) and gates submitting on rule
// coverage: the refusal names the rule, boundary examples are proposed and show their trace.
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import type { ItemConfig } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { browserSuite, describeInChromium, unexpectedErrors } from '../support/chromium.js';

describeInChromium('designer checks', () => {
  const t = browserSuite({ webApps: ['designer/web'], viewport: { width: 1366, height: 900 } });
  let page: Page;
  let errors: string[];

  const putDraft = async (config: ItemConfig | Record<string, unknown>, code: string) => {
    const res = await fetch(`${t.base}/api/items/${code}/draft`, { method: 'PUT', headers: { ...t.as.author, 'Content-Type': 'application/json' }, body: JSON.stringify(config) });
    expect(res.status).toBe(201);
  };

  beforeAll(async () => {
    ({ page, errors } = await t.open('/designer/'));
    await page.getByLabel('访问令牌').fill(t.as.author.Authorization.replace(/^Bearer /, ''));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '全部事项' }).waitFor();
  });

  const open = async (code: string) => {
    await page.goto(`${t.base}/designer/`);
    await page.getByRole('link', { name: code }).first().click();
    await page.getByRole('tab', { name: /事项标准/ }).waitFor();
  };
  const tab = (name: string) => page.getByRole('tab', { name: new RegExp(`^${name}`) });
  const badge = async (name: string) => Number((await tab(name).locator('.count').textContent().catch(() => '0')) ?? 0);

  it('shows every problem at once: a badge with its count on every tab that has one, a duplicate id at its cell', async () => {
    const config = itemConfig('CHK-UI-1') as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    delete config.standard.reviewPoints; // schema
    config.standard.scope.label = '全盟市通办'; // code/label
    config.standard.materials[1].id = 'id-card'; // duplicate material id
    config.form.schema.properties.platformName.maxLength = 'long'; // form
    config.rules[1].conditions.all[0].fact = 'ghost'; // rules
    await putDraft(config, 'CHK-UI-1');
    await open('CHK-UI-1');
    await expect.poll(() => badge('事项标准')).toBeGreaterThanOrEqual(4);
    expect(await badge('表单设计')).toBeGreaterThanOrEqual(1);
    expect(await badge('受理规则')).toBeGreaterThanOrEqual(1);

    await page.getByText('「通办范围」的代码 2 对应的名称应为「全区通办」，而不是「全盟市通办」').first().waitFor();
    const cell = page.locator('tr[data-material="id-card"]').nth(1);
    await cell.getByText(/材料标识「id-card」重复/).waitFor();
    expect(await cell.getByLabel('材料 2 标识').getAttribute('aria-invalid')).toBe('true');

    await tab('表单设计').click();
    await page.getByText('表单：发现', { exact: false }).first().waitFor();
    expect(await page.getByText('表单：没有发现问题。').count()).toBe(0);
    await tab('受理规则').click();
    await page.getByText(/事实「ghost」既不是表单字段/).first().waitFor();
    expect(await page.getByText('受理规则：没有发现问题。').count()).toBe(0);
  });

  it('refuses to submit while a rule is fired by no example, naming it; proposes boundary examples with their trace', async () => {
    const config = itemConfig('CHK-UI-2');
    config.rules[2]!.title = '新就业形态须填写平台名称';
    config.examples = config.examples.filter((e) => e.name !== '新就业形态未填平台名称' && e.name !== '16至18周岁缺监护人同意书');
    await putDraft(config, 'CHK-UI-2');
    // The dashboard says why it cannot be submitted although its examples pass.
    await page.goto(`${t.base}/designer/`);
    const row = page.getByRole('row', { name: /CHK-UI-2/ }).first();
    await expect.poll(() => row.locator('.examples-cell').textContent(), { timeout: 15_000 }).toBe('2 条规则无样例');
    await open('CHK-UI-2');

    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('status').filter({ hasText: '规则「16至18周岁需监护人同意书」、「新就业形态须填写平台名称」没有任何测试样例触发，不能提交审核' }).first().waitFor();
    await expect.poll(() => badge('受理规则')).toBe(2);
    await tab('受理规则').click();
    const rule = page.locator('article.rule').nth(2);
    await rule.getByText('规则「新就业形态须填写平台名称」没有任何测试样例触发').waitFor();

    // 测试样例: boundary examples around the age thresholds, then the trace of one of them.
    await tab('测试样例').click();
    const before = await page.locator('article.example').count();
    await page.getByRole('button', { name: '+ 添加边界样例' }).click();
    await page.getByText(/已添加 \d+ 个边界样例/).waitFor();
    const added = (await page.locator('article.example').count()) - before;
    expect(added).toBe(6); // 16 and 18 周岁: just below, at, just above each
    await page.locator('article.example').getByRole('textbox').first().waitFor();
    await page.getByRole('button', { name: '运行全部样例' }).click();
    await page.getByText(`运行结果：${before + added} 个通过，0 个未通过`).first().waitFor();
    const trace = page.locator('details[data-trace="边界：身份证号码略低于 18 周岁（17 周岁）（16至18周岁需监护人同意书）"]');
    await trace.locator('summary').click();
    const conditions = trace.locator('div[data-rule="under-18-consent"] tr[data-condition]');
    expect(await conditions.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-held')))).toEqual(['true', 'true']);
    expect(await conditions.first().textContent()).toContain('17 周岁');
    expect(await conditions.first().textContent()).toMatch(/\*{4}/); // the ID number is shown masked
    await page.locator('[data-coverage="incomplete"]').getByText(/新就业形态须填写平台名称/).waitFor();

    // With the remaining rule switched off every enabled rule is covered: the draft goes to review.
    await tab('受理规则').click();
    await page.locator('article.rule').nth(2).getByRole('switch').uncheck();
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.getByRole('status').filter({ hasText: '已提交审核' }).first().waitFor();
    const submitted = await (await fetch(`${t.base}/api/items/CHK-UI-2/draft`, { headers: t.as.author })).json() as { status: string; config: ItemConfig };
    expect(submitted.status).toBe('submitted');
    expect(submitted.config.examples.length).toBe(before + added);
    expect(unexpectedErrors(errors, [422]), errors.join("\n")).toEqual([]);
  });

  it('counts the rules no example fires while the author edits, before 校验 or submit', async () => {
    const config = itemConfig('CHK-UI-3');
    config.rules[2]!.title = '新就业形态须填写平台名称';
    config.examples = config.examples.filter((e) => e.name !== '新就业形态未填平台名称' && e.name !== '16至18周岁缺监护人同意书');
    await putDraft(config, 'CHK-UI-3');
    await open('CHK-UI-3');
    const uncoveredBadge = (n: number) => tab('测试样例').getByLabel(`${n} 条规则没有样例触发`);
    // No 校验, no submit: the examples ran in the page once it settled.
    await uncoveredBadge(2).waitFor();
    await expect.poll(() => badge('受理规则')).toBe(2);
    await tab('受理规则').click();
    const marked = page.locator('article.rule [data-uncovered-rule]');
    await expect.poll(() => marked.evaluateAll((els) => els.map((el) => el.getAttribute('data-uncovered-rule')))).toEqual(['under-18-consent', 'platform-name']);
    expect(await marked.first().textContent()).toBe('无样例触发');
    await page.locator('article.rule').nth(2).getByText('规则「新就业形态须填写平台名称」没有任何测试样例触发').waitFor();

    // Switching a rule off takes it out of the gate as the author pauses; then the other one.
    await page.locator('article.rule').nth(2).getByRole('switch').uncheck();
    await uncoveredBadge(1).waitFor();
    await expect.poll(() => marked.count()).toBe(1);
    expect(await badge('受理规则')).toBe(1);
    await page.locator('article.rule').nth(1).getByRole('switch').uncheck();
    await expect.poll(() => marked.count()).toBe(0);
    await expect.poll(() => tab('测试样例').locator('.count').count()).toBe(0);
    expect(await tab('受理规则').locator('.count').count()).toBe(0);
    // Nothing was saved or checked by the server on the way.
    await page.getByRole('status').filter({ hasText: '有未保存的修改' }).first().waitFor();
    // (the page is shared: the refused submit of the test before answered 422)
    expect(unexpectedErrors(errors, [422]), errors.join("\n")).toEqual([]);
  });
});
