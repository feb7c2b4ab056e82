import { Fragment, useEffect, useState, type FormEvent } from 'react';
import { divisionTree, findDivision, OUTCOMES } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
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
        <h3>记录的决定</h3>
        <p>结果：<strong>{outcomeName(entry.outcome)}</strong></p>
        <p className="muted">{divisionName(entry.division)}{entry.by ? ` · ${entry.by.name}` : ''} · {regionTime(entry.at)} · 第 {entry.version} 版（{entry.hash.slice(0, 12)}…）</p>
        {entry.decision.reasons?.length ? <ul>{entry.decision.reasons.map((r, i) => <li key={i}>{r.message}</li>)}</ul> : <p className="muted">无不予受理或补正理由。</p>}
      </div>
      <div className="card">
        <h3>按原版本重放</h3>
        {'error' in replay ? (
          <div className="notice error" role="alert">{replay.error}</div>
        ) : (
          <>
            <p>结果：<strong>{outcomeName(replay.replayedOutcome)}</strong></p>
            {replay.identical ? (
              <div className="notice ok" role="status" data-testid="replay-identical">重放结果与记录完全一致。</div>
            ) : (
              <div className="notice error" role="alert" data-testid="replay-different">重放结果与记录不一致，差异字段：{replay.differences.join('、')}</div>
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
      <h2 id="decisions-title">受理决定</h2>
      <form className="row filters" onSubmit={search} aria-label="查找受理决定">
        {items && <ItemPicker id="decision-item" items={items} value={draft.code ?? ''} onChange={(code) => setDraft({ ...draft, code })} allowAll />}
        <label htmlFor="decision-division" className="picker"><span>受理地</span>
          <select id="decision-division" value={draft.division ?? ''} onChange={(e) => setDraft({ ...draft, division: e.target.value })}>
            <option value="">全部地区</option>
            {divisionTree().children.map((league) => (
              <optgroup key={league.code} label={league.name}>
                <option value={league.code}>{league.name}（本级）</option>
                {league.children.map((banner) => <option key={banner.code} value={banner.code}>{banner.name}</option>)}
              </optgroup>
            ))}
          </select>
        </label>
        <label htmlFor="decision-from" className="picker"><span>自</span><input id="decision-from" type="date" value={draft.from ?? ''} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
        <label htmlFor="decision-to" className="picker"><span>至</span><input id="decision-to" type="date" value={draft.to ?? ''} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
        <label htmlFor="decision-outcome" className="picker"><span>结果</span>
          <select id="decision-outcome" value={draft.outcome ?? ''} onChange={(e) => setDraft({ ...draft, outcome: e.target.value })}>
            <option value="">全部结果</option>
            {OUTCOMES.map((o) => <option key={o} value={o}>{outcomeName(o)}</option>)}
          </select>
        </label>
        <button type="submit" className="primary">查找</button>
      </form>
      {error ? <div className="notice error" role="alert">{error}</div>
        : !results ? <p className="muted" aria-live="polite">正在查找…</p>
        : results.length === 0 ? <p className="muted" role="status">没有符合条件的受理决定。</p>
        : (
          <table className="list decisions">
            <thead><tr><th>时间</th><th>受理地</th><th>受理人</th><th>事项</th><th>版本</th><th>结果</th><th>操作</th></tr></thead>
            <tbody>
              {results.map((entry) => (
                <Fragment key={entry.id}>
                  <tr data-testid="decision-row">
                    <td>{regionTime(entry.at)}</td>
                    <td>{divisionName(entry.division)}（{entry.division}）</td>
                    <td title={entry.by?.id}>{entry.by?.name ?? '—'}</td>
                    <td>{items?.find((i) => i.code === entry.code)?.name ?? entry.code}</td>
                    <td>第 {entry.version} 版</td>
                    <td>{outcomeName(entry.outcome)}</td>
                    <td><button type="button" className="small" onClick={() => void replay(entry)}>重放</button></td>
                  </tr>
                  {open === entry.id && (
                    <tr>
                      <td colSpan={7}>{replays[entry.id] ? <ReplayPanel entry={entry} replay={replays[entry.id] as ReplayResult} /> : <p className="muted" aria-live="polite">正在重放…</p>}</td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        )}
      {next && <button type="button" onClick={() => void more()}>加载更多</button>}
    </section>
  );
}
