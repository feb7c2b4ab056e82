import type { Signer } from './keys.js';
import { verifyStatement } from './keys.js';
import { publicationStatement, type SignedVersionFields, type VersionSignature } from './statement.js';
import { keyValidAt, type TrustedKey } from './trusted-keys.js';

/** Why a version is not trusted. */
export type UntrustedReason = 'unsigned' | 'unknown-key' | 'key-not-valid' | 'bad-signature';

export type SignatureCheck =
  | { trusted: true; keyId: string }
  | { trusted: false; reason: UntrustedReason; keyId: string | null; message: string };

/**
 * Checks one Ed25519 signature (hex) over a statement with a public key (hex); false for anything
 * malformed. The core's own is pure JS (browser-safe); a server may hand in a native one.
 */
export type StatementVerifier = (statement: string, signature: string, publicKey: string) => boolean;

export function signVersion(fields: SignedVersionFields, signer: Signer): VersionSignature {
  return { keyId: signer.keyId, signature: signer.sign(publicationStatement(fields, signer.keyId)) };
}

/**
 * Is this version signed by a trusted key that was valid when it was published? Checks the
 * signature over code, version, content hash, publishedAt and reviewer. The caller still checks
 * that the config hashes to `hash` (the signature binds the hash, the hash binds the config).
 */
export function checkVersionSignature(
  fields: SignedVersionFields & { signature?: VersionSignature | null },
  trustedKeys: readonly TrustedKey[],
  verify: StatementVerifier = verifyStatement,
): SignatureCheck {
  const name = `事项 ${fields.code} 第 ${fields.version} 版`;
  const signature = fields.signature;
  if (!signature || typeof signature.keyId !== 'string' || typeof signature.signature !== 'string') {
    return { trusted: false, reason: 'unsigned', keyId: null, message: `${name}没有发布签名（未经签名发布，或签名已被删除），拒绝使用` };
  }
  const candidates = trustedKeys.filter((k) => k.keyId === signature.keyId);
  if (candidates.length === 0) {
    return { trusted: false, reason: 'unknown-key', keyId: signature.keyId, message: `${name}的签名密钥 ${signature.keyId} 不在受信任的公钥列表中，拒绝使用` };
  }
  const valid = candidates.filter((k) => keyValidAt(k, fields.publishedAt));
  if (valid.length === 0) {
    const period = candidates.map((k) => `${k.validFrom} 至 ${k.validUntil ?? '今'}`).join('、');
    return {
      trusted: false, reason: 'key-not-valid', keyId: signature.keyId,
      message: `${name}的发布时间 ${fields.publishedAt} 不在签名密钥 ${signature.keyId} 的有效期（${period}）内，拒绝使用`,
    };
  }
  const statement = publicationStatement(fields, signature.keyId);
  if (!valid.some((k) => verify(statement, signature.signature, k.publicKey))) {
    return {
      trusted: false, reason: 'bad-signature', keyId: signature.keyId,
      message: `${name}的签名无效：编码、版本号、内容哈希、发布时间或审核人在签名后被改动过，拒绝使用`,
    };
  }
  return { trusted: true, keyId: signature.keyId };
}
