import { useEffect, useState } from 'react';
import { findDivision } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
import { t } from '../ui-text.js';
import { auditorApi, type ImpactReport } from './auditor-api.js';
import { ItemPicker, useItems } from './ItemPicker.js';
import { outcomeName } from './outcome.js';

/** The impact report itself (also part of the dossier). */
export function ImpactReportView({ report }: { report: ImpactReport }) {
  return (
    <div data-testid="impact-report">
      <p>{report.changed.length === 0
        ? t('designer.auditor.impact.summaryUnchanged', { version: report.version, examined: report.examined })
        : t('designer.auditor.impact.summaryChanged', { version: report.version, examined: report.examined, changed: report.changed.length })}</p>
      {report.transitions.length > 0 && (
        <ul>{report.transitions.map((tr) => <li key={`${tr.before}-${tr.after}`}>{t('designer.auditor.impact.transition', { before: outcomeName(tr.before), after: outcomeName(tr.after), count: tr.count })}</li>)}</ul>
      )}
      {report.changed.length > 0 && (
        <table className="list">
          <thead><tr>{(['date', 'division', 'before', 'after', 'cause'] as const).map((c) => <th key={c}>{t(`designer.auditor.impact.col.${c}`)}</th>)}</tr></thead>
          <tbody>
            {report.changed.map((c) => (
              <tr key={c.id}>
                <td>{c.date}</td>
                <td>{findDivision(c.division)?.name ?? c.division}</td>
                <td>{outcomeName(c.before)}</td>
                <td>{outcomeName(c.after)}</td>
                <td>{c.causes.map((cause) => cause.text).join(t('designer.auditor.impact.causeSeparator')) || c.reasons.map((r) => r.message).join(t('designer.auditor.impact.causeSeparator'))}</td>
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
  if (!items) return <p className="muted" aria-live="polite">{t('designer.auditor.loadingItems')}</p>;
  return (
    <section aria-labelledby="impact-title">
      <h2 id="impact-title">{t('designer.auditor.view.impact')}</h2>
      <div className="row filters">
        <ItemPicker id="impact-item" items={items} value={code} onChange={onChange} label={t('designer.auditor.impact.itemLabel')} filter={(i) => i.draft !== null && i.latestVersion !== null} />
      </div>
      {!code ? <p className="muted">{t('designer.auditor.impact.choose')}</p>
        : error ? <div className="notice error" role="alert">{error}</div>
        : !report ? <p className="muted" aria-live="polite">{t('designer.auditor.evaluatingImpact')}</p>
        : <ImpactReportView report={report} />}
    </section>
  );
}
