import { describe, expect, it } from 'vitest';
import { problemIn, ValidationFailedError } from '../errors.js';
import { uiText } from '../i18n/catalogue/catalogue.js';
import {
  checkVersionSignature,
  createSigner,
  generateSigningKeyPair,
  keyIdOf,
  parseTrustedKeys,
  publicationStatement,
  signingKeyPairFromSecret,
  signVersion,
  trustedKeyEntry,
  type SignedVersionFields,
} from './index.js';

const fields: SignedVersionFields = { code: 'SIGN-1', version: 3, hash: 'a'.repeat(64), publishedAt: '2026-03-01T08:00:00.000Z', reviewer: 'reviewer-li' };

function regionKey(validFrom = '2026-01-01T00:00:00.000Z', validUntil?: string) {
  const pair = generateSigningKeyPair();
  return { pair, signer: createSigner(pair), trusted: trustedKeyEntry(pair.publicKey, validFrom, validUntil) };
}

describe('publication signatures', () => {
  it('names a key by the first 16 hex digits of SHA-256 over its public key, and rebuilds a pair from its secret', () => {
    const { pair } = regionKey();
    expect(pair.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(pair.publicKey)).toBe(pair.keyId);
    expect(signingKeyPairFromSecret(pair.secretKey)).toEqual(pair);
    expect(() => signingKeyPairFromSecret('not-a-key')).toThrow(/64 位十六进制/);
  });

  it('signs canonical JSON of code, version, hash, publishedAt, reviewer and key id', () => {
    const statement = publicationStatement(fields, 'k1');
    expect(JSON.parse(statement)).toEqual({ purpose: 'tongban/version-publication/v1', ...fields, keyId: 'k1' });
    expect(publicationStatement({ reviewer: fields.reviewer, publishedAt: fields.publishedAt, hash: fields.hash, version: 3, code: 'SIGN-1' }, 'k1')).toBe(statement);
  });

  it('trusts a version signed by a listed key valid at its publishedAt', () => {
    const { signer, trusted } = regionKey();
    const signature = signVersion(fields, signer);
    expect(checkVersionSignature({ ...fields, signature }, [trusted])).toEqual({ trusted: true, keyId: signer.keyId });
  });

  it.each([
    ['a changed content hash', { hash: 'b'.repeat(64) }],
    ['a changed reviewer', { reviewer: 'nobody-fabricated' }],
    ['a changed version number', { version: 4 }],
    ['a changed code', { code: 'SIGN-2' }],
    ['a changed publication time', { publishedAt: '2026-03-02T08:00:00.000Z' }],
  ])('refuses %s as a bad signature', (_what, change) => {
    const { signer, trusted } = regionKey();
    const signature = signVersion(fields, signer);
    const check = checkVersionSignature({ ...fields, ...change, signature }, [trusted]);
    expect(check).toMatchObject({ trusted: false, reason: 'bad-signature' });
    expect(check.trusted ? '' : check.message).toContain('签名无效');
  });

  it('refuses an unsigned version, naming the item and version', () => {
    const { trusted } = regionKey();
    const check = checkVersionSignature(fields, [trusted]);
    expect(check).toMatchObject({ trusted: false, reason: 'unsigned', keyId: null });
    expect(check.trusted ? '' : check.message).toContain('事项 SIGN-1 第 3 版没有发布签名');
  });

  it('refuses a key that is not listed, and a signature made by another key under a listed key id', () => {
    const region = regionKey();
    const attacker = regionKey();
    expect(checkVersionSignature({ ...fields, signature: signVersion(fields, attacker.signer) }, [region.trusted])).toMatchObject({ trusted: false, reason: 'unknown-key' });
    const relabelled = { keyId: region.signer.keyId, signature: signVersion(fields, attacker.signer).signature };
    expect(checkVersionSignature({ ...fields, signature: relabelled }, [region.trusted])).toMatchObject({ trusted: false, reason: 'bad-signature' });
    expect(checkVersionSignature({ ...fields, signature: { keyId: region.signer.keyId, signature: 'zz' } }, [region.trusted])).toMatchObject({ trusted: false, reason: 'bad-signature' });
  });

  it('rotates: an expired key still vouches for what it signed while valid, and for nothing published after', () => {
    const old = regionKey('2025-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z');
    const current = regionKey('2026-02-01T00:00:00.000Z');
    const before = { ...fields, publishedAt: '2026-01-15T00:00:00.000Z' };
    const after = { ...fields, publishedAt: '2026-02-01T00:00:00.000Z' };
    const keys = [old.trusted, current.trusted];
    expect(checkVersionSignature({ ...before, signature: signVersion(before, old.signer) }, keys).trusted).toBe(true);
    const expired = checkVersionSignature({ ...after, signature: signVersion(after, old.signer) }, keys);
    expect(expired).toMatchObject({ trusted: false, reason: 'key-not-valid' });
    expect(expired.trusted ? '' : expired.message).toContain('有效期');
    expect(checkVersionSignature({ ...after, signature: signVersion(after, current.signer) }, keys).trusted).toBe(true);
    const early = { ...fields, publishedAt: '2026-01-31T00:00:00.000Z' };
    expect(checkVersionSignature({ ...early, signature: signVersion(early, current.signer) }, keys)).toMatchObject({ trusted: false, reason: 'key-not-valid' });
  });

  it('parses a trusted-keys list as an array or {keys}, and refuses the whole list for one bad entry', () => {
    const { trusted } = regionKey();
    expect(parseTrustedKeys([trusted])).toEqual([trusted]);
    expect(parseTrustedKeys({ keys: [trusted] })).toEqual([trusted]);
    const wrongId = { ...trusted, keyId: '0000000000000000' };
    const error = (() => { try { parseTrustedKeys([trusted, wrongId]); } catch (e) { return e; } return null; })();
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).details).toMatchObject({ problems: [{ pointer: '/1/keyId' }] });
    expect(() => parseTrustedKeys([{ ...trusted, validUntil: '2025-01-01T00:00:00.000Z' }])).toThrow(ValidationFailedError);
    expect(() => parseTrustedKeys([{ ...trusted, publicKey: 'xyz' }])).toThrow(ValidationFailedError);
    expect(() => parseTrustedKeys('nope')).toThrow(ValidationFailedError);
  });
});

