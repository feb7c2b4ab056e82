import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../core/canonical/index.js';
import { nativeSha256Hex } from './bearer-auth.js';

describe('nativeSha256Hex', () => {
  it('is the core digest of the same UTF-8 text (ASCII, Chinese, traditional Mongolian, astral, empty)', () => {
    for (const text of ['', 'tb_abcDEF0123456789-_', '政务服务中心', 'ᠮᠣᠩᠭᠣᠯ', '🚀 x'.repeat(40)]) expect(nativeSha256Hex(text)).toBe(sha256Hex(text));
    expect(nativeSha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
