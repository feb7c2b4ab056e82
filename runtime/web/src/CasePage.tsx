import { useCallback, useEffect, useRef, useState } from 'react';
import { calendarMissingNote, decisionResults, deliveryMethods, documentKindFor, documentKinds, documentKindsFor, isDecisionResult, isDeliveryMethod, labelOf, type DocumentKind } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { CaseActions } from './CaseActions.js';
import { chineseDate, getJson, localTime, openNotice, type CaseTimelineEntry, type CaseView } from './api.js';
import { describeError } from './IntakeActions.js';

const ROLE_LABELS: Record<string, string> = { operator: '窗口', handler: '审批部门', admin: '管理员' };

/** What the timeline says about an event beyond its type: tracking numbers, results, reasons. */
function eventFacts(entry: CaseTimelineEntry): string[] {
  const d = entry.details;
  const text = (key: string): string | null => (typeof d[key] === 'string' && d[key] !== '' ? (d[key] as string) : null);
  const facts: string[] = [];
  const result = text('result');
  if (result && isDecisionResult(result)) facts.push(`审批结果：${labelOf(decisionResults, result)}`);
  if (text('resultName')) facts.push(`结果名称：${text('resultName')}`);
  if (text('resultNumber')) facts.push(`文书编号：${text('resultNumber')}`);
  const method = text('method');
  if (method && isDeliveryMethod(method)) facts.push(`送达方式：${labelOf(deliveryMethods, method)}`);
  if (text('trackingNumber')) facts.push(`邮寄单号：${text('trackingNumber')}`);
  if (text('recipient')) facts.push(`领取人：${text('recipient')}`);
  if (text('reason')) facts.push(`原因：${text('reason')}`);
  if (text('supplementBy')) facts.push(`承诺补齐期限：${chineseDate(text('supplementBy'))}`);
  if (d.late === true) facts.push('逾期补齐');
  return facts;
}

/**
 * One case: where it stands, its stages with due dates, the timeline of who did what where and
 * when, and only the actions this principal may take now.
 */
