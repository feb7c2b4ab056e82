import { useEffect, useState } from 'react';
import { isReportPeriod, labelOf, reportPeriods, type ReportPeriod } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
import { usePeople } from '../people.js';
import { t } from '../ui-text.js';
import { ClaimBatches } from './ClaimBatches.js';
import { listsApi, type Change, type PeriodReportView } from '../lists/lists-api.js';
import '../lists/lists.css';

export const isReportView = (value: string): value is ReportPeriod => isReportPeriod(value);

function Delta({ change, field }: { change: Change; field: string }) {
  const n = change?.[field];
  if (n === undefined) return null;
  return <span className={n > 0 ? 'up' : n < 0 ? 'down' : 'muted'}>{t('designer.reports.change', { change: n > 0 ? `+${n}` : n })}</span>;
}

/** 周调度 / 月通报: the period's kept snapshot with the change since the period before; printable, CSV, history. */
export function PeriodReports({ period, href, go, mayTake }: { period: ReportPeriod; href: (p: ReportPeriod) => string; go: (p: ReportPeriod) => void; mayTake: boolean }) {
  const people = usePeople();
  const [key, setKey] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<PeriodReportView | null>(null);
  const [history, setHistory] = useState<{ key: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = () => {
    setError(null);
    listsApi.report(period, key).then((r) => { setReport(r); return listsApi.snapshots(period); }).then((h) => setHistory(h.snapshots), (e: unknown) => setError(advice(e)));
  };
  useEffect(load, [period, key]);
  const csvPath = `/api/reports/periods/${period}${report ? `?key=${encodeURIComponent(report.snapshot.key)}` : ''}`;
  return (
    <main className="programme">
      <nav className="views" aria-label={t('designer.reports.title')}>
        {reportPeriods.codes.map((p) => (
          <a key={p} href={href(p)} aria-current={p === period ? 'page' : undefined} onClick={(e) => { e.preventDefault(); setKey(undefined); go(p); }}>{labelOf(reportPeriods, p)}</a>
        ))}
      </nav>
      <h2>{labelOf(reportPeriods, period)}{report ? ` ${t('designer.reports.period', { key: report.snapshot.key, start: report.snapshot.start, end: report.snapshot.end })}` : ''}</h2>
      {error ? <div className="notice error" role="alert">{error}</div> : null}
      <div className="actions">
        <label className="no-print">{t('designer.reports.snapshotKey')}{' '}
          <select aria-label={t('designer.reports.snapshotKey')} value={report?.snapshot.key ?? ''} onChange={(e) => setKey(e.target.value)}>
            {history.map((h) => <option key={h.key} value={h.key}>{h.key}</option>)}
          </select>
        </label>
        <button onClick={() => window.print()}>{t('designer.lists.print')}</button>
        <button onClick={() => void listsApi.downloadCsv(csvPath, `${labelOf(reportPeriods, period)}-${report?.snapshot.key ?? ''}.csv`)}>{t('designer.lists.exportCsv')}</button>
        {mayTake ? <button onClick={() => void listsApi.takeSnapshot(period).then(load, (e: unknown) => setError(advice(e)))}>{t('designer.reports.takeSnapshot')}</button> : null}
      </div>
      {!report ? <p className="muted">{t('designer.lists.loading')}</p> : (
        <>
          <p className="muted">{t('designer.reports.snapshotInfo', {
            at: report.snapshot.takenAt.slice(0, 16).replace('T', ' '),
            by: report.snapshot.takenBy === 'system' ? t('designer.reports.takenOnView') : t('designer.reports.takenBy', { name: people(report.snapshot.takenBy) }),
            comparison: report.previousKey ? t('designer.reports.comparedWith', { key: report.previousKey }) : t('designer.reports.firstPeriod'),
          })}</p>
          <h3>{t('designer.reports.localities')}</h3>
          <table>
            <thead><tr>
              <th>{t('designer.reports.col.locality')}</th><th>{t('designer.reports.col.level')}</th><th>{t('designer.reports.col.claimed')}</th><th>{t('designer.reports.col.localFieldsCompleted')}</th>
              <th>{t('designer.reports.col.casesAccepted')}</th><th>{t('designer.reports.col.casesDispatched')}</th><th>{t('designer.reports.col.casesOverdue')}</th><th>{t('designer.batches.lateClaims')}</th><th>{t('designer.batches.lateBatches')}</th>
            </tr></thead>
            <tbody>
              {report.localities.map((l) => (
                <tr key={l.division}>
                  <td>{t('designer.reports.localityName', { name: l.name, division: l.division })}</td><td>{t(l.level === 'league_city' ? 'designer.reports.level.leagueCity' : 'designer.reports.level.bannerCounty')}</td>
                  {(['claimed', 'localFieldsCompleted', 'casesAccepted', 'casesDispatched', 'casesOverdue'] as const).map((f) => <td key={f}>{l[f]}<Delta change={l.change} field={f} /></td>)}
                  <td>{l.claimsLate ?? ''}</td><td>{l.lateBatches && l.lateBatches.length > 0 ? l.lateBatches.join(t('designer.batches.listSeparator')) : t('designer.batches.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('designer.reports.departments')}</h3>
          <table>
            <thead><tr>
              <th>{t('designer.reports.col.department')}</th><th>{t('designer.reports.col.published')}</th><th>{t('designer.reports.col.drafts')}</th>
              <th>{t('designer.reports.col.casesAccepted')}</th><th>{t('designer.reports.col.casesDispatched')}</th><th>{t('designer.reports.col.casesOverdue')}</th>
            </tr></thead>
            <tbody>
              {report.departments.map((d) => (
                <tr key={d.department}>
                  <td>{d.department}</td>
                  {(['published', 'drafts', 'casesAccepted', 'casesDispatched', 'casesOverdue'] as const).map((f) => <td key={f}>{d[f]}<Delta change={d.change} field={f} /></td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {mayTake ? <ClaimBatches /> : null}
    </main>
  );
}
