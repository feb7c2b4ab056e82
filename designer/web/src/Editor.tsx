import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { coverageProblems, mergeItemConfigs, runExamples, validateConfig, type ItemConfig, type ItemMergeResult, type MergeSide, type Problem } from '../../../engine/core/index.js';
import { advice, ApiError } from '../../../engine/web-kit/index.js';
import { api, type DraftRecord, type ItemSummary, type Role, type VersionMeta, type VersionRecord } from './api.js';
import { ExamplesTab } from './ExamplesTab.js';
import { FormTab } from './FormTab.js';
import { useSettled } from './useSettled.js';
import { useEditHistory } from './editHistory.js';
import { usePeople } from './people.js';
import { stableStringify } from './formModel.js';
import { HistoryTab } from './HistoryTab.js';
import { askConfirm, Modal } from './Modal.js';
import { ProblemBadge, ProblemList } from './ProblemList.js';
import { ReviewTab } from './ReviewTab.js';
import { navigate, setNavigationGuard } from './routes.js';
import { RulesTab } from './RulesTab.js';
import { StandardTab } from './StandardTab.js';
import { TranslationTab } from './TranslationTab.js';
import { DRAFT_LABEL, formatTime, StatusBadges } from './status.js';

const TABS = [
  { id: 'standard', label: '事项标准', prefix: '/standard' },
  { id: 'form', label: '表单设计', prefix: '/form' },
  { id: 'rules', label: '受理规则', prefix: '/rules' },
  { id: 'examples', label: '测试样例', prefix: '/examples' },
  { id: 'translations', label: '翻译', prefix: '/translations' },
  { id: 'review', label: '审核与发布', prefix: null },
  { id: 'history', label: '版本历史', prefix: null },
] as const;

type SaveState = { kind: 'idle' | 'saving' | 'saved' | 'error' | 'working'; message?: string };

interface Detail {
  item: ItemSummary;
  versions: VersionMeta[];
  latest: VersionRecord | null;
}

/** A save refused because another author saved first: their draft, the base both edited, and mine. */
interface SaveConflict {
  theirs: DraftRecord;
  base: ItemConfig;
  baseRevision: number;
  mine: ItemConfig;
  result: ItemMergeResult;
}

/** What came in from the other author when a merge settled itself (shown until dismissed). */
interface MergedNotice {
  by: string;
  revision: number;
  changes: string[];
}

/** Keys pressed in a dialog belong to it (the JSON import has its own text undo). */
function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && !!target.closest('dialog');
}

