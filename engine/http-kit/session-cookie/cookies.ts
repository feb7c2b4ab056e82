import type { IncomingMessage } from 'node:http';

/** The session of the latest sign-in in this browser: what a new tab is signed in with. */
export const SESSION_COOKIE = 'tongban_session';
/** Each person signed in in this browser keeps a session of their own, chosen by a tab with SESSION_SELECTOR_HEADER. */
export const PERSON_COOKIE_PREFIX = 'tongban_session.';
/**
 * The principal id a tab signed in as: not a credential (the cookie is), it only picks which of the
 * browser's sessions the tab speaks for, so a tab stays the person who signed in there.
 */
export const SESSION_SELECTOR_HEADER = 'x-tongban-principal';

const COOKIE_SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The per-person cookie's name; null for an id that cannot be part of a cookie name. */
export function personCookieName(principalId: string): string | null {
  return COOKIE_SAFE_ID.test(principalId) ? `${PERSON_COOKIE_PREFIX}${principalId}` : null;
}

/** The request's cookies by name (the first of a repeated name wins, as browsers send the most specific first). */
export function requestCookies(req: IncomingMessage): Map<string, string> {
  const cookies = new Map<string, string>();
  const header = req.headers.cookie;
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    if (!cookies.has(name)) cookies.set(name, part.slice(eq + 1).trim());
  }
  return cookies;
}

/** Whether the request reached us over https (directly, or through a proxy that says so). */
export function isHttps(req: IncomingMessage): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  const forwarded = req.headers['x-forwarded-proto'];
  return (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() === 'https';
}

export interface CookieOptions {
  /** When the cookie ends (the session's expiry); null clears it. */
  expiresAt: Date | null;
  now: Date;
  secure: boolean;
}

/** A Set-Cookie value: HttpOnly, SameSite=Strict, only for the API, Secure over https, expiring with the session. */
export function sessionCookie(name: string, value: string, { expiresAt, now, secure }: CookieOptions): string {
  const maxAge = expiresAt ? Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000)) : 0;
  const expires = expiresAt ?? new Date(0);
  return [`${name}=${expiresAt ? value : ''}`, 'Path=/api', 'HttpOnly', 'SameSite=Strict', `Max-Age=${maxAge}`, `Expires=${expires.toUTCString()}`, ...(secure ? ['Secure'] : [])].join('; ');
}
