import { useEffect, useState } from 'react';
import type { VersionMeta } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
import { t } from '../ui-text.js';
import { auditorApi, regionTime, usePeople } from './auditor-api.js';
import { ItemPicker, useItems } from './ItemPicker.js';

/** The sides one can compare: every published version, and the draft when there is one. */
function sideOptions(versions: VersionMeta[], hasDraft: boolean, nameOf: (id: string) => string): { value: string; label: string }[] {
  return [
    ...versions.map((v) => ({ value: String(v.version), label: t('designer.auditor.compare.option', { version: v.version, at: regionTime(v.publishedAt), author: nameOf(v.author) }) })),
    ...(hasDraft ? [{ value: 'draft', label: t('designer.auditor.currentDraft') }] : []),
  ];
}

/** Any two versions of an item, or a version and the draft, compared with the diff API's own report. */
export function VersionCompare({ code, from, to, onChange }: { code: string; from: string; to: string; onChange: (next: { code: string; from: string; to: string }) => void }) {
  const nameOf = usePeople();
  const { items, error: itemsError } = useItems();
  const [versions, setVersions] = useState<VersionMeta[] | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const item = items?.find((i) => i.code === code) ?? null;
  useEffect(() => {
    if (!code) return;
    let live = true;
    setVersions(null);
    auditorApi.item(code).then((r) => { if (live) setVersions(r.versions); }, (e: unknown) => { if (live) setError(advice(e)); });
    return () => { live = false; };
  }, [code]);
  useEffect(() => {
    if (!code || !from || !to) return;
    let live = true;
    setText(null);
    setError(null);
    auditorApi.diffText(code, from, to).then((diff) => { if (live) setText(diff); }, (e: unknown) => { if (live) setError(advice(e)); });
    return () => { live = false; };
  }, [code, from, to]);
  if (itemsError) return <div className="notice error" role="alert">{itemsError}</div>;
  if (!items) return <p className="muted" aria-live="polite">{t('designer.auditor.loadingItems')}</p>;
  const options = versions ? sideOptions(versions, item?.draft !== null && item?.draft !== undefined, nameOf) : [];
  const pickItem = (next: string) => {
    const latest = items.find((i) => i.code === next)?.latestVersion ?? null;
    onChange({ code: next, from: latest && latest > 1 ? String(latest - 1) : latest ? String(latest) : '', to: items.find((i) => i.code === next)?.draft ? 'draft' : latest ? String(latest) : '' });
  };
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">{t('designer.auditor.view.compare')}</h2>
      <div className="row filters">
        <ItemPicker id="compare-item" items={items} value={code} onChange={pickItem} />
        {versions && (
          <>
            <label htmlFor="compare-from" className="picker"><span>{t('designer.auditor.compare.from')}</span>
              <select id="compare-from" value={from} onChange={(e) => onChange({ code, from: e.target.value, to })}>
                <option value="" disabled>{t('designer.auditor.compare.choose')}</option>
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </label>
            <label htmlFor="compare-to" className="picker"><span>{t('designer.auditor.compare.to')}</span>
              <select id="compare-to" value={to} onChange={(e) => onChange({ code, from, to: e.target.value })}>
                <option value="" disabled>{t('designer.auditor.compare.choose')}</option>
                {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            </label>
          </>
        )}
      </div>
      {!code ? <p className="muted">{t('designer.auditor.compare.hint')}</p>
        : error ? <div className="notice error" role="alert">{error}</div>
        : from && to && text === null ? <p className="muted" aria-live="polite">{t('designer.auditor.compare.comparing')}</p>
        : text !== null ? <pre className="diff" data-testid="compare-diff" tabIndex={0} aria-label={t('designer.auditor.compare.diffLabel')}>{text}</pre>
        : <p className="muted">{t('designer.auditor.compare.chooseVersions')}</p>}
    </section>
  );
}
