import { describe, expect, it } from 'vitest';
import {
  isValidOrganizationCode,
  isValidSocialCreditCode,
  organizationCodeCheckChar,
  socialCreditCheckChar,
} from './social-credit-code.js';

// Seeded so a failing case can be reproduced; mulberry32 is small enough to inline.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_CHECK_CHARS = '0123456789X';

describe('isValidSocialCreditCode', () => {
  it('accepts the published vectors', () => {
    for (const code of ['91350100M000100Y43', '91310230MA1K314J7C', '91310230MA1K314K57']) {
      expect(isValidSocialCreditCode(code), code).toBe(true);
    }
  });

  it('rejects a wrong check character', () => {
    expect(isValidSocialCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidSocialCreditCode('91310230MA1K314J7D')).toBe(false);
  });

  it('rejects I, O, Z, S and V anywhere', () => {
    for (const letter of 'IOZSV') {
      expect(isValidSocialCreditCode(`91350100M000100Y4${letter}`), letter).toBe(false);
      expect(isValidSocialCreditCode(`91350100${letter}000100Y43`), letter).toBe(false);
      expect(() => socialCreditCheckChar(`91350100${letter}000100Y4`)).toThrow(RangeError);
    }
  });

  it('rejects letters in the division part, wrong lengths, lower case and non-strings', () => {
    for (const value of ['9135A100M000100Y43', '91350100M000100Y4', '91350100M000100Y433', '91350100m000100y43', '']) {
      expect(isValidSocialCreditCode(value), value).toBe(false);
    }
    for (const value of [undefined, null, 91350100, {}, new String('91350100M000100Y43')]) {
      expect(isValidSocialCreditCode(value)).toBe(false);
    }
  });

  it('uses check character 0 when the weighted sum is a multiple of 31', () => {
    // The last body position has weight 28, invertible mod 31, so exactly one choice of it
    // makes the sum divisible by 31: the case where go-gb's Sum returns an empty character.
    const bodies = [...CHARSET].map((c) => `91150102MA000000${c}`);
    const zeroCases = bodies.filter((body) => socialCreditCheckChar(body) === '0');
    expect(zeroCases).toHaveLength(1);
    expect(isValidSocialCreditCode(`${zeroCases[0]}0`)).toBe(true);
  });

  it('makes only the computed check character valid (500 seeded bodies)', () => {
    const random = mulberry32(32_100);
    const pick = (chars: string): string => chars.charAt(Math.floor(random() * chars.length));
    const run = (chars: string, count: number): string => Array.from({ length: count }, () => pick(chars)).join('');
    for (let n = 0; n < 500; n++) {
      const body = run(CHARSET, 2) + run('0123456789', 6) + run(CHARSET, 9);
      const check = socialCreditCheckChar(body);
      expect(isValidSocialCreditCode(body + check), body + check).toBe(true);
      for (const other of CHARSET) {
        if (other !== check) expect(isValidSocialCreditCode(body + other), body + other).toBe(false);
      }
    }
  });
});

describe('isValidOrganizationCode', () => {
  it('accepts the published vector with or without the hyphen', () => {
    expect(organizationCodeCheckChar('M000100Y')).toBe('4');
    expect(isValidOrganizationCode('M000100Y4')).toBe(true);
    expect(isValidOrganizationCode('M000100Y-4')).toBe(true);
  });

  it('maps 10 to X and 11 to 0', () => {
    // The last body position has weight 2, so varying it reaches every residue mod 11.
    const bodies = [...'0123456789A'].map((c) => `1234567${c}`);
    const xBody = bodies.find((body) => organizationCodeCheckChar(body) === 'X');
    const zeroBody = bodies.find((body) => organizationCodeCheckChar(body) === '0');
    expect(xBody).toBeDefined();
    expect(zeroBody).toBeDefined();
    expect(isValidOrganizationCode(`${xBody}X`)).toBe(true);
    expect(isValidOrganizationCode(`${zeroBody}-0`)).toBe(true);
  });

  it('rejects wrong check characters and malformed input', () => {
    for (const value of ['M000100Y5', 'M000100Y-X', 'M000100Y--4', 'm000100y4', 'M000100Y', 'M000100Y44', '']) {
      expect(isValidOrganizationCode(value), value).toBe(false);
    }
    expect(isValidOrganizationCode(null)).toBe(false);
    expect(isValidOrganizationCode(1234)).toBe(false);
  });

  it('makes only the computed check character valid (500 seeded bodies)', () => {
    const random = mulberry32(11_714);
    const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let n = 0; n < 500; n++) {
      const body = Array.from({ length: 8 }, () => chars.charAt(Math.floor(random() * chars.length))).join('');
      const check = organizationCodeCheckChar(body);
      expect(isValidOrganizationCode(body + check), body + check).toBe(true);
      for (const other of ORG_CHECK_CHARS) {
        if (other !== check) expect(isValidOrganizationCode(body + other), body + other).toBe(false);
      }
    }
  });
});
