import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PersonalDataCodec } from './personal-data-codec.js';

const KEY = randomBytes(32);
const codec = new PersonalDataCodec(KEY);
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

  it('seals a whole JSON text as bytes once, opens it with the key that wrote it, and refuses tampered bytes or another key', () => {
    const json = JSON.stringify({ name: '王五', idNumber: ID, note: 'enc:v2:0123456789abcdef:AAAA' });
    const sealed = codec.sealJsonBytes(json);
    expect(sealed.toString('latin1', 0, 24)).toBe(`enc:v2:${codec.currentKeyId}:`);
    expect(sealed.toString('latin1')).not.toContain(ID);
    expect(codec.openJsonBytes(sealed)).toBe(json);
    expect(codec.sealJsonBytes(json).equals(sealed)).toBe(false);
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 20]! ^= 1;
    expect(() => codec.openJsonBytes(tampered)).toThrow(/数据密钥/);
    expect(() => new PersonalDataCodec(randomBytes(32)).openJsonBytes(sealed)).toThrow(/数据密钥/);
    expect(() => codec.openJsonBytes(Buffer.from('{"plain":true}'))).toThrow(/数据密钥.*与写入时不同/);
  });

  it('re-encrypts whole-sealed bytes under the current key of a rotated ring, and leaves current ones alone', () => {
    const old = randomBytes(32);
    const before = new PersonalDataCodec(old);
    const sealed = before.sealJsonBytes('{"a":1}');
    const rotated = new PersonalDataCodec({ current: randomBytes(32), previous: [old] });
    const next = rotated.reencryptJsonBytes(sealed);
    expect(next?.toString('latin1', 0, 24)).toBe(`enc:v2:${rotated.currentKeyId}:`);
    expect(rotated.openJsonBytes(next!)).toBe('{"a":1}');
    expect(rotated.reencryptJsonBytes(next!)).toBeNull();
  });

  it('seals a whole JSON text as a JSON string that key rotation\'s scan finds', () => {
    const stored = codec.sealJsonText('{"idNumber":"' + ID + '"}');
    expect(JSON.parse(stored)).toMatch(/^enc:v2:/);
    expect(codec.openJsonText(stored)).toBe('{"idNumber":"' + ID + '"}');
    expect(codec.openJsonText('{"plain":true}')).toBeNull();
    const rotated = new PersonalDataCodec({ current: randomBytes(32), previous: [KEY] });
    expect(rotated.openJsonText(rotated.reencryptStoredJson(stored)!)).toBe('{"idNumber":"' + ID + '"}');
  });
});
