import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { contentHash, sha256Hex } from './content-hash.js';

describe('canonical JSON and content hash', () => {
  it('sorts keys at every depth so key order never changes the hash', () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: '中文' } };
    const b = { a: { c: '中文', d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":"中文","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(contentHash(a)).toBe(contentHash(b));
  });

  it('keeps array order significant and distinguishes values', () => {
    expect(contentHash([1, 2])).not.toBe(contentHash([2, 1]));
    expect(contentHash({ a: 1 })).not.toBe(contentHash({ a: '1' }));
  });

  it('drops undefined properties as JSON does and refuses non-finite numbers', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/Non-finite/);
  });

  it('hashes UTF-8 with SHA-256', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('通办')).toHaveLength(64);
  });
});
