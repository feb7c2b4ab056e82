import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { runExamples, validateConfig, type ItemConfig, type Problem } from '../../../engine/core/index.js';
import { advice, ApiError } from '../../../engine/web-kit/index.js';
import { api, type DraftRecord, type ItemSummary, type Role, type VersionMeta, type VersionRecord } from './api.js';
import { ExamplesTab } from './ExamplesTab.js';
import { FormTab } from './FormTab.js';
import { stableStringify } from './formModel.js';
import { HistoryTab } from './HistoryTab.js';
import { Modal } from './Modal.js';
import { ReviewTab } from './ReviewTab.js';
import { navigate, setNavigationGuard } from './routes.js';
import { RulesTab } from './RulesTab.js';
import { StandardTab } from './StandardTab.js';
import { DRAFT_LABEL, formatTime, StatusBadges } from './status.js';

const TABS = [
  { id: 'standard', label: '事项标准', prefix: '/standard' },
  { id: 'form', label: '表单设计', prefix: '/form' },
  { id: 'rules', label: '受理规则', prefix: '/rules' },
  { id: 'examples', label: '测试样例', prefix: '/examples' },
  { id: 'review', label: '审核与发布', prefix: null },
  { id: 'history', label: '版本历史', prefix: null },
] as const;

type SaveState = { kind: 'idle' | 'saving' | 'saved' | 'error' | 'working'; message?: string };

interface Detail {
  item: ItemSummary;
  versions: VersionMeta[];
  latest: VersionRecord | null;
}

function sectionsDiffering(a: ItemConfig, b: ItemConfig): { label: string; mine: unknown; theirs: unknown }[] {
  const out: { label: string; mine: unknown; theirs: unknown }[] = [];
  const std = new Set([...Object.keys(a.standard ?? {}), ...Object.keys(b.standard ?? {})]);
  for (const key of std) {
    const x = (a.standard as unknown as Record<string, unknown>)?.[key];
    const y = (b.standard as unknown as Record<string, unknown>)?.[key];
    if (stableStringify(x) !== stableStringify(y)) out.push({ label: `事项标准 · ${key}`, mine: x, theirs: y });
  }
  for (const [key, label] of [['form', '表单'], ['rules', '受理规则'], ['examples', '测试样例']] as const) {
    if (stableStringify(a[key]) !== stableStringify(b[key])) out.push({ label, mine: a[key], theirs: b[key] });
  }
  return out;
}

