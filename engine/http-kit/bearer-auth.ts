import * as crypto from 'node:crypto';
import { isWellFormedToken, tokenHash } from '../services/principals/bearer-token.js';
import type { PrincipalRecord } from '../core/access/principal.js';
import { UnauthorizedError } from '../core/errors.js';
import { uiText } from '../core/i18n/index.js';
import type { Authenticate } from './mount.js';

/** Where principals are found: the config store's reader, with its change marker when it has one. */
export interface PrincipalLookup {
  findPrincipalByTokenHash(hash: string): Promise<PrincipalRecord | null>;
  /** ConfigReader.changeMarker: changes with every commit to the store, by any process. */
  changeMarker?(): number;
}

/** node:crypto's one-shot digest (node ≥ 20.12): no Hash object to make and collect on every request. */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/** SHA-256 hex of a text's UTF-8 bytes on node:crypto: the digest the core's pure-JS sha256Hex computes, several times cheaper. */
export function nativeSha256Hex(text: string): string {
  // 0.55 µs against 1.45 µs through createHash (node 20.20), before the collector's share.
  return oneShotHash ? oneShotHash('sha256', text, 'hex') : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Known tokens kept between store changes; past this many the cache starts again (a bound, not a policy). */
const PRINCIPAL_CACHE_CAPACITY = 1_000;

/**
 * Principals by token hash, valid while the store's change marker stays the same. Revoking a token
 * (or any other write) changes the marker, so the next request reads the store again: revocation
 * still takes effect at once. A store without a marker is read on every request.
 */
function cachedLookup(lookup: PrincipalLookup): (hash: string) => Promise<PrincipalRecord | null> {
  if (typeof lookup.changeMarker !== 'function') return (hash) => lookup.findPrincipalByTokenHash(hash);
  let marker: number | undefined;
  const known = new Map<string, PrincipalRecord>();
  return async (hash) => {
    const now = lookup.changeMarker!();
    if (now !== marker || known.size >= PRINCIPAL_CACHE_CAPACITY) {
      known.clear();
      marker = now;
    }
    const cached = known.get(hash);
    if (cached) return cached;
    const record = await lookup.findPrincipalByTokenHash(hash);
    // Only a record read under the marker still current is kept: a write during the read leaves it out.
    if (record && lookup.changeMarker!() === marker) known.set(hash, record);
    return record;
  };
}

/**
 * Bearer-token authentication against the store's principals, looked up by the token's hash — a
 * revoked token stops working at once, in the designer and every runtime (see cachedLookup).
 */
export function bearerAuthenticator(lookup: PrincipalLookup): Authenticate {
  const principalBy = cachedLookup(lookup);
  return async (req) => {
    const header = req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !isWellFormedToken(match[1] as string)) throw new UnauthorizedError({ key: 'server.http.tokenMalformed' }, { scheme: 'Bearer' });
    const record = await principalBy(tokenHash(match[1] as string, nativeSha256Hex));
    if (!record) throw new UnauthorizedError({ key: 'server.http.tokenInvalid' }, { scheme: 'Bearer' });
    if (record.revokedAt) throw new UnauthorizedError({ key: 'server.http.tokenRevoked', values: { at: record.revokedAt } }, { scheme: 'Bearer' });
    const { tokenHash: _hash, ...principal } = record;
    return principal;
  };
}
