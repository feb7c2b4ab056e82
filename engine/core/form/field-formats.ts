import type { Ajv } from 'ajv';
import { isValidIdNumber, isValidSocialCreditCode, divisionLevel } from '../codes/index.js';

/**
 * Formats an intake form may name in its JSON Schema. They are ours, not ajv-formats', so the
 * designer palette, the validator and the runtime agree on what "an ID number field" accepts.
 */
export const fieldFormats = {
  'cn-id-number': { label: '居民身份证号码', validate: (value: string) => isValidIdNumber(value) },
  'cn-social-credit-code': { label: '统一社会信用代码', validate: (value: string) => isValidSocialCreditCode(value) },
  'cn-mobile': { label: '手机号码', validate: (value: string) => /^1[3-9][0-9]{9}$/.test(value) },
  'cn-phone': {
    label: '联系电话',
    validate: (value: string) => /^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}(-[0-9]{1,6})?)$/.test(value),
  },
  'cn-division': { label: '行政区划代码', validate: (value: string) => divisionLevel(value) !== null },
} as const;

export type FieldFormat = keyof typeof fieldFormats;

export function addFieldFormats(ajv: Ajv): void {
  for (const [name, format] of Object.entries(fieldFormats)) {
    ajv.addFormat(name, { type: 'string', validate: format.validate });
  }
}
