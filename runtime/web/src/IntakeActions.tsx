import { useEffect, useRef, useState } from 'react';
import { documentKindFor, documentKinds, labelOf, outcomes, type DocumentKind } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { chineseDate, getJson, openNotice, runtimePath, type Decision, type SavedIntake } from './api.js';
import { HandlingPlacePicker } from './HandlingPlacePicker.js';
import { hrefOf, linkHandler } from './routes.js';
import type { WindowInput } from './engine.js';
import { t } from './ui-text.js';

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'ok'; text: string } | { kind: 'error'; text: string };

const ACCEPTED_TYPES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

export function describeError(error: unknown, what: string): string {
  if (error instanceof ApiError) {
    const values = { what, message: error.message, status: error.status };
    if (error.status === 401) return t('runtime.intake.error.unauthorized', values);
    if (error.status === 403) return t('runtime.intake.error.forbidden', values);
    if (error.status === 413) return t('runtime.intake.error.tooLarge', values);
    if (error.status === 415) return t('runtime.intake.error.unsupportedType', values);
    if (error.status === 422) return t('runtime.intake.error.invalid', values);
    if (error.status === 0) return t('runtime.intake.error.network', values);
    return t('runtime.intake.error.other', values);
  }
  return t('runtime.intake.error.unknown', { what, message: String(error) });
}