describe('signature refusals in Mongolian', () => {
  it('tells a Mongolian reader why a version is refused, and a trusted-keys problem in Mongolian too', () => {
    const { trusted } = regionKey();
    const zh = checkVersionSignature({ ...fields, signature: null }, [trusted]);
    const mn = checkVersionSignature({ ...fields, signature: null }, [trusted], undefined, 'mn-Mong');
    expect(zh).toMatchObject({ trusted: false, reason: 'unsigned', message: '事项 SIGN-1 第 3 版没有发布签名（未经签名发布，或签名已被删除），拒绝使用' });
    expect(mn).toMatchObject({ trusted: false, reason: 'unsigned', message: uiText('core.signing.unsigned', 'mn-Mong', { code: 'SIGN-1', version: 3 }) });
    expect(mn.trusted ? '' : mn.message).toMatch(/[\u1820-\u18AA].*SIGN-1|SIGN-1.*[\u1820-\u18AA]/);
    const error = (() => { try { parseTrustedKeys([{ ...trusted, keyId: 'wrong' }]); } catch (e) { return e as ValidationFailedError; } return null; })();
    expect(error?.messageIn('mn-Mong')).toBe(uiText('core.signing.keysProblems', 'mn-Mong', { count: 1 }));
    expect(problemIn(error!.problems[0]!, 'mn-Mong').message).toBe(uiText('core.signing.keyId', 'mn-Mong', { keyId: trusted.keyId }));
  });
});
