import { useEffect, useState, type FormEvent } from 'react';
import { LEGAL_CHANGE_KINDS, findDivision, isOutcome, labelOf, legalChangeKinds, outcomes } from '../../../engine/core/index.js';
import { advice, withElement } from '../../../engine/web-kit/index.js';
import { api, type DraftRecord, type Role } from './api.js';
import { DiffChanges } from './DiffChanges.js';
import { ReviewExamples } from './ExampleStatus.js';
import { usePeople } from './people.js';
import { DRAFT_LABEL, formatTime } from './status.js';
import { t } from './ui-text.js';

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

const outcomeLabel = (o: string) => (o === 'error' ? t('designer.review.outcomeError') : isOutcome(o) ? labelOf(outcomes, o) : o);

/** The diff by section, in the reviewer's words: titles, Chinese rule names, conditions as sentences. */
function DiffView({ code, latestVersion, revision }: { code: string; latestVersion: number | null; revision: number | undefined }) {
  const ready = latestVersion !== null && revision !== undefined;
  const { value: diff, error } = useLoaded(ready ? () => api.diff(code) : null, [code, latestVersion, revision]);
  if (revision === undefined) return <p className="muted">{t('designer.review.nothingToCompare')}</p>;
  if (latestVersion === null) return <DescriptionView code={code} revision={revision} />;
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (diff === null) return <p className="muted" aria-live="polite">{t('designer.history.comparing')}</p>;
  if (diff.changes.length === 0) return <p className="diff">{t('designer.review.identical', { version: latestVersion })}</p>;
  return <DiffChanges diff={diff} label={t('designer.review.diffLabel', { version: latestVersion })} />;
}

