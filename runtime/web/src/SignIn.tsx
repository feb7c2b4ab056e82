import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../../engine/web-kit/index.js';
import { getJson, runtimePath } from './api.js';

/**
 * Checks a pasted operator token against this division's intake list: 401 = not a valid token,
 * 403 = a token of another division or role. Only a token the server accepts here is kept.
 */
export async function verifyToken(division: string, token: string): Promise<{ ok: true; note?: string } | { ok: false; message: string }> {
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

/**
 * Checks a department handler's token against the cases of this division: 401 = not a valid token,
 * 403 = a handler of another division.
 */
export async function verifyHandlerToken(division: string, token: string): Promise<{ ok: true; note?: string } | { ok: false; message: string }> {
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

export function SignIn({ division, divisionName, onSignedIn, title = '窗口登录', placeLabel = '受理地', tokenLabel = '操作员令牌', verify = verifyToken, footer }: {
  division: string; divisionName: string; onSignedIn: (token: string, note?: string) => void;
  title?: string; placeLabel?: string; tokenLabel?: string;
  verify?: (division: string, token: string) => Promise<{ ok: true; note?: string } | { ok: false; message: string }>;
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
    const result = await verify(division, value);
    setBusy(false);
    if (result.ok) onSignedIn(value, result.note);
    else {
      setError(result.message);
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
        <p id="signin-help" className="hint">令牌仅保存在本浏览器标签页中（sessionStorage），关闭标签页或退出登录即清除。</p>
        {error && <p id="signin-error" role="alert" className="banner error">{error}</p>}
        <button type="submit" className="primary" disabled={busy}>{busy ? '正在验证…' : '登录'}</button>
      </form>
      {footer}
    </main>
  );
}
