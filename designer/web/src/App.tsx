import { lazy, Suspense, useEffect, useState, type FormEvent } from 'react';
import { labelOf, roles } from '../../../engine/core/index.js';
import { advice } from '../../../engine/web-kit/index.js';
import { checkToken, session, type Role } from './api.js';
import { Dashboard } from './Dashboard.js';
import { ConfirmHost } from './Modal.js';
import { DEFAULT_TAB, hrefOf, linkHandler, navigate, setNavigationGuard, useRoute } from './routes.js';

// The editor (RJSF, the rule engine, the validators) loads only when an item is opened: the sign-in and the list stay small.
const Editor = lazy(() => import('./Editor.js').then((m) => ({ default: m.Editor })));

const ROLE_KEY = 'tongban.designer.role';
/** The designer's roles, in the order the sign-in offers them; labels come from the vocabulary. */
const DESIGNER_ROLES: readonly Role[] = ['author', 'reviewer', 'admin'];

function SignIn({ onSignedIn }: { onSignedIn: (role: Role) => void }) {
  const [token, setToken] = useState('');
  const [role, setRole] = useState<Role>(() => (localStorage.getItem(ROLE_KEY) as Role | null) ?? 'author');
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
      await checkToken(value);
      session.signIn(value);
      sessionStorage.setItem(ROLE_KEY, role);
      localStorage.setItem(ROLE_KEY, role);
      onSignedIn(role);
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
        <p className="muted">请粘贴管理员发给您的访问令牌。令牌只保存在本浏览器标签页中，关闭标签页或退出后即清除。</p>
        <label htmlFor="token">访问令牌</label>
        <input id="token" name="token" type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} autoFocus />
        <fieldset style={{ marginTop: 10 }}>
          <legend>我的工作</legend>
          {DESIGNER_ROLES.map((r) => (
            <label key={r} style={{ marginRight: 14 }}>
              <input type="radio" name="role" value={r} checked={role === r} onChange={() => setRole(r)} /> {labelOf(roles, r)}
            </label>
          ))}
          <p className="muted" style={{ margin: '4px 0 0' }}>只决定首页先显示什么；您能做什么由服务器按令牌的角色判定。</p>
        </fieldset>
        {error ? <div className="notice error" role="alert">{error}</div> : null}
        <div className="row" style={{ marginTop: 10 }}>
          <button className="primary" type="submit" disabled={busy}>{busy ? '正在验证…' : '登录'}</button>
        </div>
      </form>
    </main>
  );
}

export function App() {
  const route = useRoute();
  const [role, setRole] = useState<Role | null>(() => (session.token() ? ((sessionStorage.getItem(ROLE_KEY) as Role | null) ?? 'author') : null));
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    const onUnauthorized = () => setExpired(true);
    window.addEventListener('tongban:unauthorized', onUnauthorized);
    return () => window.removeEventListener('tongban:unauthorized', onUnauthorized);
  }, []);
  const signOut = () => {
    setNavigationGuard(null);
    session.signOut();
    sessionStorage.removeItem(ROLE_KEY);
    setRole(null);
    setExpired(false);
    navigate({ page: 'dashboard' }, { force: true });
  };
  if (!role) return <SignIn onSignedIn={(r) => { setRole(r); setExpired(false); }} />;
  return (
    <>
      <header className="top">
        <h1>通办 · 事项设计器</h1>
        <nav aria-label="主导航">
          <a href={hrefOf({ page: 'dashboard' })} onClick={linkHandler({ page: 'dashboard' })}>事项列表</a>
        </nav>
        <span className="who">当前身份：{labelOf(roles, role)}</span>
        <button className="small" onClick={signOut}>退出登录</button>
      </header>
      {expired ? (
        <div className="notice error" role="alert" style={{ margin: '8px 20px' }}>
          登录已失效或令牌已被撤销。未保存的修改仍在页面上；请复制保存后 <button className="link" onClick={signOut}>重新登录</button>。
        </div>
      ) : null}
      {route.page === 'item' ? (
        <Suspense fallback={<main><p aria-live="polite">正在加载编辑器…</p></main>}>
          <Editor key={route.code} code={route.code} tab={route.tab ?? DEFAULT_TAB} role={role} />
        </Suspense>
      ) : <Dashboard role={role} />}
      <ConfirmHost />
    </>
  );
}
