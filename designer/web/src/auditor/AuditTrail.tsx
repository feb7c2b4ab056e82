import { useEffect, useState } from 'react';
import type { AuditEvent, AuditTrailReport } from '../../../../engine/core/index.js';
import { advice, withElement } from '../../../../engine/web-kit/index.js';
import { auditActionLabel } from '../audit-actions.js';
import { t } from '../ui-text.js';
import { auditorApi, regionTime, usePeople } from './auditor-api.js';

/**
 * The audit trail with its verification: the chain's state on top, every event below, and the
 * first event whose link is broken marked (and scrolled to) so a tampered record cannot hide.
 */
export function AuditTrail() {
  const nameOf = usePeople();
  const [report, setReport] = useState<(AuditTrailReport & { events: number }) | null>(null);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all([auditorApi.verify(), auditorApi.audit({ limit: 1000 })]).then(
      ([r, page]) => { if (live) { setReport(r); setEvents(page.events); } },
      (e: unknown) => { if (live) setError(advice(e)); },
    );
    return () => { live = false; };
  }, []);
  const brokenSeq = report?.firstBroken?.seq ?? null;
  useEffect(() => {
    if (brokenSeq !== null && events) document.getElementById(`audit-${brokenSeq}`)?.scrollIntoView({ block: 'center' });
  }, [brokenSeq, events]);
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (!report || !events) return <p className="muted" aria-live="polite">{t('designer.auditor.trail.verifying')}</p>;
  return (
    <section aria-labelledby="trail-title">
      <h2 id="trail-title">{t('designer.auditor.view.trail')}</h2>
      {report.ok ? (
        <div className="notice ok" role="status" data-testid="audit-verification" data-ok="true">
          {t('designer.auditor.trail.verified', { checked: report.checked, checkpoints: report.checkpoints?.stored ?? 0 })}
        </div>
      ) : (
        <div className="notice error" role="alert" data-testid="audit-verification" data-ok="false">
          <strong>{t('designer.auditor.trail.failed')}</strong>
          {brokenSeq !== null ? <>{' '}{withElement(t('designer.auditor.trail.firstBroken'), 'seq', <a href={`#audit-${brokenSeq}`}>{brokenSeq}</a>)}</> : null}
          <ul>{report.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
        </div>
      )}
      <table className="list audit-trail">
        <thead><tr>{(['seq', 'at', 'actor', 'action', 'item', 'version', 'note', 'check'] as const).map((c) => <th key={c}>{t(`designer.auditor.trail.col.${c}`)}</th>)}</tr></thead>
        <tbody>
          {events.map((e) => {
            const broken = e.seq === brokenSeq;
            const after = brokenSeq !== null && e.seq > brokenSeq;
            return (
              <tr key={e.seq} id={`audit-${e.seq}`} className={broken ? 'broken-link' : after ? 'after-break' : undefined} data-testid={broken ? 'first-broken' : undefined} aria-current={broken ? 'true' : undefined}>
                <td>{e.seq}</td>
                <td>{regionTime(e.at)}</td>
                <td title={e.actor}>{nameOf(e.actor)}</td>
                <td>{auditActionLabel(e.action)}</td>
                <td>{e.code ?? '—'}</td>
                <td>{e.version ?? '—'}</td>
                <td>{e.reason ?? ''}</td>
                <td>{broken ? <strong className="badge fail">{t('designer.auditor.trail.broken')}</strong> : after ? <span className="badge fail">{t('designer.auditor.trail.afterBreak')}</span> : <span className="badge pass">✓</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
