import { useEffect, useState } from 'react';
import { advice } from '../../../../engine/web-kit/index.js';
import { auditorApi, regionTime, type AdoptionReport } from './auditor-api.js';

/** Whole days between two instants (the lag a locality has run an older version). */
function daysSince(iso: string, now: string): number {
  return Math.max(0, Math.floor((new Date(now).getTime() - new Date(iso).getTime()) / 86_400_000));
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
  if (!report) return <p className="muted" aria-live="polite">正在汇总各地采用情况…</p>;
  const alarms = report.drift.length + report.untrusted.length;
  return (
    <section aria-labelledby="adoption-title">
      <h2 id="adoption-title">采用与偏离</h2>
      <p className="muted">统计时间：{regionTime(report.generatedAt)}</p>
      {alarms === 0 ? (
        <div className="notice ok" role="status" data-testid="drift-alarms">没有偏离告警：各地所用版本的内容与登记的哈希一致，且均有可信签名。</div>
      ) : (
        <div className="notice error" role="alert" data-testid="drift-alarms">
          <strong>偏离告警 {alarms} 项</strong>
          <ul>
            {report.drift.map((d) => <li key={`d-${d.code}-${d.version}`}>{d.code} 第 {d.version} 版的内容与登记的哈希不符（登记 {d.recordedHash.slice(0, 12)}…，实际 {d.actualHash.slice(0, 12)}…），使用地：{d.servedAt.join('、') || '无'}</li>)}
            {report.untrusted.map((u) => <li key={`u-${u.code}-${u.version}`}>{u.code} 第 {u.version} 版没有可信签名：{u.message}；使用地：{u.servedAt.join('、') || '无'}</li>)}
          </ul>
        </div>
      )}
      <label><input type="checkbox" checked={onlyLagging} onChange={(e) => setOnlyLagging(e.target.checked)} /> 只看未使用最新版本的地区</label>
      {report.items.map((item) => {
        const localities = onlyLagging ? item.localities.filter((l) => !l.upToDate || l.drift) : item.localities;
        if (onlyLagging && localities.length === 0) return null;
        return (
          <div className="card" key={item.code}>
            <h3>{item.name}（{item.code}）· 最新第 {item.latestVersion} 版，{regionTime(item.latestPublishedAt)} 发布{item.withdrawn ? ' · 已撤销' : ''}</h3>
            <p className="muted">认领 {item.summary.claimed} 地，使用最新版 {item.summary.upToDate} 地，滞后 {item.summary.lagging} 地，偏离 {item.summary.drift} 地。</p>
            <table className="list">
              <thead><tr><th>地区</th><th>跟随方式</th><th>所用版本</th><th>状态</th><th>滞后自</th></tr></thead>
              <tbody>
                {localities.map((l) => (
                  <tr key={l.division} className={l.drift ? 'broken-link' : l.upToDate ? undefined : 'lagging'}>
                    <td>{l.name}（{l.division}）</td>
                    <td>{l.follow === 'latest' ? '跟随最新版' : `固定第 ${l.follow} 版`}</td>
                    <td>第 {l.serves} 版</td>
                    <td>{l.drift ? <span className="badge fail">内容偏离</span> : l.upToDate ? <span className="badge pass">最新</span> : <span className="badge returned">滞后</span>}</td>
                    <td>{l.laggingSince ? `${regionTime(l.laggingSince)}（${daysSince(l.laggingSince, report.generatedAt)} 天）` : '—'}</td>
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
