import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { divisionTree, findDivision, OUTCOMES } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
import { t } from '../ui-text.js';
import { auditorApi, regionTime, type DecisionQuery, type RecordedDecisionEntry, type ReplayResult } from './auditor-api.js';
import { ItemPicker, useItems } from './ItemPicker.js';
import { outcomeName } from './outcome.js';

function divisionName(code: string): string {
  return findDivision(code)?.name ?? code;
}

/** The recorded decision and its replay on the exact version, side by side. */
function ReplayPanel({ entry, replay }: { entry: RecordedDecisionEntry; replay: ReplayResult | { error: string } }) {
  return (
    <div className="cols two replay" data-testid="replay-result">
      <div className="card">
        <h3>{t('designer.auditor.decisions.recorded')}</h3>
        <p>{t('designer.auditor.decisions.outcomeLabel')}<strong>{outcomeName(entry.outcome)}</strong></p>
        <p className="muted">{entry.by
          ? t('designer.auditor.decisions.recordedMetaBy', { division: divisionName(entry.division), by: entry.by.name, at: regionTime(entry.at), version: entry.version, hash: entry.hash.slice(0, 12) })
          : t('designer.auditor.decisions.recordedMeta', { division: divisionName(entry.division), at: regionTime(entry.at), version: entry.version, hash: entry.hash.slice(0, 12) })}</p>
        {entry.decision.reasons?.length ? <ul>{entry.decision.reasons.map((r, i) => <li key={i}>{r.message}</li>)}</ul> : <p className="muted">{t('designer.auditor.decisions.noReasons')}</p>}
      </div>
      <div className="card">
        <h3>{t('designer.auditor.decisions.replayed')}</h3>
        {'error' in replay ? (
          <div className="notice error" role="alert">{replay.error}</div>
        ) : (
          <>
            <p>{t('designer.auditor.decisions.outcomeLabel')}<strong>{outcomeName(replay.replayedOutcome)}</strong></p>
            {replay.identical ? (
              <div className="notice ok" role="status" data-testid="replay-identical">{t('designer.auditor.decisions.identical')}</div>
            ) : (
              <div className="notice error" role="alert" data-testid="replay-different">{t('designer.auditor.decisions.different', { fields: replay.differences.join(t('designer.auditor.decisions.fieldSeparator')) })}</div>
            )}
          </>
        )}
      </div>
    </div>
  );
}