/** The clerk's chrome: save the intake (保存办件), print its document, upload attachments. */
export function IntakeActions({ division, code, token, input, decision, department, onSaveAttempt, onSaved, onNew, onUnauthorized }: {
  division: string; code: string; token: string; input: WindowInput; decision: Decision | null;
  /** The standard's (regional) department, named for the handling place to show where the case goes. */
  department?: string;
  onSaveAttempt: () => void; onNew: () => void; onUnauthorized: (message: string) => void;
  /** Saved: the form is locked (a correction is a 补正 on the same case, never a silent change). */
  onSaved?: (caseNumber: string) => void;
}) {
  const [saved, setSaved] = useState<SavedIntake | null>(null);
  const [saveStatus, setSaveStatus] = useState<Status>({ kind: 'idle' });
  const [printStatus, setPrintStatus] = useState<Status>({ kind: 'idle' });
  const [uploadStatus, setUploadStatus] = useState<Status>({ kind: 'idle' });
  const [uploads, setUploads] = useState<string[]>([]);
  const [handlingDivision, setHandlingDivision] = useState(division);
  const result = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => { if (saved) result.current?.focus(); }, [saved]);

  const save = async () => {
    onSaveAttempt();
    if (!decision) {
      setSaveStatus({ kind: 'error', text: t('runtime.intake.noDecision') });
      return;
    }
    setSaveStatus({ kind: 'busy', text: t('runtime.intake.saving') });
    try {
      const res = await getJson<SavedIntake>(runtimePath(division, '/intakes'), {
        token, method: 'POST',
        json: { code, scenario: input.scenario, formData: input.formData, materials: input.materials, ...(input.creditBlacklisted ? { creditBlacklisted: true } : {}), handlingDivision, browserDecision: { outcome: decision.outcome, hash: decision.item.hash } },
      });
      setSaved(res);
      onSaved?.(res.intake.caseNumber);
      setSaveStatus({ kind: 'ok', text: t('runtime.intake.saved', { caseNumber: res.intake.caseNumber }) });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized(describeError(error, t('runtime.intake.save')));
      setSaveStatus({ kind: 'error', text: describeError(error, t('runtime.intake.save')) });
    }
  };

  const openDocument = async (kind: DocumentKind) => {
    if (!saved) return;
    setPrintStatus({ kind: 'busy', text: t('runtime.intake.generating', { document: labelOf(documentKinds, kind) }) });
    try {
      const opened = await openNotice(division, saved.intake.caseNumber, kind, token);
      setPrintStatus({ kind: 'ok', text: t('runtime.intake.documentOpened', { document: labelOf(documentKinds, kind) }) + (opened ? '' : t('runtime.intake.popupBlocked')) });
    } catch (error) {
      setPrintStatus({ kind: 'error', text: describeError(error, t('runtime.intake.openDocument', { document: labelOf(documentKinds, kind) })) });
    }
  };

  const upload = async (file: File) => {
    if (!saved) return;
    if (!ACCEPTED_TYPES[file.type]) {
      setUploadStatus({ kind: 'error', text: t('runtime.intake.wrongFileType', { name: file.name }) });
      return;
    }
    setUploadStatus({ kind: 'busy', text: t('runtime.intake.uploading', { name: file.name, size: (file.size / 1024 / 1024).toFixed(1) }) });
    try {
      await getJson(runtimePath(division, `/intakes/${encodeURIComponent(saved.intake.caseNumber)}/attachments`), {
        token, method: 'POST', body: file, headers: { 'Content-Type': file.type, 'X-Filename': encodeURIComponent(file.name) },
      });
      setUploads((u) => [...u, file.name]);
      setUploadStatus({ kind: 'ok', text: t('runtime.intake.uploaded', { name: file.name }) });
    } catch (error) {
      setUploadStatus({ kind: 'error', text: describeError(error, t('runtime.intake.uploadOne', { name: file.name })) });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const outcome = saved?.decision.outcome ?? decision?.outcome;
  // 容缺受理's documents need the commitment recorded first: on the case page.
  const commitment = saved?.case?.commitment ?? null;
  const kind = saved && !commitment ? documentKindFor(saved.decision.outcome) : null;
  const redirect = decision?.outcome === 'redirect';

  return (
    <section className="card intake-actions" aria-labelledby="intake-actions-title">
      <h2 id="intake-actions-title">{t('runtime.intake.title')}</h2>
      {!saved && (
        <>
          {!redirect && <HandlingPlacePicker own={division} value={handlingDivision} onChange={setHandlingDivision} regionalDepartment={department} disabled={saveStatus.kind === 'busy'} />}
          <button type="button" className="primary" onClick={save} disabled={saveStatus.kind === 'busy' || redirect} aria-describedby="save-status">
            {saveStatus.kind === 'busy' ? t('runtime.intake.savingShort') : t('runtime.intake.save')}
          </button>
          {redirect && <p className="hint">{t('runtime.intake.redirectHint')}</p>}
        </>
      )}
      <p id="save-status" role={saveStatus.kind === 'error' ? 'alert' : 'status'} className={saveStatus.kind === 'error' ? 'banner error' : 'hint'}>
        {saveStatus.kind !== 'idle' ? saveStatus.text : outcome ? t('runtime.intake.willSaveAs', { outcome: labelOf(outcomes, outcome) }) : ''}
      </p>
      {saved && (
        <div ref={result} tabIndex={-1} className="saved" data-testid="saved">
          {saved.mismatch ? (
            <p role="alert" className="banner error" data-testid="mismatch">
              {t('runtime.intake.mismatch', { server: labelOf(outcomes, saved.decision.outcome), browser: decision ? labelOf(outcomes, decision.outcome) : '—' })}
            </p>
          ) : null}
          <p className="case-number">{t('runtime.intake.caseNumber')} <strong data-testid="case-number">{saved.intake.caseNumber}</strong></p>
          <p>{t('runtime.intake.serverDecision')}<strong>{labelOf(outcomes, saved.decision.outcome)}</strong></p>
          {saved.case && (
            <p data-testid="saved-case">
              {t('runtime.intake.caseStatus')}<strong>{saved.case.statusLabel}</strong>{t('runtime.intake.caseRoute', {
                route: saved.case.receiving.name + (saved.case.handling.division !== saved.case.receiving.division ? ` → ${saved.case.handling.name}` : t('runtime.queue.localHandling')),
                department: saved.case.handling.department, date: chineseDate(saved.case.promisedDue),
              })}
              {' '}<a href={hrefOf({ page: 'case', division, caseNumber: saved.intake.caseNumber })} onClick={linkHandler({ page: 'case', division, caseNumber: saved.intake.caseNumber })}>{t('runtime.intake.openCase')}</a>
            </p>
          )}
          {commitment && (
            <p className="banner warn" data-testid="commitment-next">
              {t('runtime.intake.commitmentNext', {
                outcome: labelOf(outcomes, 'accept-on-commitment'), date: chineseDate(commitment.latestSupplementBy),
                letter: labelOf(documentKinds, 'commitment-letter'), notice: labelOf(documentKinds, 'deferred-acceptance-notice'),
              })}
              {' '}<a href={hrefOf({ page: 'case', division, caseNumber: saved.intake.caseNumber })} onClick={linkHandler({ page: 'case', division, caseNumber: saved.intake.caseNumber })}>{t('runtime.intake.registerCommitment')}</a>
            </p>
          )}
          {kind && (
            <button type="button" className="primary" onClick={() => openDocument(kind)}>{t('runtime.intake.printDocument', { document: labelOf(documentKinds, kind) })}</button>
          )}
          {printStatus.kind !== 'idle' && <p role={printStatus.kind === 'error' ? 'alert' : 'status'} className={printStatus.kind === 'error' ? 'banner error' : 'hint'}>{printStatus.text}</p>}

          <div className="upload">
            <label className="field" htmlFor="attachment">
              <span>{t('runtime.intake.attachment')} <small>PDF / JPEG / PNG</small></span>
              <input id="attachment" ref={fileInput} type="file" accept="application/pdf,image/jpeg,image/png"
                onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); }} disabled={uploadStatus.kind === 'busy'} />
            </label>
            {uploadStatus.kind !== 'idle' && (
              <p role={uploadStatus.kind === 'error' ? 'alert' : 'status'} className={uploadStatus.kind === 'error' ? 'banner error' : 'hint'} data-testid="upload-status">{uploadStatus.text}</p>
            )}
            {uploads.length > 0 && <ul className="hint">{uploads.map((u, i) => <li key={i}>{t('runtime.intake.uploadedItem', { name: u })}</li>)}</ul>}
          </div>
          <button type="button" onClick={() => { setSaved(null); setSaveStatus({ kind: 'idle' }); setPrintStatus({ kind: 'idle' }); setUploadStatus({ kind: 'idle' }); setUploads([]); setHandlingDivision(division); onNew(); }}>
            {t('runtime.intake.next')}
          </button>
        </div>
      )}
    </section>
  );
}
