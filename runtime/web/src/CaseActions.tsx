import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { caseEventTypes, decisionResults, deliveryMethods, isCaseEventType, labelOf, type CatalogueKey, type DeliveryMethod } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { getJson, type CaseEventBody, type CaseView } from './api.js';
import { describeError } from './IntakeActions.js';
import { SupplementForm } from './SupplementForm.js';
import { t } from './ui-text.js';

/**
 * The button of each event: what the clerk or the department does. The event type's own label,
 * except where the button says the act rather than the record (接收办件, not 办理地接收; 审批, not 审批办结).
 */
const ACTION_KEYS: Partial<Record<string, CatalogueKey>> = { receive: 'runtime.caseActions.action.receive', decide: 'runtime.caseActions.action.decide' };
const DESTRUCTIVE = new Set(['return', 'void']);

const actionLabel = (type: string): string => { const key = ACTION_KEYS[type]; return key ? t(key) : isCaseEventType(type) ? labelOf(caseEventTypes, type) : type; };
const required = (label: string): string => t('runtime.caseActions.required', { label });

interface Problem { pointer: string; message: string }

type Outcome = { kind: 'idle' } | { kind: 'busy' } | { kind: 'error'; text: string; stale: boolean };

function Field({ id, label, problems, children, hint }: { id: string; label: string; problems: Problem[]; children: ReactNode; hint?: string }) {
  const mine = problems.filter((p) => p.pointer === `/${id}`);
  return (
    <div className={`field ${mine.length ? 'has-error' : ''}`}>
      <label htmlFor={`event-${id}`}><span>{label}</span></label>
      {children}
      {hint && <p className="hint">{hint}</p>}
      {mine.map((p, i) => <p key={i} id={`event-${id}-error`} role="alert" className="field-error">{p.message}</p>)}
    </div>
  );
}