/** Decisions searched by item, division, date and outcome; each replayable against its exact version. */
export function DecisionSearch({ initialCode = '' }: { initialCode?: string }) {
  const { items } = useItems();
  const [query, setQuery] = useState<DecisionQuery>({ code: initialCode });
  const [draft, setDraft] = useState<DecisionQuery>({ code: initialCode });
  const [results, setResults] = useState<RecordedDecisionEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [replays, setReplays] = useState<Record<string, ReplayResult | { error: string }>>({});
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setResults(null);
    setError(null);
    auditorApi.decisions(query).then(
      (r) => { if (live) { setResults(r.decisions); setNext(r.nextAfterId); } },
      (e: unknown) => { if (live) setError(advice(e)); },
    );
    return () => { live = false; };
  }, [query]);
  const search = (e: FormEvent) => {
    e.preventDefault();
    // Dates are the region's calendar days: from the start of the first to the end of the last (UTC+8).
    setQuery({
      ...(draft.code ? { code: draft.code } : {}),
      ...(draft.division ? { division: draft.division } : {}),
      ...(draft.outcome ? { outcome: draft.outcome } : {}),
      ...(draft.from ? { from: new Date(`${draft.from}T00:00:00+08:00`).toISOString() } : {}),
      ...(draft.to ? { to: new Date(`${draft.to}T23:59:59.999+08:00`).toISOString() } : {}),
    });
  };
  const more = async () => {
    if (!next) return;
    const page = await auditorApi.decisions({ ...query, afterId: next });
    setResults((r) => [...(r ?? []), ...page.decisions]);
    setNext(page.nextAfterId);
  };
  const replay = async (entry: RecordedDecisionEntry) => {
    setOpen(entry.id);
    try {
      const result = await auditorApi.replay(entry.id);
      setReplays((r) => ({ ...r, [entry.id]: result }));
    } catch (e) {
      setReplays((r) => ({ ...r, [entry.id]: { error: advice(e) } }));
    }
  };
  return (
    <section aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t('designer.auditor.view.decisions')}</h2>
      <form className="row filters" onSubmit={search} aria-label={t('designer.auditor.decisions.searchLabel')}>
        {items && <ItemPicker id="decision-item" items={items} value={draft.code ?? ''} onChange={(code) => setDraft({ ...draft, code })} allowAll />}
        <label htmlFor="decision-division" className="picker"><span>{t('designer.auditor.decisions.division')}</span>
          <select id="decision-division" value={draft.division ?? ''} onChange={(e) => setDraft({ ...draft, division: e.target.value })}>
            <option value="">{t('designer.auditor.decisions.allDivisions')}</option>
            {divisionTree().children.map((league) => (
              <optgroup key={league.code} label={league.name}>
                <option value={league.code}>{t('designer.auditor.decisions.leagueItself', { name: league.name })}</option>
                {league.children.map((banner) => <option key={banner.code} value={banner.code}>{banner.name}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <label htmlFor="decision-from" className="picker"><span>{t('designer.auditor.decisions.from')}</span><input id="decision-from" type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
        <label htmlFor="decision-to" className="picker"><span>{t('designer.auditor.decisions.to')}</span><input id="decision-to" type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
        <label htmlFor="decision-outcome" className="picker"><span>{t('designer.auditor.decisions.outcome')}</span>
          <select id="decision-outcome" value={draft.outcome ?? ''} onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}>
            <option value="">{t('designer.auditor.decisions.allOutcomes')}</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{outcomeName(o)}</option>)}
          </select>
        </label>
        <button type="submit" className="primary">{t('designer.auditor.decisions.find')}</button>
      </form>
      {error ? <div className="notice error" role="alert">{error}</div>
        : !results ? <p className="muted" aria-live="polite">{t('designer.auditor.decisions.searching')}</p>
        : results.length === 0 ? <p className="muted" role="status">{t('designer.auditor.decisions.none')}</p>
        : (
          <table className="list decisions">
            <thead><tr>{(['at', 'division', 'by', 'item', 'version', 'outcome', 'action'] as const).map((c) => <th key={c}>{t(`designer.auditor.decisions.col.${c}`)}</th>)}</tr></thead>
            <tbody>
              {results.map((entry) => (
                <Fragment key={entry.id}>
                  <tr data-testid="decision-row">
                    <td>{regionTime(entry.at)}</td>
                    <td>{t('designer.auditor.decisions.divisionCell', { name: divisionName(entry.division), code: entry.division })}</td>
                    <td title={entry.by?.id}>{entry.by?.name ?? '—'}</td>
                    <td>{items?.find((i) => i.code === entry.code)?.name ?? entry.code}</td>
                    <td>{t('designer.auditor.version', { version: entry.version })}</td>
                    <td>{outcomeName(entry.outcome)}</td>
                    <td><button type="button" className="small" onClick={() => void replay(entry)}>{t('designer.auditor.decisions.replay')}</button></td>
                  </tr>
                  {open === entry.id && (
                    <tr>
                      <td colSpan={7}>{replays[entry.id] ? <ReplayPanel entry={entry} replay={replays[entry.id] as ReplayResult} /> : <p className="muted" aria-live="polite">{t('designer.auditor.decisions.replaying')}</p>}</td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      {next && <button type="button" onClick={() => void more()}>{t('designer.auditor.decisions.more')}</button>}
    </section>
  );
}