export function CasePage({ caseNumber, token, printAt, back, onUnauthorized }: {
  caseNumber: string;
  token: string;
  /** The window division whose document route prints the case's notice (absent: no printing here). */
  printAt?: string;
  back: { href: string; onClick: (e: { preventDefault(): void; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; button: number }) => void };
  onUnauthorized?: (message: string) => void;
}) {
  const [view, setView] = useState<CaseView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [printStatus, setPrintStatus] = useState<string | null>(null);
  const unauthorized = useRef(onUnauthorized);
  unauthorized.current = onUnauthorized;

  const load = useCallback(() => {
    let live = true;
    setError(null);
    getJson<CaseView>(`/api/cases/${encodeURIComponent(caseNumber)}`, { token }).then(
      (v) => { if (live) setView(v); },
      (e: unknown) => {
        if (!live) return;
        if (e instanceof ApiError && e.status === 401) unauthorized.current?.(describeError(e, '加载办件'));
        setError(e instanceof ApiError && e.status === 404 ? `${e.message}，或本岗位无权查看。` : describeError(e, '加载办件'));
      },
    );
    return () => { live = false; };
  }, [caseNumber, token]);
  useEffect(() => load(), [load]);
  useEffect(() => { document.title = `办件 ${caseNumber} · 通办`; }, [caseNumber]);

  const print = async (v: CaseView, kind: DocumentKind | null) => {
    if (!kind || !printAt) return;
    setPrintStatus(`正在生成${labelOf(documentKinds, kind)}…`);
    try {
      await openNotice(printAt, v.caseNumber, kind, token);
      setPrintStatus(`${labelOf(documentKinds, kind)}已在新标签页打开。`);
    } catch (e) {
      setPrintStatus(describeError(e, `打开${labelOf(documentKinds, kind)}`));
    }
  };

  const backLink = <a href={back.href} onClick={back.onClick}>← 返回办件队列</a>;
  if (error) return <main className="case-page workspace">{backLink}<p role="alert" className="banner error">{error}</p></main>;
  if (!view) return <main className="case-page workspace">{backLink}<p role="status" className="hint">正在加载办件…</p></main>;

  // 容缺受理 prints its 通知书 and the applicant's 承诺书, once the commitment is recorded.
  const commitment = view.commitment ?? null;
  const kinds: DocumentKind[] = commitment ? (commitment.supplementBy ? documentKindsFor('accept-on-commitment') : []) : [documentKindFor(view.acceptance.outcome)].filter((k): k is DocumentKind => k !== null);
  const decision = view.departmentDecision;
  return (
    <main className="case-page workspace" aria-labelledby="case-title" data-testid="case-page">
      {backLink}
      <header className="case-header">
        <h1 id="case-title">办件 <span className="case-number-text" data-testid="case-page-number">{view.caseNumber}</span></h1>
        <p className="case-item">{view.item.name}</p>
        <p>
          <span className={`status status-${view.status}`} data-testid="case-status">{view.statusLabel}</span>
          {view.overdue && <span className="badge overdue">超期</span>}
        </p>
        <dl className="pairs case-facts">
          <div><dt>受理地 → 办理地</dt><dd data-testid="case-places">{view.receiving.name}{view.handling.division !== view.receiving.division ? ` → ${view.handling.name}` : '（本地办理）'}</dd></div>
          <div><dt>审批部门</dt><dd>{view.handling.department}</dd></div>
          <div><dt>受理结论</dt><dd>{view.acceptance.outcomeLabel}</dd></div>
          <div><dt>受理时间</dt><dd>{localTime(view.acceptance.at)}</dd></div>
          <div><dt>承诺办结日期</dt><dd data-testid="case-promised-due">{chineseDate(view.promisedDue)}</dd></div>
          <div><dt>当前办理</dt><dd>{view.holder ? (view.holder.place === 'department' ? `${view.handling.department}（${view.holder.name}）` : `${view.holder.name}窗口`) : '—'}</dd></div>
          {decision && <div><dt>审批结果</dt><dd data-testid="case-decision">{isDecisionResult(decision.result) ? labelOf(decisionResults, decision.result) : decision.result}{decision.resultName ? ` · ${decision.resultName}` : ''}{decision.resultNumber ? ` · ${decision.resultNumber}` : ''}{decision.reason ? ` · ${decision.reason}` : ''}</dd></div>}
          {view.delivery && <div><dt>送达</dt><dd>{isDeliveryMethod(view.delivery.method) ? labelOf(deliveryMethods, view.delivery.method) : view.delivery.method}{view.delivery.trackingNumber ? ` · 邮寄单号 ${view.delivery.trackingNumber}` : ''}</dd></div>}
          {view.keptOriginals.length > 0 && <div><dt>纸质原件</dt><dd>{view.keptOriginals.join('、')}</dd></div>}
        </dl>
        {printAt && kinds.map((kind) => <button key={kind} type="button" onClick={() => print(view, kind)}>打印{labelOf(documentKinds, kind)}</button>)}
        {printStatus && <p role="status" className="hint">{printStatus}</p>}
      </header>

      {!view.integrity.ok && (
        <p role="alert" className="banner error" data-testid="integrity-warning">
          严重警告：本办件的流转记录校验失败{view.integrity.firstBroken ? `（自第 ${view.integrity.firstBroken.seq} 条记录起）` : ''}，记录可能被篡改。办件已停止流转，请立即联系系统管理员。
        </p>
      )}
      {view.calendarMissing && view.calendarMissing.length > 0 && (
        <p className="banner warn" data-testid="calendar-missing">注意：{calendarMissingNote(view.calendarMissing)}。</p>
      )}

      {commitment && (
        <section aria-labelledby="commitment-title" className={`card case-commitment ${commitment.overdue ? 'overdue' : ''}`} data-testid="case-commitment">
          <h2 id="commitment-title">容缺受理承诺 <span className={`status ${commitment.overdue ? 'status-overdue' : ''}`} data-testid="commitment-state">{commitment.stateLabel}</span></h2>
          <dl className="pairs">
            <div><dt>容缺后补材料</dt><dd>{commitment.materials.map((m) => m.name).join('、')}</dd></div>
            <div><dt>承诺补齐期限</dt><dd data-testid="commitment-deadline">{commitment.supplementBy ? `${chineseDate(commitment.supplementBy)}前` : `尚未登记（最迟 ${chineseDate(commitment.latestSupplementBy)}）`}</dd></div>
            {commitment.fulfilledAt && <div><dt>补齐时间</dt><dd>{localTime(commitment.fulfilledAt)}</dd></div>}
            <div><dt>逾期未补齐的处理</dt><dd data-testid="commitment-consequence">{commitment.consequence ?? '按有关规定处理'}</dd></div>
          </dl>
          {commitment.overdue && <p role="alert" className="banner error" data-testid="commitment-overdue">申请人未在承诺期限内补齐容缺材料。按本事项标准：{commitment.consequence ?? '按有关规定处理'}。</p>}
          {commitment.state === 'awaiting' && <p className="hint">请登记申请人的书面承诺和补齐期限后，打印容缺受理承诺书（申请人签字）和容缺受理通知书。</p>}
        </section>
      )}

      <CaseActions view={view} token={token} onChanged={setView} onReload={load} {...(printAt ? { division: printAt } : {})} />

      <section aria-labelledby="stages-title" className="case-stages">
        <h2 id="stages-title">办理环节与期限</h2>
        <table>
          <thead><tr><th scope="col">环节</th><th scope="col">起算日</th><th scope="col">到期日</th><th scope="col">完成</th></tr></thead>
          <tbody>
            {view.stages.map((s) => (
              <tr key={s.stage} className={s.overdue ? 'overdue' : undefined} data-testid={`stage-${s.stage}`}>
                <td>{s.label}</td>
                <td>{chineseDate(s.opensOn)}</td>
                <td>{chineseDate(s.due)}{s.overdue && <span className="badge overdue">超期</span>}{s.calendarMissing && <span className="tag">按周末推算</span>}</td>
                <td>{s.cancelled ? '不再需要' : s.doneAt ? localTime(s.doneAt) : '未完成'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="timeline-title" className="case-timeline">
        <h2 id="timeline-title">流转记录</h2>
        <ol className="timeline" data-testid="timeline">
          {view.timeline.map((entry) => (
            <li key={entry.seq}>
              <p className="timeline-head"><strong>{entry.typeLabel}</strong> <time dateTime={entry.at}>{localTime(entry.at)}</time></p>
              <p className="timeline-who">
                地点：{entry.divisionName}{entry.department ? ` · ${entry.department}` : ''} · 经办人：{entry.actor.name}{ROLE_LABELS[entry.actor.role] ? `（${ROLE_LABELS[entry.actor.role]}）` : ''}
              </p>
              {eventFacts(entry).length > 0 && <p className="timeline-facts">{eventFacts(entry).join('；')}</p>}
              {entry.comment && <p className="timeline-comment">意见：{entry.comment}</p>}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