/** A new item has nothing to compare with: the reviewer reads all of it, in prose. */
function DescriptionView({ code, revision }: { code: string; revision: number }) {
  const { value: description, error } = useLoaded(() => api.description(code), [code, revision]);
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (description === null) return <p className="muted" aria-live="polite">{t('designer.review.describing')}</p>;
  return (
    <div className="diff description" aria-label={t('designer.review.descriptionLabel')} tabIndex={0}>
      <div className="notice info">{t('designer.review.descriptionNotice', { heading: description.heading })}</div>
      {description.sections.map((section) => (
        <section key={section.section} className="diff-section" aria-label={section.title}>
          <h3>{section.title}</h3>
          {section.entries.length === 0 ? <p className="muted">{t('designer.examples.nothing')}</p> : (
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
  if (!ready) return <p className="muted">{t('designer.review.noImpactBase')}</p>;
  if (error) return <div className="notice warn" role="alert">{t('designer.review.impactFailed', { error })}</div>;
  if (impact === null) return <p className="muted" aria-live="polite">{t('designer.review.replaying')}</p>;
  // The same cause over many decisions is one line with a count.
  const byCause = new Map<string, number>();
  for (const entry of impact.changed) for (const cause of new Set(entry.causes.map((c) => c.text))) byCause.set(cause, (byCause.get(cause) ?? 0) + 1);
  return (
    <div className="impact" data-testid="impact" aria-label={t('designer.review.impactLabel')}>
      <p className="impact-count">{withElement(t('designer.review.impactCount', { version: impact.version, examined: impact.examined }), 'changed', <strong>{impact.changed.length}</strong>)}</p>
      {impact.transitions.length > 0 ? (
        <ul className="impact-transitions">
          {impact.transitions.map((tr, i) => <li key={i}>{t('designer.review.transition', { before: outcomeLabel(tr.before), after: outcomeLabel(tr.after), n: tr.count })}</li>)}
        </ul>
      ) : null}
      {byCause.size > 0 ? (
        <>
          <h3>{t('designer.review.causes')}</h3>
          <ul className="impact-causes">{[...byCause].sort((a, b) => b[1] - a[1]).map(([text, count]) => <li key={text}>{t('designer.review.causeCount', { cause: text, n: count })}</li>)}</ul>
          <details>
            <summary>{t('designer.review.eachCase', { n: impact.changed.length })}</summary>
            <table>
              <thead><tr><th>{t('designer.review.col.division')}</th><th>{t('designer.review.col.date')}</th><th>{t('designer.review.col.before')}</th><th>{t('designer.review.col.after')}</th><th>{t('designer.review.col.causes')}</th></tr></thead>
              <tbody>
                {impact.changed.map((c) => (
                  <tr key={c.id}>
                    <td>{findDivision(c.division)?.name ?? c.division}</td>
                    <td>{c.date}</td>
                    <td>{outcomeLabel(c.before)}</td>
                    <td>{outcomeLabel(c.after)}</td>
                    <td>{c.causes.map((x) => x.text).join(t('designer.review.causeSeparator')) || '—'}</td>
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
      setCommentError(t('designer.review.commentMissing'));
      return;
    }
    setCommentError(null);
    setBusy(true);
    await onStep(step, comment.trim() ? { comment: comment.trim() } : {}, t(step === 'approve' ? 'designer.review.approvedDone' : 'designer.review.returnedDone'));
    setBusy(false);
  };
  const publish = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim() || !legalBasis.trim()) {
      setPublishError(t('designer.review.publishMissing'));
      return;
    }
    setPublishError(null);
    setBusy(true);
    await onPublish({ reason: reason.trim(), legalBasis: legalBasis.trim(), changeKind });
    setBusy(false);
  };
  return (
    <section aria-label={t('designer.review.label')}>
      <div className="card">
        <h2>{t('designer.review.workflow')}</h2>
        {draft ? (
          <ul>
            <li>{withElement(t('designer.review.currentStatus', {
              revision: draft.revision,
              base: draft.baseVersion === null ? t('designer.review.basedOnNew') : t('designer.review.basedOnVersion', { version: draft.baseVersion }),
            }), 'status', <strong>{DRAFT_LABEL[draft.status]}</strong>)}</li>
            <li>{t('designer.review.authored', { author: nameOf(draft.createdBy), editor: nameOf(draft.updatedBy), at: formatTime(draft.updatedAt) })}</li>
            {draft.submittedAt ? <li>{t('designer.review.submittedBy', { name: nameOf(draft.submittedBy), at: formatTime(draft.submittedAt) })}</li> : null}
            {draft.reviewedAt ? <li>{t('designer.review.reviewedBy', { name: nameOf(draft.reviewedBy), at: formatTime(draft.reviewedAt), comment: draft.reviewComment ? t('designer.review.reviewComment', { comment: draft.reviewComment }) : '' })}</li> : null}
          </ul>
        ) : <p className="muted">{t('designer.review.noDraft')}{latestVersion !== null ? t('designer.review.latestPublished', { version: latestVersion }) : ''}</p>}
        {dirty ? <div className="notice warn">{t('designer.review.unsaved')}</div> : null}
      </div>
      <div className="cols review">
        <div className="card">
          <h2>{latestVersion !== null ? t('designer.review.diffTitle', { version: latestVersion }) : t('designer.review.newItemTitle')}</h2>
          <DiffView code={code} latestVersion={latestVersion} revision={draft?.revision} />
          {mayReview && latestVersion !== null ? (
            <section aria-labelledby="impact-title">
              <h2 id="impact-title">{t('designer.review.impactTitle')}</h2>
              <ImpactView code={code} latestVersion={latestVersion} revision={draft?.revision} />
            </section>
          ) : null}
        </div>
        <section className="card" aria-labelledby="review-examples-title">
          <h2 id="review-examples-title">{t('designer.review.examplesTitle')}</h2>
          <ReviewExamples code={code} revision={draft?.revision} />
        </section>
      </div>
      {draft?.status === 'submitted' && mayReview ? (
        <div className="card">
          <h2>{t('designer.review.legalReview')}</h2>
          <label htmlFor="review-comment">{t('designer.review.commentLabel')}</label>
          <textarea id="review-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} aria-invalid={commentError ? true : undefined} />
          {commentError ? <div className="notice error" role="alert">{commentError}</div> : null}
          <div className="row" style={{ marginTop: 8 }}>
            <button className="primary" disabled={busy} onClick={() => void review('approve')}>{t('designer.review.approve')}</button>
            <button className="danger" disabled={busy} onClick={() => void review('return')}>{t('designer.review.return')}</button>
          </div>
          <p className="muted">{t('designer.review.notOwnDraft')}</p>
        </div>
      ) : null}
      {draft?.status === 'submitted' && !mayReview ? <div className="notice info">{t('designer.review.awaitingReview')}</div> : null}
      {draft?.status === 'approved' && mayPublish ? (
        <form className="card" onSubmit={publish} aria-labelledby="publish-title">
          <h2 id="publish-title">{t('designer.review.publishTitle')}</h2>
          <div className="event">
            <label htmlFor="publish-kind">{t('designer.review.changeKind')}</label>
            <select id="publish-kind" value={changeKind} onChange={(e) => setChangeKind(e.target.value)}>
              {CHANGE_KINDS.map((k) => <option key={k.value} value={k.value}>{k.label}</option>)}
            </select>
            <label htmlFor="publish-reason">{t('designer.review.reason')}</label>
            <input id="publish-reason" type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
            <label htmlFor="publish-basis">{t('designer.review.legalBasis')}</label>
            <input id="publish-basis" type="text" value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} placeholder={t('designer.review.legalBasisPlaceholder')} />
          </div>
          {publishError ? <div className="notice error" role="alert">{publishError}</div> : null}
          <div className="row" style={{ marginTop: 8 }}>
            <button className="primary" type="submit" disabled={busy || dirty}>{busy ? t('designer.review.publishing') : t('designer.review.publish', { version: (latestVersion ?? 0) + 1 })}</button>
          </div>
          <p className="muted">{t('designer.review.publishIsFinal')}</p>
        </form>
      ) : null}
      {draft?.status === 'approved' && !mayPublish ? <div className="notice info">{t('designer.review.awaitingPublish')}</div> : null}
    </section>
  );
}

