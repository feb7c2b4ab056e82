import { useEffect, useState, type FormEvent } from 'react';
import { caseStatuses, isCaseNumber, labelOf } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { chineseDate, getJson, getText, type CaseEntry, type CasePage } from './api.js';
import { describeError } from './IntakeActions.js';
import { t } from './ui-text.js';

/** One tab of a work queue: its label and the list filters it stands for. */
export interface QueueTab {
  id: string;
  label: string;
  query: Record<string, string>;
}

/** The window's queue: what waits for this counter first, then what is due soon or late. */
export const WINDOW_TABS: QueueTab[] = [
  { id: 'to-receive', label: t('runtime.queue.tab.toReceive'), query: { status: 'dispatched', mine: 'true' } },
  { id: 'to-do', label: t('runtime.queue.tab.toDo'), query: { mine: 'true' } },
  { id: 'due-soon', label: t('runtime.queue.tab.dueSoon'), query: { dueWithin: '1' } },
  { id: 'overdue', label: t('runtime.queue.tab.overdue'), query: { overdue: 'true' } },
  { id: 'all', label: t('runtime.queue.tab.all'), query: {} },
];

/** The department's queue: cases to decide, decided ones to deliver. */
export const DEPARTMENT_TABS: QueueTab[] = [
  { id: 'to-decide', label: t('runtime.queue.tab.toDecide'), query: { status: 'with-department' } },
  { id: 'to-deliver', label: t('runtime.queue.tab.toDeliver'), query: { status: 'decided' } },
  { id: 'overdue', label: t('runtime.queue.tab.overdue'), query: { overdue: 'true' } },
  { id: 'all', label: t('runtime.queue.tab.all'), query: {} },
];

const PAGE_SIZE = 20;

type Search = { kind: 'case'; value: string } | { kind: 'applicant'; value: string } | null;

function queryString(params: Record<string, string>): string {
  return new URLSearchParams(params).toString();
}

/**
 * A work queue over GET /api/cases: tabs, a status filter, search by case number or by the
 * applicant's ID number (the answer shows the applicant masked only), due first, paged.
 */
