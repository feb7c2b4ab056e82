import { useEffect, useState } from 'react';
import { advice } from '../../../engine/web-kit/index.js';
import { api, type AuditEvent, type Role, type VersionMeta } from './api.js';
import { CHANGE_KINDS } from './ReviewTab.js';
import { formatTime } from './status.js';
import { usePeople } from './people.js';
import { AUDIT_ACTION_LABELS } from './audit-actions.js';

const ACTION_LABEL: Record<string, string> = AUDIT_ACTION_LABELS;

export function HistoryTab({ code, versions, role }: { code: string; versions: VersionMeta[]; role: Role }) {
  const nameOf = usePeople();
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [diff, setDiff] = useState<{ title: string; text: string } | null>(null);
  useEffect(() => {
    if (role === 'author') return;
    api.audit(code).then((r) => setEvents(r.events), (err: unknown) => setError(advice(err)));
  }, [code, role]);
  const showDiff = async (v: VersionMeta) => {
    if (v.version === 1) return;
    try {
      setDiff({ title: `第 ${v.version - 1} 版 → 第 ${v.version} 版`, text: await api.diffText(code, String(v.version - 1), String(v.version)) });
    } catch (err) {
      setDiff({ title: '无法比较', text: advice(err) });
    }
  };
  return (
    <section aria-label="版本历史">
      <div className="card">
        <h2>已发布版本</h2>
        {versions.length === 0 ? <p className="muted">尚未发布任何版本。</p> : (
          <table className="list">
            <thead><tr><th>版本</th><th>发布时间</th><th>变更类型</th><th>理由</th><th>法律依据</th><th>编制 / 审核 / 发布</th><th>内容哈希</th><th></th></tr></thead>
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
                  <td>{v.version > 1 ? <button className="small" onClick={() => void showDiff(v)}>与上一版比较</button> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {diff ? (<><h3>{diff.title}</h3><pre className="diff" tabIndex={0}>{diff.text}</pre></>) : null}
      </div>
      <div className="card">
        <h2>审计记录</h2>
        {role === 'author' ? <p className="muted">审计记录仅审核人员、审计人员和管理员可查看。</p> : null}
        {error ? <div className="notice error" role="alert">{error}</div> : null}
        {events ? (
          events.length === 0 ? <p className="muted">暂无记录。</p> : (
            <table className="list">
              <thead><tr><th>#</th><th>时间</th><th>操作</th><th>操作人</th><th>版本</th><th>说明</th></tr></thead>
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
