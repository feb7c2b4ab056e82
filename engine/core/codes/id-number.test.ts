import { describe, expect, it } from 'vitest';
import { idNumberCheckChar, isValidIdNumber, maskIdNumber, maskPhone, parseIdNumber } from './id-number.js';

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

const CHECK_CHARS = '0123456789X';

describe('parseIdNumber', () => {
  it('accepts the published GB 11643 vectors', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      birthDate: '1949-12-31',
      sex: 'female',
      addressCode: '110105',
    });
    expect(parseIdNumber('110105195001010039')).toEqual({
      birthDate: '1950-01-01',
      sex: 'male',
      addressCode: '110105',
    });
  });

  it('accepts a lowercase x check character', () => {
    expect(parseIdNumber('11010519491231002x')?.birthDate).toBe('1949-12-31');
  });

  it('does not check the address code against a division list', () => {
    // 150101 (呼和浩特市市辖区) is not a current county, but numbers issued there stay valid.
    const body = '15010119800101001';
    expect(isValidIdNumber(body + idNumberCheckChar(body))).toBe(true);
  });

  it('rejects a wrong check character', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('110105195001010038')).toBe(false);
  });

  it('rejects impossible birth dates even with a correct check character', () => {
    for (const date of ['19990230', '19000229', '19801301', '19800100', '19800132']) {
      const body = `150102${date}001`;
      expect(isValidIdNumber(body + idNumberCheckChar(body)), date).toBe(false);
    }
    const leap = '15010220000229001';
    expect(parseIdNumber(leap + idNumberCheckChar(leap))?.birthDate).toBe('2000-02-29');
  });

  it('rejects wrong lengths, letters and non-strings', () => {
    for (const value of [
      '11010519491231002',
      '11010519491231002XX',
      '110105491231002',
      '1101051949123100AX',
      '11010519491231002Y',
      ' 11010519491231002X',
      '１１０１０５１９４９１２３１００２Ｘ',
      '',
    ]) {
      expect(isValidIdNumber(value), value).toBe(false);
    }
    for (const value of [undefined, null, 110105195001010039, {}, ['11010519491231002X'], new String('11010519491231002X')]) {
      expect(isValidIdNumber(value)).toBe(false);
    }
  });

  it('reports sex from the parity of the 17th digit', () => {
    for (let digit = 0; digit <= 9; digit++) {
      const body = `1501021980010100${digit}`;
      expect(parseIdNumber(body + idNumberCheckChar(body))?.sex).toBe(digit % 2 === 1 ? 'male' : 'female');
    }
  });

  it('makes only the computed check character valid (500 seeded bodies)', () => {
    const random = mulberry32(11_643);
    for (let n = 0; n < 500; n++) {
      const days = Math.floor(random() * 365 * 120);
      const birth = new Date(Date.UTC(1910, 0, 1) + days * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
      const digits = (count: number): string =>
        Array.from({ length: count }, () => Math.floor(random() * 10)).join('');
      const body = digits(6) + birth + digits(3);
      const check = idNumberCheckChar(body);
      expect(isValidIdNumber(body + check), body + check).toBe(true);
      for (const other of CHECK_CHARS) {
        if (other !== check) expect(isValidIdNumber(body + other), body + other).toBe(false);
      }
    }
  });
});

describe('idNumberCheckChar', () => {
  it('throws on anything but 17 digits', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 4 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('15010219800101123X')).toBe('1501**********123X');
  });

  it('applies the generic rule to other strings', () => {
    expect(maskIdNumber('ABCDEFGHIJ')).toBe('ABCD**GHIJ');
    expect(maskIdNumber('ABCDEFGH')).toBe('ABCDEFGH');
    expect(maskIdNumber('ABCDEFG')).toBe('******G');
    expect(maskIdNumber('A')).toBe('A');
    expect(maskIdNumber('')).toBe('');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(maskIdNumber('𠀀𠀁𠀂')).toBe('**𠀂');
  });
});

describe('maskPhone', () => {
  it('keeps 3 + 4 digits of a mainland mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('uses the generic rule for other numbers', () => {
    expect(maskPhone('0471-6612345')).toBe('0471****2345');
    expect(maskPhone('12345')).toBe('****5');
    expect(maskPhone('23812345678')).toBe('2381***5678');
  });
});
