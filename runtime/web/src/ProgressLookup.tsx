import { useState, type FormEvent, type ReactNode } from 'react';
import { calendarMissingNote, caseStatuses, isCaseNumber, isCodeOf, labelOf, MONGOLIAN, uiTexts, type CatalogueKey, type Language } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { chineseDate, getJson, localTime, type PublicProgress } from './api.js';
import { useLanguage } from './LanguageSwitch.js';
import './mongolian-workspace.css';

const zh = uiTexts('zh-CN');
const mn = uiTexts('mn-Mong');

/**
 * What went wrong: a check of our own (said in both languages) or the server's own message, in the
 * language it came in (the reader's, asked for by the API client, where the server has it).
 */
type LookupError = { key: CatalogueKey } | { text: string; language: Language };

/**
 * 办件进度查询: the applicant's case number and the last 4 characters of the ID number, no sign-in.
 * It follows the public page's language switch: the Chinese always, and with ᠮᠣᠩᠭᠣᠯ chosen each
 * label and message of this panel also in Mongolian beside it (draft, like every catalogue string).
 */
export function ProgressLookup() {
  const mongolian = useLanguage() === 'mn-Mong';
  const [caseNumber, setCaseNumber] = useState('');
  const [idTail, setIdTail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LookupError | null>(null);
  const [progress, setProgress] = useState<PublicProgress | null>(null);
  /** The Chinese text of `key`, and its Mongolian beside it when the reader chose Mongolian. */
  const both = (key: CatalogueKey, onColour = false): ReactNode => (
    <>{zh(key)}{mongolian && <span className="mongolian-inline" lang="mn-Mong" style={onColour ? { color: 'inherit' } : undefined}> {mn(key)}</span>}</>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const number = caseNumber.trim().toUpperCase();
    const tail = idTail.trim().toUpperCase();
    if (!isCaseNumber(number)) { setError({ key: 'runtime.progress.badCaseNumber' }); setProgress(null); return; }
    if (!/^[0-9X]{4}$/.test(tail)) { setError({ key: 'runtime.progress.badIdTail' }); setProgress(null); return; }
    setBusy(true);
    setError(null);
    try {
      setProgress(await getJson<PublicProgress>(`/api/public/cases/${encodeURIComponent(number)}?idTail=${encodeURIComponent(tail)}`, { token: null }));
    } catch (e) {
      setProgress(null);
      if (e instanceof ApiError) {
        const say = uiTexts(e.language);
        setError({ text: e.status === 429 ? say('runtime.progress.tooMany', { message: e.message }) : e.message, language: e.language });
      } else {
        setError({ text: String(e), language: 'zh-CN' });
      }
    } finally {
      setBusy(false);
    }
  };

  const status = progress && isCodeOf(caseStatuses, progress.status) ? progress.status : null;
  return (
    <section className="progress-lookup card" aria-labelledby="progress-title">
      <h2 id="progress-title">{both('runtime.progress.title')}</h2>
      <p className="hint">{both('runtime.progress.hint')}</p>
      <form onSubmit={submit} noValidate className="progress-form">
        <label className="field" htmlFor="progress-case-number">
          <span>{both('notice.caseNumber')}</span>
          <input id="progress-case-number" value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} autoComplete="off" />
        </label>
        <label className="field" htmlFor="progress-id-tail">
          <span>{both('runtime.progress.idTail')}</span>
          <input id="progress-id-tail" value={idTail} onChange={(e) => setIdTail(e.target.value)} maxLength={4} autoComplete="off" />
        </label>
        <button type="submit" className="primary" disabled={busy}>{both(busy ? 'runtime.progress.querying' : 'runtime.progress.query', true)}</button>
      </form>
      {error && ('key' in error ? <p role="alert" className="banner error">{both(error.key)}</p>
        // A Mongolian message is set vertically, as the page's other Mongolian blocks are.
        : error.language === MONGOLIAN ? <p role="alert" className="banner error mongolian" lang={MONGOLIAN} data-testid="progress-error">{error.text}</p>
        : <p role="alert" className="banner error" data-testid="progress-error">{error.text}</p>)}
      {progress && (
        <dl className="pairs progress-result" data-testid="progress-result" aria-live="polite">
          <div><dt>{both('notice.caseNumber')}</dt><dd>{progress.caseNumber}</dd></div>
          <div><dt>{both('runtime.progress.item')}</dt><dd>{progress.itemName}</dd></div>
          <div>
            <dt>{both('runtime.progress.status')}</dt>
            <dd><strong data-testid="progress-status">{progress.statusLabel}</strong>
              {mongolian && status && <span className="mongolian-inline" lang="mn-Mong" data-testid="progress-status-mn"> {labelOf(caseStatuses, status, 'mn-Mong')}</span>}</dd>
          </div>
          <div><dt>{both('runtime.progress.stage')}</dt><dd>{progress.stage ? zh('runtime.progress.stageDue', { stage: progress.stage, due: chineseDate(progress.stageDue) }) : '—'}</dd></div>
          <div><dt>{both('notice.promisedDue')}</dt><dd>{chineseDate(progress.promisedDue)}</dd></div>
          <div><dt>{both('runtime.progress.handlingPlace')}</dt><dd>{progress.handlingPlace} · {progress.department}</dd></div>
          <div><dt>{both('runtime.progress.updatedAt')}</dt><dd>{localTime(progress.updatedAt)}</dd></div>
          {progress.calendarMissing && progress.calendarMissing.length > 0 && <div><dt>{both('runtime.progress.note')}</dt><dd>{calendarMissingNote(progress.calendarMissing)}</dd></div>}
        </dl>
      )}
    </section>
  );
}
