import type { Role } from '../core/index.js';
import { ApiError, createApiClient } from './api-client.js';
import { setTabPersonId, setTabToken, tabToken } from './tab-person.js';

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

// The person's own credential: the session cookie, or the tab's token where the server keeps no sessions.
const client = createApiClient();

/**
 * Who this tab is signed in as (GET /api/me): the person the tab signed in as, else the browser's
 * latest sign-in — a new tab opens signed in. Null when nobody is (or the session has ended).
 */
export async function whoAmI(): Promise<SignedIn | null> {
  let me: { principal: Person | null; via: SignedIn['via'] | null; expiresAt: string | null };
  try {
    me = await client.request('/api/me', { token: '' });
  } catch (error) {
    // Only a tab's own token can be refused here (a revoked one): the tab forgets it.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    me = { principal: null, via: null, expiresAt: null };
  }
  if (me.principal && me.via) {
    setTabPersonId(me.principal.id);
    return { principal: me.principal, via: me.via, expiresAt: me.expiresAt };
  }
  // The tab's own person signed out elsewhere or their day ended: the tab signs in afresh, it never
  // silently becomes whoever else signed in in this browser.
  setTabPersonId(null);
  setTabToken(null);
  return null;
}

/**
 * Signs a person in with their personal token: the server answers with an HttpOnly session cookie
 * for the working day; the token itself is not kept anywhere in the browser.
 */
export async function signInWithToken(token: string): Promise<SignedIn> {
  const value = token.trim().replace(/^Bearer\s+/i, '');
  try {
    const { principal, expiresAt } = await client.request<{ principal: Person; expiresAt: string }>('/api/session', { method: 'POST', json: { token: value }, token: null });
    setTabToken(null);
    setTabPersonId(principal.id);
    return { principal, via: 'session', expiresAt };
  } catch (error) {
    // A stand-alone runtime keeps no sessions (its store is read-only): the tab keeps the token.
    if (!(error instanceof ApiError && error.status === 404)) throw error;
    const me = await client.request<{ principal: Person | null }>('/api/me', { token: value });
    if (!me.principal) throw error;
    setTabToken(value);
    setTabPersonId(me.principal.id);
    return { principal: me.principal, via: 'token', expiresAt: null };
  }
}

/** Signs this tab's person out: the server revokes the session, so the cookie stops working everywhere. */
export async function signOut(): Promise<void> {
  try {
    // A tab that keeps its own token (no sessions on this server) only forgets it.
    if (tabToken() === null) await client.send('/api/session', { method: 'DELETE', token: null });
  } finally {
    setTabPersonId(null);
    setTabToken(null);
  }
}
