import type { Role } from '../core/index.js';
import { createApiClient } from './api-client.js';
import { setTabPersonId } from './tab-person.js';

/** A signed-in token, kept for this browser tab only (sessionStorage): closing the tab signs out. */
export interface Session {
  token(): string | null;
  signIn(token: string): void;
  signOut(): void;
}

/**
 * The session of one app (`window`, `designer`), optionally per scope (the window signs in per
 * division, so one tab can serve two counters' divisions with two tokens).
 * @deprecated People sign in with a session cookie (signInWithToken / whoAmI); kept for tools.
 */
export function sessionFor(app: string, scope?: string): Session {
  const key = `tongban.${app}.token${scope !== undefined ? `.${scope}` : ''}`;
  return {
    token() {
      try {
        return sessionStorage.getItem(key);
      } catch {
        return null;
      }
    },
    signIn(token) {
      sessionStorage.setItem(key, token);
    },
    signOut() {
      sessionStorage.removeItem(key);
    },
  };
}

/** Who a person is, as GET /api/me and GET /api/people name them. */
export interface Person {
  id: string;
  name: string;
  role: Role;
  department: string | null;
  division: string | null;
}

/** The signed-in person of this tab; `expiresAt` is when the session ends (server clock). */
export interface SignedIn {
  principal: Person;
  via: 'session' | 'token';
  expiresAt: string | null;
}

// Cookie-signed requests only: no bearer token is ever read or kept by these calls.
const client = createApiClient();

/**
 * Who this tab is signed in as (GET /api/me): the person the tab signed in as, else the browser's
 * latest sign-in — a new tab opens signed in. Null when nobody is (or the session has ended).
 */
export async function whoAmI(): Promise<SignedIn | null> {
  const me = await client.request<{ principal: Person | null; via: SignedIn['via'] | null; expiresAt: string | null }>('/api/me', { token: null });
  if (me.principal && me.via) {
    setTabPersonId(me.principal.id);
    return { principal: me.principal, via: me.via, expiresAt: me.expiresAt };
  }
  // The tab's own person signed out elsewhere or their day ended: the tab signs in afresh, it never
  // silently becomes whoever else signed in in this browser.
  setTabPersonId(null);
  return null;
}

/**
 * Signs a person in with their personal token: the server answers with an HttpOnly session cookie
 * for the working day; the token itself is not kept anywhere in the browser.
 */
export async function signInWithToken(token: string): Promise<SignedIn> {
  const value = token.trim().replace(/^Bearer\s+/i, '');
  const { principal, expiresAt } = await client.request<{ principal: Person; expiresAt: string }>('/api/session', { method: 'POST', json: { token: value }, token: null });
  setTabPersonId(principal.id);
  return { principal, via: 'session', expiresAt };
}

/** Signs this tab's person out: the server revokes the session, so the cookie stops working everywhere. */
export async function signOut(): Promise<void> {
  try {
    await client.send('/api/session', { method: 'DELETE', token: null });
  } finally {
    setTabPersonId(null);
  }
}
