/**
 * The public page's inline form errors follow the form's language, in Debian's chromium: once the
 * reader switches to ᠮᠣᠩᠭᠣᠯ, a field filled in wrongly is named by its Mongolian title with the
 * core's Mongolian message (fieldErrorMessage in mn-Mong, catalogue part core-applicant); back in
 * Chinese the same field shows the Chinese message it always showed.
 */
import { expect, it } from 'vitest';
import { uiText } from '../../engine/core/index.js';
import { describeInChromium, unexpectedErrors } from '../support/chromium.js';
import { bilingualItemSuite, MEDICAL } from './bilingual-item.js';

describeInChromium('inline form errors in the form\'s language', () => {
  const { t, mn } = bilingualItemSuite();

  it('names a wrong mobile number in Mongolian on the Mongolian form, in Chinese on the Chinese one', async () => {
    const { page, errors } = await t.open(`/window/public/150102/${MEDICAL}`);
    await page.getByRole('group', { name: /语言/ }).first().getByRole('button', { name: 'ᠮᠣᠩᠭᠣᠯ' }).click();
    await page.getByRole('tab', { name: '在线自查' }).click();
    const form = page.getByTestId('intake-form');
    expect(await form.getAttribute('lang')).toBe('mn-Mong');

    await page.locator('#root_phone').fill('123');
    const title = mn['form.phone.title'] ?? '联系电话（手机）';
    const mongolian = uiText('core.form.format', 'mn-Mong', { title, format: uiText('core.form.format.cnMobile', 'mn-Mong') });
    await expect.poll(() => form.textContent()).toContain(mongolian);
    expect(await form.textContent()).not.toContain('不是有效的');

    await page.getByRole('button', { name: '中文' }).first().click();
    await expect.poll(() => page.getByTestId('intake-form').getAttribute('lang')).not.toBe('mn-Mong');
    await page.locator('#root_phone').fill('1234');
    await expect.poll(() => page.getByTestId('intake-form').textContent()).toContain('「联系电话（手机）」不是有效的手机号码');
    expect(await page.getByTestId('intake-form').textContent()).not.toContain(mongolian);
    expect(unexpectedErrors(errors)).toEqual([]);
    await page.close();
  });
});