export function CaseQueue({ division, token, tabs, initialTab, title, overdueReport, hrefFor, onOpen, onUnauthorized }: {
  division: string;
  token: string;
  tabs: QueueTab[];
  /** The tab shown first (default: the first). */
  initialTab?: string;
  title: string;
  /** Offer the overdue report (超期办件报表) of the division as a CSV download (windows and supervisors only). */
  overdueReport?: boolean;
  hrefFor: (caseNumber: string) => string;
  onOpen: (caseNumber: string) => void;
  onUnauthorized?: (message: string) => void;
}) {
  const [tab, setTab] = useState<string>(initialTab ?? tabs[0]?.id ?? 'all');
  const [status, setStatus] = useState('');
  const [search, setSearch] = useState<Search>(null);
  const [caseQuery, setCaseQuery] = useState('');
  const [applicantQuery, setApplicantQuery] = useState('');
  const [searchError, setSearchError] = useState<string | null>(null);
  const [rows, setRows] = useState<CaseEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [reportStatus, setReportStatus] = useState<string | null>(null);

  const params = (): Record<string, string> => {
    const base: Record<string, string> = { division, limit: String(PAGE_SIZE) };
    if (search?.kind === 'case') return { ...base, q: search.value };
    if (search?.kind === 'applicant') return { ...base, applicant: search.value };
    const chosen = tabs.find((t) => t.id === tab)?.query ?? {};
    return { ...base, ...chosen, ...(status ? { status } : {}) };
  };
  const key = JSON.stringify(params());

  useEffect(() => {
    let live = true;
    setRows(null);
    setNext(null);
    setError(null);
    getJson<CasePage>(`/api/cases?${queryString(params())}`, { token }).then(
      (page) => { if (live) { setRows(page.cases); setNext(page.next); } },
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) onUnauthorized?.(describeError(e, t('runtime.queue.loadCases')));
        setError(describeError(e, t('runtime.queue.loadCases')));
      },
    );
    return () => { live = false; };
  }, [key, token]);

  const more = async () => {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await getJson<CasePage>(`/api/cases?${queryString({ ...params(), after: next })}`, { token });
      setRows((r) => [...(r ?? []), ...page.cases]);
      setNext(page.next);
    } catch (e) {
      setError(describeError(e, t('runtime.queue.loadNextPage')));
    } finally {
      setLoadingMore(false);
    }
  };

  /** The report route needs the bearer token, so the file is fetched here and saved through a Blob URL. */
  const downloadReport = async () => {
    setReportStatus(t('runtime.queue.reportGenerating'));
    try {
      const csv = await getText(`/api/cases/overdue-report?${queryString({ division, format: 'csv' })}`, { token, accept: 'text/csv' });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = t('runtime.queue.reportFileName', { division });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setReportStatus(t('runtime.queue.reportDownloaded'));
    } catch (e) {
      setReportStatus(describeError(e, t('runtime.queue.reportExport')));
    }
  };

  const searchCase = (event: FormEvent) => {
    event.preventDefault();
    const value = caseQuery.trim().toUpperCase();
    if (!isCaseNumber(value)) {
      setSearchError(t('runtime.queue.caseNumberFormat'));
      return;
    }
    setSearchError(null);
    setSearch({ kind: 'case', value });
  };
  const searchApplicant = (event: FormEvent) => {
    event.preventDefault();
    const value = applicantQuery.trim().toUpperCase();
    if (!/^\d{17}[\dX]$/.test(value)) {
      setSearchError(t('runtime.queue.applicantIdFormat'));
      return;
    }
    setSearchError(null);
    setSearch({ kind: 'applicant', value });
  };
  const clearSearch = () => { setSearch(null); setCaseQuery(''); setApplicantQuery(''); setSearchError(null); };

  return (
    <section className="case-queue" aria-labelledby="case-queue-title">
      <h2 id="case-queue-title">{title}</h2>
      <div role="tablist" aria-label={t('runtime.queue.tablist')} className="tabs">
        {tabs.map((t) => (
          <button key={t.id} role="tab" type="button" aria-selected={!search && tab === t.id} onClick={() => { clearSearch(); setTab(t.id); }}>{t.label}</button>
        ))}
      </div>
      <div className="queue-filters">
        <label className="field inline" htmlFor="queue-status">
          <span>{t('runtime.queue.byStatus')}</span>
          <select id="queue-status" value={status} onChange={(e) => setStatus(e.target.value)} disabled={search !== null}>
            <option value="">{t('runtime.queue.allStatuses')}</option>
            {caseStatuses.codes.map((code) => <option key={code} value={code}>{labelOf(caseStatuses, code)}</option>)}
          </select>
        </label>
        <form onSubmit={searchCase} className="inline-search">
          <label className="field inline" htmlFor="queue-case-number">
            <span>{t('runtime.queue.caseNumber')}</span>
            <input id="queue-case-number" value={caseQuery} onChange={(e) => setCaseQuery(e.target.value)} placeholder="TB…" autoComplete="off" />
          </label>
          <button type="submit">{t('runtime.queue.searchCase')}</button>
        </form>
        <form onSubmit={searchApplicant} className="inline-search">
          <label className="field inline" htmlFor="queue-applicant">
            <span>{t('runtime.queue.applicantId')}</span>
            <input id="queue-applicant" value={applicantQuery} onChange={(e) => setApplicantQuery(e.target.value)} autoComplete="off" inputMode="text" />
          </label>
          <button type="submit">{t('runtime.queue.searchApplicant')}</button>
        </form>
        {search && <button type="button" className="link" onClick={clearSearch}>{t('runtime.queue.clearSearch')}</button>}
        {overdueReport && <button type="button" onClick={downloadReport}>{t('runtime.queue.reportExport')}</button>}
      </div>
      {reportStatus && <p role="status" className="hint">{reportStatus}</p>}
      {searchError && <p role="alert" className="banner error">{searchError}</p>}
      {search && <p className="hint" role="status">{search.kind === 'case' ? t('runtime.queue.caseResults', { caseNumber: search.value }) : t('runtime.queue.applicantResults')}</p>}
      {error && <p role="alert" className="banner error">{error}</p>}
      {rows === null ? (
        !error && <p role="status" className="hint">{t('runtime.queue.loading')}</p>
      ) : rows.length === 0 ? (
        <p className="hint" data-testid="queue-empty">{search ? t('runtime.queue.noMatch') : t('runtime.queue.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('runtime.queue.caseNumber')}</th><th scope="col">{t('runtime.queue.col.item')}</th><th scope="col">{t('runtime.queue.col.applicant')}</th><th scope="col">{t('runtime.queue.col.route')}</th>
              <th scope="col">{t('runtime.queue.col.department')}</th><th scope="col">{t('runtime.queue.col.status')}</th><th scope="col">{t('runtime.queue.col.due')}</th><th scope="col">{t('runtime.queue.col.promisedDue')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.caseNumber} className={row.overdue ? 'overdue' : undefined}>
                <td><a href={hrefFor(row.caseNumber)} onClick={(e) => { if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; e.preventDefault(); onOpen(row.caseNumber); }}>{row.caseNumber}</a></td>
                <td>{row.itemName}</td>
                <td>{row.applicantLabel ?? '—'}</td>
                <td>{row.receivingName}{row.handlingDivision !== row.receivingDivision ? ` → ${row.handlingName}` : t('runtime.queue.localHandling')}</td>
                <td>{row.department}</td>
                <td><span className={`status status-${row.status}`}>{row.statusLabel}</span></td>
                <td>
                  {row.dueDate ? t('runtime.queue.dueAt', { stage: row.dueStageLabel ?? '', date: chineseDate(row.dueDate) }) : '—'}
                  {row.overdue && <span className="badge overdue">{t('runtime.queue.overdue')}</span>}
                </td>
                <td>{chineseDate(row.promisedDue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && <button type="button" onClick={more} disabled={loadingMore}>{loadingMore ? t('runtime.queue.loadingMore') : t('runtime.queue.loadMore')}</button>}
    </section>
  );
}
