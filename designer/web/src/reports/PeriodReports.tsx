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
  return <span className={n > 0 ? 'up' : n < 0 ? 'down' : 'muted'}>（{n > 0 ? `+${n}` : n}）</span>;
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
      <nav className="views" aria-label="调度通报">
        {reportPeriods.codes.map((p) => (
          <a key={p} href={href(p)} aria-current={p === period ? 'page' : undefined} onClick={(e) => { e.preventDefault(); setKey(undefined); go(p); }}>{labelOf(reportPeriods, p)}</a>
        ))}
      </nav>
      <h2>{labelOf(reportPeriods, period)}{report ? ` ${report.snapshot.key}（${report.snapshot.start} 至 ${report.snapshot.end}）` : ''}</h2>
      {error ? <div className="notice error" role="alert">{error}</div> : null}
      <div className="actions">
        <label className="no-print">期次{' '}
          <select aria-label="期次" value={report?.snapshot.key ?? ''} onChange={(e) => setKey(e.target.value)}>
            {history.map((h) => <option key={h.key} value={h.key}>{h.key}</option>)}
          </select>
        </label>
        <button onClick={() => window.print()}>打印</button>
        <button onClick={() => void listsApi.downloadCsv(csvPath, `${labelOf(reportPeriods, period)}-${report?.snapshot.key ?? ''}.csv`)}>导出 CSV</button>
        {mayTake ? <button onClick={() => void listsApi.takeSnapshot(period).then(load, (e: unknown) => setError(advice(e)))}>生成本期快照</button> : null}
      </div>
      {!report ? <p className="muted">正在加载…</p> : (
        <>
          <p className="muted">快照时间 {report.snapshot.takenAt.slice(0, 16).replace('T', ' ')}（UTC），{report.snapshot.takenBy === 'system' ? '查阅时自动生成' : `由${people(report.snapshot.takenBy)}生成`}；{report.previousKey ? `括号内为较上期（${report.previousKey}）的变化` : '这是第一期，没有上期可比'}。</p>
          <h3>盟市与旗县</h3>
          <table>
            <thead><tr><th>地区</th><th>层级</th><th>已认领</th><th>属地字段已填</th><th>受理办件</th><th>流转办件</th><th>逾期办件</th><th>{t('designer.batches.lateClaims')}</th><th>{t('designer.batches.lateBatches')}</th></tr></thead>
            <tbody>
              {report.localities.map((l) => (
                <tr key={l.division}>
                  <td>{l.name}（{l.division}）</td><td>{l.level === 'league_city' ? '盟市' : '旗县'}</td>
                  {(['claimed', 'localFieldsCompleted', 'casesAccepted', 'casesDispatched', 'casesOverdue'] as const).map((f) => <td key={f}>{l[f]}<Delta change={l.change} field={f} /></td>)}
                  <td>{l.claimsLate ?? ''}</td><td>{l.lateBatches && l.lateBatches.length > 0 ? l.lateBatches.join(t('designer.batches.listSeparator')) : t('designer.batches.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>部门</h3>
          <table>
            <thead><tr><th>部门</th><th>已发布</th><th>草稿</th><th>受理办件</th><th>流转办件</th><th>逾期办件</th></tr></thead>
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
