import { catalogueProblem, ValidationFailedError, type Problem } from '../errors.js';
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
  if (!list) throw new ValidationFailedError({ key: 'core.signing.keysShape' }, [catalogueProblem('', 'trusted-keys.shape', { key: 'core.signing.keysNotArray' })]);
  const problems: Problem[] = [];
  const keys: TrustedKey[] = [];
  list.forEach((entry, i) => {
    const at = `/${i}`;
    const e = (entry ?? {}) as Partial<Record<keyof TrustedKey, unknown>>;
    if (!isPublicKeyHex(e.publicKey)) {
      problems.push(catalogueProblem(`${at}/publicKey`, 'trusted-keys.public-key', { key: 'core.signing.publicKeyHex' }));
      return;
    }
    if (e.keyId !== keyIdOf(e.publicKey)) problems.push(catalogueProblem(`${at}/keyId`, 'trusted-keys.key-id', { key: 'core.signing.keyId', values: { keyId: keyIdOf(e.publicKey) } }));
    if (!isInstant(e.validFrom)) problems.push(catalogueProblem(`${at}/validFrom`, 'trusted-keys.valid-from', { key: 'core.signing.validFrom' }));
    if (e.validUntil !== undefined && e.validUntil !== null && !isInstant(e.validUntil)) {
      problems.push(catalogueProblem(`${at}/validUntil`, 'trusted-keys.valid-until', { key: 'core.signing.validUntil' }));
    } else if (isInstant(e.validUntil) && isInstant(e.validFrom) && Date.parse(e.validUntil) <= Date.parse(e.validFrom)) {
      problems.push(catalogueProblem(`${at}/validUntil`, 'trusted-keys.period', { key: 'core.signing.validPeriod' }));
    }
    keys.push({ keyId: e.keyId as string, publicKey: e.publicKey, validFrom: e.validFrom as string, ...(isInstant(e.validUntil) ? { validUntil: e.validUntil } : {}) });
  });
  if (problems.length > 0) throw new ValidationFailedError({ key: 'core.signing.keysProblems', values: { count: problems.length } }, problems);
  return keys;
}

/** Whether the key was in force at the instant: validFrom ≤ at < validUntil. */
export function keyValidAt(key: TrustedKey, at: string): boolean {
  const t = Date.parse(at);
  if (Number.isNaN(t) || t < Date.parse(key.validFrom)) return false;
  return key.validUntil === undefined || t < Date.parse(key.validUntil);
}
