// Editing safely in the designer, in a real chromium: two authors editing different parts of a
// draft are merged without loss; the same element edited by both is shown as a conflict in Chinese
// with a choice per conflict; undo/redo by keyboard; deleting a referenced field or material asks
// first and names what refers to it; the standard tab's checkboxes keep every selected value;
// discarding a draft asks first.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { expect, it } from 'vitest';
import { conditionalBranch, type ItemConfig } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { browserSuite, describeInChromium, TEST_ARTIFACTS, unexpectedErrors } from '../support/chromium.js';

describeInChromium('designer editing: merge, undo, delete confirmation, standard tab', () => {
  const t = browserSuite({ webApps: ['designer/web'], viewport: { width: 1366, height: 900 } });

  async function seed(code: string, edit?: (c: ItemConfig) => void): Promise<void> {
    const config = itemConfig(code);
    edit?.(config);
    expect((await request(t.app).put(`/api/items/${code}/draft`).set(t.as.author).send(config)).status).toBe(201);
  }

  async function draftOf(code: string): Promise<{ revision: number; config: ItemConfig }> {
    const res = await request(t.app).get(`/api/items/${code}/draft`).set(t.as.author);
    expect(res.status).toBe(200);
    return res.body;
  }

  /** The other author saves an edit through the API while the page still holds revision 1. */
  async function otherAuthorSaves(code: string, edit: (c: ItemConfig) => void): Promise<void> {
    const { revision, config } = await draftOf(code);
    edit(config);
    expect((await request(t.app).put(`/api/items/${code}/draft`).set(t.as.author2).set('If-Match', `"${revision}"`).send(config)).status).toBe(200);
  }

  async function openItem(code: string, tab?: string): Promise<{ page: Page; errors: string[] }> {
    const watched = await t.open(`/designer/`);
    const { page } = watched;
    // The browser stays signed in (a session cookie): a later tab may open signed in already.
    const form = page.getByLabel('访问令牌');
    const signedIn = page.getByTestId('signed-in-as');
    await expect.poll(async () => (await form.count()) + (await signedIn.count()), { timeout: 30_000 }).toBeGreaterThan(0);
    if ((await form.count()) > 0) {
      await form.fill(t.as.author.Authorization.replace(/^Bearer /, ''));
      await page.getByRole('button', { name: '登录' }).click();
    }
    await page.getByRole('heading', { name: '全部事项' }).waitFor();
    await page.goto(`${t.base}/designer/items/${code}${tab ? `?tab=${tab}` : ''}`);
    await page.getByRole('button', { name: '保存', exact: true }).waitFor();
    return watched;
  }

  const save = (page: Page) => page.getByRole('button', { name: '保存', exact: true }).click();

  it('merges two authors’ edits to different sections without losing either, and says what came in', async () => {
    await seed('EDIT-MERGE-1');
    const { page, errors } = await openItem('EDIT-MERGE-1');
    await page.locator('#std_resultName').fill('灵活就业登记回执');
    await otherAuthorSaves('EDIT-MERGE-1', (c) => { c.rules[0]!.description = '未满十六周岁的，不予登记'; });
    await save(page);
    await page.getByRole('status').filter({ hasText: '自动合并并保存' }).waitFor();
    const notice = page.getByRole('status', { name: '已合并的修改' });
    expect(await notice.textContent()).toContain('受理规则「under-16」 · 说明：未满十六周岁的，不予登记');
    // The other author by name, not by principal id.
    expect(await notice.textContent()).toContain('王编制');
    const saved = await draftOf('EDIT-MERGE-1');
    expect(saved.revision).toBe(3);
    expect(saved.config.standard.resultName).toBe('灵活就业登记回执');
    expect(saved.config.rules[0]!.description).toBe('未满十六周岁的，不予登记');
    expect(unexpectedErrors(errors, [409])).toEqual([]);
    await page.close();
  });

  it('shows a same-field conflict in Chinese, and keeps the other author’s other edits whatever is chosen', async () => {
    await seed('EDIT-MERGE-2');
    const { page, errors } = await openItem('EDIT-MERGE-2');
    await page.locator('#std_resultName').fill('登记回执（我的）');
    await otherAuthorSaves('EDIT-MERGE-2', (c) => {
      c.standard.resultName = '登记凭证（对方的）';
      c.examples[0]!.name = '本人办理，材料齐全';
    });
    await save(page);
    const dialog = page.getByRole('dialog', { name: '保存冲突：您和对方修改了相同的内容' });
    await dialog.waitFor();
    const row = dialog.getByRole('row').filter({ hasText: '审批结果名称' });
    expect(await row.textContent()).toContain('登记回执（我的）');
    expect(await row.textContent()).toContain('登记凭证（对方的）');
    const text = (await dialog.textContent()) ?? '';
    expect(text).not.toMatch(/resultName|standard|"/);
    expect(text).toContain('已自动合并对方的 1 处修改');
    const saveMerged = dialog.getByRole('button', { name: /保存合并结果/ });
    expect(await saveMerged.isDisabled()).toBe(true);
    await row.getByLabel('保留我的').check();
    await saveMerged.click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    const saved = await draftOf('EDIT-MERGE-2');
    expect(saved.config.standard.resultName).toBe('登记回执（我的）');
    expect(saved.config.examples[0]!.name).toBe('本人办理，材料齐全');
    expect(unexpectedErrors(errors, [409])).toEqual([]);
    await page.close();
  });

  it('says the other author’s value-based form logic that came in as the sentence the core writes, not as JSON', async () => {
    const residence = { type: 'string', title: '户籍所在地', enum: ['本盟市', '外盟市'] };
    await seed('EDIT-MERGE-3', (c) => { (c.form.schema.properties as Record<string, unknown>).residence = residence; });
    const { page, errors } = await openItem('EDIT-MERGE-3');
    await page.locator('#std_resultName').fill('灵活就业登记回执');
    await otherAuthorSaves('EDIT-MERGE-3', (c) => {
      (c.form.schema as Record<string, unknown>).allOf = [
        conditionalBranch({ name: 'permit', effect: 'show', when: { field: 'residence', operator: 'equal', value: '外盟市' }, requiredWhenShown: true }, { type: 'string', title: '居住证编号' }),
      ];
    });
    await save(page);
    await page.getByRole('status').filter({ hasText: '自动合并并保存' }).waitFor();
    const notice = page.getByRole('status', { name: '已合并的修改' });
    expect(await notice.textContent()).toContain('表单设计 · 条件逻辑：当「户籍所在地」为「外盟市」时需填写「居住证编号」');
    expect(await notice.textContent()).not.toMatch(/allOf|"if"|residence|permit|\{/);
    const saved = await draftOf('EDIT-MERGE-3');
    expect(saved.config.standard.resultName).toBe('灵活就业登记回执');
    expect((saved.config.form.schema as Record<string, unknown>).allOf).toHaveLength(1);
    expect(unexpectedErrors(errors, [409])).toEqual([]);
    await page.close();
  });

  it('undoes and redoes with the keyboard, a typed word as one step', async () => {
    await seed('EDIT-UNDO-1');
    const { page, errors } = await openItem('EDIT-UNDO-1');
    const resultName = page.locator('#std_resultName');
    await resultName.click();
    await resultName.press('End');
    await resultName.pressSequentially('回执', { delay: 30 });
    expect(await resultName.inputValue()).toBe('登记信息回执');
    const court = page.getByRole('checkbox', { name: '行政诉讼管辖法院' });
    await court.check();
    expect(await court.isChecked()).toBe(true);

    await page.keyboard.press('Control+z');
    expect(await court.isChecked()).toBe(false);
    expect(await resultName.inputValue()).toBe('登记信息回执');
    await page.keyboard.press('Control+z');
    expect(await resultName.inputValue()).toBe('登记信息');
    expect(await page.getByRole('button', { name: '撤销' }).isDisabled()).toBe(true);

    await page.keyboard.press('Control+Shift+z');
    expect(await resultName.inputValue()).toBe('登记信息回执');
    await page.keyboard.press('Control+y');
    expect(await court.isChecked()).toBe(true);
    expect(await page.getByRole('button', { name: '重做' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '撤销' }).click();
    expect(await court.isChecked()).toBe(false);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('asks before deleting a field a rule depends on, naming the rule, and before deleting a referenced material', async () => {
    await seed('EDIT-DELETE-1');
    const { page, errors } = await openItem('EDIT-DELETE-1', 'form');
    await page.getByRole('button', { name: '删除「身份证号码」' }).click();
    const ask = page.getByRole('dialog', { name: '删除字段「身份证号码」？' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('受理规则「under-16」的条件用到此字段');
    expect(await ask.textContent()).toContain('受理规则「under-18-consent」的条件用到此字段');
    await ask.getByRole('button', { name: '取消' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: '删除「身份证号码」' }).count()).toBe(1);

    await page.getByRole('tab', { name: '事项标准' }).click();
    await page.getByRole('button', { name: '删除材料「监护人同意书」' }).click();
    const askMaterial = page.getByRole('dialog', { name: '删除材料「监护人同意书」？' });
    await askMaterial.waitFor();
    expect(await askMaterial.textContent()).toContain('受理规则「under-18-consent」要求提交此材料');
    await askMaterial.getByRole('button', { name: '仍然删除' }).click();
    await askMaterial.waitFor({ state: 'detached' });
    expect(await page.locator('tr[data-material="guardian-consent"]').count()).toBe(0);
    // A material nothing refers to goes without a question.
    await page.getByRole('button', { name: '+ 添加材料' }).click();
    await page.getByRole('button', { name: '删除材料「新材料」' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.getByRole('button', { name: '删除材料「新材料」' }).count()).toBe(0);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('keeps every value ticked in 属地可设字段, picks materials by name, and navigates by section', async () => {
    await seed('EDIT-STD-1');
    const { page, errors } = await openItem('EDIT-STD-1');
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'designer-standard-sections.png'), fullPage: true });
    const nav = page.getByRole('navigation', { name: '事项标准要素' });
    expect(await nav.getByRole('link').count()).toBeGreaterThanOrEqual(20);
    await nav.getByRole('link', { name: '属地可设字段' }).click();
    for (const name of ['办理窗口', '监督投诉电话', '交通指引', '承办部门', '行政复议机关']) await page.getByRole('checkbox', { name }).check();
    const ticked = await page.locator('#std_localFields input[type=checkbox]:checked').count();
    expect(ticked).toBe(8);
    await page.locator('#std_reviewPoints_0_materialId').selectOption({ label: '近期免冠照片' });
    await page.getByRole('checkbox', { name: '企业法人' }).check();
    // The materials table still reorders by dragging inside its section.
    await page.locator('tr[data-material="photo"] .handle').dragTo(page.locator('tr[data-material="id-card"]'));
    await expect.poll(() => page.locator('table[aria-label="申请材料"] tbody tr').first().getAttribute('data-material')).toBe('photo');
    await save(page);
    await page.getByRole('status').filter({ hasText: '已保存（修订 2）' }).waitFor();
    const { config } = await draftOf('EDIT-STD-1');
    expect(config.standard.localFields).toEqual(['windowAddress', 'windowName', 'openingHours', 'consultPhone', 'complaintPhone', 'trafficGuide', 'handlingDepartment', 'reviewAuthority']);
    expect(config.standard.reviewPoints[0]!.materialId).toBe('photo');
    expect(config.standard.serviceObjects.map((o) => o.label)).toEqual(['自然人', '企业法人']);
    expect(config.standard.materials[0]!.id).toBe('photo');
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });

  it('discards the draft only after the author confirms', async () => {
    await seed('EDIT-DISCARD-1');
    const { page, errors } = await openItem('EDIT-DISCARD-1');
    await page.getByRole('button', { name: '放弃草稿' }).click();
    const ask = page.getByRole('dialog', { name: '放弃草稿' });
    await ask.waitFor();
    await ask.getByRole('button', { name: '取消' }).click();
    expect((await request(t.app).get('/api/items/EDIT-DISCARD-1/draft').set(t.as.author)).status).toBe(200);
    await page.getByRole('button', { name: '放弃草稿' }).click();
    await ask.getByRole('button', { name: '放弃草稿' }).click();
    await page.getByRole('heading', { name: '全部事项' }).waitFor();
    expect((await request(t.app).get('/api/items/EDIT-DISCARD-1/draft').set(t.as.author)).status).toBe(404);
    expect(unexpectedErrors(errors, [404])).toEqual([]);
    await page.close();
  });
});
