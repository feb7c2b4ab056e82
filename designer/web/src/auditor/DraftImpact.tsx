import { useEffect, useState } from 'react';
import { findDivision } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
import { auditorApi, type ImpactReport } from './auditor-api.js';
import { ItemPicker, useItems } from './ItemPicker.js';
import { outcomeName } from './outcome.js';

/** The impact report itself (also part of the dossier). */
export function ImpactReportView({ report }: { report: ImpactReport }) {
  return (
    <div data-testid="impact-report">
      <p>以第 {report.version} 版记录的 {report.examined} 个受理决定，按草稿重新判定：{report.changed.length === 0 ? '结果全部不变。' : `${report.changed.length} 个结果会改变。`}</p>
      {report.transitions.length > 0 && (
        <ul>{report.transitions.map((t) => <li key={`${t.before}-${t.after}`}>{outcomeName(t.before)} → {outcomeName(t.after)}：{t.count} 个</li>)}</ul>
      )}
      {report.changed.length > 0 && (
        <table className="list">
          <thead><tr><th>受理日期</th><th>受理地</th><th>原结果</th><th>按草稿</th><th>原因</th></tr></thead>
          <tbody>
            {report.changed.map((c) => (
              <tr key={c.id}>
                <td>{c.date}</td>
                <td>{findDivision(c.division)?.name ?? c.division}</td>
                <td>{outcomeName(c.before)}</td>
                <td>{outcomeName(c.after)}</td>
                <td>{c.causes.map((cause) => cause.text).join('；') || c.reasons.map((r) => r.message).join('；')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** A draft's impact: the decisions recorded under the latest version, run again under the draft. */
export function useImpact(code: string, enabled = true): { report: ImpactReport | null; error: string | null } {
  const [report, setReport] = useState<ImpactReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!code || !enabled) return;
    let live = true;
    setReport(null);
    setError(null);
    auditorApi.impact(code).then((r) => { if (live) setReport(r); }, (e: unknown) => { if (live) setError(advice(e)); });
    return () => { live = false; };
  }, [code, enabled]);
  return { report, error };
}

export function DraftImpact({ code, onChange }: { code: string; onChange: (code: string) => void }) {
  const { items, error: itemsError } = useItems();
  const { report, error } = useImpact(code);
  if (itemsError) return <div className="notice error" role="alert">{itemsError}</div>;
  if (!items) return <p className="muted" aria-live="polite">正在加载事项…</p>;
  return (
    <section aria-labelledby="impact-title">
      <h2 id="impact-title">草稿影响</h2>
      <div className="row filters">
        <ItemPicker id="impact-item" items={items} value={code} onChange={onChange} label="有草稿的事项" filter={(i) => i.draft !== null && i.latestVersion !== null} />
      </div>
      {!code ? <p className="muted">请选择一个有草稿且已发布过的事项。</p>
        : error ? <div className="notice error" role="alert">{error}</div>
        : !report ? <p className="muted" aria-live="polite">正在评估影响…</p>
        : <ImpactReportView report={report} />}
    </section>
  );
}