/** The form of one event with the fields it needs; the server checks them all and answers every problem at once. */
function EventForm({ type, view, token, onDone, onCancel, onReload }: {
  type: string; view: CaseView; token: string; onDone: (view: CaseView, type: string) => void; onCancel: () => void; onReload: () => void;
}) {
  const [comment, setComment] = useState('');
  const [trackingNumber, setTrackingNumber] = useState('');
  const [result, setResult] = useState<'approved' | 'refused'>('approved');
  const [resultNumber, setResultNumber] = useState('');
  const [reason, setReason] = useState('');
  const [method, setMethod] = useState<DeliveryMethod>('post');
  const [recipient, setRecipient] = useState('');
  const commitment = view.commitment ?? null;
  const [supplementBy, setSupplementBy] = useState(commitment?.latestSupplementBy ?? '');
  const [handedIn, setHandedIn] = useState<string[]>(commitment?.materials.map((m) => m.id) ?? []);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const first = useRef<HTMLFormElement>(null);
  useEffect(() => { first.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(); }, []);

  const needsTracking = type === 'dispatch' && view.keptOriginals.length > 0;
  const body = (): CaseEventBody => {
    const b: CaseEventBody = { type };
    if (comment.trim()) b.comment = comment.trim();
    if (type === 'dispatch' && trackingNumber.trim()) b.trackingNumber = trackingNumber.trim();
    if (type === 'decide') {
      b.result = result;
      if (resultNumber.trim()) b.resultNumber = resultNumber.trim();
      if (reason.trim()) b.reason = reason.trim();
    }
    if (type === 'deliver') {
      b.method = method;
      if (method === 'post' && trackingNumber.trim()) b.trackingNumber = trackingNumber.trim();
      if (method === 'window' && recipient.trim()) b.recipient = recipient.trim();
    }
    if ((type === 'return' || type === 'void') && reason.trim()) b.reason = reason.trim();
    if (type === 'commit' && supplementBy) b.supplementBy = supplementBy;
    if (type === 'fulfil-commitment') b.materials = handedIn;
    return b;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setOutcome({ kind: 'busy' });
    setProblems([]);
    try {
      const res = await getJson<{ case: CaseView }>(`/api/cases/${encodeURIComponent(view.caseNumber)}/events`, { token, method: 'POST', json: body() });
      onDone(res.case, type);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        setProblems(error.problems.map((p) => ({ pointer: p.pointer, message: p.message })));
        setOutcome({ kind: 'error', text: t('runtime.caseActions.notSubmitted.invalid', { action: actionLabel(type), message: error.message }), stale: false });
      } else if (error instanceof ApiError && error.status === 409) {
        const text = error.code === 'case_changed'
          ? t('runtime.caseActions.notSubmitted.changed', { action: actionLabel(type), message: error.message })
          : t('runtime.caseActions.notSubmitted.conflict', { action: actionLabel(type), message: error.message });
        setOutcome({ kind: 'error', text, stale: true });
      } else {
        setOutcome({ kind: 'error', text: describeError(error, actionLabel(type)), stale: false });
      }
    }
  };

  const known = new Set(['/comment', '/trackingNumber', '/result', '/resultNumber', '/reason', '/method', '/recipient', '/supplementBy']);
  const other = problems.filter((p) => !known.has(p.pointer));
  const reasonLabel = t(type === 'decide' ? 'runtime.caseActions.reason.refused' : type === 'return' ? 'runtime.caseActions.reason.return' : 'runtime.caseActions.reason.void');
  const consequence = commitment?.consequence ?? t('runtime.case.commitment.defaultConsequence');

  return (
    <form ref={first} className="event-form card" onSubmit={submit} noValidate aria-labelledby={`event-form-${type}`} data-testid={`event-form-${type}`}>
      <h3 id={`event-form-${type}`}>{actionLabel(type)}</h3>
      {type === 'dispatch' && (
        <>
          {needsTracking && <p className="hint">{t('runtime.caseActions.originalsHint', { materials: view.keptOriginals.join(t('runtime.case.listSeparator')) })}</p>}
          <Field id="trackingNumber" label={needsTracking ? required(t('runtime.caseActions.originalsTracking')) : t('runtime.caseActions.originalsTracking')} problems={problems}>
            <input id="event-trackingNumber" value={trackingNumber} onChange={(e) => setTrackingNumber(e.target.value)} autoComplete="off" />
          </Field>
        </>
      )}
      {type === 'decide' && (
        <>
          <fieldset className="radios">
            <legend>{t('runtime.caseActions.decisionResult')}</legend>
            {decisionResults.codes.map((code) => (
              <label key={code} className="radio">
                <input type="radio" name="event-result" value={code} checked={result === code} onChange={() => setResult(code)} />
                <span>{labelOf(decisionResults, code)}</span>
              </label>
            ))}
            {problems.filter((p) => p.pointer === '/result').map((p, i) => <p key={i} role="alert" className="field-error">{p.message}</p>)}
          </fieldset>
          <Field id="resultNumber" label={t('runtime.caseActions.resultNumber')} problems={problems}>
            <input id="event-resultNumber" value={resultNumber} onChange={(e) => setResultNumber(e.target.value)} autoComplete="off" />
          </Field>
          <Field id="reason" label={result === 'refused' ? required(reasonLabel) : reasonLabel} problems={problems}>
            <textarea id="event-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </Field>
        </>
      )}
      {type === 'deliver' && (
        <>
          <fieldset className="radios">
            <legend>{t('runtime.caseActions.deliveryMethod')}</legend>
            {deliveryMethods.codes.map((code) => (
              <label key={code} className="radio">
                <input type="radio" name="event-method" value={code} checked={method === code} onChange={() => setMethod(code)} />
                <span>{labelOf(deliveryMethods, code)}</span>
              </label>
            ))}
            {problems.filter((p) => p.pointer === '/method').map((p, i) => <p key={i} role="alert" className="field-error">{p.message}</p>)}
          </fieldset>
          {method === 'post' ? (
            <Field id="trackingNumber" label={required(t('runtime.caseActions.trackingNumber'))} problems={problems}>
              <input id="event-trackingNumber" value={trackingNumber} onChange={(e) => setTrackingNumber(e.target.value)} autoComplete="off" />
            </Field>
          ) : (
            <Field id="recipient" label={t('runtime.caseActions.recipient')} problems={problems}>
              <input id="event-recipient" value={recipient} onChange={(e) => setRecipient(e.target.value)} autoComplete="off" />
            </Field>
          )}
        </>
      )}
      {type === 'commit' && commitment && (
        <>
          <p className="hint">{t('runtime.caseActions.commitHint', { materials: commitment.materials.map((m) => m.name).join(t('runtime.case.listSeparator')), latest: commitment.latestSupplementBy ?? '—', consequence })}</p>
          <Field id="supplementBy" label={required(t('runtime.caseActions.supplementBy'))} problems={problems}>
            <input id="event-supplementBy" type="date" value={supplementBy} max={commitment.latestSupplementBy ?? undefined} onChange={(e) => setSupplementBy(e.target.value)} />
          </Field>
        </>
      )}
      {type === 'fulfil-commitment' && commitment && (
        <fieldset className="materials">
          <legend>{t('runtime.caseActions.fulfilled')}</legend>
          {commitment.materials.map((m) => (
            <label key={m.id} className="check">
              <input type="checkbox" value={m.id} checked={handedIn.includes(m.id)} onChange={(e) => setHandedIn((list) => (e.target.checked ? [...list.filter((x) => x !== m.id), m.id] : list.filter((x) => x !== m.id)))} />
              <span>{m.name}</span>
            </label>
          ))}
        </fieldset>
      )}
      {(type === 'return' || type === 'void') && (
        <Field id="reason" label={required(reasonLabel)} problems={problems}>
          <textarea id="event-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
        </Field>
      )}
      <Field id="comment" label={t('runtime.caseActions.comment')} problems={problems} hint={t('runtime.caseActions.commentHint')}>
        <textarea id="event-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={500} />
      </Field>
      {other.length > 0 && <ul className="field-error" role="alert">{other.map((p, i) => <li key={i}>{p.message}</li>)}</ul>}
      {outcome.kind === 'error' && (
        <div role="alert" className="banner error" data-testid="event-error">
          {outcome.text}
          {outcome.stale && <> <button type="button" onClick={onReload}>{t('runtime.caseActions.reload')}</button></>}
        </div>
      )}
      <div className="actions">
        <button type="submit" className={DESTRUCTIVE.has(type) ? 'danger' : 'primary'} disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? t('runtime.caseActions.submitting') : t('runtime.caseActions.confirm', { action: actionLabel(type) })}
        </button>
        <button type="button" onClick={onCancel}>{t('runtime.caseActions.cancel')}</button>
      </div>
    </form>
  );
}

