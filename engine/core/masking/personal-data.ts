import { maskIdNumber, maskPhone } from '../codes/index.js';

/*
 * ID numbers and mobiles are found however they are written: next to letters (`ID110…`,
 * `tel139…`), after +86 / 0086 / 86, broken by dashes or (full-width) spaces, in full-width
 * digits, inside JSON text as numbers or keys. Only digits bound a match (lookarounds instead of
 * \b, which letters defeat), and one separator may stand between any two digits.
 */
const DIGIT = '[0-9\\uFF10-\\uFF19]';
const SEPARATOR = '[\\s\\-\\u2010-\\u2015\\uFF0D]?';
const NOT_DIGIT_BEFORE = `(?<!${DIGIT})`;
const NOT_DIGIT_AFTER = `(?!${DIGIT})`;
const ID_NUMBER = new RegExp(`${NOT_DIGIT_BEFORE}${DIGIT}(?:${SEPARATOR}${DIGIT}){16}${SEPARATOR}[0-9\\uFF10-\\uFF19Xx\\uFF38\\uFF58]${NOT_DIGIT_AFTER}`, 'g');
const COUNTRY_CODE = `(?:(?:[+\\uFF0B]|00)?\\s?[8\\uFF18][6\\uFF16]${SEPARATOR})?`;
const MOBILE = new RegExp(`${NOT_DIGIT_BEFORE}${COUNTRY_CODE}[1\\uFF11]${SEPARATOR}[3-9\\uFF13-\\uFF19](?:${SEPARATOR}${DIGIT}){9}${NOT_DIGIT_AFTER}`, 'g');

/** ASCII digits and X of a match, without separators or country code. */
function plainDigits(match: string): string {
  return match
    .replace(/[\uFF10-\uFF19\uFF38\uFF58\uFF0B]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[^0-9Xx+]/g, '');
}

function maskMobile(match: string): string {
  const digits = plainDigits(match).replace(/^(?:\+|00)?86(?=1[3-9]\d{9}$)/, '');
  return maskPhone(digits.replace(/^\+/, ''));
}

/** Both an ID number (17 digits and a check character) and a mobile (11 digits) hold at least this many digits. */
const FEWEST_PERSONAL_DIGITS = 11;

/**
 * Whether text holds enough (ASCII or full-width) digits to hide an ID number or a mobile: most texts
 * do not, and are answered without running the detectors.
 */
export function mayHoldPersonalData(text: string): boolean {
  if (text.length < FEWEST_PERSONAL_DIGITS) return false;
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) {
      if (++digits >= FEWEST_PERSONAL_DIGITS) return true;
    }
  }
  return false;
}

/** Personal data never reaches a log line, listing or comment, whatever text it hides in. */
export function maskPersonalData(text: string): string {
  if (!mayHoldPersonalData(text)) return text;
  return text.replace(ID_NUMBER, (m) => maskIdNumber(plainDigits(m).toUpperCase())).replace(MOBILE, maskMobile);
}

/**
 * Every string at any depth — keys included — goes through maskPersonalData; an integer that
 * reads as an ID number or a mobile becomes its masked text. The value given is left untouched.
 */
export function maskPersonalDataDeep(value: unknown): unknown {
  if (typeof value === 'string') return maskPersonalData(value);
  if (typeof value === 'number' && Number.isInteger(value)) {
    const text = value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
    const masked = maskPersonalData(text);
    return masked === text ? value : masked;
  }
  if (Array.isArray(value)) return value.map(maskPersonalDataDeep);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [maskPersonalData(key), maskPersonalDataDeep(item)]));
  }
  return value;
}
