import type { CatalogueMessage } from '../errors.js';
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import type { Language } from '../vocabulary/index.js';
import type { Signer } from './keys.js';
import { verifyStatement } from './keys.js';
import { publicationStatement, type SignedVersionFields, type VersionSignature } from './statement.js';
import { keyValidAt, type TrustedKey } from './trusted-keys.js';

/** Why a version is not trusted. */
export type UntrustedReason = 'unsigned' | 'unknown-key' | 'key-not-valid' | 'bad-signature';

export type SignatureCheck =
  | { trusted: true; keyId: string }
  | { trusted: false; reason: UntrustedReason; keyId: string | null; message: string; catalogueMessage: CatalogueMessage };

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
  language: Language = 'zh-CN',
): SignatureCheck {
  const { code, version } = fields;
  const untrusted = (reason: UntrustedReason, keyId: string | null, key: CatalogueKey, values: Record<string, string | number>): SignatureCheck =>
    ({ trusted: false, reason, keyId, message: uiText(key, language, values), catalogueMessage: { key, values } });
  const signature = fields.signature;
  if (!signature || typeof signature.keyId !== 'string' || typeof signature.signature !== 'string') {
    return untrusted('unsigned', null, 'core.signing.unsigned', { code, version });
  }
  const candidates = trustedKeys.filter((k) => k.keyId === signature.keyId);
  if (candidates.length === 0) {
    return untrusted('unknown-key', signature.keyId, 'core.signing.unknownKey', { code, version, keyId: signature.keyId });
  }
  const valid = candidates.filter((k) => keyValidAt(k, fields.publishedAt));
  if (valid.length === 0) {
    const period = candidates
      .map((k) => uiText('core.signing.period', language, { from: k.validFrom, until: k.validUntil ?? uiText('core.signing.now', language) }))
      .join(uiText('server.listSeparator', language));
    return untrusted('key-not-valid', signature.keyId, 'core.signing.keyNotValid', { code, version, publishedAt: fields.publishedAt, keyId: signature.keyId, period });
  }
  const statement = publicationStatement(fields, signature.keyId);
  if (!valid.some((k) => verify(statement, signature.signature, k.publicKey))) {
    return untrusted('bad-signature', signature.keyId, 'core.signing.badSignature', { code, version });
  }
  return { trusted: true, keyId: signature.keyId };
}