/** Who holds the case now, as the hint names them: a department with its window, a window, or another unit. */
function holderOf(view: CaseView): string {
  if (!view.holder) return t('runtime.caseActions.holder.unknown');
  return view.holder.place === 'department'
    ? t('runtime.caseActions.holder.department', { name: view.holder.name, department: view.handling.department })
    : t('runtime.caseActions.holder.window', { name: view.holder.name });
}

/** Only the events this principal may record now (the case view's yourEvents), each with its fields. */
export function CaseActions({ view, token, onChanged, onReload, division }: {
  view: CaseView; token: string; onChanged: (view: CaseView) => void; onReload: () => void;
  /** The window this page runs at: where a 补正's scans are uploaded. */
  division?: string;
}) {
  const [open, setOpen] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => { if (open && !view.yourEvents.includes(open)) setOpen(null); }, [view, open]);

  if (view.yourEvents.length === 0) {
    return (
      <section className="case-actions card" aria-labelledby="case-actions-title">
        <h2 id="case-actions-title">{t('runtime.caseActions.title')}</h2>
        {done && <p role="status" className="banner ok">{done}</p>}
        <p className="hint" data-testid="no-actions">
          {view.allowedEvents.length === 0 ? t('runtime.caseActions.finished') : t('runtime.caseActions.heldElsewhere', { holder: holderOf(view) })}
        </p>
      </section>
    );
  }
  return (
    <section className="case-actions card" aria-labelledby="case-actions-title">
      <h2 id="case-actions-title">{t('runtime.caseActions.title')}</h2>
      {done && <p role="status" className="banner ok">{done}</p>}
      <div className="action-buttons">
        {view.yourEvents.map((type) => (
          <button key={type} type="button" className={DESTRUCTIVE.has(type) ? 'danger-outline' : 'primary'} aria-expanded={open === type}
            onClick={() => { setOpen(open === type ? null : type); setDone(null); }}>
            {actionLabel(type)}
          </button>
        ))}
      </div>
      {open === 'supplement' && (
        <SupplementForm view={view} token={token} division={division} onCancel={() => setOpen(null)}
          onDone={(next) => { setOpen(null); setDone(t('runtime.caseActions.done', { action: actionLabel('supplement'), status: next.statusLabel })); onChanged(next); }} />
      )}
      {open && open !== 'supplement' && (
        <EventForm key={open} type={open} view={view} token={token} onCancel={() => setOpen(null)} onReload={() => { setOpen(null); onReload(); }}
          onDone={(next, type) => { setOpen(null); setDone(t('runtime.caseActions.done', { action: actionLabel(type), status: next.statusLabel })); onChanged(next); }} />
      )}
    </section>
  );
}
