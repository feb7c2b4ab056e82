import { isWellFormedToken, tokenHash } from '../services/principals/bearer-token.js';
import type { PrincipalRecord } from '../core/access/principal.js';
import { UnauthorizedError } from '../core/errors.js';
import { uiText } from '../core/i18n/index.js';
import type { Authenticate } from './mount.js';

/**
 * Bearer-token authentication against the store's principals, looked up by the token's hash on
 * every request — a revoked token stops working at once, in the designer and every runtime.
 */
export function bearerAuthenticator(lookup: { findPrincipalByTokenHash(hash: string): Promise<PrincipalRecord | null> }): Authenticate {
  return async (req) => {
    const header = req.headers.authorization;
    if (!header) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match || !isWellFormedToken(match[1] as string)) throw new UnauthorizedError({ key: 'server.http.tokenMalformed' }, { scheme: 'Bearer' });
    const record = await lookup.findPrincipalByTokenHash(tokenHash(match[1] as string));
    if (!record) throw new UnauthorizedError({ key: 'server.http.tokenInvalid' }, { scheme: 'Bearer' });
    if (record.revokedAt) throw new UnauthorizedError({ key: 'server.http.tokenRevoked', values: { at: record.revokedAt } }, { scheme: 'Bearer' });
    const { tokenHash: _hash, ...principal } = record;
    return principal;
  };
}
