/**
 * The public page's form and live decision in traditional Mongolian, in Debian's chromium: after
 * the language switch a bilingual item's form shows its Mongolian titles and option labels (the
 * core's localizedForm), and the decision its outcome, missing materials and the rule's reason in the
 * item's own Mongolian (localizedDecision), vertical, lang="mn-Mong", in the self-hosted font.
 * Screenshot: test-artifacts/bilingual-form-decision-mn.png.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { labelOf, MONGOLIAN_FONT_FAMILY, outcomes, type Outcome } from '../../engine/core/index.js';
import { describeInChromium, TEST_ARTIFACTS, unexpectedErrors } from '../support/chromium.js';
import { bilingualItemSuite, MEDICAL } from './bilingual-item.js';

describeInChromium('the form and the decision in traditional Mongolian', () => {
  const { t, mn } = bilingualItemSuite();

  it('shows the public page’s form labels and options in Mongolian and the decision in Mongolian, vertical', async () => {
    const { page, errors } = await t.open(`/window/public/150102/${MEDICAL}`);
    await page.getByRole('group', { name: /语言/ }).first().getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
    await page.getByRole('tab', { name: '在线自查' }).click();

    const form = page.getByTestId('intake-form');
    expect(await form.getAttribute('lang')).toBe('mn-Mong');
    await expect.poll(() => page.locator('label[for="root_insuredName"]').textContent()).toContain(mn['form.insuredName.title']);
    expect(await page.locator('label[for="root_insuredStatus"]').textContent()).toContain(mn['form.insuredStatus.title']);
    const labelFont = await page.locator('label[for="root_insuredName"]').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(labelFont).toContain(MONGOLIAN_FONT_FAMILY);
    const options = await page.locator('#root_insuranceType option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['职工基本医疗保险', '城乡居民基本医疗保险'].map((v) => mn[`form.insuranceType.enum[${v}]`])));
    for (const v of ['参保缴费', '暂停缴费', '终止参保']) expect(await page.getByRole('radio', { name: mn[`form.insuredStatus.enum[${v}]`] }).count()).toBe(1);
    expect(await form.textContent()).toContain(mn['form.insuredStatus.help']);
    expect(await page.getByTestId('scenario-mn').first().textContent()).toContain(mn['standard.scenarios.general-info.name']);

    // Nothing handed in yet: the one-time notice names the missing materials in Mongolian.
    const decision = page.getByTestId('decision-mn');
    await expect.poll(() => decision.isVisible()).toBe(true);
    expect(await decision.getAttribute('lang')).toBe('mn-Mong');
    await expect.poll(() => page.getByTestId('missing-materials-mn').textContent()).toContain(mn['standard.materials.change-form.name']);
    const rendering = await decision.evaluate(async (el, family) => {
      await document.fonts.ready;
      return { writingMode: getComputedStyle(el).writingMode, fontFamily: getComputedStyle(el).fontFamily, loaded: document.fonts.check(`16px "${family}"`, 'ᠮᠣᠩᠭᠣᠯ'), tall: el.getBoundingClientRect().height > 200 };
    }, MONGOLIAN_FONT_FAMILY);
    expect(rendering).toMatchObject({ writingMode: 'vertical-lr', loaded: true, tall: true });
    expect(rendering.fontFamily).toContain(MONGOLIAN_FONT_FAMILY);

    // A terminated insurance, chosen by its Mongolian label: the rule's refusal, in the item's Mongolian.
    await page.getByRole('radio', { name: mn['form.insuredStatus.enum[终止参保]'] }).check();
    await expect.poll(() => page.getByTestId('reasons-mn').textContent()).toContain(mn['rules.terminated-insurance.message']);
    const outcome = (await page.getByTestId('outcome').getAttribute('data-outcome')) as Outcome;
    expect(await page.getByTestId('outcome-mn').textContent()).toBe(labelOf(outcomes, outcome, 'mn-Mong'));
    await page.screenshot({ path: join(TEST_ARTIFACTS, 'bilingual-form-decision-mn.png') });

    // Back to Chinese: the form's own Chinese titles, no Mongolian decision.
    await page.getByRole('button', { name: '中文' }).first().click();
    await expect.poll(() => page.locator('label[for="root_insuredName"]').textContent()).toContain('参保人姓名');
    expect(await page.getByTestId('decision-mn').count()).toBe(0);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });
});
