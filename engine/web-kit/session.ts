/** A signed-in token, kept for this browser tab only (sessionStorage): closing the tab signs out. */
export interface Session {
  token(): string | null;
  signIn(token: string): void;
  signOut(): void;
}

/**
 * The session of one app (`window`, `designer`), optionally per scope (the window signs in per
 * division, so one tab can serve two counters' divisions with two tokens).
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
