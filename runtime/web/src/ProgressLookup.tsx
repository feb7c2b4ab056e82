import { useState, type FormEvent } from 'react';
import { calendarMissingNote, isCaseNumber } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { chineseDate, getJson, localTime, type PublicProgress } from './api.js';

/** 办件进度查询: the applicant's case number and the last 4 characters of the ID number, no sign-in. */
export function ProgressLookup() {
  const [caseNumber, setCaseNumber] = useState('');
  const [idTail, setIdTail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<PublicProgress | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = caseNumber.trim().toUpperCase();
    const tail = idTail.trim().toUpperCase();
    if (!isCaseNumber(number)) { setError('请填写受理通知书上的办件编号，如 TB15010220260105-000001。'); setProgress(null); return; }
    if (!/^[0-9X]{4}$/.test(tail)) { setError('请填写身份证号码的后四位（数字或 X）。'); setProgress(null); return; }
    setBusy(true);
    setError(null);
    try {
      setProgress(await getJson<PublicProgress>(`/api/public/cases/${encodeURIComponent(number)}?idTail=${encodeURIComponent(tail)}`, { token: null }));
    } catch (e) {
      setProgress(null);
      setError(e instanceof ApiError ? (e.status === 429 ? `${e.message}。请稍后再查询。` : e.message) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="progress-lookup card" aria-labelledby="progress-title">
      <h2 id="progress-title">办件进度查询</h2>
      <p className="hint">凭受理通知书上的办件编号和申请人身份证号码后四位查询，无需登录。</p>
      <form onSubmit={submit} noValidate className="progress-form">
        <label className="field" htmlFor="progress-case-number">
          <span>办件编号</span>
          <input id="progress-case-number" value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} autoComplete="off" />
        </label>
        <label className="field" htmlFor="progress-id-tail">
          <span>身份证号码后四位</span>
          <input id="progress-id-tail" value={idTail} onChange={(e) => setIdTail(e.target.value)} maxLength={4} autoComplete="off" />
        </label>
        <button type="submit" className="primary" disabled={busy}>{busy ? '正在查询…' : '查询进度'}</button>
      </form>
      {error && <p role="alert" className="banner error">{error}</p>}
      {progress && (
        <dl className="pairs progress-result" data-testid="progress-result" aria-live="polite">
          <div><dt>办件编号</dt><dd>{progress.caseNumber}</dd></div>
          <div><dt>事项</dt><dd>{progress.itemName}</dd></div>
          <div><dt>办理状态</dt><dd data-testid="progress-status"><strong>{progress.statusLabel}</strong></dd></div>
          <div><dt>当前环节</dt><dd>{progress.stage ? `${progress.stage}（${chineseDate(progress.stageDue)}前）` : '—'}</dd></div>
          <div><dt>承诺办结日期</dt><dd>{chineseDate(progress.promisedDue)}</dd></div>
          <div><dt>办理地</dt><dd>{progress.handlingPlace} · {progress.department}</dd></div>
          <div><dt>最近更新</dt><dd>{localTime(progress.updatedAt)}</dd></div>
          {progress.calendarMissing && progress.calendarMissing.length > 0 && <div><dt>说明</dt><dd>{calendarMissingNote(progress.calendarMissing)}</dd></div>}
        </dl>
      )}
    </section>
  );
}
