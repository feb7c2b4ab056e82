import type { IncomingMessage } from 'node:http';
import type { Principal } from '../../core/access/principal.js';
import type { Sessions } from '../../services/sessions/index.js';
import type { ApiRequest, Authenticate } from '../mount.js';
import { personCookieName, requestCookies, SESSION_COOKIE, SESSION_SELECTOR_HEADER } from './cookies.js';
import { changesState, requireSameOrigin } from './same-origin.js';

/** The session id this request's cookies carry for the tab's person (X-Tongban-Principal), or the browser's latest sign-in. */
export function requestSessionId(req: IncomingMessage): string | undefined {
  const cookies = requestCookies(req);
  const selector = req.headers[SESSION_SELECTOR_HEADER];
  const chosen = Array.isArray(selector) ? selector[0] : selector;
  if (chosen) {
    const name = personCookieName(chosen);
    return name ? cookies.get(name) : undefined;
  }
  return cookies.get(SESSION_COOKIE);
}

/**
 * A bearer token first (tools, the CLI: the same cheap path as before, cookies never read), else
 * the browser's session cookie. A cookie-signed request that changes something must come from our
 * own pages (same-origin check, against CSRF).
 */
export function sessionCookieAuthenticator({ bearer, sessions }: { bearer: Authenticate; sessions: Sessions }): Authenticate {
  return async (req: ApiRequest): Promise<Principal | null> => {
    if (req.headers.authorization) return bearer(req);
    const id = requestSessionId(req);
    if (id === undefined) return null;
    const { principal } = await sessions.resolve(id);
    if (changesState(req)) requireSameOrigin(req, { strict: true });
    return principal;
  };
}
