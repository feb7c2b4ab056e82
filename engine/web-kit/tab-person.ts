/**
 * The principal id this browser tab signed in as. Not a credential — the HttpOnly session cookie
 * is — it only tells the server which of the browser's sessions the tab speaks for (header
 * X-Tongban-Principal), so a tab stays the person who signed in there. Per tab (sessionStorage).
 */
const KEY = 'tongban.person';

export const SESSION_SELECTOR_HEADER = 'X-Tongban-Principal';

export function tabPersonId(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setTabPersonId(id: string | null): void {
  try {
    if (id === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, id);
  } catch {
    /* storage unavailable: the tab follows the browser's latest sign-in */
  }
}

/**
 * Where the server keeps no sessions (a stand-alone runtime over its read-only store), the tab
 * keeps the person's token itself, for this tab only, and sends it as a bearer token.
 */
const TOKEN_KEY = 'tongban.tab-token';

export function tabToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setTabToken(token: string | null): void {
  try {
    if (token === null) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    /* storage unavailable: such a tab cannot stay signed in */
  }
}
