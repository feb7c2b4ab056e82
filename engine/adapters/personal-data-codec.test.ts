import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PersonalDataCodec } from './personal-data-codec.js';

const codec = new PersonalDataCodec(randomBytes(32));
const ID = '11010519491231002X';

describe('PersonalDataCodec', () => {
  it('seals ID numbers and mobiles at any depth and opens them back; other values stay as they are', () => {
    const form = { name: '王五', idNumber: ID, contacts: [{ phone: '13912345678' }, { note: '住址 新城区 12 号' }], age: 75 };
    const sealed = codec.seal(form);
    expect(sealed.idNumber).toMatch(/^enc:v2:/);
    expect(sealed.contacts[0]!.phone).toMatch(/^enc:v2:/);
    expect(sealed.contacts[1]).toBe(form.contacts[1]);
    expect(sealed.name).toBe('王五');
    expect(form.idNumber).toBe(ID);
    expect(codec.open(sealed)).toEqual(form);
  });

  it('returns a value holding nothing personal as it is, not a copy', () => {
    const decision = { outcome: 'accept', reasons: [{ ruleId: 'age', message: '年满 60 周岁' }], facts: { age: 75 } };
    expect(codec.seal(decision)).toBe(decision);
  });

  it('encrypts a value met twice in one record once, and afresh in the next record', () => {
    const first = codec.sealer();
    const form = first({ idNumber: ID });
    const decision = first({ facts: { idNumber: ID } });
    expect(decision.facts.idNumber).toBe(form.idNumber);
    const next = codec.sealer()({ idNumber: ID });
    expect(next.idNumber).not.toBe(form.idNumber);
    expect(codec.open(next)).toEqual({ idNumber: ID });
  });

  it('never uses an IV twice across many values', () => {
    const ivs = new Set(Array.from({ length: 2_000 }, () => Buffer.from(codec.sealText(ID).split(':')[3]!, 'base64').subarray(0, 12).toString('hex')));
    expect(ivs.size).toBe(2_000);
  });

  it('keeps a field named __proto__ an own key when something beside it is sealed', () => {
    const form = JSON.parse(`{"__proto__":{"x":1},"idNumber":"${ID}"}`) as Record<string, unknown>;
    const sealed = codec.seal(form);
    expect(Object.keys(sealed)).toEqual(['__proto__', 'idNumber']);
    expect(Object.getPrototypeOf(sealed)).toBe(Object.prototype);
    expect(codec.open(sealed)).toEqual(form);
  });
});
