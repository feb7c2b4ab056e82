import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { labelOf, operatesFor, roles, type Role } from '../../../engine/core/index.js';
import { ApiError, signInWithToken, signOut as endSession, whoAmI, type SignedIn } from '../../../engine/web-kit/index.js';
import { getJson, runtimePath } from './api.js';
import { t } from './ui-text.js';

/**
 * What screens pass as their `token` once a person has signed in here: none — the browser's
 * HttpOnly session cookie signs every request, so no token is kept in the page.
 */
export const SIGNED_IN_BY_COOKIE = '';

type Verdict = { ok: true; note?: string } | { ok: false; message: string };
/** Whether the signed-in person may work at this division (asked of the server right after signing in). */
export type AccessCheck = (division: string, token?: string | null) => Promise<Verdict>;

/**
 * Checks the signed-in operator (their session cookie or tab token, or a token when given) against this division's
 * intake list: 401 = not signed in, 403 = an operator of another division or role.
 */
export async function verifyToken(division: string, token: string | null = ''): Promise<Verdict> {
  try {
    await getJson(runtimePath(division, '/intakes'), { token });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ApiError)) return { ok: false, message: String(error) };
    if (error.status === 401) return { ok: false, message: t('runtime.signIn.operatorTokenInvalid', { error: error.message }) };
    if (error.status === 403) return { ok: false, message: t('runtime.signIn.operatorForbidden', { division, error: error.message }) };
    // A 404 for an endpoint the server lacks names the method and path it was asked for; any other 404 (an unknown division) is the answer.
    if (error.status === 404 && !noSuchEndpoint(error)) return { ok: false, message: error.message };
    if (error.status === 404) return { ok: true, note: t('runtime.signIn.noCaseService') };
    return { ok: false, message: t('runtime.signIn.retryLater', { error: error.message }) };
  }
}

/** The server's 404 for a route it does not have (its details name the method and path asked for). */
function noSuchEndpoint(error: ApiError): boolean {
  const details = error.details as { method?: unknown; path?: unknown } | undefined;
  return typeof details?.method === 'string' && typeof details.path === 'string';
}

/** Checks the signed-in department handler against the cases of this division: 401 = not signed in, 403 = a handler of another division. */
export async function verifyHandlerToken(division: string, token: string | null = ''): Promise<Verdict> {
  try {
    await getJson(`/api/cases?division=${encodeURIComponent(division)}&limit=1`, { token });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ApiError)) return { ok: false, message: String(error) };
    if (error.status === 401) return { ok: false, message: t('runtime.signIn.handlerTokenInvalid', { error: error.message }) };
    if (error.status === 403) return { ok: false, message: t('runtime.signIn.handlerForbidden', { division, error: error.message }) };
    return { ok: false, message: t('runtime.signIn.retryLater', { error: error.message }) };
  }
}

/** Whether a person signed in elsewhere in this browser plainly works at this desk, judged without asking the server (the server decides each request anyway). */
function worksHere(me: SignedIn, division: string, desk: Role): boolean {
  if (me.principal.role === 'admin') return desk === 'operator';
  return me.principal.role === desk && operatesFor(me.principal.division, division);
}

export interface PersonAtDesk {
  /** The signed-in person; null while nobody is (show the sign-in), undefined while asking the server. */
  me: SignedIn | null | undefined;
  /** Why the browser's signed-in person cannot work here (shown above the sign-in). */
  refusal: string | null;
  signedIn(me: SignedIn): void;
  signOut(): Promise<void>;
}

/**
 * The person working at a desk of this division: whoever signed in in this browser (a new tab
 * opens signed in for the working day) when they work here, otherwise nobody until someone does.
 */
export function usePersonAt(division: string, desk: 'operator' | 'handler'): PersonAtDesk {
  const [me, setMe] = useState<SignedIn | null | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setMe(undefined);
    setRefusal(null);
    whoAmI().then(
      (found) => {
        if (!live) return;
        if (found && !worksHere(found, division, desk)) {
          const role = labelOf(roles, found.principal.role);
          const who = found.principal.division ? t('runtime.signIn.personWithDivision', { role, division: found.principal.division }) : role;
          setRefusal(t(desk === 'handler' ? 'runtime.signIn.refusal.handler' : 'runtime.signIn.refusal.operator', { name: found.principal.name, who, division }));
          setMe(null);
        } else setMe(found);
      },
      () => { if (live) setMe(null); },
    );
    return () => { live = false; };
  }, [division, desk]);
  const signedIn = useCallback((found: SignedIn) => { setRefusal(null); setMe(found); }, []);
  const signOut = useCallback(async () => {
    // Screens go first, so nothing asks the server with a session that is being revoked.
    setMe(null);
    await endSession().catch(() => undefined);
  }, []);
  return { me, refusal, signedIn, signOut };
}

export function SignIn({ division, divisionName, onSignedIn, title = t('runtime.signIn.title'), placeLabel = t('runtime.signIn.place'), tokenLabel = t('runtime.signIn.token'), verify = verifyToken, footer }: {
  division: string; divisionName: string; onSignedIn: (me: SignedIn, note?: string) => void;
  title?: string; placeLabel?: string; tokenLabel?: string;
  verify?: AccessCheck;
  footer?: ReactNode;
}) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (!value) {
      setError(t('runtime.signIn.pasteToken', { token: tokenLabel }));
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    let result: Verdict;
    let me: SignedIn | null = null;
    try {
      // The token is exchanged once for a session cookie; it is not kept in the page.
      me = await signInWithToken(value);
      result = await verify(division);
      // Only a person the server accepts here stays signed in.
      if (!result.ok) await endSession().catch(() => undefined);
    } catch (caught) {
      result = { ok: false, message: caught instanceof ApiError && caught.status === 401 ? t('runtime.signIn.ownTokenInvalid', { error: caught.message, token: tokenLabel }) : caught instanceof ApiError ? t('runtime.signIn.retryLater', { error: caught.message }) : String(caught) };
    }
    setBusy(false);
    if (result.ok && me) onSignedIn(me, result.note);
    else {
      setError(result.ok ? t('runtime.signIn.failed') : result.message);
      input.current?.focus();
    }
  };
  return (
    <main className="signin card" aria-labelledby="signin-title">
      <h1 id="signin-title">{title}</h1>
      <p>{t('runtime.signIn.placeLine', { place: placeLabel })}<strong>{divisionName}</strong>{t('runtime.signIn.divisionCode', { division })}</p>
      <form onSubmit={submit} noValidate>
        <label className="field" htmlFor="token">
          <span>{tokenLabel}</span>
          <input id="token" ref={input} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)}
            aria-invalid={error ? true : undefined} aria-describedby={error ? 'signin-error' : 'signin-help'} placeholder="tb_…" />
        </label>
        <p id="signin-help" className="hint">{t('runtime.signIn.help')}</p>
        {error && <p id="signin-error" role="alert" className="banner error">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? t('runtime.signIn.verifying') : t('runtime.signIn.submit')}</button>
      </form>
      {footer}
    </main>
  );
}

/** The signed-in person as the top bar shows them: name and role, and until when. */
export function SignedInAs({ me }: { me: SignedIn }) {
  const until = me.expiresAt ? new Date(me.expiresAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }) : null;
  return (
    <span className="who" data-testid="signed-in-as">
      {t('runtime.signIn.signedInAs', { name: me.principal.name, role: labelOf(roles, me.principal.role) })}{until ? <small>{t('runtime.signIn.until', { time: until })}</small> : null}
    </span>
  );
}