export function Editor({ code, tab, role }: { code: string; tab: string; role: Role }) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [draft, setDraft] = useState<DraftRecord | null>(null);
  const [config, setConfig] = useState<ItemConfig | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [conflict, setConflict] = useState<DraftRecord | null>(null);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [activeTab, setActiveTab] = useState<string>(TABS.some((t) => t.id === tab) ? tab : 'standard');
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const load = useCallback(async () => {
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
  }, [code]);
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

  const deferred = useDeferredValue(config);
  const problems = useMemo(() => (deferred ? validateConfig(deferred) : []), [deferred]);
  const allProblems = useMemo(() => {
    const seen = new Set(problems.map((p) => `${p.pointer}|${p.message}`));
    return [...problems, ...serverProblems.filter((p) => !seen.has(`${p.pointer}|${p.message}`))];
  }, [problems, serverProblems]);

  const editable = !!draft && role !== 'reviewer';

  const update = useCallback((next: ItemConfig) => {
    setConfig(next);
    setSave((s) => (s.kind === 'saved' ? { kind: 'idle' } : s));
  }, []);

  const doSave = useCallback(
    async (revision?: number): Promise<DraftRecord | null> => {
      if (!config || !draft) return null;
      setSave({ kind: 'saving', message: '保存中…' });
      try {
        const saved = await api.saveDraft(code, config, revision ?? draft.revision);
        setDraft(saved);
        setConfig(structuredClone(saved.config));
        setServerProblems([]);
        setSave({ kind: 'saved', message: `已保存（修订 ${saved.revision}）` });
        return saved;
      } catch (err) {
        if (err instanceof ApiError && err.status === 409) {
          try {
            setConflict(await api.draft(code));
            setSave({ kind: 'error', message: '保存冲突：他人已修改此草稿，请选择保留哪一份' });
          } catch (inner) {
            setSave({ kind: 'error', message: advice(inner) });
          }
        } else {
          if (err instanceof ApiError) setServerProblems(err.problems);
          setSave({ kind: 'error', message: `保存失败：${advice(err)}` });
        }
        return null;
      }
    },
    [code, config, draft],
  );

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
      if (local.length) setSave({ kind: 'error', message: `发现 ${local.length} 个问题，请按各页签上的红色数字逐项修改` });
      else if (report && report.failed) setSave({ kind: 'error', message: `配置有效，但 ${report.failed} 个测试样例未通过，请到「测试样例」查看` });
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
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        if (editable && dirty) void doSave();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editable, dirty, doSave]);

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
            <button className="primary" onClick={() => void doSave()} disabled={!dirty || save.kind === 'saving'} title="Ctrl+S">{save.kind === 'saving' ? '保存中…' : '保存'}</button>
            <button onClick={() => void validate()}>校验</button>
            {draft.status === 'editing' || draft.status === 'returned' ? <button onClick={() => void lifecycleStep('submit', undefined, '已提交审核')}>提交审核</button> : null}
          </>
        ) : null}
        {!draft && detail.latest && role !== 'reviewer' ? <button className="primary" onClick={() => void startRevision()}>基于第 {detail.latest.version} 版起草修订</button> : null}
      </div>
      <main>
        {draft?.status === 'returned' && draft.reviewComment ? (
          <div className="notice warn" role="note">审核退回意见（{draft.reviewedBy}，{formatTime(draft.reviewedAt)}）：{draft.reviewComment}</div>
        ) : null}
        {draft && (draft.status === 'submitted' || draft.status === 'approved') && editable ? (
          <div className="notice info" role="note">此草稿{DRAFT_LABEL[draft.status]}。如再修改并保存，草稿将回到编辑状态，需要重新提交审核。</div>
        ) : null}
        {!draft && !detail.latest ? <div className="notice info">该事项没有草稿，也没有已发布版本。</div> : null}
        {!draft && detail.latest ? <div className="notice info">正在查看已发布的第 {detail.latest.version} 版（只读）。</div> : null}
        {save.kind === 'error' && serverProblems.length ? (
          <div className="notice error" role="alert">
            服务器指出的问题：
            <ul className="problems">{serverProblems.slice(0, 12).map((p, i) => <li key={i}>{p.message}<span className="muted">（{p.pointer || '整体'}）</span></li>)}</ul>
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
                {n ? <span className="count" aria-label={`${n} 个问题`}>{n}</span> : null}
              </button>
            );
          })}
        </div>
        <div role="tabpanel" id={`panel-${activeTab}`} aria-labelledby={`tab-${activeTab}`}>
          {config && activeTab === 'standard' ? <StandardTab config={config} onChange={update} problems={allProblems} readOnly={!editable} /> : null}
          {config && activeTab === 'form' ? <FormTab config={config} onChange={update} problems={allProblems} readOnly={!editable} /> : null}
          {config && activeTab === 'rules' ? <RulesTab config={config} onChange={update} problems={allProblems} readOnly={!editable} /> : null}
          {config && activeTab === 'examples' ? <ExamplesTab config={config} onChange={update} problems={allProblems} readOnly={!editable} /> : null}
          {activeTab === 'review' ? (
            <ReviewTab code={code} role={role} draft={draft} dirty={dirty} latestVersion={detail.item.latestVersion} onStep={lifecycleStep} onPublish={publish} />
          ) : null}
          {activeTab === 'history' ? <HistoryTab code={code} versions={detail.versions} role={role} /> : null}
          {!config && activeTab !== 'review' && activeTab !== 'history' ? <p className="muted">没有可显示的内容。</p> : null}
        </div>
      </main>
      {conflict && config && draft ? (
        <Modal title="保存冲突：草稿已被他人修改" wide onClose={() => setConflict(null)}>
          <p>
            您编辑的是修订 {draft.revision}；{conflict.updatedBy} 于 {formatTime(conflict.updatedAt)} 保存了修订 {conflict.revision}。以下是两份内容不同之处：
          </p>
          <table className="list compare">
            <thead><tr><th style={{ width: 160 }}>部分</th><th>我的修改</th><th>对方的版本（修订 {conflict.revision}）</th></tr></thead>
            <tbody>
              {sectionsDiffering(config, conflict.config).map((d) => (
                <tr key={d.label}>
                  <td>{d.label}</td>
                  <td><pre>{JSON.stringify(d.mine, null, 2) ?? '（无）'}</pre></td>
                  <td><pre>{JSON.stringify(d.theirs, null, 2) ?? '（无）'}</pre></td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row" style={{ marginTop: 10 }}>
            <button
              className="primary"
              onClick={() => {
                const revision = conflict.revision;
                setDraft(conflict);
                setConflict(null);
                void doSave(revision);
              }}
            >
              保留我的（在修订 {conflict.revision} 上重新保存）
            </button>
            <button
              onClick={() => {
                setDraft(conflict);
                setConfig(structuredClone(conflict.config));
                setConflict(null);
                setSave({ kind: 'saved', message: `已采用对方的修订 ${conflict.revision}` });
              }}
            >
              采用对方的（放弃我的修改）
            </button>
            <button onClick={() => setConflict(null)}>稍后决定</button>
          </div>
        </Modal>
      ) : null}
    </>
  );
}
