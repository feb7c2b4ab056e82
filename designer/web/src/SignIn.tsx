import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { labelOf, roles } from '../../../engine/core/index.js';
import { advice, signInWithToken, signOut as endSession, whoAmI, type SignedIn } from '../../../engine/web-kit/index.js';
import { t } from './ui-text.js';

/**
 * The person signed in to the designer in this browser: asked of the server (GET /api/me) when
 * the page opens, so a new tab opens signed in for the working day; undefined while asking.
 */
export function useSignedIn(): { me: SignedIn | null | undefined; signedIn(me: SignedIn): void; signOut(): Promise<void> } {
  const [me, setMe] = useState<SignedIn | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    whoAmI().then((found) => { if (live) setMe(found); }, () => { if (live) setMe(null); });
    return () => { live = false; };
  }, []);
  const signedIn = useCallback((found: SignedIn) => setMe(found), []);
  const signOut = useCallback(async () => {
    // Screens go first, so nothing asks the server with a session that is being revoked.
    setMe(null);
    await endSession().catch(() => undefined);
  }, []);
  return { me, signedIn, signOut };
}

/** The designer's sign-in: each author, reviewer, auditor and administrator signs in as themselves with their own token. */
export function SignIn({ onSignedIn }: { onSignedIn: (me: SignedIn) => void }) {
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = token.trim().replace(/^Bearer\s+/i, '');
    if (!value) {
      setError(t('designer.signIn.tokenMissing'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signInWithToken(value));
    } catch (err) {
      setError(advice(err).replace(t('designer.signIn.signInAgain'), t('designer.signIn.checkToken')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main>
      <form className="card signin" onSubmit={submit} aria-labelledby="signin-title">
        <h2 id="signin-title">{t('designer.signIn.title')}</h2>
        <p className="muted">{t('designer.signIn.hint')}</p>
        <label htmlFor="token">{t('designer.signIn.token')}</label>
        <input id="token" name="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} autoFocus />
        {error ? <div className="notice error" role="alert">{error}</div> : null}
        <div className="row" style={{ marginTop: 10 }}>
          <button className="primary" type="submit" disabled={busy}>{busy ? t('designer.signIn.checking') : t('designer.signIn.submit')}</button>
        </div>
      </form>
    </main>
  );
}

/** The signed-in person in the top bar: name, role and until when the session lasts. */
export function SignedInAs({ me }: { me: SignedIn }) {
  const until = me.expiresAt ? new Date(me.expiresAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }) : null;
  return (
    <span className="who" data-testid="signed-in-as" title={me.principal.id}>
      {t('designer.signIn.identity', {
        name: me.principal.name,
        role: labelOf(roles, me.principal.role),
        department: me.principal.department ? t('designer.signIn.department', { department: me.principal.department }) : '',
        until: until ? t('designer.signIn.until', { time: until }) : '',
      })}
    </span>
  );
}
