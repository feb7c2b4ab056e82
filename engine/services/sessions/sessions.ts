import { systemClock, type Clock } from '../../core/clock/index.js';
import type { Principal } from '../../core/access/principal.js';
import type { SessionRecord } from '../../core/access/session.js';
import { UnauthorizedError } from '../../core/errors.js';
import type { ConfigReader, SessionKeeper } from '../../ports/config-store/port.js';
import { isWellFormedToken, tokenHash } from '../principals/index.js';
import { SessionEndedError } from './session-errors.js';
import { generateSessionId, isWellFormedSessionId, sessionIdHash } from './session-id.js';

/** A working day and a little more: a clerk who signs in at 8:00 is still signed in at the end of the day. */
export const DEFAULT_SESSION_HOURS = 10;

export interface SessionOptions {
  keeper: SessionKeeper;
  /** Where a personal token is checked when it is exchanged for a session. */
  principals: Pick<ConfigReader, 'findPrincipalByTokenHash'>;
  clock?: Clock;
  /** How long a session lasts from sign-in, by the server's clock. */
  hours?: number;
}

export interface OpenedSession {
  /** The session id for the cookie: returned only here, stored only as its hash. */
  id: string;
  principal: Principal;
  expiresAt: string;
}

function withoutHash({ tokenHash: _hash, ...principal }: Principal & { tokenHash?: string }): Principal {
  return principal;
}

/**
 * People's sessions: a personal token is exchanged once for a session id kept in an HttpOnly
 * cookie; the session ends at its expiry (server clock), at sign-out, or when the principal is revoked.
 */
export class Sessions {
  private readonly keeper: SessionKeeper;
  private readonly principals: Pick<ConfigReader, 'findPrincipalByTokenHash'>;
  private readonly clock: Clock;
  readonly hours: number;

  constructor({ keeper, principals, clock = systemClock, hours = DEFAULT_SESSION_HOURS }: SessionOptions) {
    this.keeper = keeper;
    this.principals = principals;
    this.clock = clock;
    this.hours = hours;
  }

  /** Signs a person in with their personal token; UnauthorizedError for a malformed, unknown or revoked token. */
  async open(token: string): Promise<OpenedSession> {
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (!isWellFormedToken(value)) throw new UnauthorizedError('令牌格式不正确（应以 tb_ 开头，共 46 位）', { field: 'token' });
    const record = await this.principals.findPrincipalByTokenHash(tokenHash(value));
    if (!record) throw new UnauthorizedError('令牌无效', { field: 'token' });
    if (record.revokedAt) throw new UnauthorizedError(`令牌已于 ${record.revokedAt} 吊销`, { field: 'token' });
    const now = this.clock();
    const id = generateSessionId();
    const session: SessionRecord = {
      idHash: sessionIdHash(id),
      principalId: record.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.hours * 3_600_000).toISOString(),
      revokedAt: null,
    };
    await this.keeper.createSession(session);
    return { id, principal: withoutHash(record), expiresAt: session.expiresAt };
  }

  /** The principal a cookie's session id signs in; SessionEndedError when it has ended or was never valid. */
  async resolve(id: string): Promise<{ principal: Principal; expiresAt: string }> {
    if (!isWellFormedSessionId(id)) throw new SessionEndedError('登录信息无效，请重新登录', { session: 'malformed' });
    const found = await this.keeper.findSession(sessionIdHash(id));
    if (!found) throw new SessionEndedError('登录信息无效，请重新登录', { session: 'unknown' });
    const { session, principal } = found;
    if (session.revokedAt) throw new SessionEndedError('您已退出登录，请重新登录', { session: 'signed-out' });
    if (this.clock().toISOString() >= session.expiresAt) throw new SessionEndedError(`登录已于 ${session.expiresAt} 到期，请重新登录`, { session: 'expired', expiresAt: session.expiresAt });
    if (principal.revokedAt) throw new SessionEndedError(`账号已于 ${principal.revokedAt} 吊销`, { session: 'principal-revoked' });
    return { principal: withoutHash(principal), expiresAt: session.expiresAt };
  }

  /** Signs out: the session is revoked in the store, so a copied cookie stops working too. */
  async close(id: string): Promise<boolean> {
    if (!isWellFormedSessionId(id)) return false;
    return this.keeper.revokeSession(sessionIdHash(id), this.clock().toISOString());
  }
}
