import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { labelOf, roles } from '../../../engine/core/index.js';
import { advice, signInWithToken, signOut as endSession, whoAmI, type SignedIn } from '../../../engine/web-kit/index.js';

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
      setError('请粘贴您的访问令牌（以 tb_ 开头）。');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signInWithToken(value));
    } catch (err) {
      setError(advice(err).replace('请重新登录', '请检查令牌是否完整、是否已被撤销'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main>
      <form className="card signin" onSubmit={submit} aria-labelledby="signin-title">
        <h2 id="signin-title">登录 · 通办事项设计器</h2>
        <p className="muted">请粘贴管理员发给您本人的访问令牌。登录后本浏览器在当天工作时间内保持登录，新开标签页无需再次登录；令牌本身不会保存在浏览器中。离开时请点「退出登录」。</p>
        <label htmlFor="token">访问令牌</label>
        <input id="token" name="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} autoFocus />
        {error ? <div className="notice error" role="alert">{error}</div> : null}
        <div className="row" style={{ marginTop: 10 }}>
          <button className="primary" type="submit" disabled={busy}>{busy ? '正在验证…' : '登录'}</button>
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
      当前身份：{me.principal.name}（{labelOf(roles, me.principal.role)}{me.principal.department ? `，${me.principal.department}` : ''}）{until ? ` · 登录有效至 ${until}` : ''}
    </span>
  );
}
