import { useEffect, useRef, useState } from 'react';
import { documentKindFor, documentKinds, labelOf, outcomes, type DocumentKind } from '../../../engine/core/index.js';
import { ApiError } from '../../../engine/web-kit/index.js';
import { chineseDate, getJson, openNotice, runtimePath, type Decision, type SavedIntake } from './api.js';
import { HandlingPlacePicker } from './HandlingPlacePicker.js';
import { hrefOf, linkHandler } from './routes.js';
import type { WindowInput } from './engine.js';

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'ok'; text: string } | { kind: 'error'; text: string };

const ACCEPTED_TYPES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' };

export function describeError(error: unknown, what: string): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return `${what}失败：登录已失效（${error.message}）。请退出后重新登录。`;
    if (error.status === 403) return `${what}失败：无权在本区划操作（${error.message}）。`;
    if (error.status === 413) return `${what}失败：文件太大（${error.message}）。请压缩或分页扫描后再上传。`;
    if (error.status === 415) return `${what}失败：文件类型不支持（${error.message}）。只接受 PDF、JPEG、PNG 文件。`;
    if (error.status === 422) return `${what}失败：${error.message}。请按提示修改后重试。`;
    if (error.status === 0) return `${what}失败：${error.message}。`;
    return `${what}失败：${error.message}（${error.status}）。请稍后重试。`;
  }
  return `${what}失败：${String(error)}`;
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
      setSaveStatus({ kind: 'error', text: '尚无判定结果：请先选择办理情形并填写表单。' });
      return;
    }
    setSaveStatus({ kind: 'busy', text: '正在保存办件…' });
    try {
      const res = await getJson<SavedIntake>(runtimePath(division, '/intakes'), {
        token, method: 'POST',
        json: { code, scenario: input.scenario, formData: input.formData, materials: input.materials, ...(input.creditBlacklisted ? { creditBlacklisted: true } : {}), handlingDivision, browserDecision: { outcome: decision.outcome, hash: decision.item.hash } },
      });
      setSaved(res);
      onSaved?.(res.intake.caseNumber);
      setSaveStatus({ kind: 'ok', text: `已保存，办件编号 ${res.intake.caseNumber}` });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onUnauthorized(describeError(error, '保存办件'));
      setSaveStatus({ kind: 'error', text: describeError(error, '保存办件') });
    }
  };

  const openDocument = async (kind: DocumentKind) => {
    if (!saved) return;
    setPrintStatus({ kind: 'busy', text: `正在生成${labelOf(documentKinds, kind)}…` });
    try {
      const opened = await openNotice(division, saved.intake.caseNumber, kind, token);
      setPrintStatus({ kind: 'ok', text: `${labelOf(documentKinds, kind)}已在新标签页打开，可直接打印。${opened ? '' : '（若未弹出，请允许本站弹出窗口）'}` });
    } catch (error) {
      setPrintStatus({ kind: 'error', text: describeError(error, `打开${labelOf(documentKinds, kind)}`) });
    }
  };

  const upload = async (file: File) => {
    if (!saved) return;
    if (!ACCEPTED_TYPES[file.type]) {
      setUploadStatus({ kind: 'error', text: `「${file.name}」不是 PDF、JPEG 或 PNG 文件，无法上传。请转换格式后重试。` });
      return;
    }
    setUploadStatus({ kind: 'busy', text: `正在上传「${file.name}」（${(file.size / 1024 / 1024).toFixed(1)} MB）…` });
    try {
      await getJson(runtimePath(division, `/intakes/${encodeURIComponent(saved.intake.caseNumber)}/attachments`), {
        token, method: 'POST', body: file, headers: { 'Content-Type': file.type, 'X-Filename': encodeURIComponent(file.name) },
      });
      setUploads((u) => [...u, file.name]);
      setUploadStatus({ kind: 'ok', text: `「${file.name}」已上传。` });
    } catch (error) {
      setUploadStatus({ kind: 'error', text: describeError(error, `上传「${file.name}」`) });
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
      <h2 id="intake-actions-title">办件</h2>
      {!saved && (
        <>
          {!redirect && <HandlingPlacePicker own={division} value={handlingDivision} onChange={setHandlingDivision} regionalDepartment={department} disabled={saveStatus.kind === 'busy'} />}
          <button type="button" className="primary" onClick={save} disabled={saveStatus.kind === 'busy' || redirect} aria-describedby="save-status">
            {saveStatus.kind === 'busy' ? '正在保存…' : '保存办件'}
          </button>
          {redirect && <p className="hint">本事项不在此窗口受理，无需保存办件；请引导申请人到指定渠道办理。</p>}
        </>
      )}
      <p id="save-status" role={saveStatus.kind === 'error' ? 'alert' : 'status'} className={saveStatus.kind === 'error' ? 'banner error' : 'hint'}>
        {saveStatus.kind !== 'idle' ? saveStatus.text : outcome ? `将按「${labelOf(outcomes, outcome)}」保存。` : ''}
      </p>
      {saved && (
        <div ref={result} tabIndex={-1} className="saved" data-testid="saved">
          {saved.mismatch ? (
            <p role="alert" className="banner error" data-testid="mismatch">
              严重错误：服务器判定（{labelOf(outcomes, saved.decision.outcome)}）与本页面判定（{decision ? labelOf(outcomes, decision.outcome) : '—'}）不一致。办件已按服务器判定保存；请勿继续，立即联系系统管理员并提供办件编号。
            </p>
          ) : null}
          <p className="case-number">办件编号 <strong data-testid="case-number">{saved.intake.caseNumber}</strong></p>
          <p>服务器判定：<strong>{labelOf(outcomes, saved.decision.outcome)}</strong></p>
          {saved.case && (
            <p data-testid="saved-case">
              办件状态：<strong>{saved.case.statusLabel}</strong>；{saved.case.receiving.name}{saved.case.handling.division !== saved.case.receiving.division ? ` → ${saved.case.handling.name}` : '（本地办理）'}，{saved.case.handling.department}；承诺办结日期 {chineseDate(saved.case.promisedDue)}。
              {' '}<a href={hrefOf({ page: 'case', division, caseNumber: saved.intake.caseNumber })} onClick={linkHandler({ page: 'case', division, caseNumber: saved.intake.caseNumber })}>打开办件 →</a>
            </p>
          )}
          {commitment && (
            <p className="banner warn" data-testid="commitment-next">
              容缺受理：请在办件页登记申请人的书面承诺和补齐期限（最迟 {chineseDate(commitment.latestSupplementBy)}），再打印容缺受理承诺书（申请人签字）和容缺受理通知书。
              {' '}<a href={hrefOf({ page: 'case', division, caseNumber: saved.intake.caseNumber })} onClick={linkHandler({ page: 'case', division, caseNumber: saved.intake.caseNumber })}>登记容缺承诺 →</a>
            </p>
          )}
          {kind && (
            <button type="button" className="primary" onClick={() => openDocument(kind)}>打印{labelOf(documentKinds, kind)}</button>
          )}
          {printStatus.kind !== 'idle' && <p role={printStatus.kind === 'error' ? 'alert' : 'status'} className={printStatus.kind === 'error' ? 'banner error' : 'hint'}>{printStatus.text}</p>}

          <div className="upload">
            <label className="field" htmlFor="attachment">
              <span>上传附件 <small>PDF / JPEG / PNG</small></span>
              <input id="attachment" ref={fileInput} type="file" accept="application/pdf,image/jpeg,image/png"
                onChange={(e) => { const f = e.target.files?.[0]; if (f) void upload(f); }} disabled={uploadStatus.kind === 'busy'} />
            </label>
            {uploadStatus.kind !== 'idle' && (
              <p role={uploadStatus.kind === 'error' ? 'alert' : 'status'} className={uploadStatus.kind === 'error' ? 'banner error' : 'hint'} data-testid="upload-status">{uploadStatus.text}</p>
            )}
            {uploads.length > 0 && <ul className="hint">{uploads.map((u, i) => <li key={i}>已上传：{u}</li>)}</ul>}
          </div>
          <button type="button" onClick={() => { setSaved(null); setSaveStatus({ kind: 'idle' }); setPrintStatus({ kind: 'idle' }); setUploadStatus({ kind: 'idle' }); setUploads([]); setHandlingDivision(division); onNew(); }}>
            受理下一件
          </button>
        </div>
      )}
    </section>
  );
}
