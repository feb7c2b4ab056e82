// The visual designer end to end in a real chromium: an author builds a new item from scratch
// (standard imported as JSON; form, rules and examples through the UI), runs the examples and
// submits; a reviewer approves; the author publishes; the runtime API then decides as designed.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateConfig, type ItemConfig } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { chromiumAvailable, CHROMIUM_PATH, launchChromium } from '../support/chromium.js';
import { listenOnLoopback } from '../support/loopback-server.js';
import { sqliteInstallation, TEST_DEPARTMENT, type TestInstallation } from '../support/installation.js';

const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/', import.meta.url));
const CODE = 'RS-DESIGN-0001';
const hasChromium = chromiumAvailable();
if (!hasChromium && process.env.CI === 'true') throw new Error(`CI=true but no chromium at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install -y chromium fonts-noto-cjk)`);

// Only one of the two suites is registered, so a run never reports a skipped test.
if (!hasChromium) {
  describe('designer web app (no chromium)', () => {
    it(`is not exercised: no chromium at ${CHROMIUM_PATH} (install Debian's chromium, or set CHROMIUM_PATH)`, () => {
      expect(hasChromium).toBe(false);
    });
  });
}

if (hasChromium) describe('designer web app in chromium', () => {
  let t: TestInstallation;
  let server: Server;
  let base = '';
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const { build } = await import('vite');
    await build({ configFile: fileURLToPath(new URL('../../designer/web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
    mkdirSync(ARTIFACTS, { recursive: true });
    t = await sqliteInstallation();
    ({ server, base } = await listenOnLoopback(t.app));
    browser = await launchChromium({ width: 1366, height: 768 });
    page = await newPage();
  }, 120_000);

  async function newPage(): Promise<Page> {
    const p = await browser.context.newPage();
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    p.on('pageerror', (e) => consoleErrors.push(String(e)));
    return p;
  }

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}designer-${name}.png`, fullPage: false });
  const token = (who: 'author' | 'reviewer') => t.as[who].Authorization.replace(/^Bearer /, '');

  async function signIn(who: 'author' | 'reviewer', role: string) {
    await page.goto(`${base}/designer/`);
    // The browser stays signed in for the day: a new tab may open signed in already.
    const form = page.getByLabel('访问令牌');
    const signedIn = page.getByTestId('signed-in-as');
    await expect.poll(async () => (await form.count()) + (await signedIn.count()), { timeout: 10_000 }).toBeGreaterThan(0);
    if ((await signedIn.count()) > 0) await signOut();
    await form.fill(token(who));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('heading', { name: '全部事项' }).waitFor();
    // The role comes from the server: the top bar names the person and their role.
    expect(await page.getByTestId('signed-in-as').textContent()).toContain(role);
  }

  async function signOut() {
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel('访问令牌').waitFor();
  }

  async function openItem(code = CODE) {
    await page.getByRole('link', { name: code }).first().click();
    await page.getByRole('tab', { name: /事项标准/ }).waitFor();
  }

  async function tab(name: string) {
    await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  async function saved() {
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /已保存|保存失败/ }).first().textContent()).toMatch(/已保存/);
  }

  async function addField(kind: string, props: { title: string; name: string; required?: boolean; options?: string; showWhen?: string }) {
    await page.getByRole('button', { name: `添加${kind}字段` }).click();
    const panel = page.locator('fieldset.props');
    await panel.locator('input[name=title]').fill(props.title);
    await panel.locator('input[name=fieldName]').fill(props.name);
    await panel.locator('input[name=fieldName]').press('Tab');
    await expect.poll(() => page.locator('fieldset.props input[name=fieldName]').inputValue()).toBe(props.name);
    if (props.required) await page.locator('fieldset.props input[name=required]').check();
    if (props.options) await page.locator('fieldset.props textarea[name=options]').fill(props.options);
    if (props.showWhen) await page.locator('fieldset.props select[name=showWhen]').selectOption(props.showWhen);
  }

  it('an author builds, tests and submits a new item; a reviewer approves; it is published and the runtime decides as designed', async () => {
    // Sign in.
    await page.goto(`${base}/designer/`);
    await page.getByLabel('访问令牌').waitFor();
    await shot('01-sign-in');
    await signIn('author', '部门编制人员');

    // New item.
    await page.getByRole('button', { name: '新建事项' }).click();
    await page.locator('input[name=code]').fill(CODE);
    await page.locator('input[name=name]').fill('灵活就业人员登记（设计器）');
    await page.locator('input[name=department]').fill(TEST_DEPARTMENT);
    await page.getByRole('button', { name: '创建草稿' }).click();
    await page.getByRole('tab', { name: /事项标准/ }).waitFor();

    // 事项标准: import the 20 elements as JSON, then check the coded selects and the live validation.
    const standard = { ...itemConfig().standard, name: '灵活就业人员登记（设计器）' };
    await page.getByRole('button', { name: '从 JSON 导入' }).click();
    await page.getByLabel('事项标准 JSON').fill(JSON.stringify(standard));
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.locator('#std_itemType').inputValue()).toBe('20');
    await (page.getByText('事项标准：没有发现问题。')).first().waitFor();
    // A coded select fills its label from the code.
    await page.locator('#std_caseType').selectOption('1');
    await page.locator('#std_caseType').selectOption('2');
    // A fault shows next to its field.
    await page.locator('#std_resultName').fill('');
    await expect.poll(() => (page.locator('#std_resultName').locator('xpath=ancestor::div[contains(@class,"form-group")][1]')).first().textContent()).toContain('审批结果名称');
    await page.locator('#std_resultName').fill('登记信息');
    await shot('02-standard');
    await saved();

    // 表单设计: five fields, one conditional.
    await tab('表单设计');
    await addField('文本', { title: '姓名', name: 'name', required: true });
    await addField('身份证号码', { title: '身份证号码', name: 'idNumber', required: true });
    await addField('手机号码', { title: '手机号码', name: 'phone', required: true });
    await addField('单选', { title: '就业形式', name: 'employmentType', options: '个体经营\n非全日制\n新就业形态' });
    await addField('文本', { title: '平台名称', name: 'platformName', showWhen: 'employmentType' });
    // Move 手机号码 up and back down (the list keeps its order).
    await page.getByRole('button', { name: '上移「手机号码」' }).click();
    await page.getByRole('button', { name: '下移「手机号码」' }).click();
    const preview = page.locator('.preview');
    // The preview follows the form once the author pauses.
    await expect.poll(() => preview.getByLabel('平台名称').count()).toBe(0);
    await preview.getByLabel('新就业形态').check();
    await (preview.getByLabel('平台名称')).first().waitFor();
    await shot('03-form');
    await saved();

    // 受理规则: two rules.
    await tab('受理规则');
    await page.getByRole('button', { name: '+ 添加规则' }).click();
    let rule = page.locator('article.rule').nth(0);
    await rule.getByLabel('名称', { exact: true }).fill('未满16周岁');
    await rule.getByLabel('标识', { exact: true }).fill('under-16');
    await rule.getByLabel('说明').fill('未满16周岁不予登记');
    await rule.getByLabel('事实').selectOption('idNumber');
    await rule.getByLabel('运算符').selectOption('ageBelow');
    await rule.getByLabel('比较值').fill('16');
    await rule.getByLabel('不予受理理由').fill('申请人未满16周岁，不属于灵活就业登记对象');
    await rule.getByLabel('法律依据').fill('《中华人民共和国劳动法》第十五条');

    await page.getByRole('button', { name: '+ 添加规则' }).click();
    rule = page.locator('article.rule').nth(1);
    await rule.getByLabel('名称', { exact: true }).fill('平台名称必填');
    await rule.getByLabel('标识', { exact: true }).fill('platform-name');
    await rule.getByLabel('说明').fill('新就业形态须填写平台名称');
    await rule.getByLabel('事实').selectOption('employmentType');
    await rule.getByLabel('运算符').selectOption('equal');
    await rule.getByLabel('比较值').selectOption('新就业形态');
    await rule.getByLabel('未填写时视为不满足').check();
    await rule.getByRole('button', { name: '+ 条件', exact: true }).click();
    const second = rule.locator('.leaf').nth(1);
    await second.getByLabel('事实').selectOption('platformName');
    await second.getByLabel('运算符').selectOption('isFilled');
    await second.getByLabel('比较值').selectOption('false');
    await rule.getByLabel('结果').selectOption('supplement');
    await rule.getByLabel('补正告知内容').fill('新就业形态人员请填写平台名称');
    await (page.getByText('受理规则：没有发现问题。')).first().waitFor();
    await shot('04-rules');
    await saved();

    // 测试样例: two examples, run in the browser.
    await tab('测试样例');
    const fillExample = async (index: number, name: string, formData: { name: string; idNumber: string; phone: string; employment: string }) => {
      await page.getByRole('button', { name: '+ 添加样例' }).click();
      const example = page.locator('article.example').nth(index);
      await example.locator('input[name=exampleName]').fill(name);
      await example.locator('select[name=scenario]').selectOption('self');
      await example.locator('input[name=date]').fill('2025-06-01');
      const form = example.locator('.preview');
      await form.getByLabel(/^姓名\*?$/).fill(formData.name);
      await form.getByLabel(/^身份证号码\*?$/).fill(formData.idNumber);
      await form.getByLabel(/^手机号码\*?$/).fill(formData.phone);
      await form.getByLabel(formData.employment).check();
      await example.getByLabel('居民身份证').check();
      return example;
    };
    await fillExample(0, '本人办理材料齐全', { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employment: '个体经营' });
    const minor = await fillExample(1, '未满16周岁不予受理', { name: '小明', idNumber: '150102201501010015', phone: '13912345678', employment: '个体经营' });
    await minor.locator('select[name=ex1-outcome]').selectOption('reject');
    await minor.getByLabel('核对触发的规则').check();
    await minor.getByLabel(/未满16周岁/).check();
    // Every enabled rule needs an example that fires it, or submitting is refused.
    const newForm = await fillExample(2, '新就业形态未填平台名称', { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employment: '新就业形态' });
    await newForm.locator('select[name=ex2-outcome]').selectOption('supplement');
    await page.getByRole('button', { name: '运行全部样例' }).click();
    await (page.getByText('运行结果：3 个通过，0 个未通过')).first().waitFor();
    await shot('05-examples');
    await saved();

    // Submit.
    await page.getByRole('button', { name: '提交审核' }).click();
    await (page.getByRole('status').filter({ hasText: '已提交审核' })).first().waitFor();
    await expect.poll(() => (page.locator('.toolbar .badge.submitted')).first().textContent()).toBe('待审核');

    // The reviewer: the queue first, the item, approve.
    await signOut();
    await signIn('reviewer', '合法性审核人员');
    const queue = page.getByRole('region', { name: /待审核/ }).or(page.locator('section', { has: page.getByRole('heading', { name: /待审核/ }) }));
    await (queue.first().getByRole('link', { name: CODE })).first().waitFor();
    await shot('06-review-queue');
    await openItem();
    await tab('审核与发布');
    await (page.getByText('这是新设立的事项')).first().waitFor();
    await page.getByLabel('审核意见（退回时必填）').fill('合法性审核通过');
    await page.getByRole('button', { name: '审核通过' }).click();
    await (page.getByRole('status').filter({ hasText: '已审核通过' })).first().waitFor();

    // The author publishes version 1.
    await signOut();
    await signIn('author', '部门编制人员');
    await openItem();
    await tab('审核与发布');
    await page.getByLabel('发布理由').fill('新设立灵活就业人员登记事项');
    await page.getByLabel('法律依据').fill('《中华人民共和国就业促进法》第三十五条');
    await page.getByRole('button', { name: '发布第 1 版' }).click();
    await (page.getByRole('status').filter({ hasText: '已发布第 1 版' })).first().waitFor();
    await expect.poll(() => (page.locator('.toolbar .badge.published')).first().textContent()).toBe('已发布 v1');

    // A revision: change the supplement notice; the reviewer sees the diff against version 1.
    await page.getByRole('button', { name: '基于第 1 版起草修订' }).click();
    await expect.poll(() => (page.locator('.toolbar .badge.editing')).first().textContent()).toBe('编辑中');
    await tab('受理规则');
    await page.locator('article.rule').nth(1).getByLabel('补正告知内容').fill('新就业形态人员请填写所在平台名称');
    await saved();
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => (page.locator('.toolbar .badge.submitted')).first().textContent()).toBe('待审核');
    await signOut();
    await signIn('reviewer', '合法性审核人员');
    await openItem();
    await tab('审核与发布');
    // The rule reads by its Chinese name; its identifier stays internal.
    const diff = page.locator('div.diff');
    await expect.poll(() => (diff).first().textContent()).toContain('受理规则「平台名称必填」');
    await expect.poll(() => (diff).first().textContent()).toContain('所在平台名称');
    await shot('07-review-diff');
    await page.getByRole('button', { name: '审核通过' }).click();
    await (page.getByRole('status').filter({ hasText: '已审核通过' })).first().waitFor();
    await tab('版本历史');
    await (page.getByRole('cell', { name: '发布版本' })).first().waitFor();
    await shot('08-history');

    await signOut();
    await signIn('author', '部门编制人员');
    await openItem();
    await tab('审核与发布');
    await page.getByLabel('发布理由').fill('修改补正告知措辞');
    await page.getByLabel('法律依据').fill('《中华人民共和国就业促进法》第三十五条');
    await page.getByRole('button', { name: '发布第 2 版' }).click();
    await (page.getByRole('status').filter({ hasText: '已发布第 2 版' })).first().waitFor();
    await page.getByRole('link', { name: '事项列表' }).click();
    await expect.poll(() => (page.getByRole('row', { name: new RegExp(CODE) }).first()).first().textContent()).toContain('已发布 v2');
    await shot('09-dashboard');

    expect(consoleErrors).toEqual([]);

    // The runtime decides as designed (claimed first, by the administrator).
    const claim = await fetch(`${base}/api/localities/150102/claims/${CODE}`, { method: 'PUT', headers: { ...t.as.admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ follow: 'latest', local: {} }) });
    expect(claim.status).toBeLessThan(300);
    const evaluate = async (formData: Record<string, unknown>, materials: string[]) => {
      const res = await fetch(`${base}/api/runtime/150102/items/${CODE}/evaluate`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ scenario: 'self', date: '2025-06-01', formData, materials }) });
      expect(res.status).toBe(200);
      return (await res.json()) as { outcome: string; item: { version: number }; reasons: { rule: string; message: string }[] };
    };
    const adult = { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' };
    const accepted = await evaluate(adult, ['id-card']);
    expect(accepted.outcome).toBe('accept');
    expect(accepted.item.version).toBe(2);
    const rejected = await evaluate({ ...adult, idNumber: '150102201501010015' }, ['id-card']);
    expect(rejected.outcome).toBe('reject');
    expect(rejected.reasons.map((r) => r.rule)).toContain('under-16');
    const platform = await evaluate({ ...adult, employmentType: '新就业形态' }, ['id-card']);
    expect(platform.outcome).toBe('supplement');
    expect(platform.reasons).toContainEqual(expect.objectContaining({ rule: 'platform-name', message: '新就业形态人员请填写所在平台名称' }));
    const withPlatform = await evaluate({ ...adult, employmentType: '新就业形态', platformName: '某外卖平台' }, ['id-card']);
    expect(withPlatform.outcome).toBe('accept');
  }, 240_000);

  it('groups, repeating groups and attachments; drag and drop; the materials table and scenario matrix; failing examples on the dashboard and in review', async () => {
    const CODE2 = 'RS-DESIGN-0002';
    // An item whose first example expects the wrong outcome, created through the API.
    const config = itemConfig(CODE2, '样例未通过的事项（设计器）');
    config.examples[0]!.expect = { outcome: 'reject' };
    const put = await fetch(`${base}/api/items/${CODE2}/draft`, { method: 'PUT', headers: { ...t.as.author, 'Content-Type': 'application/json' }, body: JSON.stringify(config) });
    expect(put.status).toBeLessThan(300);

    page = await newPage();
    await signIn('author', '部门编制人员');
    // 样例 column: the failing example shows on the dashboard.
    const row = page.getByRole('region', { name: '全部事项' }).or(page.locator('section', { has: page.getByRole('heading', { name: '全部事项' }) })).first().getByRole('row', { name: new RegExp(CODE2) });
    await expect.poll(() => row.locator('.examples-cell').textContent(), { timeout: 15_000 }).toBe('1 个未通过');
    await shot('10-dashboard-examples');
    await openItem(CODE2);

    // 事项标准: the materials table and the scenario matrix.
    await page.getByRole('button', { name: '+ 添加材料' }).click();
    await page.getByLabel('材料 6 名称').fill('户口簿');
    await page.getByLabel('材料 6 标识').fill('household-register');
    expect(await page.getByLabel('材料 6 是否必需').isChecked()).toBe(true);
    await page.getByLabel('材料 6 必要性').selectOption({ label: '非必要' });
    expect(await page.getByLabel('材料 6 是否必需').isChecked()).toBe(false);
    await page.getByLabel('材料 6 来源渠道').selectOption({ label: '政府部门核发' });
    await page.getByLabel('情形「委托代办」需要「户口簿」').check();
    await page.getByLabel('情形「本人办理」需要「近期免冠照片」').uncheck();
    // A fault shows in the cell at fault.
    await page.getByLabel('材料 1 标识').fill('Bad ID');
    await expect.poll(() => page.locator('tr[data-material="Bad ID"] td').first().locator('.cell-error').textContent()).toBeTruthy();
    await page.getByLabel('材料 1 标识').fill('id-card');
    await page.getByText('事项标准：没有发现问题。').first().waitFor();
    // Drag 户口簿 to the top of the table (brought into view first: the tab is in sections, the table is not at the top).
    await page.locator('table[aria-label="申请材料"]').evaluate((table) => table.scrollIntoView({ block: 'center' }));
    await page.locator('tr[data-material="household-register"] .handle').dragTo(page.locator('tr[data-material="id-card"]'));
    await expect.poll(() => page.locator('table[aria-label="申请材料"] tbody tr').first().getAttribute('data-material')).toBe('household-register');
    await page.getByText('事项标准：没有发现问题。').first().waitFor();
    await shot('11-materials');
    await saved();

    // 表单设计: a group, a repeating group and an attachment; drag the attachment to the top.
    await tab('表单设计');
    await addField('分组/区块', { title: '联系地址', name: 'address' });
    await page.getByRole('button', { name: '向「联系地址」添加字段' }).click();
    await page.locator('fieldset.props input[name=title]').fill('街道');
    await page.locator('fieldset.props input[name=fieldName]').fill('street');
    await page.locator('fieldset.props input[name=fieldName]').press('Tab');
    await page.locator('fieldset.props input[name=required]').check();
    await addField('重复组', { title: '家庭成员', name: 'members' });
    await page.getByLabel('「家庭成员」的新字段类型').selectOption({ label: '身份证号码' });
    await page.getByRole('button', { name: '向「家庭成员」添加字段' }).click();
    await page.locator('fieldset.props input[name=title]').fill('成员身份证号码');
    await page.locator('fieldset.props input[name=fieldName]').fill('memberId');
    await page.locator('fieldset.props input[name=fieldName]').press('Tab');
    await addField('文件附件', { title: '户口簿照片', name: 'householdPhoto' });
    const topFields = page.locator('ol[aria-label="字段列表"] > li');
    // A tall window, so that both ends of the drag are on screen without scrolling mid-drag.
    await page.setViewportSize({ width: 1366, height: 1600 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('ol[aria-label="字段列表"] > li[data-field="householdPhoto"] > .fieldrow > .handle').dragTo(topFields.first());
    await expect.poll(() => topFields.first().getAttribute('data-field')).toBe('householdPhoto');
    const preview = page.locator('.preview');
    await preview.getByText('联系地址').first().waitFor();
    await preview.getByLabel(/^街道/).first().waitFor();
    expect(await preview.locator('input[type=file]').count()).toBe(1);
    await page.getByText('表单：没有发现问题。').first().waitFor();
    await shot('12-form-groups');
    await page.setViewportSize({ width: 1366, height: 768 });
    await saved();

    // The saved config is valid and holds what was designed.
    const draft = (await (await fetch(`${base}/api/items/${CODE2}/draft`, { headers: t.as.author })).json()) as { config: ItemConfig };
    expect(validateConfig(draft.config)).toEqual([]);
    const schema = draft.config.form.schema as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.address).toMatchObject({ type: 'object', required: ['street'], properties: { street: { type: 'string', title: '街道' } } });
    expect(schema.properties.members).toMatchObject({ type: 'array', items: { type: 'object', properties: { memberId: { format: 'cn-id-number' } } } });
    expect(schema.properties.householdPhoto).toMatchObject({ type: 'string', title: '户口簿照片' });
    expect((draft.config.form.uiSchema as Record<string, unknown>)['ui:order']).toEqual(['householdPhoto', 'name', 'idNumber', 'phone', 'residence', 'employmentType', 'platformName', 'address', 'members']);
    const materials = draft.config.standard.materials;
    expect(materials[0]).toMatchObject({ id: 'household-register', name: '户口簿', required: false, necessity: { code: '2', label: '非必要' }, source: { code: '20' } });
    expect(draft.config.standard.scenarios).toEqual([
      { id: 'self', name: '本人办理', materialIds: ['id-card'] },
      { id: 'agent', name: '委托代办', materialIds: ['id-card', 'proxy-letter', 'agent-id', 'household-register'] },
    ]);

    // The review view shows the example results next to the diff.
    await tab('审核与发布');
    await page.getByRole('status').filter({ hasText: '样例：4 个通过，1 个未通过' }).first().waitFor();
    expect(await page.locator('tr[data-example="本人办理材料齐全"]').getAttribute('data-passed')).toBe('false');
    await shot('13-review-examples');
    expect(consoleErrors).toEqual([]);
  }, 180_000);
});
