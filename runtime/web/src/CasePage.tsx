import { useCallback, useEffect, useRef, useState } from 'react';
import { calendarMissingNote, decisionResults, deliveryMethods, documentKindFor, documentKinds, documentKindsFor, isDecisionResult, isDeliveryMethod, labelOf, type CatalogueKey, type DocumentKind } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { CaseActions } from './CaseActions.js';
import { chineseDate, getJson, localTime, openNotice, type CaseTimelineEntry, type CaseView } from './api.js';
import { describeError } from './IntakeActions.js';
import { t } from './ui-text.js';

/** The timeline's short name of the actor's role (窗口, 审批部门, 管理员: shorter than the roles' vocabulary labels). */
const ROLE_KEYS: Partial<Record<string, CatalogueKey>> = { operator: 'runtime.case.role.operator', handler: 'runtime.case.role.handler', admin: 'runtime.case.role.admin' };
/** The role after the actor's name, in brackets; nothing for a role without a short name. */
const roleOf = (role: string): string => { const key = ROLE_KEYS[role]; return key ? t('runtime.case.timeline.role', { role: t(key) }) : ''; };

/** What the timeline says about an event beyond its type: tracking numbers, results, reasons. */
function eventFacts(entry: CaseTimelineEntry): string[] {
  const d = entry.details;
  const text = (key: string): string | null => (typeof d[key] === 'string' && d[key] !== '' ? (d[key] as string) : null);
  const facts: string[] = [];
  const result = text('result');
  if (result && isDecisionResult(result)) facts.push(t('runtime.case.fact.result', { result: labelOf(decisionResults, result) }));
  const resultName = text('resultName');
  if (resultName) facts.push(t('runtime.case.fact.resultName', { name: resultName }));
  const resultNumber = text('resultNumber');
  if (resultNumber) facts.push(t('runtime.case.fact.resultNumber', { number: resultNumber }));
  const method = text('method');
  if (method && isDeliveryMethod(method)) facts.push(t('runtime.case.fact.method', { method: labelOf(deliveryMethods, method) }));
  const trackingNumber = text('trackingNumber');
  if (trackingNumber) facts.push(t('runtime.case.fact.trackingNumber', { number: trackingNumber }));
  const recipient = text('recipient');
  if (recipient) facts.push(t('runtime.case.fact.recipient', { name: recipient }));
  const reason = text('reason');
  if (reason) facts.push(t('runtime.case.fact.reason', { reason }));
  const supplementBy = text('supplementBy');
  if (supplementBy) facts.push(t('runtime.case.fact.supplementBy', { date: chineseDate(supplementBy) }));
  if (d.late === true) facts.push(t('runtime.case.fact.late'));
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
        if (e instanceof ApiError && e.status === 401) unauthorized.current?.(describeError(e, t('runtime.case.loadAction')));
        setError(e instanceof ApiError && e.status === 404 ? t('runtime.case.notFound', { message: e.message }) : describeError(e, t('runtime.case.loadAction')));
      },
    );
    return () => { live = false; };
  }, [caseNumber, token]);
  useEffect(() => load(), [load]);
  useEffect(() => { document.title = t('runtime.case.documentTitle', { caseNumber }); }, [caseNumber]);

  const print = async (v: CaseView, kind: DocumentKind | null) => {
    if (!kind || !printAt) return;
    const documentName = labelOf(documentKinds, kind);
    setPrintStatus(t('runtime.case.print.generating', { document: documentName }));
    try {
      await openNotice(printAt, v.caseNumber, kind, token);
      setPrintStatus(t('runtime.case.print.opened', { document: documentName }));
    } catch (e) {
      setPrintStatus(describeError(e, t('runtime.case.print.openAction', { document: documentName })));
    }
  };

  const backLink = <a href={back.href} onClick={back.onClick}>{t('runtime.case.back')}</a>;
  if (error) return <main className="case-page workspace">{backLink}<p role="alert" className="banner error">{error}</p></main>;
  if (!view) return <main className="case-page workspace">{backLink}<p role="status" className="hint">{t('runtime.case.loading')}</p></main>;

  // 容缺受理 prints its 通知书 and the applicant's 承诺书, once the commitment is recorded.
  const commitment = view.commitment ?? null;
  const kinds: DocumentKind[] = commitment ? (commitment.supplementBy ? documentKindsFor('accept-on-commitment') : []) : [documentKindFor(view.acceptance.outcome)].filter((k): k is DocumentKind => k !== null);
  const decision = view.departmentDecision;
  const consequence = commitment?.consequence ?? t('runtime.case.commitment.defaultConsequence');
  return (
    <main className="case-page workspace" aria-labelledby="case-title" data-testid="case-page">
      {backLink}
      <header className="case-header">
        <h1 id="case-title">{t('runtime.case.heading')} <span className="case-number-text" data-testid="case-page-number">{view.caseNumber}</span></h1>
        <p className="case-item">{view.item.name}</p>
        <p>
          <span className={`status status-${view.status}`} data-testid="case-status">{view.statusLabel}</span>
          {view.overdue && <span className="badge overdue">{t('runtime.case.overdue')}</span>}
        </p>
        <dl className="pairs case-facts">
          <div><dt>{t('runtime.case.places')}</dt><dd data-testid="case-places">{view.receiving.name}{view.handling.division !== view.receiving.division ? ` → ${view.handling.name}` : t('runtime.case.handledLocally')}</dd></div>
          <div><dt>{t('runtime.case.department')}</dt><dd>{view.handling.department}</dd></div>
          <div><dt>{t('runtime.case.acceptanceOutcome')}</dt><dd>{view.acceptance.outcomeLabel}</dd></div>
          <div><dt>{t('runtime.case.acceptedAt')}</dt><dd>{localTime(view.acceptance.at)}</dd></div>
          <div><dt>{t('runtime.case.promisedDue')}</dt><dd data-testid="case-promised-due">{chineseDate(view.promisedDue)}</dd></div>
          <div><dt>{t('runtime.case.holder')}</dt><dd>{view.holder ? (view.holder.place === 'department' ? t('runtime.case.holder.department', { department: view.handling.department, name: view.holder.name }) : t('runtime.case.holder.window', { name: view.holder.name })) : '—'}</dd></div>
          {decision && <div><dt>{t('runtime.case.decision')}</dt><dd data-testid="case-decision">{isDecisionResult(decision.result) ? labelOf(decisionResults, decision.result) : decision.result}{decision.resultName ? ` · ${decision.resultName}` : ''}{decision.resultNumber ? ` · ${decision.resultNumber}` : ''}{decision.reason ? ` · ${decision.reason}` : ''}</dd></div>}
          {view.delivery && <div><dt>{t('runtime.case.delivery')}</dt><dd>{isDeliveryMethod(view.delivery.method) ? labelOf(deliveryMethods, view.delivery.method) : view.delivery.method}{view.delivery.trackingNumber ? ` · ${t('runtime.case.delivery.trackingNumber', { number: view.delivery.trackingNumber })}` : ''}</dd></div>}
          {view.keptOriginals.length > 0 && <div><dt>{t('runtime.case.keptOriginals')}</dt><dd>{view.keptOriginals.join(t('runtime.case.listSeparator'))}</dd></div>}
        </dl>
        {printAt && kinds.map((kind) => <button key={kind} type="button" onClick={() => print(view, kind)}>{t('runtime.case.print.button', { document: labelOf(documentKinds, kind) })}</button>)}
        {printStatus && <p role="status" className="hint">{printStatus}</p>}
      </header>

      {!view.integrity.ok && (
        <p role="alert" className="banner error" data-testid="integrity-warning">
          {t('runtime.case.integrity', { from: view.integrity.firstBroken ? t('runtime.case.integrity.from', { seq: view.integrity.firstBroken.seq }) : '' })}
        </p>
      )}
      {view.calendarMissing && view.calendarMissing.length > 0 && (
        <p className="banner warn" data-testid="calendar-missing">{t('runtime.case.calendarMissing', { note: calendarMissingNote(view.calendarMissing) })}</p>
      )}

      {commitment && (
        <section aria-labelledby="commitment-title" className={`card case-commitment ${commitment.overdue ? 'overdue' : ''}`} data-testid="case-commitment">
          <h2 id="commitment-title">{t('runtime.case.commitment.title')} <span className={`status ${commitment.overdue ? 'status-overdue' : ''}`} data-testid="commitment-state">{commitment.stateLabel}</span></h2>
          <dl className="pairs">
            <div><dt>{t('runtime.case.commitment.materials')}</dt><dd>{commitment.materials.map((m) => m.name).join(t('runtime.case.listSeparator'))}</dd></div>
            <div><dt>{t('runtime.case.commitment.deadline')}</dt><dd data-testid="commitment-deadline">{commitment.supplementBy ? t('runtime.case.commitment.deadlineSet', { date: chineseDate(commitment.supplementBy) }) : t('runtime.case.commitment.deadlineUnset', { date: chineseDate(commitment.latestSupplementBy) })}</dd></div>
            {commitment.fulfilledAt && <div><dt>{t('runtime.case.commitment.fulfilledAt')}</dt><dd>{localTime(commitment.fulfilledAt)}</dd></div>}
            <div><dt>{t('runtime.case.commitment.consequence')}</dt><dd data-testid="commitment-consequence">{consequence}</dd></div>
          </dl>
          {commitment.overdue && <p role="alert" className="banner error" data-testid="commitment-overdue">{t('runtime.case.commitment.overdue', { consequence })}</p>}
          {commitment.state === 'awaiting' && <p className="hint">{t('runtime.case.commitment.awaiting')}</p>}
        </section>
      )}

      <CaseActions view={view} token={token} onChanged={setView} onReload={load} {...(printAt ? { division: printAt } : {})} />

      <section aria-labelledby="stages-title" className="case-stages">
        <h2 id="stages-title">{t('runtime.case.stages.title')}</h2>
        <table>
          <thead><tr><th scope="col">{t('runtime.case.stages.stage')}</th><th scope="col">{t('runtime.case.stages.opensOn')}</th><th scope="col">{t('runtime.case.stages.due')}</th><th scope="col">{t('runtime.case.stages.done')}</th></tr></thead>
          <tbody>
            {view.stages.map((s) => (
              <tr key={s.stage} className={s.overdue ? 'overdue' : undefined} data-testid={`stage-${s.stage}`}>
                <td>{s.label}</td>
                <td>{chineseDate(s.opensOn)}</td>
                <td>{chineseDate(s.due)}{s.overdue && <span className="badge overdue">{t('runtime.case.overdue')}</span>}{s.calendarMissing && <span className="tag">{t('runtime.case.stages.weekendEstimate')}</span>}</td>
                <td>{s.cancelled ? t('runtime.case.stages.cancelled') : s.doneAt ? localTime(s.doneAt) : t('runtime.case.stages.notDone')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="timeline-title" className="case-timeline">
        <h2 id="timeline-title">{t('runtime.case.timeline.title')}</h2>
        <ol className="timeline" data-testid="timeline">
          {view.timeline.map((entry) => (
            <li key={entry.seq}>
              <p className="timeline-head"><strong>{entry.typeLabel}</strong> <time dateTime={entry.at}>{localTime(entry.at)}</time></p>
              <p className="timeline-who">
                {t('runtime.case.timeline.where', { place: entry.divisionName })}{entry.department ? ` · ${entry.department}` : ''} · {t('runtime.case.timeline.actor', { name: entry.actor.name })}{roleOf(entry.actor.role)}
              </p>
              {eventFacts(entry).length > 0 && <p className="timeline-facts">{eventFacts(entry).join(t('runtime.case.factSeparator'))}</p>}
              {entry.comment && <p className="timeline-comment">{t('runtime.case.timeline.comment', { comment: entry.comment })}</p>}
            </li>
          ))}
        </ol>
      </section>
    </main>
  );
}
