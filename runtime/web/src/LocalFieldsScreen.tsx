import { useEffect, useMemo, useState } from 'react';
import { isServicePhone, localFieldsOf, PHONE_LOCAL_FIELDS, uiTexts, type CatalogueKey } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { getJson, runtimePath, type ItemDetail, type ItemList } from './api.js';

interface Claim { division: string; code: string; follow: 'latest' | number; local: Record<string, string> }

const zh = uiTexts('zh-CN');
const titleOf = (field: string): string => zh(`guide.local.${field}` as CatalogueKey) || field;
const MAX_LOCAL_VALUE = 500;
const PLACEHOLDERS: Record<string, string> = {
  windowAddress: '如 新城区政务服务中心一楼 8 号窗口', openingHours: '如 工作日 9:00–12:00，13:30–17:00',
  consultPhone: '如 0471-6661234', complaintPhone: '如 12345 或 0471-6667890',
};

/** The region above a locality whose values stand in for what the locality leaves empty: its league. */
function regionOf(division: string): string | null {
  const league = `${division.slice(0, 4)}00`;
  return division.length === 6 && division.endsWith('00') ? null : league;
}

/** Every problem of the values at once, in Chinese, by field. */
function problemsOf(values: Record<string, string>, fields: string[]): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const value = (values[field] ?? '').trim();
    if (value.length > MAX_LOCAL_VALUE) problems[field] = `「${titleOf(field)}」不能超过 ${MAX_LOCAL_VALUE} 字`;
    else if (value !== '' && PHONE_LOCAL_FIELDS.includes(field) && !isServicePhone(value)) problems[field] = `「${titleOf(field)}」应为电话号码，如 0471-1234567、13800138000 或 12345，多个号码用顿号分隔`;
  }
  return problems;
}

/**
 * 属地信息: an operator fills in their locality's local fields (办理地点, 办理时间, 咨询电话,
 * 监督投诉电话 and whatever else the item's standard allows) per item. The league's values are shown
 * as the defaults the guide would otherwise lack; saving goes through the claims API.
 */
