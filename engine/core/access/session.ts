import type { PrincipalRecord } from './principal.js';

/**
 * A person's browser session, as stored: only the SHA-256 of the session id is kept, so a copy of
 * the store signs nobody in. A session ends at `expiresAt` (server clock) or when revoked (sign-out).
 */
export interface SessionRecord {
  idHash: string;
  principalId: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/** A stored session with the principal it signs in (looked up together, so a revoked principal's sessions stop at once). */
export interface SessionWithPrincipal {
  session: SessionRecord;
  principal: PrincipalRecord;
}
