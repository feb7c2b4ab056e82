import { ValidationFailedError, type Problem } from '../errors.js';
import { isPublicKeyHex, keyIdOf, type PublicKeyHex } from './keys.js';

/**
 * One entry of the trusted-keys list (TONGBAN_TRUSTED_KEYS). A version is trusted when it was
 * signed by a listed key that was valid at the version's publishedAt, so the region rotates by
 * adding the new key, then closing the old one's validUntil — versions it signed stay trusted.
 */
export interface TrustedKey {
  keyId: string;
  publicKey: PublicKeyHex;
  /** ISO 8601 instant from which the key signs. */
  validFrom: string;
  /** ISO 8601 instant from which it no longer signs; absent while it is the current key. */
  validUntil?: string;
}

export function trustedKeyEntry(publicKey: PublicKeyHex, validFrom: string, validUntil?: string): TrustedKey {
  return { keyId: keyIdOf(publicKey), publicKey, validFrom, ...(validUntil ? { validUntil } : {}) };
}

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && !Number.isNaN(Date.parse(value));
}

/**
 * Parses a trusted-keys document: an array of entries, or `{ "keys": [...] }`. Every entry is
 * checked (hex key, key id matching the key, instants in order); any problem refuses the whole
 * list, because a half-read list of trust anchors is worse than none.
 */
export function parseTrustedKeys(value: unknown): TrustedKey[] {
  const list = Array.isArray(value) ? value : (value !== null && typeof value === 'object' && Array.isArray((value as { keys?: unknown }).keys) ? (value as { keys: unknown[] }).keys : null);
  if (!list) throw new ValidationFailedError('受信任公钥列表应为数组，或形如 {"keys": [...]} 的对象', [{ pointer: '', code: 'trusted-keys.shape', message: '应为数组' }]);
  const problems: Problem[] = [];
  const keys: TrustedKey[] = [];
  list.forEach((entry, i) => {
    const at = `/${i}`;
    const e = (entry ?? {}) as Partial<Record<keyof TrustedKey, unknown>>;
    if (!isPublicKeyHex(e.publicKey)) {
      problems.push({ pointer: `${at}/publicKey`, code: 'trusted-keys.public-key', message: '公钥应为 64 位小写十六进制（Ed25519）' });
      return;
    }
    if (e.keyId !== keyIdOf(e.publicKey)) problems.push({ pointer: `${at}/keyId`, code: 'trusted-keys.key-id', message: `密钥编号应为 ${keyIdOf(e.publicKey)}（公钥 SHA-256 的前 16 位）` });
    if (!isInstant(e.validFrom)) problems.push({ pointer: `${at}/validFrom`, code: 'trusted-keys.valid-from', message: '生效时间应为 ISO 8601 时间' });
    if (e.validUntil !== undefined && e.validUntil !== null && !isInstant(e.validUntil)) {
      problems.push({ pointer: `${at}/validUntil`, code: 'trusted-keys.valid-until', message: '失效时间应为 ISO 8601 时间' });
    } else if (isInstant(e.validUntil) && isInstant(e.validFrom) && Date.parse(e.validUntil) <= Date.parse(e.validFrom)) {
      problems.push({ pointer: `${at}/validUntil`, code: 'trusted-keys.period', message: '失效时间应晚于生效时间' });
    }
    keys.push({ keyId: e.keyId as string, publicKey: e.publicKey, validFrom: e.validFrom as string, ...(isInstant(e.validUntil) ? { validUntil: e.validUntil } : {}) });
  });
  if (problems.length > 0) throw new ValidationFailedError(`受信任公钥列表有 ${problems.length} 处问题`, problems);
  return keys;
}

/** Whether the key was in force at the instant: validFrom ≤ at < validUntil. */
export function keyValidAt(key: TrustedKey, at: string): boolean {
  const t = Date.parse(at);
  if (Number.isNaN(t) || t < Date.parse(key.validFrom)) return false;
  return key.validUntil === undefined || t < Date.parse(key.validUntil);
}
