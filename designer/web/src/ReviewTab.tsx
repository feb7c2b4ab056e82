import { useEffect, useState, type FormEvent } from 'react';
import { LEGAL_CHANGE_KINDS, findDivision, isOutcome, labelOf, legalChangeKinds, outcomes } from '../../../engine/core/index.js';
import { advice } from '../../../engine/web-kit/index.js';
import { api, type DraftRecord, type Role } from './api.js';
import { DiffChanges } from './DiffChanges.js';
import { ReviewExamples } from './ExampleStatus.js';
import { usePeople } from './people.js';
import { DRAFT_LABEL, formatTime } from './status.js';

export const CHANGE_KINDS = LEGAL_CHANGE_KINDS.map((value) => ({ value, label: labelOf(legalChangeKinds, value) }));

/** A request that follows `deps`, dropping answers that arrive after the tab moved on. */
function useLoaded<T>(load: (() => Promise<T>) | null, deps: unknown[]): { value: T | null; error: string | null } {
  const [state, setState] = useState<{ value: T | null; error: string | null }>({ value: null, error: null });
  useEffect(() => {
    if (!load) return;
    let live = true;
    setState({ value: null, error: null });
    load().then((value) => live && setState({ value, error: null }), (err: unknown) => live && setState({ value: null, error: advice(err) }));
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}

const outcomeLabel = (o: string) => (o === 'error' ? '无法评估' : isOutcome(o) ? labelOf(outcomes, o) : o);

/** The diff by section, in the reviewer's words: titles, Chinese rule names, conditions as sentences. */
function DiffView({ code, latestVersion, revision }: { code: string; latestVersion: number | null; revision: number | undefined }) {
  const ready = latestVersion !== null && revision !== undefined;
  const { value: diff, error } = useLoaded(ready ? () => api.diff(code) : null, [code, latestVersion, revision]);
  if (revision === undefined) return <p className="muted">没有草稿，无可比较的内容。</p>;
  if (latestVersion === null) return <DescriptionView code={code} revision={revision} />;
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (diff === null) return <p className="muted" aria-live="polite">正在比较…</p>;
  if (diff.changes.length === 0) return <p className="diff">草稿与第 {latestVersion} 版一致，没有差异。</p>;
  return <DiffChanges diff={diff} label={`与第 ${latestVersion} 版的差异`} />;
}

/** A new item has nothing to compare with: the reviewer reads all of it, in prose. */
function DescriptionView({ code, revision }: { code: string; revision: number }) {
  const { value: description, error } = useLoaded(() => api.description(code), [code, revision]);
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (description === null) return <p className="muted" aria-live="polite">正在整理草稿内容…</p>;
  return (
    <div className="diff description" aria-label="新设立事项的完整内容" tabIndex={0}>
      <div className="notice info">这是新设立的事项，尚无已发布版本。以下是草稿的完整内容：{description.heading}。</div>
      {description.sections.map((section) => (
        <section key={section.section} className="diff-section" aria-label={section.title}>
          <h3>{section.title}</h3>
          {section.entries.length === 0 ? <p className="muted">（无）</p> : (
            <dl>{section.entries.map((e, i) => <div key={i}><dt>{e.label}</dt><dd>{e.text}</dd></div>)}</dl>
          )}
        </section>
      ))}
    </div>
  );
}

/** How many recorded decisions the draft would change, how, and what causes each change. */
function ImpactView({ code, latestVersion, revision }: { code: string; latestVersion: number | null; revision: number | undefined }) {
  const ready = latestVersion !== null && revision !== undefined;
  const { value: impact, error } = useLoaded(ready ? () => api.impact(code) : null, [code, latestVersion, revision]);
  if (!ready) return <p className="muted">尚无已发布版本，没有已记录的受理决定可供比较。</p>;
  if (error) return <div className="notice warn" role="alert">无法评估影响：{error}</div>;
  if (impact === null) return <p className="muted" aria-live="polite">正在用已记录的受理决定试算草稿…</p>;
  // The same cause over many decisions is one line with a count.
  const byCause = new Map<string, number>();
  for (const entry of impact.changed) for (const cause of new Set(entry.causes.map((c) => c.text))) byCause.set(cause, (byCause.get(cause) ?? 0) + 1);
  return (
    <div className="impact" data-testid="impact" aria-label="影响分析">
      <p className="impact-count">
        第 {impact.version} 版已记录的 {impact.examined} 件受理决定中，按草稿重新判断将有 <strong>{impact.changed.length}</strong> 件结果改变。
      </p>
      {impact.transitions.length > 0 ? (
        <ul className="impact-transitions">
          {impact.transitions.map((t, i) => <li key={i}>{outcomeLabel(t.before)} → {outcomeLabel(t.after)}：{t.count} 件</li>)}
        </ul>
      ) : null}
      {byCause.size > 0 ? (
        <>
          <h3>原因</h3>
          <ul className="impact-causes">{[...byCause].sort((a, b) => b[1] - a[1]).map(([text, count]) => <li key={text}>{text}（{count} 件）</li>)}</ul>
          <details>
            <summary>逐件查看（{impact.changed.length} 件）</summary>
            <table>
              <thead><tr><th>受理地</th><th>申请日期</th><th>原结果</th><th>按草稿</th><th>原因</th></tr></thead>
              <tbody>
                {impact.changed.map((c) => (
                  <tr key={c.id}>
                    <td>{findDivision(c.division)?.name ?? c.division}</td>
                    <td>{c.date}</td>
                    <td>{outcomeLabel(c.before)}</td>
                    <td>{outcomeLabel(c.after)}</td>
                    <td>{c.causes.map((x) => x.text).join('；') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      ) : null}
    </div>
  );
}

export function ReviewTab({ code, role, draft, dirty, latestVersion, onStep, onPublish }: {
  code: string;
  role: Role;
  draft: DraftRecord | null;
  dirty: boolean;
  latestVersion: number | null;
  onStep: (step: 'submit' | 'approve' | 'return', body?: unknown, ok?: string) => Promise<boolean>;
  onPublish: (body: { reason: string; legalBasis: string; changeKind?: string }) => Promise<boolean>;
}) {
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [changeKind, setChangeKind] = useState(latestVersion === null ? 'establish' : 'amend');
  const [publishError, setPublishError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mayReview = role === 'reviewer' || role === 'admin';
  const mayPublish = role !== 'reviewer';
  const nameOf = usePeople();
  const review = async (step: 'approve' | 'return') => {
    if (step === 'return' && !comment.trim()) {
      setCommentError('退回时请写明需要修改的内容。');
      return;
    }
    setCommentError(null);
    setBusy(true);
    await onStep(step, comment.trim() ? { comment: comment.trim() } : {}, step === 'approve' ? '已审核通过' : '已退回编制人员修改');
    setBusy(false);
  };
  const publish = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim() || !legalBasis.trim()) {
      setPublishError('请填写发布理由和法律依据。');
      return;
    }
    setPublishError(null);
    setBusy(true);
    await onPublish({ reason: reason.trim(), legalBasis: legalBasis.trim(), changeKind });
    setBusy(false);
  };
  return (
    <section aria-label="审核与发布">
      <div className="card">
        <h2>流程状态</h2>
        {draft ? (
          <ul>
            <li>当前状态：<strong>{DRAFT_LABEL[draft.status]}</strong>（修订 {draft.revision}，基于{draft.baseVersion === null ? '新设立' : `第 ${draft.baseVersion} 版`}）</li>
            <li>编制：{nameOf(draft.createdBy)}，最近保存：{nameOf(draft.updatedBy)} {formatTime(draft.updatedAt)}</li>
            {draft.submittedAt ? <li>提交审核：{nameOf(draft.submittedBy)} {formatTime(draft.submittedAt)}</li> : null}
            {draft.reviewedAt ? <li>审核：{nameOf(draft.reviewedBy)} {formatTime(draft.reviewedAt)}{draft.reviewComment ? `，意见：${draft.reviewComment}` : ''}</li> : null}
          </ul>
        ) : <p className="muted">没有草稿。{latestVersion !== null ? `最新已发布第 ${latestVersion} 版。` : ''}</p>}
        {dirty ? <div className="notice warn">有未保存的修改。审核针对的是已保存的内容；请先保存。</div> : null}
      </div>
      <div className="cols review">
        <div className="card">
          <h2>{latestVersion !== null ? `与最新发布版本的差异（第 ${latestVersion} 版 → 草稿）` : '草稿内容（新设立事项）'}</h2>
          <DiffView code={code} latestVersion={latestVersion} revision={draft?.revision} />
          {mayReview && latestVersion !== null ? (
            <section aria-labelledby="impact-title">
              <h2 id="impact-title">对已受理申请的影响</h2>
              <ImpactView code={code} latestVersion={latestVersion} revision={draft?.revision} />
            </section>
          ) : null}
        </div>
        <section className="card" aria-labelledby="review-examples-title">
          <h2 id="review-examples-title">测试样例运行结果（已保存的草稿）</h2>
          <ReviewExamples code={code} revision={draft?.revision} />
        </section>
      </div>
      {draft?.status === 'submitted' && mayReview ? (
        <div className="card">
          <h2>合法性审核</h2>
          <label htmlFor="review-comment">审核意见（退回时必填）</label>
          <textarea id="review-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} aria-invalid={commentError ? true : undefined} />
          {commentError ? <div className="notice error" role="alert">{commentError}</div> : null}
          <div className="row" style={{ marginTop: 8 }}>
            <button className="primary" disabled={busy} onClick={() => void review('approve')}>审核通过</button>
            <button className="danger" disabled={busy} onClick={() => void review('return')}>退回修改</button>
          </div>
          <p className="muted">不能审核自己编制或提交的草稿。</p>
        </div>
      ) : null}
      {draft?.status === 'submitted' && !mayReview ? <div className="notice info">已提交，等待合法性审核。</div> : null}
      {draft?.status === 'approved' && mayPublish ? (
        <form className="card" onSubmit={publish} aria-labelledby="publish-title">
          <h2 id="publish-title">发布新版本</h2>
          <div className="event">
            <label htmlFor="publish-kind">变更类型（立改废释）</label>
            <select id="publish-kind" value={changeKind} onChange={(e) => setChangeKind(e.target.value)}>
              {CHANGE_KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
            </select>
            <label htmlFor="publish-reason">发布理由</label>
            <input id="publish-reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
            <label htmlFor="publish-basis">法律依据</label>
            <input id="publish-basis" type="text" value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} placeholder="如《……条例》第……条" />
          </div>
          {publishError ? <div className="notice error" role="alert">{publishError}</div> : null}
          <div className="row" style={{ marginTop: 8 }}>
            <button className="primary" type="submit" disabled={busy || dirty}>{busy ? '发布中…' : `发布第 ${(latestVersion ?? 0) + 1} 版`}</button>
          </div>
          <p className="muted">发布后该版本不可更改，各盟市、旗县窗口即按新版本受理。</p>
        </form>
      ) : null}
      {draft?.status === 'approved' && !mayPublish ? <div className="notice info">已审核通过，等待编制部门发布。</div> : null}
    </section>
  );
}

