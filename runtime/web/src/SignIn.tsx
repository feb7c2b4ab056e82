import { useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { labelOf, operatesFor, roles, type Role } from '../../../engine/core/index.js';
import { ApiError, signInWithToken, signOut as endSession, whoAmI, type SignedIn } from '../../../engine/web-kit/index.js';
import { getJson, runtimePath } from './api.js';

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
    if (error.status === 401) return { ok: false, message: `令牌无效或已被撤销（${error.message}）。请向管理员索取本窗口的操作员令牌。` };
    if (error.status === 403) return { ok: false, message: `此令牌无权在本区划（${division}）受理办件：${error.message}。请使用本中心窗口操作员的令牌，或打开令牌所属区划的窗口页面。` };
    if (error.status === 404 && !error.message.startsWith('没有这个接口')) return { ok: false, message: error.message };
    if (error.status === 404) return { ok: true, note: '服务器尚未提供办件服务：可以受理和判定，但暂时无法保存办件。' };
    return { ok: false, message: `${error.message}。请稍后重试。` };
  }
}

/** Checks the signed-in department handler against the cases of this division: 401 = not signed in, 403 = a handler of another division. */
export async function verifyHandlerToken(division: string, token: string | null = ''): Promise<Verdict> {
  try {
    await getJson(`/api/cases?division=${encodeURIComponent(division)}&limit=1`, { token });
    return { ok: true };
  } catch (error) {
    if (!(error instanceof ApiError)) return { ok: false, message: String(error) };
    if (error.status === 401) return { ok: false, message: `令牌无效或已被撤销（${error.message}）。请向管理员索取本部门审批人员的令牌。` };
    if (error.status === 403) return { ok: false, message: `此令牌无权查看本区划（${division}）的办件：${error.message}。请打开令牌所属区划的审批部门工作台。` };
    return { ok: false, message: `${error.message}。请稍后重试。` };
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
          setRefusal(`本浏览器当前登录的是「${found.principal.name}」（${labelOf(roles, found.principal.role)}${found.principal.division ? `，${found.principal.division}` : ''}），不能在本区划（${division}）的${desk === 'handler' ? '审批部门工作台' : '窗口'}办理。请用本${desk === 'handler' ? '部门审批人员' : '窗口操作员'}的令牌登录。`);
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

export function SignIn({ division, divisionName, onSignedIn, title = '窗口登录', placeLabel = '受理地', tokenLabel = '操作员令牌', verify = verifyToken, footer }: {
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
      setError(`请粘贴${tokenLabel}（以 tb_ 开头）。`);
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
      result = { ok: false, message: caught instanceof ApiError && caught.status === 401 ? `令牌无效或已被撤销（${caught.message}）。请向管理员索取您本人的${tokenLabel}。` : caught instanceof ApiError ? `${caught.message}。请稍后重试。` : String(caught) };
    }
    setBusy(false);
    if (result.ok && me) onSignedIn(me, result.note);
    else {
      setError(result.ok ? '登录失败，请重试。' : result.message);
      input.current?.focus();
    }
  };
  return (
    <main className="signin card" aria-labelledby="signin-title">
      <h1 id="signin-title">{title}</h1>
      <p>{placeLabel}：<strong>{divisionName}</strong>（{division}）</p>
      <form onSubmit={submit} noValidate>
        <label className="field" htmlFor="token">
          <span>{tokenLabel}</span>
          <input id="token" ref={input} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)}
            aria-invalid={error ? true : undefined} aria-describedby={error ? 'signin-error' : 'signin-help'} placeholder="tb_…" />
        </label>
        <p id="signin-help" className="hint">请用您本人的令牌登录。登录后本浏览器在当天工作时间内保持登录（新开标签页无需再次登录）；令牌本身不会保存在浏览器中。离开时请点「退出登录」。</p>
        {error && <p id="signin-error" role="alert" className="banner error">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? '正在验证…' : '登录'}</button>
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
      {me.principal.name}（{labelOf(roles, me.principal.role)}）{until ? <small> 登录有效至 {until}</small> : null}
    </span>
  );
}
