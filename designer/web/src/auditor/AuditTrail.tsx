import { useEffect, useState } from 'react';
import type { AuditEvent, AuditTrailReport } from '../../../../engine/core/index.js';
import { advice } from '../../../../engine/web-kit/index.js';
import { auditActionLabel } from '../audit-actions.js';
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
  if (!report || !events) return <p className="muted" aria-live="polite">正在校验审计日志…</p>;
  return (
    <section aria-labelledby="trail-title">
      <h2 id="trail-title">审计日志</h2>
      {report.ok ? (
        <div className="notice ok" role="status" data-testid="audit-verification" data-ok="true">
          校验通过：{report.checked} 条审计记录的哈希链完整，已核对 {report.checkpoints?.stored ?? 0} 个签名检查点。
        </div>
      ) : (
        <div className="notice error" role="alert" data-testid="audit-verification" data-ok="false">
          <strong>校验未通过：审计日志可能被篡改。</strong>
          {brokenSeq !== null ? <> 第一处断链在第 <a href={`#audit-${brokenSeq}`}>{brokenSeq}</a> 条。</> : null}
          <ul>{report.problems.map((p, i) => <li key={i}>{p.message}</li>)}</ul>
        </div>
      )}
      <table className="list audit-trail">
        <thead><tr><th>序号</th><th>时间</th><th>操作人</th><th>操作</th><th>事项</th><th>版本</th><th>说明</th><th>校验</th></tr></thead>
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
                <td>{broken ? <strong className="badge fail">断链：此条记录被改动</strong> : after ? <span className="badge fail">断链之后，无法确认</span> : <span className="badge pass">✓</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
