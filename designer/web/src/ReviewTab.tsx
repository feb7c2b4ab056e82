import { useEffect, useState, type FormEvent } from 'react';
import { LEGAL_CHANGE_KINDS, labelOf, legalChangeKinds } from '../../../engine/core/index.js';
import { advice } from '../../../engine/web-kit/index.js';
import { api, type DraftRecord, type Role } from './api.js';
import { ReviewExamples } from './ExampleStatus.js';
import { DRAFT_LABEL, formatTime } from './status.js';

export const CHANGE_KINDS = LEGAL_CHANGE_KINDS.map((value) => ({ value, label: labelOf(legalChangeKinds, value) }));

function DiffView({ code, latestVersion, revision }: { code: string; latestVersion: number | null; revision: number | undefined }) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (latestVersion === null || revision === undefined) return;
    let live = true;
    setText(null);
    setError(null);
    api.diffText(code).then((t) => live && setText(t), (err: unknown) => live && setError(advice(err)));
    return () => {
      live = false;
    };
  }, [code, latestVersion, revision]);
  if (revision === undefined) return <p className="muted">没有草稿，无可比较的内容。</p>;
  if (latestVersion === null) return <div className="notice info">这是新设立的事项，尚无已发布版本。请逐一审阅「事项标准」「表单设计」「受理规则」「测试样例」页签的完整内容。</div>;
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (text === null) return <p className="muted" aria-live="polite">正在比较…</p>;
  return <pre className="diff" aria-label={`与第 ${latestVersion} 版的差异`} tabIndex={0}>{text}</pre>;
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
            <li>编制：{draft.createdBy}，最近保存：{draft.updatedBy} {formatTime(draft.updatedAt)}</li>
            {draft.submittedAt ? <li>提交审核：{draft.submittedBy} {formatTime(draft.submittedAt)}</li> : null}
            {draft.reviewedAt ? <li>审核：{draft.reviewedBy} {formatTime(draft.reviewedAt)}{draft.reviewComment ? `，意见：${draft.reviewComment}` : ''}</li> : null}
          </ul>
        ) : <p className="muted">没有草稿。{latestVersion !== null ? `最新已发布第 ${latestVersion} 版。` : ''}</p>}
        {dirty ? <div className="notice warn">有未保存的修改。审核针对的是已保存的内容；请先保存。</div> : null}
      </div>
      <div className="cols review">
        <div className="card">
          <h2>与最新发布版本的差异{latestVersion !== null ? `（第 ${latestVersion} 版 → 草稿）` : ''}</h2>
          <DiffView code={code} latestVersion={latestVersion} revision={draft?.revision} />
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

