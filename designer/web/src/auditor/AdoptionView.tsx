import { useEffect, useState } from 'react';
import { advice } from '../../../../engine/web-kit/index.js';
import { t } from '../ui-text.js';
import { auditorApi, regionTime, type AdoptionReport } from './auditor-api.js';

/** Whole days between two instants (the lag a locality has run an older version). */
function daysSince(iso: string, now: string): number {
  return Math.max(0, Math.floor((new Date(now).getTime() - new Date(iso).getTime()) / 86_400_000));
}

/** The localities serving a version, or 无 when none does. */
function places(servedAt: string[]): string {
  return servedAt.join(t('designer.auditor.adoption.placeSeparator')) || t('designer.auditor.adoption.noPlaces');
}

/**
 * Adoption and drift: which locality serves which version of each item, who lags behind the
 * latest since when, and the alarms — content that no longer matches its hash, versions no
 * trusted key signed (the runtimes refuse both).
 */
export function AdoptionView() {
  const [report, setReport] = useState<AdoptionReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyLagging, setOnlyLagging] = useState(false);
  useEffect(() => {
    let live = true;
    auditorApi.adoption().then((r) => { if (live) setReport(r); }, (e: unknown) => { if (live) setError(advice(e)); });
    return () => { live = false; };
  }, []);
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (!report) return <p className="muted" aria-live="polite">{t('designer.auditor.adoption.loading')}</p>;
  const alarms = report.drift.length + report.untrusted.length;
  return (
    <section aria-labelledby="adoption-title">
      <h2 id="adoption-title">{t('designer.auditor.view.adoption')}</h2>
      <p className="muted">{t('designer.auditor.adoption.generatedAt', { at: regionTime(report.generatedAt) })}</p>
      {alarms === 0 ? (
        <div className="notice ok" role="status" data-testid="drift-alarms">{t('designer.auditor.adoption.noAlarms')}</div>
      ) : (
        <div className="notice error" role="alert" data-testid="drift-alarms">
          <strong>{t('designer.auditor.adoption.alarms', { n: alarms })}</strong>
          <ul>
            {report.drift.map((d) => <li key={`d-${d.code}-${d.version}`}>{t('designer.auditor.adoption.drift', { code: d.code, version: d.version, recorded: d.recordedHash.slice(0, 12), actual: d.actualHash.slice(0, 12), places: places(d.servedAt) })}</li>)}
            {report.untrusted.map((u) => <li key={`u-${u.code}-${u.version}`}>{t('designer.auditor.adoption.untrusted', { code: u.code, version: u.version, message: u.message, places: places(u.servedAt) })}</li>)}
          </ul>
        </div>
      )}
      <label><input type="checkbox" checked={onlyLagging} onChange={(e) => setOnlyLagging(e.target.checked)} /> {t('designer.auditor.adoption.onlyLagging')}</label>
      {report.items.map((item) => {
        const localities = onlyLagging ? item.localities.filter((l) => !l.upToDate || l.drift) : item.localities;
        if (onlyLagging && localities.length === 0) return null;
        return (
          <div className="card" key={item.code}>
            <h3>{t(item.withdrawn ? 'designer.auditor.adoption.itemHeadingWithdrawn' : 'designer.auditor.adoption.itemHeading', { name: item.name, code: item.code, version: item.latestVersion, publishedAt: regionTime(item.latestPublishedAt) })}</h3>
            <p className="muted">{t('designer.auditor.adoption.summary', { ...item.summary })}</p>
            <table className="list">
              <thead><tr><th>{t('designer.auditor.adoption.col.locality')}</th><th>{t('designer.auditor.adoption.col.follow')}</th><th>{t('designer.auditor.adoption.col.serves')}</th><th>{t('designer.auditor.adoption.col.status')}</th><th>{t('designer.auditor.adoption.col.laggingSince')}</th></tr></thead>
              <tbody>
                {localities.map((l) => (
                  <tr key={l.division} className={l.drift ? 'broken-link' : l.upToDate ? undefined : 'lagging'}>
                    <td>{t('designer.auditor.adoption.locality', { name: l.name, code: l.division })}</td>
                    <td>{l.follow === 'latest' ? t('designer.auditor.adoption.followLatest') : t('designer.auditor.adoption.followFixed', { version: l.follow })}</td>
                    <td>{t('designer.auditor.version', { version: l.serves })}</td>
                    <td>{l.drift ? <span className="badge fail">{t('designer.auditor.adoption.badge.drift')}</span> : l.upToDate ? <span className="badge pass">{t('designer.auditor.adoption.badge.upToDate')}</span> : <span className="badge returned">{t('designer.auditor.adoption.badge.lagging')}</span>}</td>
                    <td>{l.laggingSince ? t('designer.auditor.adoption.laggingFor', { since: regionTime(l.laggingSince), days: daysSince(l.laggingSince, report.generatedAt) }) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
