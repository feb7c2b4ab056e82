import { useEffect, useState, type FormEvent } from 'react';
import { caseStatuses, isCaseNumber, labelOf } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { chineseDate, getJson, getText, type CaseEntry, type CasePage } from './api.js';
import { describeError } from './IntakeActions.js';

/** One tab of a work queue: its label and the list filters it stands for. */
export interface QueueTab {
  id: string;
  label: string;
  query: Record<string, string>;
}

/** The window's queue: what waits for this counter first, then what is due soon or late. */
export const WINDOW_TABS: QueueTab[] = [
  { id: 'to-receive', label: '待接收', query: { status: 'dispatched', mine: 'true' } },
  { id: 'to-do', label: '待办理', query: { mine: 'true' } },
  { id: 'due-soon', label: '即将到期', query: { dueWithin: '1' } },
  { id: 'overdue', label: '已超期', query: { overdue: 'true' } },
  { id: 'all', label: '全部办件', query: {} },
];

/** The department's queue: cases to decide, decided ones to deliver. */
export const DEPARTMENT_TABS: QueueTab[] = [
  { id: 'to-decide', label: '待审批', query: { status: 'with-department' } },
  { id: 'to-deliver', label: '待送达', query: { status: 'decided' } },
  { id: 'overdue', label: '已超期', query: { overdue: 'true' } },
  { id: 'all', label: '全部办件', query: {} },
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
        if (e instanceof ApiError && e.status === 401) onUnauthorized?.(describeError(e, '加载办件'));
        setError(describeError(e, '加载办件'));
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
      setError(describeError(e, '加载下一页'));
    } finally {
      setLoadingMore(false);
    }
  };

  /** The report route needs the bearer token, so the file is fetched here and saved through a Blob URL. */
  const downloadReport = async () => {
    setReportStatus('正在生成超期办件报表…');
    try {
      const csv = await getText(`/api/cases/overdue-report?${queryString({ division, format: 'csv' })}`, { token, accept: 'text/csv' });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `超期办件-${division}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setReportStatus('超期办件报表已下载。');
    } catch (e) {
      setReportStatus(describeError(e, '导出超期办件报表'));
    }
  };

  const searchCase = (event: FormEvent) => {
    event.preventDefault();
    const value = caseQuery.trim().toUpperCase();
    if (!isCaseNumber(value)) {
      setSearchError('办件编号格式应为 TB + 区划代码 + 日期 + 序号，如 TB15010220260105-000001。');
      return;
    }
    setSearchError(null);
    setSearch({ kind: 'case', value });
  };
  const searchApplicant = (event: FormEvent) => {
    event.preventDefault();
    const value = applicantQuery.trim().toUpperCase();
    if (!/^\d{17}[\dX]$/.test(value)) {
      setSearchError('请输入申请人完整的 18 位身份证号码；结果中只显示脱敏后的申请人信息。');
      return;
    }
    setSearchError(null);
    setSearch({ kind: 'applicant', value });
  };
  const clearSearch = () => { setSearch(null); setCaseQuery(''); setApplicantQuery(''); setSearchError(null); };

  return (
    <section className="case-queue" aria-labelledby="case-queue-title">
      <h2 id="case-queue-title">{title}</h2>
      <div role="tablist" aria-label="办件队列" className="tabs">
        {tabs.map((t) => (
          <button key={t.id} role="tab" type="button" aria-selected={!search && tab === t.id} onClick={() => { clearSearch(); setTab(t.id); }}>{t.label}</button>
        ))}
      </div>
      <div className="queue-filters">
        <label className="field inline" htmlFor="queue-status">
          <span>按状态</span>
          <select id="queue-status" value={status} onChange={(e) => setStatus(e.target.value)} disabled={search !== null}>
            <option value="">全部状态</option>
            {caseStatuses.codes.map((code) => <option key={code} value={code}>{labelOf(caseStatuses, code)}</option>)}
          </select>
        </label>
        <form onSubmit={searchCase} className="inline-search">
          <label className="field inline" htmlFor="queue-case-number">
            <span>办件编号</span>
            <input id="queue-case-number" value={caseQuery} onChange={(e) => setCaseQuery(e.target.value)} placeholder="TB…" autoComplete="off" />
          </label>
          <button type="submit">查询办件</button>
        </form>
        <form onSubmit={searchApplicant} className="inline-search">
          <label className="field inline" htmlFor="queue-applicant">
            <span>申请人身份证号码</span>
            <input id="queue-applicant" value={applicantQuery} onChange={(e) => setApplicantQuery(e.target.value)} autoComplete="off" inputMode="text" />
          </label>
          <button type="submit">按申请人查询</button>
        </form>
        {search && <button type="button" className="link" onClick={clearSearch}>清除查询，返回队列</button>}
        {overdueReport && <button type="button" onClick={downloadReport}>导出超期办件报表</button>}
      </div>
      {reportStatus && <p role="status" className="hint">{reportStatus}</p>}
      {searchError && <p role="alert" className="banner error">{searchError}</p>}
      {search && <p className="hint" role="status">{search.kind === 'case' ? `办件编号 ${search.value} 的查询结果` : '按申请人身份证号码查询的结果（申请人信息已脱敏）'}</p>}
      {error && <p role="alert" className="banner error">{error}</p>}
      {rows === null ? (
        !error && <p role="status" className="hint">正在加载办件…</p>
      ) : rows.length === 0 ? (
        <p className="hint" data-testid="queue-empty">{search ? '没有找到符合条件的办件。' : '此队列暂无办件。'}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">办件编号</th><th scope="col">事项</th><th scope="col">申请人</th><th scope="col">受理地 → 办理地</th>
              <th scope="col">审批部门</th><th scope="col">状态</th><th scope="col">当前环节到期</th><th scope="col">承诺办结日期</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.caseNumber} className={row.overdue ? 'overdue' : undefined}>
                <td><a href={hrefFor(row.caseNumber)} onClick={(e) => { if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return; e.preventDefault(); onOpen(row.caseNumber); }}>{row.caseNumber}</a></td>
                <td>{row.itemName}</td>
                <td>{row.applicantLabel ?? '—'}</td>
                <td>{row.receivingName}{row.handlingDivision !== row.receivingDivision ? ` → ${row.handlingName}` : '（本地办理）'}</td>
                <td>{row.department}</td>
                <td><span className={`status status-${row.status}`}>{row.statusLabel}</span></td>
                <td>
                  {row.dueDate ? <>{row.dueStageLabel}：{chineseDate(row.dueDate)}</> : '—'}
                  {row.overdue && <span className="badge overdue">超期</span>}
                </td>
                <td>{chineseDate(row.promisedDue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && <button type="button" onClick={more} disabled={loadingMore}>{loadingMore ? '正在加载…' : '加载更多'}</button>}
    </section>
  );
}
