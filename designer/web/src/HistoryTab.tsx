import { useEffect, useState } from 'react';
import { advice } from '../../../engine/web-kit/index.js';
import type { ConfigDiff } from '../../../engine/core/index.js';
import { api, type AuditEvent, type Role, type VersionMeta } from './api.js';
import { DiffChanges } from './DiffChanges.js';
import { CHANGE_KINDS } from './ReviewTab.js';
import { formatTime } from './status.js';
import { usePeople } from './people.js';
import { AUDIT_ACTION_LABELS } from './audit-actions.js';
import { t } from './ui-text.js';

const ACTION_LABEL: Record<string, string> = AUDIT_ACTION_LABELS;

export function HistoryTab({ code, versions, role }: { code: string; versions: VersionMeta[]; role: Role }) {
  const nameOf = usePeople();
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One version against the one before, in the review tab's grouped, reviewer-readable view.
  const [diff, setDiff] = useState<{ from: number; to: number; diff: ConfigDiff | null; error: string | null } | null>(null);
  useEffect(() => {
    if (role === 'author') return;
    api.audit(code).then((r) => setEvents(r.events), (err: unknown) => setError(advice(err)));
  }, [code, role]);
  const showDiff = async (v: VersionMeta) => {
    if (v.version === 1) return;
    const pair = { from: v.version - 1, to: v.version };
    setDiff({ ...pair, diff: null, error: null });
    try {
      const loaded = await api.diff(code, String(pair.from), String(pair.to));
      setDiff((current) => (current?.to === pair.to ? { ...pair, diff: loaded, error: null } : current));
    } catch (err) {
      setDiff((current) => (current?.to === pair.to ? { ...pair, diff: null, error: advice(err) } : current));
    }
  };
  return (
    <section aria-label={t('designer.history.label')}>
      <div className="card">
        <h2>{t('designer.history.published')}</h2>
        {versions.length === 0 ? <p className="muted">{t('designer.history.none')}</p> : (
          <table className="list">
            <thead><tr><th>{t('designer.history.col.version')}</th><th>{t('designer.history.col.publishedAt')}</th><th>{t('designer.history.col.changeKind')}</th><th>{t('designer.history.col.reason')}</th><th>{t('designer.history.col.legalBasis')}</th><th>{t('designer.history.col.people')}</th><th>{t('designer.history.col.hash')}</th><th></th></tr></thead>
            <tbody>
              {[...versions].reverse().map((v) => (
                <tr key={v.version}>
                  <td>v{v.version}</td>
                  <td>{formatTime(v.publishedAt)}</td>
                  <td>{CHANGE_KINDS.find((k) => k.value === v.changeKind)?.label ?? v.changeKind}</td>
                  <td>{v.reason}</td>
                  <td>{v.legalBasis}</td>
                  <td>{nameOf(v.author)} / {nameOf(v.reviewer)} / {nameOf(v.publishedBy)}</td>
                  <td><code title={v.hash}>{v.hash.slice(0, 12)}…</code></td>
                  <td>{v.version > 1 ? <button className="small" onClick={() => void showDiff(v)}>{t('designer.history.compare')}</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {diff ? (
          <section aria-label={t('designer.history.compareTitle', { from: diff.from, to: diff.to })} data-history-diff={`${diff.from}-${diff.to}`}>
            <h3>{t('designer.history.compareTitle', { from: diff.from, to: diff.to })}</h3>
            {diff.error ? <div className="notice error" role="alert"><strong>{t('designer.history.compareFailed')}</strong> {diff.error}</div>
              : !diff.diff ? <p className="muted" aria-live="polite">{t('designer.history.comparing')}</p>
              : diff.diff.changes.length === 0 ? <p className="diff">{t('designer.history.identical', { from: diff.from, to: diff.to })}</p>
              : <DiffChanges diff={diff.diff} label={t('designer.history.diffLabel', { from: diff.from, to: diff.to })} />}
          </section>
        ) : null}
      </div>
      <div className="card">
        <h2>{t('designer.history.audit')}</h2>
        {role === 'author' ? <p className="muted">{t('designer.history.auditHidden')}</p> : null}
        {error ? <div className="notice error" role="alert">{error}</div> : null}
        {events ? (
          events.length === 0 ? <p className="muted">{t('designer.history.noEvents')}</p> : (
            <table className="list">
              <thead><tr><th>#</th><th>{t('designer.history.col.at')}</th><th>{t('designer.history.col.action')}</th><th>{t('designer.history.col.actor')}</th><th>{t('designer.history.col.version')}</th><th>{t('designer.history.col.note')}</th></tr></thead>
              <tbody>
                {events.map((e) => (
                  <tr key={e.seq}>
                    <td>{e.seq}</td>
                    <td>{formatTime(e.at)}</td>
                    <td>{ACTION_LABEL[e.action] ?? e.action}</td>
                    <td title={e.actor}>{nameOf(e.actor)}</td>
                    <td>{e.version ?? '—'}</td>
                    <td>{e.reason ?? (e.details && typeof e.details.comment === 'string' ? e.details.comment : '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        ) : null}
      </div>
    </section>
  );
}
