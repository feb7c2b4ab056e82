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
/** Ended sessions are deleted at most this often, when someone signs in: the store never grows without bound, and the purge costs one query an hour. */
export const SESSION_PURGE_INTERVAL_MS = 3_600_000;

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
  /** When the last purge started (server clock); null before the first sign-in. */
  private lastPurgeAt: number | null = null;
  /** The purge under way, so a caller (a test, a shutdown) can wait for it. */
  private purging: Promise<number> | null = null;

  constructor({ keeper, principals, clock = systemClock, hours = DEFAULT_SESSION_HOURS }: SessionOptions) {
    this.keeper = keeper;
    this.principals = principals;
    this.clock = clock;
    this.hours = hours;
  }

  /** Signs a person in with their personal token; UnauthorizedError for a malformed, unknown or revoked token. */
  async open(token: string): Promise<OpenedSession> {
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (!isWellFormedToken(value)) throw new UnauthorizedError({ key: 'services.sessions.tokenMalformed' }, { field: 'token' });
    const record = await this.principals.findPrincipalByTokenHash(tokenHash(value));
    if (!record) throw new UnauthorizedError({ key: 'services.sessions.tokenInvalid' }, { field: 'token' });
    if (record.revokedAt) throw new UnauthorizedError({ key: 'services.sessions.tokenRevoked', values: { at: record.revokedAt } }, { field: 'token' });
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
    this.purgeEndedSessions(now);
    return { id, principal: withoutHash(record), expiresAt: session.expiresAt };
  }

  /** The principal a cookie's session id signs in; SessionEndedError when it has ended or was never valid. */
  async resolve(id: string): Promise<{ principal: Principal; expiresAt: string }> {
    if (!isWellFormedSessionId(id)) throw new SessionEndedError({ key: 'services.sessions.invalid' }, { session: 'malformed' });
    const found = await this.keeper.findSession(sessionIdHash(id));
    if (!found) throw new SessionEndedError({ key: 'services.sessions.invalid' }, { session: 'unknown' });
    const { session, principal } = found;
    if (session.revokedAt) throw new SessionEndedError({ key: 'services.sessions.signedOut' }, { session: 'signed-out' });
    if (this.clock().toISOString() >= session.expiresAt) throw new SessionEndedError({ key: 'services.sessions.expired', values: { at: session.expiresAt } }, { session: 'expired', expiresAt: session.expiresAt });
    if (principal.revokedAt) throw new SessionEndedError({ key: 'services.sessions.principalRevoked', values: { at: principal.revokedAt } }, { session: 'principal-revoked' });
    return { principal: withoutHash(principal), expiresAt: session.expiresAt };
  }

  /**
   * Deletes ended sessions off the request path, at most once per SESSION_PURGE_INTERVAL_MS.
   * A failed purge is not the sign-in's problem: it is retried at the next sign-in.
   */
  private purgeEndedSessions(now: Date): void {
    if (this.purging || (this.lastPurgeAt !== null && now.getTime() - this.lastPurgeAt < SESSION_PURGE_INTERVAL_MS)) return;
    this.lastPurgeAt = now.getTime();
    this.purging = new Promise<number>((resolve) => setTimeout(resolve, 0))
      .then(() => this.keeper.purgeSessions(now.toISOString()))
      .catch(() => {
        this.lastPurgeAt = null;
        return 0;
      })
      .finally(() => {
        this.purging = null;
      });
  }

  /** Waits for a purge under way; how many sessions it deleted (0 when none is running or it failed). */
  async settled(): Promise<number> {
    return (await this.purging) ?? 0;
  }

  /** Signs out: the session is revoked in the store, so a copied cookie stops working too. */
  async close(id: string): Promise<boolean> {
    if (!isWellFormedSessionId(id)) return false;
    return this.keeper.revokeSession(sessionIdHash(id), this.clock().toISOString());
  }
}
