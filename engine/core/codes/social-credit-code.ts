/**
 * 统一社会信用代码 (GB 32100-2015) and 组织机构代码 (GB 11714).
 *
 * A credit code is: registering authority (1 char), entity category (1), the registering
 * authority's GB/T 2260 division code (6 digits), the 9-char organisation code body
 * (主体标识码) and a MOD 31-3 check character. Both standards live in one file because the
 * organisation code is embedded in the credit code and the two are validated together.
 *
 * @module
 */

// 0–9 and A–Y without I, O, Z, S, V (easily misread as 1, 0, 2, 5, U); position = value.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
// 3^i mod 31 for positions 1..17.
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_BODY = /^[0-9A-Z]{8}$/;
// Printed codes often carry a hyphen before the check character (e.g. `M000100Y-4`).
const ORG_CODE = /^([0-9A-Z]{8})-?([0-9X])$/;

/**
 * The check character for the first 17 characters of a credit code. Throws if any of them
 * is outside the 31-character set.
 */
export function socialCreditCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || first17.length !== 17) {
    throw new RangeError('socialCreditCheckChar: expected 17 characters');
  }
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) {
    const value = CHARSET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`socialCreditCheckChar: invalid character at position ${i + 1}`);
    sum += value * weight;
  }
  // The outer `% 31` matters: when the sum is already a multiple of 31 the check value is 0,
  // not 31. wenerme/go-gb's Sum skips it and returns an empty character in that case.
  return CHARSET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Upper case only: codes are issued and printed in upper case, and validation should not
 * quietly accept a different spelling from the one that will be stored. Normalise user
 * input (trim, upper-case) before calling this.
 */
export function isValidSocialCreditCode(value: unknown): boolean {
  if (typeof value !== 'string' || !CREDIT_CODE.test(value)) return false;
  return socialCreditCheckChar(value.slice(0, 17)) === value.charAt(17);
}

/** The GB 11714 check character (`0`–`9` or `X`) for an 8-character body. */
export function organizationCodeCheckChar(first8: string): string {
  if (typeof first8 !== 'string' || !ORG_BODY.test(first8)) {
    throw new RangeError('organizationCodeCheckChar: expected 8 characters 0-9 or A-Z');
  }
  let sum = 0;
  for (const [i, weight] of ORG_WEIGHTS.entries()) sum += Number.parseInt(first8.charAt(i), 36) * weight;
  const check = 11 - (sum % 11);
  // 11 (sum divisible by 11) maps to 0; go-gb omits this case and would reject such codes.
  if (check === 11) return '0';
  return check === 10 ? 'X' : String(check);
}

/** A 9-character organisation code, with or without the hyphen before the check character. */
export function isValidOrganizationCode(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const match = ORG_CODE.exec(value);
  if (match === null || match[1] === undefined) return false;
  return organizationCodeCheckChar(match[1]) === match[2];
}
