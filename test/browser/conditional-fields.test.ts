/**
 * Value-based form logic end to end in chromium: an author sets "show 居住证编号 when 户籍所在地 =
 * 外盟市, required" in the designer's property panel, the preview follows; once published, the
 * window app shows and hides the field with the answer, marks it required, and the live decision
 * asks for it exactly then.
 */
import type { Page } from 'playwright-core';
import request from 'supertest';
import { expect, it } from 'vitest';
import { compileFormValidator, type ItemConfig } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { browserSuite, describeInChromium, unexpectedErrors } from '../support/chromium.js';

const CODE = 'RS-COND-0001';
const NAME = '灵活就业人员登记（条件字段）';

/** The fixture item with 户籍所在地 and a plain 居住证编号: the author adds the condition in the designer. */
function draftConfig(): ItemConfig {
  const config = itemConfig(CODE, NAME);
  const properties = config.form.schema.properties as Record<string, unknown>;
  properties.hukou = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市'] };
  properties.permit = { type: 'string', title: '居住证编号', maxLength: 30 };
  const ui = config.form.uiSchema as { 'ui:order': string[] };
  ui['ui:order'] = [...ui['ui:order'], 'hukou', 'permit'];
  (config.form.uiSchema as Record<string, unknown>).hukou = { 'ui:widget': 'radio' };
  return config;
}

describeInChromium('value-based form logic', () => {
  const t = browserSuite({
    webApps: ['designer/web', 'runtime/web'],
    viewport: { width: 1500, height: 900 },
    seed: async (t) => {
      expect((await request(t.app).put(`/api/items/${CODE}/draft`).set(t.as.author).send(draftConfig())).status).toBe(201);
    },
  });

  async function signInDesigner(page: Page): Promise<void> {
    const form = page.getByLabel('访问令牌');
    const signedIn = page.getByTestId('signed-in-as');
    await expect.poll(async () => (await form.count()) + (await signedIn.count()), { timeout: 10_000 }).toBeGreaterThan(0);
    if ((await signedIn.count()) > 0) return;
    await form.fill(t.as.author.Authorization.replace(/^Bearer /, ''));
    if ((await page.getByLabel('部门编制人员').count()) > 0) await page.getByLabel('部门编制人员').check();
    await page.getByRole('button', { name: '登录' }).click();
  }

  it('the author sets “show when 户籍所在地 = 外盟市” and the preview follows', async () => {
    const { page, errors } = await t.open(`/designer/`);
    await signInDesigner(page);
    await page.getByRole('link', { name: CODE }).first().click();
    await page.getByRole('tab', { name: /^表单设计/ }).click();
    await page.locator('.fieldlist [data-field=permit] button.pick').click();
    const panel = page.locator('fieldset.props');
    await panel.locator('input[name=required]').check();
    await panel.locator('select[name=showWhen]').selectOption('hukou');
    await panel.locator('select[name=conditionOperator]').selectOption({ label: '等于' });
    // Half a condition (no value yet) is not written to the form: the panel says so.
    await expect.poll(() => panel.getByRole('alert').textContent()).toContain('请填写条件的值');
    await panel.locator('select[name=conditionValue]').selectOption('外盟市');
    await expect.poll(() => panel.getByTestId('condition-summary').textContent()).toBe('当「户籍所在地」为「外盟市」时显示');
    await expect.poll(() => page.locator('.fieldlist [data-field=permit]').textContent()).toContain('当「户籍所在地」为「外盟市」时显示');

    const preview = page.locator('.preview');
    await preview.getByLabel('外盟市').waitFor();
    // The preview follows once the author pauses.
    await expect.poll(() => preview.locator('#preview_permit').count()).toBe(0);
    await preview.getByLabel('外盟市').check();
    await preview.locator('#preview_permit').waitFor();
    await expect.poll(() => preview.locator('label[for=preview_permit]').textContent()).toContain('*');
    await preview.getByLabel('本盟市').check();
    await expect.poll(() => preview.locator('#preview_permit').count()).toBe(0);

    await page.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /已保存|保存失败/ }).first().textContent()).toMatch(/已保存/);
    const saved = (await request(t.app).get(`/api/items/${CODE}/draft`).set(t.as.author)).body.config as ItemConfig;
    const validate = compileFormValidator(saved.form.schema);
    const filled = { name: '王五', idNumber: '11010519491231002X', phone: '13912345678' };
    expect(validate({ ...filled, hukou: '本盟市' })).toEqual([]);
    expect(validate({ ...filled, hukou: '外盟市' })).toEqual([{ path: '/permit', keyword: 'required', message: '请填写「居住证编号」' }]);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('once published, the window app shows, hides and requires the field with the answer', async () => {
    expect((await request(t.app).post(`/api/items/${CODE}/draft/submit`).set(t.as.author)).status).toBe(200);
    expect((await request(t.app).post(`/api/items/${CODE}/draft/approve`).set(t.as.reviewer).send({ comment: '合法性审核通过' })).status).toBe(200);
    const published = await request(t.app).post(`/api/items/${CODE}/publish`).set(t.as.author).send({ reason: '首次发布', legalBasis: '《中华人民共和国就业促进法》第三十五条', changeKind: 'establish' });
    expect(published.status).toBe(201);
    expect((await request(t.app).put(`/api/localities/150102/claims/${CODE}`).set(t.as.admin).send({ follow: 'latest' })).status).toBe(200);

    const { page, errors } = await t.open(`/window/150102`);
    const form = page.getByLabel('操作员令牌');
    const signedIn = page.getByTestId('signed-in-as');
    await expect.poll(async () => (await form.count()) + (await signedIn.count()), { timeout: 10_000 }).toBeGreaterThan(0);
    if ((await form.count()) > 0) {
      await form.fill(t.as.operator.Authorization.replace(/^Bearer /, ''));
      await page.getByRole('button', { name: '登录' }).click();
    }
    await page.getByLabel('查找事项').fill('条件字段');
    await page.getByRole('link', { name: new RegExp(NAME.replace(/[()（）]/g, '.')) }).click();
    await expect.poll(() => page.getByRole('heading', { name: '申请表填写说明' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('当「户籍所在地」为「外盟市」时需填写「居住证编号」').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: /开始受理/ }).click();
    await page.locator('#root_name').fill('王五');
    await page.locator('#root_idNumber').fill('11010519491231002X');
    await page.locator('#root_phone').fill('13912345678');
    await page.getByRole('checkbox', { name: /居民身份证/ }).check();
    await page.getByRole('radio', { name: '本盟市' }).check();
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-outcome')).toBe('accept');
    expect(await page.locator('#root_permit').count()).toBe(0);

    await page.getByRole('radio', { name: '外盟市' }).check();
    await page.locator('#root_permit').waitFor();
    await expect.poll(() => page.locator('label[for=root_permit]').textContent()).toContain('*');
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-outcome')).toBe('supplement');
    await expect.poll(() => page.locator('.side').textContent()).toContain('请填写「居住证编号」');
    await page.locator('#root_permit').fill('P-150102-1');
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-outcome')).toBe('accept');

    await page.getByRole('radio', { name: '本盟市' }).check();
    await expect.poll(() => page.locator('#root_permit').count()).toBe(0);
    await expect.poll(() => page.getByTestId('outcome').getAttribute('data-outcome')).toBe('accept');
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });
});