export function LocalFieldsScreen({ division, items, onUnauthorized }: { division: string; items: ItemList['items']; onUnauthorized: (message: string) => void }) {
  const [claims, setClaims] = useState<Map<string, Claim> | null>(null);
  const [regionClaims, setRegionClaims] = useState<Map<string, Claim>>(new Map());
  const [loadError, setLoadError] = useState<string | null>(null);
  const [code, setCode] = useState<string>(items[0]?.code ?? '');
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const region = regionOf(division);

  useEffect(() => {
    let live = true;
    const byCode = (list: Claim[]) => new Map(list.map((c) => [c.code, c]));
    getJson<{ claims: Claim[] }>(`/api/localities/${encodeURIComponent(division)}/claims`).then(
      (r) => { if (live) setClaims(byCode(r.claims)); },
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) onUnauthorized('登录已失效，请重新登录。');
        setLoadError(e instanceof ApiError && e.status === 404 ? '本服务端不提供属地信息维护，请在自治区通办系统中填写。' : `认领信息加载失败：${e instanceof Error ? e.message : String(e)}`);
      },
    );
    if (region) getJson<{ claims: Claim[] }>(`/api/localities/${region}/claims`).then((r) => { if (live) setRegionClaims(byCode(r.claims)); }, () => undefined);
    return () => { live = false; };
  }, [division, region, onUnauthorized]);

  useEffect(() => {
    if (!code) return;
    let live = true;
    setDetail(null); setProblems({}); setStatus(null);
    getJson<ItemDetail>(runtimePath(division, `/items/${encodeURIComponent(code)}`)).then(
      (d) => { if (live) setDetail(d); },
      (e: unknown) => { if (live) setLoadError(`事项加载失败：${e instanceof Error ? e.message : String(e)}`); },
    );
    return () => { live = false; };
  }, [division, code]);

  const claim = claims?.get(code);
  useEffect(() => { setValues({ ...(claim?.local ?? {}) }); }, [claim]);
  const fields = useMemo(() => (detail ? localFieldsOf(detail.config.standard) : []), [detail]);
  const regionLocal = regionClaims.get(code)?.local ?? {};
  const filled = (c: Claim | undefined) => ['windowAddress', 'openingHours', 'consultPhone', 'complaintPhone'].filter((f) => (c?.local[f] ?? '') !== '').length;

  const save = async () => {
    const found = problemsOf(values, fields);
    setProblems(found);
    setStatus(null);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    try {
      const local = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
      const saved = await getJson<Claim>(`/api/localities/${encodeURIComponent(division)}/claims/${encodeURIComponent(code)}`, { method: 'PUT', json: { follow: claim?.follow ?? 'latest', local } });
      setClaims((m) => new Map(m ?? []).set(code, saved));
      setStatus('已保存。办事指南即时显示新的属地信息。');
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onUnauthorized('登录已失效，请重新登录。');
      const byField: Record<string, string> = {};
      for (const p of e instanceof ApiError ? e.problems : []) byField[p.pointer.replace(/^\/local\//, '')] = p.message;
      setProblems(byField);
      setStatus(`保存失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <main className="workspace local-fields" aria-labelledby="local-fields-title">
      <h1 id="local-fields-title">属地信息维护</h1>
      <p className="hint">为本地认领的每个事项填写办理地点、办理时间、咨询电话和监督投诉电话等属地信息，保存后显示在办事指南和告知书上。未填写的，灰字显示盟市填写的内容供参考。</p>
      {loadError && <p role="alert" className="banner error">{loadError}</p>}
      {!claims && !loadError && <p role="status" className="hint">正在加载认领信息…</p>}
      {claims && (
        <div className="local-fields-grid">
          <label className="field" htmlFor="local-item">
            <span>要填写的事项</span>
            <select id="local-item" value={code} onChange={(e) => setCode(e.target.value)}>
              {items.map((i) => <option key={i.code} value={i.code}>{i.name}（已填 {filled(claims.get(i.code))}/4）</option>)}
            </select>
          </label>
          {!detail && <p role="status" className="hint">正在加载事项…</p>}
          {detail && (
            <form className="card" aria-label={`${detail.config.standard.name}的属地信息`} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
              {fields.map((field) => (
                <label key={field} className={`field ${problems[field] ? 'invalid' : ''}`} htmlFor={`local-${field}`}>
                  <span>{titleOf(field)}</span>
                  <input id={`local-${field}`} name={field} value={values[field] ?? ''} maxLength={MAX_LOCAL_VALUE}
                    inputMode={PHONE_LOCAL_FIELDS.includes(field) ? 'tel' : undefined}
                    placeholder={regionLocal[field] ? `盟市填写：${regionLocal[field]}` : (PLACEHOLDERS[field] ?? '')}
                    aria-invalid={problems[field] ? true : undefined} aria-describedby={problems[field] ? `local-${field}-error` : undefined}
                    onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))} />
                  {regionLocal[field] && !(values[field] ?? '').trim() && <small className="hint">未填写时参照盟市：{regionLocal[field]}</small>}
                  {problems[field] && <small id={`local-${field}-error`} className="field-error" role="alert">{problems[field]}</small>}
                </label>
              ))}
              <div className="actions">
                <button type="submit" className="primary" disabled={saving}>{saving ? '正在保存…' : '保存属地信息'}</button>
                <a href={`/api/runtime/${encodeURIComponent(division)}/items/${encodeURIComponent(code)}/guide`} target="_blank" rel="noreferrer">查看办事指南 ↗</a>
              </div>
              {status && <p role="status" className={`banner ${Object.keys(problems).length > 0 ? 'error' : 'ok'}`}>{status}</p>}
            </form>
          )}
        </div>
      )}
    </main>
  );
}
