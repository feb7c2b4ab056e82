import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { caseEventTypes, decisionResults, deliveryMethods, isCaseEventType, labelOf, type DeliveryMethod } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { getJson, type CaseEventBody, type CaseView } from './api.js';
import { describeError } from './IntakeActions.js';
import { SupplementForm } from './SupplementForm.js';

/** The button of each event: what the clerk or the department does. */
const ACTION_LABELS: Record<string, string> = {
  supplement: '补正', commit: '登记容缺承诺', 'fulfil-commitment': '容缺材料补齐', dispatch: '推送办理地', receive: '接收办件', forward: '推送审批部门', decide: '审批', deliver: '送达', return: '退回', void: '作废',
};
const DESTRUCTIVE = new Set(['return', 'void']);

const actionLabel = (type: string): string => ACTION_LABELS[type] ?? (isCaseEventType(type) ? labelOf(caseEventTypes, type) : type);

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
        setOutcome({ kind: 'error', text: `${actionLabel(type)}未提交：${error.message}。请按提示修改后重试。`, stale: false });
      } else if (error instanceof ApiError && error.status === 409) {
        const text = error.code === 'case_changed'
          ? `${actionLabel(type)}未提交：${error.message}。其他人已先处理了此办件，请刷新查看最新状态。`
          : `${actionLabel(type)}未提交：${error.message}。`;
        setOutcome({ kind: 'error', text, stale: true });
      } else {
        setOutcome({ kind: 'error', text: describeError(error, actionLabel(type)), stale: false });
      }
    }
  };

  const known = new Set(['/comment', '/trackingNumber', '/result', '/resultNumber', '/reason', '/method', '/recipient', '/supplementBy']);
  const other = problems.filter((p) => !known.has(p.pointer));
  const reasonLabel = type === 'decide' ? '不予理由' : type === 'return' ? '退回原因' : '作废原因';

  return (
    <form ref={first} className="event-form card" onSubmit={submit} noValidate aria-labelledby={`event-form-${type}`} data-testid={`event-form-${type}`}>
      <h3 id={`event-form-${type}`}>{actionLabel(type)}</h3>
      {type === 'dispatch' && (
        <>
          {needsTracking && <p className="hint">本件须寄递纸质原件：{view.keptOriginals.join('、')}。请填写邮寄单号。</p>}
          <Field id="trackingNumber" label={needsTracking ? '纸质原件邮寄单号（必填）' : '纸质原件邮寄单号'} problems={problems}>
            <input id="event-trackingNumber" value={trackingNumber} onChange={(e) => setTrackingNumber(e.target.value)} autoComplete="off" />
          </Field>
        </>
      )}
      {type === 'decide' && (
        <>
          <fieldset className="radios">
            <legend>审批结果</legend>
            {decisionResults.codes.map((code) => (
              <label key={code} className="radio">
                <input type="radio" name="event-result" value={code} checked={result === code} onChange={() => setResult(code)} />
                <span>{labelOf(decisionResults, code)}</span>
              </label>
            ))}
            {problems.filter((p) => p.pointer === '/result').map((p, i) => <p key={i} role="alert" className="field-error">{p.message}</p>)}
          </fieldset>
          <Field id="resultNumber" label="证照或文书编号" problems={problems}>
            <input id="event-resultNumber" value={resultNumber} onChange={(e) => setResultNumber(e.target.value)} autoComplete="off" />
          </Field>
          <Field id="reason" label={result === 'refused' ? '不予理由（必填）' : '不予理由'} problems={problems}>
            <textarea id="event-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
          </Field>
        </>
      )}
      {type === 'deliver' && (
        <>
          <fieldset className="radios">
            <legend>送达方式</legend>
            {deliveryMethods.codes.map((code) => (
              <label key={code} className="radio">
                <input type="radio" name="event-method" value={code} checked={method === code} onChange={() => setMethod(code)} />
                <span>{labelOf(deliveryMethods, code)}</span>
              </label>
            ))}
            {problems.filter((p) => p.pointer === '/method').map((p, i) => <p key={i} role="alert" className="field-error">{p.message}</p>)}
          </fieldset>
          {method === 'post' ? (
            <Field id="trackingNumber" label="邮寄单号（必填）" problems={problems}>
              <input id="event-trackingNumber" value={trackingNumber} onChange={(e) => setTrackingNumber(e.target.value)} autoComplete="off" />
            </Field>
          ) : (
            <Field id="recipient" label="领取人" problems={problems}>
              <input id="event-recipient" value={recipient} onChange={(e) => setRecipient(e.target.value)} autoComplete="off" />
            </Field>
          )}
        </>
      )}
      {type === 'commit' && commitment && (
        <>
          <p className="hint">申请人书面承诺补齐：{commitment.materials.map((m) => m.name).join('、')}。补齐期限不得晚于 {commitment.latestSupplementBy ?? '—'}；逾期未补齐的：{commitment.consequence ?? '按有关规定处理'}。</p>
          <Field id="supplementBy" label="承诺补齐期限（必填）" problems={problems}>
            <input id="event-supplementBy" type="date" value={supplementBy} max={commitment.latestSupplementBy ?? undefined} onChange={(e) => setSupplementBy(e.target.value)} />
          </Field>
        </>
      )}
      {type === 'fulfil-commitment' && commitment && (
        <fieldset className="materials">
          <legend>补齐的容缺材料</legend>
          {commitment.materials.map((m) => (
            <label key={m.id} className="check">
              <input type="checkbox" value={m.id} checked={handedIn.includes(m.id)} onChange={(e) => setHandedIn((list) => (e.target.checked ? [...list.filter((x) => x !== m.id), m.id] : list.filter((x) => x !== m.id)))} />
              <span>{m.name}</span>
            </label>
          ))}
        </fieldset>
      )}
      {(type === 'return' || type === 'void') && (
        <Field id="reason" label={`${reasonLabel}（必填）`} problems={problems}>
          <textarea id="event-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} />
        </Field>
      )}
      <Field id="comment" label="经办意见" problems={problems} hint="不要填写身份证号码、电话等个人信息；系统会自动脱敏。">
        <textarea id="event-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={500} />
      </Field>
      {other.length > 0 && <ul className="field-error" role="alert">{other.map((p, i) => <li key={i}>{p.message}</li>)}</ul>}
      {outcome.kind === 'error' && (
        <div role="alert" className="banner error" data-testid="event-error">
          {outcome.text}
          {outcome.stale && <> <button type="button" onClick={onReload}>刷新办件</button></>}
        </div>
      )}
      <div className="actions">
        <button type="submit" className={DESTRUCTIVE.has(type) ? 'danger' : 'primary'} disabled={outcome.kind === 'busy'}>
          {outcome.kind === 'busy' ? '正在提交…' : `确认${actionLabel(type)}`}
        </button>
        <button type="button" onClick={onCancel}>取消</button>
      </div>
    </form>
  );
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
        <h2 id="case-actions-title">办理操作</h2>
        {done && <p role="status" className="banner ok">{done}</p>}
        <p className="hint" data-testid="no-actions">
          {view.allowedEvents.length === 0 ? '本件已办结流转，无需操作。' : `当前由${view.holder ? `${view.holder.name}${view.holder.place === 'department' ? `（${view.handling.department}）` : '窗口'}` : '其他单位'}办理，本岗位暂无可执行的操作。`}
        </p>
      </section>
    );
  }
  return (
    <section className="case-actions card" aria-labelledby="case-actions-title">
      <h2 id="case-actions-title">办理操作</h2>
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
          onDone={(next) => { setOpen(null); setDone(`已补正，办件状态：${next.statusLabel}。`); onChanged(next); }} />
      )}
      {open && open !== 'supplement' && (
        <EventForm key={open} type={open} view={view} token={token} onCancel={() => setOpen(null)} onReload={() => { setOpen(null); onReload(); }}
          onDone={(next, type) => { setOpen(null); setDone(`已${actionLabel(type)}，办件状态：${next.statusLabel}。`); onChanged(next); }} />
      )}
    </section>
  );
}
