import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  compareIsoDates,
  daysInMonth,
  isIsoDate,
  isLeapYear,
  parseIsoDate,
  todayInRegion,
} from './calendar-date.js';

describe('parseIsoDate', () => {
  it('splits a valid date', () => {
    expect(parseIsoDate('2024-05-21')).toEqual({ year: 2024, month: 5, day: 21 });
  });

  it('follows the Gregorian leap-year rule', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(daysInMonth(2023, 2)).toBe(28);
  });

  it('rejects impossible dates and loose formats', () => {
    for (const value of [
      '1999-02-30',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '2024-1-5',
      '20240105',
      '2024-01-05T00:00:00Z',
      ' 2024-01-05',
      '+02024-01-05',
      '',
    ]) {
      expect(isIsoDate(value), value).toBe(false);
    }
    for (const value of [null, undefined, 20240105, new Date(0)]) {
      expect(isIsoDate(value)).toBe(false);
    }
  });

  it('reads exactly the strings /^(\\d{4})-(\\d{2})-(\\d{2})$/ matches, with the same parts', () => {
    const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;
    // Characters around each position's expected one: digits, the separator, their ASCII neighbours, full-width digits, a newline.
    const alphabet = ['0', '1', '2', '3', '9', '-', '/', ':', '.', '０', '\n', ' '];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % alphabet.length;
    const candidates = ['0000-01-01', '9999-12-31', '2024-02-29', '2024-01-05\n', '２０２４-01-05'];
    for (let i = 0; i < 20_000; i++) {
      const base = '2024-03-15'.split('');
      base[next() % 10] = alphabet[next()] as string;
      if (i % 3 === 0) base[next() % 10] = alphabet[next()] as string;
      candidates.push(base.join(''));
    }
    for (const value of candidates) {
      const match = pattern.exec(value);
      const expected = match && daysInMonth(Number(match[1]), Number(match[2])) >= Number(match[3]) && Number(match[2]) >= 1 && Number(match[2]) <= 12 && Number(match[3]) >= 1
        ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
        : null;
      expect(parseIsoDate(value), JSON.stringify(value)).toEqual(expected);
    }
  });
});

describe('compareIsoDates', () => {
  it('orders dates and throws on invalid input', () => {
    expect(compareIsoDates('2024-01-02', '2024-01-10')).toBeLessThan(0);
    expect(compareIsoDates('2024-12-31', '2024-01-01')).toBeGreaterThan(0);
    expect(compareIsoDates('2024-02-29', '2024-02-29')).toBe(0);
    expect(() => compareIsoDates('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2024-05-21', 0)).toBe('2024-05-21');
    expect(addDays('2000-01-01', 366)).toBe('2001-01-01');
    expect(addDays('0001-01-01', -1)).toBe('0000-12-31');
  });

  it('agrees with Date.UTC over a long span', () => {
    const start = Date.UTC(1899, 0, 1);
    for (let days = 0; days < 365 * 250; days += 37) {
      const expected = new Date(start + days * 86_400_000).toISOString().slice(0, 10);
      expect(addDays('1899-01-01', days)).toBe(expected);
      expect(addDays(expected, -days)).toBe('1899-01-01');
    }
  });

  it('throws on fractional days and on leaving four-digit years', () => {
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0000-01-01', -1)).toThrow(RangeError);
    expect(() => addDays('2024-02-30', 1)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  it('goes up on the birthday, not the day before', () => {
    expect(ageOn('2006-05-21', '2024-05-20')).toBe(17);
    expect(ageOn('2006-05-21', '2024-05-21')).toBe(18);
    expect(ageOn('2006-05-21', '2006-05-21')).toBe(0);
    expect(ageOn('2006-12-31', '2024-01-01')).toBe(17);
  });

  it('counts a 29 February birthday from 1 March in common years', () => {
    expect(ageOn('2004-02-29', '2022-02-28')).toBe(17);
    expect(ageOn('2004-02-29', '2022-03-01')).toBe(18);
    expect(ageOn('2004-02-29', '2024-02-28')).toBe(19);
    expect(ageOn('2004-02-29', '2024-02-29')).toBe(20);
  });

  it('throws when the date is before birth or invalid', () => {
    expect(() => ageOn('2006-05-21', '2006-05-20')).toThrow(RangeError);
    expect(() => ageOn('2006-02-30', '2024-01-01')).toThrow(RangeError);
  });
});

describe('todayInRegion', () => {
  it('uses UTC+8 whatever the host time zone', () => {
    expect(todayInRegion(new Date('2024-01-01T16:30:00Z'))).toBe('2024-01-02');
    expect(todayInRegion(new Date('2024-01-01T15:59:59.999Z'))).toBe('2024-01-01');
    expect(todayInRegion(new Date('2024-01-01T16:00:00Z'))).toBe('2024-01-02');
    expect(todayInRegion(new Date('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
  });

  it('defaults to now and rejects an invalid Date', () => {
    expect(isIsoDate(todayInRegion())).toBe(true);
    expect(() => todayInRegion(new Date(Number.NaN))).toThrow(RangeError);
  });
});
