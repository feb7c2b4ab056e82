import type { Ajv } from 'ajv';
import { isValidIdNumber, isValidSocialCreditCode, divisionLevel } from '../codes/index.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

/**
 * Formats an intake form may name in its JSON Schema. They are ours, not ajv-formats', so the
 * designer palette, the validator and the runtime agree on what "an ID number field" accepts.
 * `label` is the Chinese name; `labelKey` the catalogue key that names it in another language.
 */
export const fieldFormats = {
  'cn-id-number': { labelKey: 'core.form.format.cnIdNumber', label: uiText('core.form.format.cnIdNumber'), validate: (value: string) => isValidIdNumber(value) },
  'cn-social-credit-code': { labelKey: 'core.form.format.cnSocialCreditCode', label: uiText('core.form.format.cnSocialCreditCode'), validate: (value: string) => isValidSocialCreditCode(value) },
  'cn-mobile': { labelKey: 'core.form.format.cnMobile', label: uiText('core.form.format.cnMobile'), validate: (value: string) => /^1[3-9][0-9]{9}$/.test(value) },
  'cn-phone': {
    labelKey: 'core.form.format.cnPhone',
    label: uiText('core.form.format.cnPhone'),
    validate: (value: string) => /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?)$/.test(value),
  },
  'cn-division': { labelKey: 'core.form.format.cnDivision', label: uiText('core.form.format.cnDivision'), validate: (value: string) => divisionLevel(value) !== null },
} as const;

export type FieldFormat = keyof typeof fieldFormats;

export function addFieldFormats(ajv: Ajv): void {
  for (const [name, format] of Object.entries(fieldFormats)) {
    ajv.addFormat(name, { type: 'string', validate: format.validate });
  }
}