export function Editor({ code, tab, role }: { code: string; tab: string; role: Role }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [draft, setDraft] = useState<DraftRecord | null>(null);
  const [config, setConfig] = useState<ItemConfig | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  const [choices, setChoices] = useState<Record<string, MergeSide>>({});
  const [mergedNotice, setMergedNotice] = useState<MergedNotice | null>(null);
  const history = useEditHistory<ItemConfig>();
  const nameOf = usePeople();
  const configRef = useRef<ItemConfig | null>(null);
  configRef.current = config;
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [activeTab, setActiveTab] = useState<string>(TABS.some((t) => t.id === tab) ? tab : 'standard');
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const load = useCallback(async () => {
    history.reset();
    setLoading(true);
    setLoadError(null);
    try {
      const d = await api.item(code);
      setDetail(d);
      if (d.item.draft) {
        const dr = await api.draft(code);
        setDraft(dr);
        setConfig(structuredClone(dr.config));
      } else {
        setDraft(null);
        setConfig(d.latest ? structuredClone(d.latest.config) : null);
      }
    } catch (err) {
      setLoadError(advice(err));
    } finally {
      setLoading(false);
    }
  }, [code, history.reset]);
  useEffect(() => {
    void load();
  }, [load]);

  const dirty = useMemo(() => !!draft && !!config && stableStringify(config) !== stableStringify(draft.config), [draft, config]);
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    setNavigationGuard(() => dirtyRef.current);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (dirtyRef.current) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      setNavigationGuard(null);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, []);

  // The checks compile the form's schema (tens of ms on a large form): they follow when the author pauses.
  const deferred = useDeferredValue(useSettled(config, 300));
  const problems = useMemo(() => (deferred ? validateConfig(deferred) : []), [deferred]);
  const allProblems = useMemo(() => {
    const seen = new Set(problems.map((p) => `${p.pointer}|${p.message}`));
    return [...problems, ...serverProblems.filter((p) => !seen.has(`${p.pointer}|${p.message}`))];
  }, [problems, serverProblems]);

  const editable = !!draft && role !== 'reviewer';

  const update = useCallback((next: ItemConfig) => {
    if (configRef.current) history.record(configRef.current, next);
    configRef.current = next;
    setConfig(next);
    setSave((s) => (s.kind === 'saved' ? { kind: 'idle' } : s));
  }, [history.record]);

  const undo = useCallback(() => {
    const current = configRef.current;
    const previous = current && history.undo(current);
    if (!previous) return;
    configRef.current = previous;
    setConfig(previous);
    setSave({ kind: 'idle' });
  }, [history.undo]);
  const redo = useCallback(() => {
    const current = configRef.current;
    const next = current && history.redo(current);
    if (!next) return;
    configRef.current = next;
    setConfig(next);
    setSave({ kind: 'idle' });
  }, [history.redo]);

  const doSave = useCallback(
    async (revision?: number, content?: ItemConfig): Promise<DraftRecord | null> => {
      const mine = content ?? config;
      if (!mine || !draft) return null;
      setSave({ kind: 'saving', message: '保存中…' });
      try {
        const saved = await api.saveDraft(code, mine, revision ?? draft.revision);
        setDraft(saved);
        setConfig(structuredClone(saved.config));
        setServerProblems([]);
        setSave({ kind: 'saved', message: `已保存（修订 ${saved.revision}）` });
        return saved;
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          try {
            // Three-way: the draft as this page loaded it (base), the author's edits (mine), the saved draft (theirs).
            const theirs = await api.draft(code);
            const result = mergeItemConfigs(draft.config, mine, theirs.config);
            if (result.conflicts.length === 0) {
              setDraft(theirs);
              configRef.current = result.merged;
              setConfig(result.merged);
              history.reset();
              setMergedNotice({ by: nameOf(theirs.updatedBy), revision: theirs.revision, changes: result.fromTheirs.map((c) => `${c.label}：${c.theirsText}`) });
              const saved = await api.saveDraft(code, result.merged, theirs.revision);
              setDraft(saved);
              setConfig(structuredClone(saved.config));
              setServerProblems([]);
              setSave({ kind: 'saved', message: `已与 ${nameOf(theirs.updatedBy)} 的修订 ${theirs.revision} 自动合并并保存（修订 ${saved.revision}）` });
              return saved;
            }
            setChoices({});
            setConflict({ theirs, base: draft.config, baseRevision: draft.revision, mine, result });
            setSave({ kind: 'error', message: `保存冲突：${nameOf(theirs.updatedBy)} 也修改了相同的内容，请逐项选择` });
          } catch (inner) {
            if (inner instanceof ApiError && inner.status !== 409) setServerProblems(inner.problems);
            setSave({ kind: 'error', message: advice(inner) });
          }
        } else {
          if (err instanceof ApiError) setServerProblems(err.problems);
          setSave({ kind: 'error', message: `保存失败：${advice(err)}` });
        }
        return null;
      }
    },
    [code, config, draft, history.reset, nameOf],
  );

  const discard = async () => {
    if (!draft) return;
    const ok = await askConfirm({
      title: '放弃草稿',
      message: `放弃后，草稿（修订 ${draft.revision}）的全部内容${dirty ? '及尚未保存的修改' : ''}将被删除，无法恢复。${detail?.latest ? `事项仍保留已发布的第 ${detail.latest.version} 版。` : '该事项从未发布，将从事项列表中消失。'}`,
      confirmLabel: '放弃草稿',
      danger: true,
    });
    if (!ok) return;
    setSave({ kind: 'working', message: '正在放弃草稿…' });
    try {
      await api.discard(code, draft.revision);
      history.reset();
      setDraft(null);
      dirtyRef.current = false;
      if (!detail?.latest) {
        navigate({ page: 'dashboard' }, { force: true });
        return;
      }
      await load();
      setSave({ kind: 'saved', message: '草稿已放弃' });
    } catch (err) {
      setSave({ kind: 'error', message: err instanceof ApiError && err.status === 409 ? '草稿已被他人修改，未放弃；请重新载入后再决定' : `放弃失败：${advice(err)}` });
    }
  };

  const resolveConflict = async () => {
    if (!conflict) return;
    const { theirs, base, mine } = conflict;
    const merged = mergeItemConfigs(base, mine, theirs.config, choices).merged;
    setConflict(null);
    setDraft(theirs);
    configRef.current = merged;
    setConfig(merged);
    history.reset();
    await doSave(theirs.revision, merged);
  };

  const takeTheirs = () => {
    if (!conflict) return;
    setDraft(conflict.theirs);
    configRef.current = structuredClone(conflict.theirs.config);
    setConfig(configRef.current);
    history.reset();
    setConflict(null);
    setSave({ kind: 'saved', message: `已采用 ${nameOf(conflict.theirs.updatedBy)} 的修订 ${conflict.theirs.revision}，放弃了我的修改` });
  };

  const startRevision = async () => {
    if (!detail?.latest) return;
    setSave({ kind: 'working', message: '正在创建修订草稿…' });
    try {
      const created = await api.saveDraft(code, detail.latest.config, null);
      setDraft(created);
      setConfig(structuredClone(created.config));
      setSave({ kind: 'saved', message: `已基于第 ${detail.latest.version} 版创建草稿` });
      void refreshDetail();
    } catch (err) {
      setSave({ kind: 'error', message: advice(err) });
    }
  };

  const refreshDetail = async () => {
    try {
      setDetail(await api.item(code));
    } catch {
      /* keep the old one */
    }
  };

  const validate = async () => {
    if (!config) return;
    const local = validateConfig(config);
    setSave({ kind: 'working', message: '校验中…' });
    try {
      const report = local.length === 0 ? await runExamples(config) : null;
      // The coverage gate's problems sit on their rules (受理规则 badge) until the next save.
      const coverage = report ? coverageProblems(config, report) : [];
      setServerProblems(coverage);
      if (local.length) setSave({ kind: 'error', message: `发现 ${local.length} 个问题，请按各页签上的红色数字逐项修改` });
      else if (report && report.failed) setSave({ kind: 'error', message: `配置有效，但 ${report.failed} 个测试样例未通过，请到「测试样例」查看` });
      else if (coverage.length) setSave({ kind: 'error', message: `配置有效，样例全部通过，但 ${coverage.length} 条规则没有任何样例触发，不能提交审核（见「受理规则」）` });
      else setSave({ kind: 'saved', message: `校验通过：配置有效，${report?.passed ?? 0} 个样例全部通过` });
    } catch (err) {
      setSave({ kind: 'error', message: advice(err) });
    }
  };

  const lifecycleStep = async (step: 'submit' | 'approve' | 'return', body?: unknown, okMessage?: string) => {
    let current = draft;
    if (!current) return false;
    if (step === 'submit' && dirty) {
      current = await doSave();
      if (!current) return false;
    }
    setSave({ kind: 'working', message: '处理中…' });
    try {
      const next = await api.step(code, step, current.revision, body);
      setDraft(next);
      setConfig(structuredClone(next.config));
      setServerProblems([]);
      setSave({ kind: 'saved', message: okMessage ?? `状态：${DRAFT_LABEL[next.status]}` });
      void refreshDetail();
      return true;
    } catch (err) {
      if (err instanceof ApiError) setServerProblems(err.problems);
      setSave({ kind: 'error', message: advice(err) });
      return false;
    }
  };

  const publish = async (body: { reason: string; legalBasis: string; changeKind?: string }) => {
    if (!draft) return false;
    setSave({ kind: 'working', message: '发布中…' });
    try {
      const version = await api.publish(code, draft.revision, body);
      setSave({ kind: 'saved', message: `已发布第 ${version.version} 版` });
      await load();
      return true;
    } catch (err) {
      if (err instanceof ApiError) setServerProblems(err.problems);
      setSave({ kind: 'error', message: advice(err) });
      return false;
    }
  };

  const selectTab = (id: string) => {
    setActiveTab(id);
    const url = new URL(window.location.href);
    url.searchParams.set('tab', id);
    window.history.replaceState(null, '', url);
  };
  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.findIndex((t) => t.id === activeTab);
    let next = -1;
    if (e.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    const t = TABS[next];
    if (!t) return;
    selectTab(t.id);
    tabRefs.current[t.id]?.focus();
  };

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 's') {
        e.preventDefault();
        if (editable && dirty) void doSave();
        return;
      }
      if (!editable || inDialog(e.target) || e.altKey) return;
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable, dirty, doSave, undo, redo]);

  if (loading && !detail) return <main><p aria-live="polite">加载中…</p></main>;
  if (loadError || !detail) {
    return (
      <main>
        <div className="notice error" role="alert">{loadError ?? '无法加载事项'}</div>
        <button onClick={() => void load()}>重试</button> <button onClick={() => navigate({ page: 'dashboard' })}>返回事项列表</button>
      </main>
    );
  }

  const count = (prefix: string | null) => (prefix ? allProblems.filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`)).length : 0);
  const saveClass = save.kind === 'saved' ? 'saved' : save.kind === 'error' ? 'error' : dirty ? 'dirty' : '';
  const saveText = save.kind === 'idle' ? (dirty ? '有未保存的修改' : draft ? `已保存（修订 ${draft.revision}）` : '') : save.message;
  const item = { ...detail.item, draft: draft ? { revision: draft.revision, status: draft.status, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy } : null };

  return (
    <>
      <div className="toolbar" role="region" aria-label="事项操作">
        <h2>{config?.standard?.name || detail.item.name}<span className="muted">（{code}）</span></h2>
        <StatusBadges item={item} />
        <span className="grow" />
        <span className={`savestate ${saveClass}`} role="status" aria-live="polite">{saveText}</span>
        {draft && editable ? (
          <>
            <button onClick={undo} disabled={!history.canUndo} title="Ctrl+Z">撤销</button>
            <button onClick={redo} disabled={!history.canRedo} title="Ctrl+Shift+Z 或 Ctrl+Y">重做</button>
            <button className="primary" onClick={() => void doSave()} disabled={!dirty || save.kind === 'saving'} title="Ctrl+S">{save.kind === 'saving' ? '保存中…' : '保存'}</button>
            <button onClick={() => void validate()}>校验</button>
            {draft.status === 'editing' || draft.status === 'returned' ? <button onClick={() => void lifecycleStep('submit', undefined, '已提交审核')}>提交审核</button> : null}
            <button className="danger" onClick={() => void discard()}>放弃草稿</button>
          </>
        ) : null}
        {!draft && detail.latest && role !== 'reviewer' ? <button className="primary" onClick={() => void startRevision()}>基于第 {detail.latest.version} 版起草修订</button> : null}
      </div>
      <main>
        {mergedNotice ? (
          <div className="notice info" role="status" aria-label="已合并的修改">
            保存时发现 {mergedNotice.by} 已保存了修订 {mergedNotice.revision}；对方的以下修改已合并进来，您的修改也都保留了：
            <ul className="problems">{mergedNotice.changes.slice(0, 20).map((c, i) => <li key={i}>{c}</li>)}{mergedNotice.changes.length > 20 ? <li>……另有 {mergedNotice.changes.length - 20} 处</li> : null}</ul>
            <button className="small" onClick={() => setMergedNotice(null)}>知道了</button>
          </div>
        ) : null}
        {draft?.status === 'returned' && draft.reviewComment ? (
          <div className="notice warn" role="note">审核退回意见（{nameOf(draft.reviewedBy)}，{formatTime(draft.reviewedAt)}）：{draft.reviewComment}</div>
        ) : null}
        {draft && (draft.status === 'submitted' || draft.status === 'approved') && editable ? (
          <div className="notice info" role="note">此草稿{DRAFT_LABEL[draft.status]}。如再修改并保存，草稿将回到编辑状态，需要重新提交审核。</div>
        ) : null}
        {!draft && !detail.latest ? <div className="notice info">该事项没有草稿，也没有已发布版本。</div> : null}
        {!draft && detail.latest ? <div className="notice info">正在查看已发布的第 {detail.latest.version} 版（只读）。</div> : null}
        {save.kind === 'error' && serverProblems.length ? (
          <div className="notice error" role="alert">
            服务器指出的问题：
            <ProblemList problems={serverProblems} withTab />
          </div>
        ) : null}
        <div role="tablist" aria-label="编辑内容" onKeyDown={onTabKey}>
          {TABS.map((t) => {
            const n = count(t.prefix);
            return (
              <button
                key={t.id}
                ref={(el) => { tabRefs.current[t.id] = el; }}
                role="tab"
                id={`tab-${t.id}`}
                aria-selected={activeTab === t.id}
                aria-controls={`panel-${t.id}`}
                tabIndex={activeTab === t.id ? 0 : -1}
                onClick={() => selectTab(t.id)}
              >
                {t.label}
                <ProblemBadge count={n} />
              </button>
            );
          })}
        </div>
        <div role="tabpanel" id={`panel-${activeTab}`} aria-labelledby={`tab-${activeTab}`}>
          {config && activeTab === 'standard' ? <StandardTab config={config} onChange={update} problems={allProblems} readOnly={!editable} /> : null}
          {config && activeTab === 'form' ? <FormTab config={config} onChange={update} problems={allProblems} readOnly={!editable} /> : null}
          {config && activeTab === 'rules' ? <RulesTab config={config} onChange={update} problems={allProblems} readOnly={!editable} /> : null}
          {config && activeTab === 'examples' ? <ExamplesTab config={config} onChange={update} problems={allProblems} readOnly={!editable} /> : null}
          {config && activeTab === 'translations' ? <TranslationTab config={config} onChange={update} problems={allProblems} readOnly={!editable} /> : null}
          {activeTab === 'review' ? (
            <ReviewTab code={code} role={role} draft={draft} dirty={dirty} latestVersion={detail.item.latestVersion} onStep={lifecycleStep} onPublish={publish} />
          ) : null}
          {activeTab === 'history' ? <HistoryTab code={code} versions={detail.versions} role={role} /> : null}
          {!config && activeTab !== 'review' && activeTab !== 'history' ? <p className="muted">没有可显示的内容。</p> : null}
        </div>
      </main>
      {conflict ? (
        <Modal title="保存冲突：您和对方修改了相同的内容" wide onClose={() => setConflict(null)}>
          <p>
            您在修订 {conflict.baseRevision} 上编辑时，{nameOf(conflict.theirs.updatedBy)} 于 {formatTime(conflict.theirs.updatedAt)} 保存了修订 {conflict.theirs.revision}。
            双方修改不同之处已自动合并；下面 {conflict.result.conflicts.length} 处双方都改了，请逐项选择保留哪一方。
          </p>
          {conflict.result.fromTheirs.length ? (
            <details className="merged-in">
              <summary>已自动合并对方的 {conflict.result.fromTheirs.length} 处修改</summary>
              <ul>{conflict.result.fromTheirs.map((c) => <li key={c.key}>{c.label}：{c.theirsText}</li>)}</ul>
            </details>
          ) : null}
          <table className="list compare" aria-label="冲突的修改">
            <thead><tr><th style={{ width: 240 }}>内容</th><th>原来</th><th>我的修改</th><th>对方的修改（修订 {conflict.theirs.revision}）</th></tr></thead>
            <tbody>
              {conflict.result.conflicts.map((c) => (
                <tr key={c.key} data-conflict={c.key}>
                  <th scope="row">{c.label}</th>
                  <td className="muted">{c.baseText}</td>
                  <td>
                    <label className="choice"><input type="radio" name={`conflict-${c.key}`} checked={choices[c.key] === 'mine'} onChange={() => setChoices((x) => ({ ...x, [c.key]: 'mine' }))} /> 保留我的</label>
                    <div className="value">{c.mineText}</div>
                  </td>
                  <td>
                    <label className="choice"><input type="radio" name={`conflict-${c.key}`} checked={choices[c.key] === 'theirs'} onChange={() => setChoices((x) => ({ ...x, [c.key]: 'theirs' }))} /> 采用对方的</label>
                    <div className="value">{c.theirsText}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row" style={{ marginTop: 10 }}>
            <button className="primary" disabled={conflict.result.conflicts.some((c) => !choices[c.key])} onClick={() => void resolveConflict()}>
              保存合并结果（在修订 {conflict.theirs.revision} 上）
            </button>
            <button onClick={() => setChoices(Object.fromEntries(conflict.result.conflicts.map((c) => [c.key, 'mine'])))}>冲突处全部保留我的</button>
            <button onClick={() => setChoices(Object.fromEntries(conflict.result.conflicts.map((c) => [c.key, 'theirs'])))}>冲突处全部采用对方的</button>
            <button onClick={takeTheirs}>放弃我的全部修改</button>
            <button onClick={() => setConflict(null)}>稍后决定</button>
          </div>
          {conflict.result.conflicts.some((c) => !choices[c.key]) ? <p className="muted">还有 {conflict.result.conflicts.filter((c) => !choices[c.key]).length} 处未选择。</p> : null}
        </Modal>
      ) : null}
    </>
  );
}
