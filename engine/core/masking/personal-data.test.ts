import { describe, expect, it } from 'vitest';
import { mayHoldPersonalData, maskPersonalData, maskPersonalDataDeep } from './personal-data.js';

/** A small seeded generator (mulberry32): every run tries the same variants, and a failure names its seed. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(10))).join('');
  return { int, pick, digits, chance: (p: number) => next() < p };
}

type Gen = ReturnType<typeof generator>;

const SEPARATORS = ['-', ' ', '\u3000', '－', '\u2014'] as const;
const LETTERS_BEFORE = ['', 'ID', 'id:', 'tel', 'Tel:', 'No.', '身份证', '手机号', '电话：', 'a', '（', '"'] as const;
const LETTERS_AFTER = ['', 'x', '号', 'abc', '）', '，请回电', '"', ' end'] as const;

const fullWidth = (c: string) => (/[0-9Xx]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c);

/** Writes `number` the way people do: some digits full-width, a separator here and there (never two in a row). */
function written(g: Gen, number: string): string {
  const width = g.pick(['ascii', 'full', 'mixed'] as const);
  const separated = g.chance(0.5);
  let out = '';
  for (let i = 0; i < number.length; i++) {
    const c = number[i] as string;
    out += width === 'full' || (width === 'mixed' && g.chance(0.5)) ? fullWidth(c) : c;
    if (separated && i < number.length - 1 && g.chance(0.3)) out += g.pick(SEPARATORS);
  }
  return out;
}

function idNumber(g: Gen): string {
  return `${1 + g.int(9)}${g.digits(16)}${g.pick(['X', 'x', String(g.int(10))])}`;
}

function mobile(g: Gen): string {
  return `1${3 + g.int(7)}${g.digits(9)}`;
}

/** Output normalized to ASCII digits without separators: what a reader could piece a number back from. */
function readable(text: string): string {
  return text.replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\s\-\u2010-\u2015\uFF0D]/g, '').toUpperCase();
}

const RUNS = 2_000;

describe('maskPersonalData over generated variants', () => {
  it('never leaves a whole ID number readable, however it is written', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const g = generator(seed);
      const id = idNumber(g);
      const text = `${g.pick(LETTERS_BEFORE)}${written(g, id)}${g.pick(LETTERS_AFTER)}`;
      const masked = maskPersonalData(text);
      expect(readable(masked), `seed ${seed}: ${text} → ${masked}`).not.toContain(id.toUpperCase());
      expect(masked, `seed ${seed}`).toContain('*');
    }
  });

  it('never leaves a whole mobile readable, with or without +86 / 0086 / 86', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const g = generator(seed);
      const phone = mobile(g);
      const prefix = g.pick(['', '+86', '+86 ', '0086', '86-', '＋86', '+８６'] as const);
      const text = `${g.pick(LETTERS_BEFORE)}${prefix}${written(g, phone)}${g.pick(LETTERS_AFTER)}`;
      const masked = maskPersonalData(text);
      expect(readable(masked), `seed ${seed}: ${text} → ${masked}`).not.toContain(phone);
      expect(masked, `seed ${seed}`).toContain(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    }
  });

  it('masks JSON text holding them as numbers, strings or keys', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const g = generator(seed);
      const phone = mobile(g);
      const id = idNumber(g).replace(/x/i, '1');
      const json = JSON.stringify({ [phone]: Number(phone), note: `ID${id}`, list: [Number(phone)] });
      const masked = maskPersonalData(json);
      expect(masked, `seed ${seed}`).not.toContain(phone);
      expect(masked, `seed ${seed}`).not.toContain(id);
    }
  });

  it('leaves ordinary numbers alone: dates, amounts, codes shorter than a mobile', () => {
    for (const text of ['2025-06-01', '金额 1234567 元', '事项 SAMPLE-GA-0001 第 12 版', '150102', '受理编号 TB15010220250601-000123', 'TB15292110120250601-000001']) {
      expect(maskPersonalData(text)).toBe(text);
    }
  });
});

describe('maskPersonalDataDeep', () => {
  it('masks keys, strings and integers at any depth, and leaves the value given untouched', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const g = generator(seed);
      const phone = mobile(g);
      const id = idNumber(g);
      const value = { applicant: { [`tel${phone}`]: true, idNumber: written(g, id), phone: Number(phone), nested: [{ phone: `+86 ${phone}` }] }, count: 3 };
      const before = JSON.stringify(value);
      const masked = JSON.stringify(maskPersonalDataDeep(value));
      expect(readable(masked), `seed ${seed}: ${masked}`).not.toContain(phone);
      expect(readable(masked), `seed ${seed}: ${masked}`).not.toContain(id.toUpperCase());
      expect(masked).toContain('"count":3');
      expect(JSON.stringify(value)).toBe(before);
    }
  });
});

describe('mayHoldPersonalData', () => {
  it('answers no below eleven digits and yes from eleven, ASCII or full-width, however they are spread', () => {
    expect(mayHoldPersonalData('年满 60 周岁，已缴 15 年')).toBe(false);
    expect(mayHoldPersonalData('1391234567')).toBe(false);
    expect(mayHoldPersonalData('139-1234-5678')).toBe(true);
    expect(mayHoldPersonalData('１３９１２３４５６７８')).toBe(true);
    // Every text the detectors change passes the pre-check.
    for (const text of ['tel:139 1234 5678', '+86 13912345678', 'ID11010519491231002X', '１１０１０５１９４９１２３１００２Ｘ']) {
      expect(maskPersonalData(text)).not.toBe(text);
      expect(mayHoldPersonalData(text)).toBe(true);
    }
  });
});
