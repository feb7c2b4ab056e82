import { useEffect, useMemo, useState } from 'react';
import { isServicePhone, localFieldsOf, PHONE_LOCAL_FIELDS, uiTexts, type CatalogueKey } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { getJson, runtimePath, type ItemDetail, type ItemList } from './api.js';
import { t } from './ui-text.js';

interface Claim { division: string; code: string; follow: 'latest' | number; local: Record<string, string> }

const zh = uiTexts('zh-CN');
const titleOf = (field: string): string => zh(`guide.local.${field}` as CatalogueKey) || field;
const MAX_LOCAL_VALUE = 500;
const PLACEHOLDERS: Record<string, string> = {
  windowAddress: t('runtime.localFields.placeholder.windowAddress'), openingHours: t('runtime.localFields.placeholder.openingHours'),
  consultPhone: t('runtime.localFields.placeholder.consultPhone'), complaintPhone: t('runtime.localFields.placeholder.complaintPhone'),
};
/** The four local fields every guide needs, counted in the item picker. */
const CORE_LOCAL_FIELDS = ['windowAddress', 'openingHours', 'consultPhone', 'complaintPhone'];

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
    if (value.length > MAX_LOCAL_VALUE) problems[field] = t('runtime.localFields.tooLong', { field: titleOf(field), max: MAX_LOCAL_VALUE });
    else if (value !== '' && PHONE_LOCAL_FIELDS.includes(field) && !isServicePhone(value)) problems[field] = t('runtime.localFields.notPhone', { field: titleOf(field) });
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
        if (e instanceof ApiError && e.status === 401) onUnauthorized(t('runtime.localFields.sessionExpired'));
        setLoadError(e instanceof ApiError && e.status === 404 ? t('runtime.localFields.notProvided') : t('runtime.localFields.claimsLoadFailed', { error: e instanceof Error ? e.message : String(e) }));
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
      (e: unknown) => { if (live) setLoadError(t('runtime.localFields.itemLoadFailed', { error: e instanceof Error ? e.message : String(e) })); },
    );
    return () => { live = false; };
  }, [division, code]);

  const claim = claims?.get(code);
  useEffect(() => { setValues({ ...(claim?.local ?? {}) }); }, [claim]);
  const fields = useMemo(() => (detail ? localFieldsOf(detail.config.standard) : []), [detail]);
  const regionLocal = regionClaims.get(code)?.local ?? {};
  const filled = (c: Claim | undefined) => CORE_LOCAL_FIELDS.filter((f) => (c?.local[f] ?? '') !== '').length;

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
      setStatus(t('runtime.localFields.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) onUnauthorized(t('runtime.localFields.sessionExpired'));
      const byField: Record<string, string> = {};
      for (const p of e instanceof ApiError ? e.problems : []) byField[p.pointer.replace(/^\/local\//, '')] = p.message;
      setProblems(byField);
      setStatus(t('runtime.localFields.saveFailed', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <main className="workspace local-fields" aria-labelledby="local-fields-title">
      <h1 id="local-fields-title">{t('runtime.localFields.title')}</h1>
      <p className="hint">{t('runtime.localFields.hint')}</p>
      {loadError && <p role="alert" className="banner error">{loadError}</p>}
      {!claims && !loadError && <p role="status" className="hint">{t('runtime.localFields.loadingClaims')}</p>}
      {claims && (
        <div className="local-fields-grid">
          <label className="field" htmlFor="local-item">
            <span>{t('runtime.localFields.item')}</span>
            <select id="local-item" value={code} onChange={(e) => setCode(e.target.value)}>
              {items.map((i) => <option key={i.code} value={i.code}>{t('runtime.localFields.itemOption', { name: i.name, filled: filled(claims.get(i.code)), total: CORE_LOCAL_FIELDS.length })}</option>)}
            </select>
          </label>
          {!detail && <p role="status" className="hint">{t('runtime.localFields.loadingItem')}</p>}
          {detail && (
            <form className="card" aria-label={t('runtime.localFields.formLabel', { name: detail.config.standard.name })} noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
              {fields.map((field) => (
                <label key={field} className={`field ${problems[field] ? 'invalid' : ''}`} htmlFor={`local-${field}`}>
                  <span>{titleOf(field)}</span>
                  <input id={`local-${field}`} name={field} value={values[field] ?? ''} maxLength={MAX_LOCAL_VALUE}
                    inputMode={PHONE_LOCAL_FIELDS.includes(field) ? 'tel' : undefined}
                    placeholder={regionLocal[field] ? t('runtime.localFields.leaguePlaceholder', { value: regionLocal[field] }) : (PLACEHOLDERS[field] ?? '')}
                    aria-invalid={problems[field] ? true : undefined} aria-describedby={problems[field] ? `local-${field}-error` : undefined}
                    onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))} />
                  {regionLocal[field] && !(values[field] ?? '').trim() && <small className="hint">{t('runtime.localFields.leagueFallback', { value: regionLocal[field] })}</small>}
                  {problems[field] && <small id={`local-${field}-error`} className="field-error" role="alert">{problems[field]}</small>}
                </label>
              ))}
              <div className="actions">
                <button type="submit" className="primary" disabled={saving}>{saving ? t('runtime.localFields.saving') : t('runtime.localFields.save')}</button>
                <a href={`/api/runtime/${encodeURIComponent(division)}/items/${encodeURIComponent(code)}/guide`} target="_blank" rel="noreferrer">{t('runtime.localFields.viewGuide')}</a>
              </div>
              {status && <p role="status" className={`banner ${Object.keys(problems).length > 0 ? 'error' : 'ok'}`}>{status}</p>}
            </form>
          )}
        </div>
      )}
    </main>
  );
}
