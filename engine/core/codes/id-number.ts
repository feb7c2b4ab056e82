/**
 * 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 *
 * The address code is deliberately not checked against a division list: it records where
 * the number was first issued and may be a code that has since been abolished or renumbered.
 * 15-digit first-generation numbers are not accepted; the standard defines 18 characters
 * and those cards stopped being valid in 2013.
 *
 * @module
 */

import { isIsoDate } from './calendar-date.js';

export type Sex = 'male' | 'female';

export interface IdNumberInfo {
  /** `YYYY-MM-DD`. */
  readonly birthDate: string;
  readonly sex: Sex;
  /** First six digits, as issued; possibly a historic division code. */
  readonly addressCode: string;
}

// 2^(17−i) mod 11 for positions 1..17.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
// Indexed by (Σ mod 11): the character that brings the weighted sum to 1 (mod 11).
const CHECK_CHARS = '10X98765432';
const BODY = /^\d{17}$/;
const ID_NUMBER = /^\d{17}[\dX]$/;

/** The check character (`0`–`9` or `X`) for a 17-digit body. Throws on any other input. */
export function idNumberCheckChar(first17: string): string {
  if (typeof first17 !== 'string' || !BODY.test(first17)) {
    throw new RangeError('idNumberCheckChar: expected 17 digits');
  }
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) sum += (first17.charCodeAt(i) - 48) * weight;
  return CHECK_CHARS.charAt(sum % 11);
}

/**
 * Returns the birth date, sex and address code of a valid ID number, or null.
 * A lowercase `x` is accepted because people often type it that way.
 */
export function parseIdNumber(value: unknown): IdNumberInfo | null {
  if (typeof value !== 'string' || value.length !== 18) return null;
  // Only the last character may differ by case; upper-casing digits is a no-op.
  const id = value.slice(0, 17) + value.charAt(17).toUpperCase();
  if (!ID_NUMBER.test(id)) return null;
  if (idNumberCheckChar(id.slice(0, 17)) !== id.charAt(17)) return null;
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birthDate)) return null;
  return {
    birthDate,
    sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
    addressCode: id.slice(0, 6),
  };
}

export function isValidIdNumber(value: unknown): boolean {
  return parseIdNumber(value) !== null;
}

/**
 * `1501**********123X`: keeps the first 4 and last 4 characters so a clerk can match a
 * number against a card without the screen or a log exposing the birth date.
 * Other strings follow the generic rule of {@link maskMiddle}.
 */
export function maskIdNumber(value: string): string {
  return maskMiddle(value);
}

/** `138****5678` for 11-digit mainland mobiles (the usual 3+4 display); generic rule otherwise. */
export function maskPhone(value: string): string {
  if (/^1\d{10}$/.test(value)) return `${value.slice(0, 3)}****${value.slice(7)}`;
  return maskMiddle(value);
}

/**
 * Strings of 8 or more characters keep their first 4 and last 4 characters; shorter ones keep
 * only the last character, because keeping 4 + 4 of a short value would reveal most of it.
 * Works on code points so a masked name or address never splits a surrogate pair.
 */
function maskMiddle(value: string): string {
  const chars = Array.from(value);
  if (chars.length >= 8) {
    return chars.slice(0, 4).join('') + '*'.repeat(chars.length - 8) + chars.slice(-4).join('');
  }
  if (chars.length === 0) return '';
  return '*'.repeat(chars.length - 1) + chars.slice(-1).join('');
}
