import { useEffect, useState } from 'react';
import type { Problem } from '../../../../engine/core/index.js';
import { advice, ApiError } from '../../../../engine/web-kit/index.js';
import { api } from '../api.js';
import { t } from '../ui-text.js';
import { listsApi, type CampaignView, type ClaimBatchView } from '../lists/lists-api.js';

const emptyBatch = (): ClaimBatchView => ({ name: '', codes: [], deadline: '' });

/** The server's problems of one field of one batch (pointer /batches/<i>/<field>, also its /codes/<j>). */
function FieldProblems({ problems, at }: { problems: readonly Problem[]; at: string }) {
  const mine = problems.filter((p) => p.pointer === at || p.pointer.startsWith(`${at}/`));
  if (mine.length === 0) return null;
  return <ul className="cell-error" role="alert">{mine.map((p, i) => <li key={i}>{p.message}</li>)}</ul>;
}

/**
 * 分批认领 for administrators: the campaign's batches, each a name, its own claim deadline and the
 * items picked by name from the catalogue, saved through PUT /api/campaign/batches; the server's
 * problems (every one at once) are shown next to the fields they name.
 */
export function ClaimBatches() {
  const [campaign, setCampaign] = useState<CampaignView | null | undefined>(undefined);
  const [batches, setBatches] = useState<ClaimBatchView[]>([]);
  const [items, setItems] = useState<{ code: string; name: string }[]>([]);
  const [picked, setPicked] = useState<Record<number, string>>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    listsApi.campaign().then((r) => { setCampaign(r.campaign); setBatches(r.campaign?.batches ?? []); }, (e: unknown) => setError(advice(e)));
    api.items().then((r) => setItems(r.items.filter((i) => !i.withdrawn).map((i) => ({ code: i.code, name: i.name }))), (e: unknown) => setError(advice(e)));
  }, []);

  const nameOf = (code: string) => items.find((i) => i.code === code)?.name ?? code;
  const change = (i: number, patch: Partial<ClaimBatchView>) => setBatches((list) => list.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const save = () => {
    setNotice(null);
    setError(null);
    listsApi.putBatches(batches).then((r) => { setProblems([]); setCampaign(r.campaign); setBatches(r.campaign.batches ?? []); setNotice(t('designer.batches.saved')); }, (e: unknown) => {
      const found = e instanceof ApiError ? e.problems : [];
      setProblems(found);
      // Problems not of one batch's field (no campaign yet, the list's shape) go above the form.
      const general = found.filter((p) => !/^\/batches\/\d+\//.test(p.pointer));
      setError(found.length > 0 ? [t('designer.batches.problems', { n: found.length }), ...general.map((p) => p.message)].join(' ') : advice(e));
    });
  };

  return (
    <section className="no-print claim-batches" aria-label={t('designer.batches.title')}>
      <h3>{t('designer.batches.title')}</h3>
      {campaign === null ? <p className="muted">{t('designer.batches.noCampaign')}</p> : null}
      {campaign ? <p className="muted">{t('designer.batches.intro', { campaign: campaign.name, deadline: campaign.deadline })}</p> : null}
      {error ? <div className="notice error" role="alert">{error}</div> : null}
      {notice ? <div className="notice info" role="status">{notice}</div> : null}
      {batches.map((batch, i) => {
        const at = `/batches/${i}`;
        const label = t('designer.batches.batch', { n: i + 1 });
        const choice = picked[i] ?? '';
        return (
          <fieldset key={i} aria-label={label}>
            <legend>{label}</legend>
            <label>{t('designer.batches.name')}{' '}
              <input value={batch.name} aria-invalid={problems.some((p) => p.pointer === `${at}/name`)} onChange={(e) => change(i, { name: e.target.value })} />
            </label>
            <FieldProblems problems={problems} at={`${at}/name`} />
            <label>{t('designer.batches.deadline')}{' '}
              <input type="date" value={batch.deadline} aria-invalid={problems.some((p) => p.pointer === `${at}/deadline`)} onChange={(e) => change(i, { deadline: e.target.value })} />
            </label>
            <FieldProblems problems={problems} at={`${at}/deadline`} />
            <div>{t('designer.batches.items')}{' '}
              {batch.codes.length === 0 ? <span className="muted">{t('designer.batches.noItems')}</span> : (
                <ul aria-label={t('designer.batches.items')}>
                  {batch.codes.map((code) => (
                    <li key={code}>{t('designer.batches.itemLabel', { name: nameOf(code), code })}{' '}
                      <button type="button" onClick={() => change(i, { codes: batch.codes.filter((c) => c !== code) })}>{t('designer.batches.removeItem', { name: nameOf(code) })}</button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <FieldProblems problems={problems} at={`${at}/codes`} />
            <label>{t('designer.batches.pickItem')}{' '}
              <select value={choice} onChange={(e) => setPicked((p) => ({ ...p, [i]: e.target.value }))}>
                <option value="" />
                {items.filter((item) => !batch.codes.includes(item.code)).map((item) => <option key={item.code} value={item.code}>{t('designer.batches.itemLabel', { name: item.name, code: item.code })}</option>)}
              </select>
            </label>
            <button type="button" disabled={choice === ''} onClick={() => { change(i, { codes: [...batch.codes, choice] }); setPicked((p) => ({ ...p, [i]: '' })); }}>{t('designer.batches.addItem')}</button>
            <button type="button" onClick={() => { setBatches((list) => list.filter((_, j) => j !== i)); setProblems([]); }}>{t('designer.batches.remove')}</button>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" onClick={() => setBatches((list) => [...list, emptyBatch()])}>{t('designer.batches.add')}</button>
        <button type="button" onClick={save}>{t('designer.batches.save')}</button>
      </div>
    </section>
  );
}
