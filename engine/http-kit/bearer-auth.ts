import { isWellFormedToken, tokenHash } from '../services/principals/bearer-token.js';
import type { PrincipalRecord } from '../core/access/principal.js';
import { UnauthorizedError } from '../core/errors.js';
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
    if (!match || !isWellFormedToken(match[1] as string)) throw new UnauthorizedError('访问令牌格式不正确（应为 Authorization: Bearer tb_…）', { scheme: 'Bearer' });
    const record = await lookup.findPrincipalByTokenHash(tokenHash(match[1] as string));
    if (!record) throw new UnauthorizedError('访问令牌无效', { scheme: 'Bearer' });
    if (record.revokedAt) throw new UnauthorizedError(`访问令牌已于 ${record.revokedAt} 吊销`, { scheme: 'Bearer' });
    const { tokenHash: _hash, ...principal } = record;
    return principal;
  };
}
