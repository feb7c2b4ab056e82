import { useEffect, useRef, useState, type FormEvent } from 'react';
import { caseEventTypes, labelOf, supplementVersions, SUPPLEMENT_VERSIONS, type SupplementVersion } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { chineseDate, getJson, runtimePath, type CaseEventBody, type CaseView } from './api.js';
import { describeError } from './IntakeActions.js';
import { t } from './ui-text.js';

/** The event's own name (补正), from the vocabulary. */
const SUPPLEMENT = labelOf(caseEventTypes, 'supplement');

type Outcome = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'error'; text: string };

/**
 * 补正 at any window of the region: tick the materials the applicant hands in (each with its scan,
 * linked to the material), choose the version to decide on, and record it on the same case.
 */
export function SupplementForm({ view, token, division, onDone, onCancel }: {
  view: CaseView; token: string;
  /** The window taking the materials: where the scans are uploaded. */
  division: string | undefined;
  onDone: (view: CaseView) => void; onCancel: () => void;
}) {
  const missing = view.supplement?.missingMaterials ?? [];
  const [handedIn, setHandedIn] = useState<string[]>([]);
  const [files, setFiles] = useState<Record<string, File | undefined>>({});
  const [version, setVersion] = useState<SupplementVersion>('opened');
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => { form.current?.querySelector<HTMLElement>('input')?.focus(); }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (handedIn.length === 0) {
      setOutcome({ kind: 'error', text: t('runtime.supplement.noneTicked') });
      return;
    }
    try {
      for (const id of handedIn) {
        const file = files[id];
        if (!file || !division) continue;
        setOutcome({ kind: 'busy', text: t('runtime.supplement.uploading', { name: file.name }) });
        await getJson(runtimePath(division, `/intakes/${encodeURIComponent(view.caseNumber)}/attachments`), {
          token, method: 'POST', body: file, headers: { 'Content-Type': file.type, 'X-Filename': encodeURIComponent(file.name), 'X-Material-Id': id },
        });
      }
      setOutcome({ kind: 'busy', text: t('runtime.supplement.rechecking') });
      const body: CaseEventBody = { type: 'supplement', materials: handedIn, version, ...(comment.trim() ? { comment: comment.trim() } : {}) };
      const res = await getJson<{ case: CaseView }>(`/api/cases/${encodeURIComponent(view.caseNumber)}/events`, { token, method: 'POST', json: body });
      onDone(res.case);
    } catch (error) {
      const text = error instanceof ApiError && (error.status === 422 || error.status === 409) ? t('runtime.caseActions.notSubmitted.conflict', { action: SUPPLEMENT, message: error.message }) : describeError(error, SUPPLEMENT);
      setOutcome({ kind: 'error', text });
    }
  };

  const timing = view.supplement;
  return (
    <form ref={form} className="event-form card" onSubmit={submit} noValidate aria-labelledby="event-form-supplement" data-testid="event-form-supplement">
      <h3 id="event-form-supplement">{SUPPLEMENT}</h3>
      {timing?.late && (
        <p className="banner error" role="status" data-testid="deemed-accepted">
          {t(timing.noticeIssuedAt ? 'runtime.supplement.deemedAccepted.issuedLate' : 'runtime.supplement.deemedAccepted.notIssued', { date: chineseDate(timing.noticeDue) })}
        </p>
      )}
      <fieldset className="materials">
        <legend>{t('runtime.supplement.handedIn')}</legend>
        {missing.length === 0 && <p className="hint">{t('runtime.supplement.nothingMissing')}</p>}
        {missing.map((m) => (
          <div key={m.id} className="supplement-material">
            <label className="check">
              <input type="checkbox" value={m.id} checked={handedIn.includes(m.id)}
                onChange={(e) => setHandedIn((list) => (e.target.checked ? [...list.filter((x) => x !== m.id), m.id] : list.filter((x) => x !== m.id)))} />
              <span>{m.name}</span>
            </label>
            {division && (
              <label className="file">
                <span className="visually-hidden">{t('runtime.supplement.scan', { name: m.name })}</span>
                <input type="file" accept="application/pdf,image/jpeg,image/png" data-material={m.id}
                  onChange={(e) => setFiles((all) => ({ ...all, [m.id]: e.target.files?.[0] }))} />
              </label>
            )}
          </div>
        ))}
      </fieldset>
      <fieldset className="radios">
        <legend>{t('runtime.supplement.version')}</legend>
        {SUPPLEMENT_VERSIONS.map((code) => (
          <label key={code} className="radio">
            <input type="radio" name="supplement-version" value={code} checked={version === code} onChange={() => setVersion(code)} />
            <span>{labelOf(supplementVersions, code)}{code === 'opened' ? t('runtime.supplement.version.opened', { version: view.item.version }) : t('runtime.supplement.version.current')}</span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="supplement-comment"><span>{t('runtime.caseActions.comment')}</span></label>
        <textarea id="supplement-comment" value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={500} />
      </div>
      {outcome.kind !== 'idle' && (
        <p role={outcome.kind === 'error' ? 'alert' : 'status'} className={outcome.kind === 'error' ? 'banner error' : 'hint'} data-testid="supplement-status">{outcome.text}</p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={outcome.kind === 'busy'}>{outcome.kind === 'busy' ? t('runtime.caseActions.submitting') : t('runtime.caseActions.confirm', { action: SUPPLEMENT })}</button>
        <button type="button" onClick={onCancel}>{t('runtime.caseActions.cancel')}</button>
      </div>
    </form>
  );
}
