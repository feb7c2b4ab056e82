import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { coverageProblems, mergeItemConfigs, runExamples, validateConfig, type ItemConfig, type ItemMergeResult, type MergeSide, type Problem } from '../../../engine/core/index.js';
import { advice, ApiError } from '../../../engine/web-kit/index.js';
import { api, type DraftRecord, type ItemSummary, type Role, type VersionMeta, type VersionRecord } from './api.js';
import { ExamplesTab } from './ExamplesTab.js';
import { FormTab } from './FormTab.js';
import { useSettled } from './useSettled.js';
import { useLiveCoverage } from './useLiveCoverage.js';
import { t as uiString } from './ui-text.js';
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
import { t } from './ui-text.js';

const TABS = [
  { id: 'standard', label: t('designer.standard.title'), prefix: '/standard' },
  { id: 'form', label: t('designer.tab.form'), prefix: '/form' },
  { id: 'rules', label: t('designer.tab.rules'), prefix: '/rules' },
  { id: 'examples', label: t('designer.tab.examples'), prefix: '/examples' },
  { id: 'translations', label: t('translation.tab'), prefix: '/translations' },
  { id: 'review', label: t('designer.tab.review'), prefix: null },
  { id: 'history', label: t('designer.history.label'), prefix: null },
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
  // Rules no example fires, found when the author pauses (they sit on their rules like any problem).
  const uncovered = useLiveCoverage(deferred, problems.length === 0);
  const allProblems = useMemo(() => {
    const own = [...problems, ...(uncovered ?? [])];
    const seen = new Set(own.map((p) => `${p.pointer}|${p.message}`));
    // Once coverage is known live, a coverage problem from an earlier 校验 or submit may be stale.
    return [...own, ...serverProblems.filter((p) => !(uncovered && p.code === 'rule.not-covered') && !seen.has(`${p.pointer}|${p.message}`))];
  }, [problems, uncovered, serverProblems]);

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
      setSave({ kind: 'saving', message: t('designer.save.saving') });
      try {
        const saved = await api.saveDraft(code, mine, revision ?? draft.revision);
        setDraft(saved);
        setConfig(structuredClone(saved.config));
        setServerProblems([]);
        setSave({ kind: 'saved', message: t('designer.save.saved', { revision: saved.revision }) });
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
              setMergedNotice({ by: nameOf(theirs.updatedBy), revision: theirs.revision, changes: result.fromTheirs.map((c) => t('designer.save.mergedChange', { label: c.label, text: c.theirsText })) });
              const saved = await api.saveDraft(code, result.merged, theirs.revision);
              setDraft(saved);
              setConfig(structuredClone(saved.config));
              setServerProblems([]);
              setSave({ kind: 'saved', message: t('designer.save.merged', { name: nameOf(theirs.updatedBy), theirs: theirs.revision, revision: saved.revision }) });
              return saved;
            }
            setChoices({});
            setConflict({ theirs, base: draft.config, baseRevision: draft.revision, mine, result });
            setSave({ kind: 'error', message: t('designer.save.conflict', { name: nameOf(theirs.updatedBy) }) });
          } catch (inner) {
            if (inner instanceof ApiError && inner.status !== 409) setServerProblems(inner.problems);
            setSave({ kind: 'error', message: advice(inner) });
          }
        } else {
          if (err instanceof ApiError) setServerProblems(err.problems);
          setSave({ kind: 'error', message: t('designer.save.failed', { error: advice(err) }) });
        }
        return null;
      }
    },
    [code, config, draft, history.reset, nameOf],
  );

  const discard = async () => {
    if (!draft) return;
    const ok = await askConfirm({
      title: t('designer.discard.title'),
      message: t('designer.discard.message', { revision: draft.revision, unsaved: dirty ? t('designer.discard.unsaved') : '', after: detail?.latest ? t('designer.discard.keepsPublished', { version: detail.latest.version }) : t('designer.discard.neverPublished') }),
      confirmLabel: t('designer.discard.title'),
      danger: true,
    });
    if (!ok) return;
    setSave({ kind: 'working', message: t('designer.discard.working') });
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
      setSave({ kind: 'saved', message: t('designer.discard.done') });
    } catch (err) {
      setSave({ kind: 'error', message: err instanceof ApiError && err.status === 409 ? t('designer.discard.changedByOthers') : t('designer.discard.failed', { error: advice(err) }) });
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
    setSave({ kind: 'saved', message: t('designer.conflict.tookTheirs', { name: nameOf(conflict.theirs.updatedBy), revision: conflict.theirs.revision }) });
  };

  const startRevision = async () => {
    if (!detail?.latest) return;
    setSave({ kind: 'working', message: t('designer.revision.creating') });
    try {
      const created = await api.saveDraft(code, detail.latest.config, null);
      setDraft(created);
      setConfig(structuredClone(created.config));
      setSave({ kind: 'saved', message: t('designer.revision.created', { version: detail.latest.version }) });
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
    setSave({ kind: 'working', message: t('designer.validate.working') });
    try {
      const report = local.length === 0 ? await runExamples(config) : null;
      // The coverage gate's problems sit on their rules (受理规则 badge) until the next save.
      const coverage = report ? coverageProblems(config, report) : [];
      setServerProblems(coverage);
      if (local.length) setSave({ kind: 'error', message: t('designer.validate.problems', { n: local.length }) });
      else if (report && report.failed) setSave({ kind: 'error', message: t('designer.validate.examplesFail', { n: report.failed }) });
      else if (coverage.length) setSave({ kind: 'error', message: t('designer.validate.uncovered', { n: coverage.length }) });
      else setSave({ kind: 'saved', message: t('designer.validate.passed', { n: report?.passed ?? 0 }) });
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
    setSave({ kind: 'working', message: t('designer.step.working') });
    try {
      const next = await api.step(code, step, current.revision, body);
      setDraft(next);
      setConfig(structuredClone(next.config));
      setServerProblems([]);
      setSave({ kind: 'saved', message: okMessage ?? t('designer.step.status', { status: DRAFT_LABEL[next.status] }) });
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
    setSave({ kind: 'working', message: t('designer.publish.working') });
    try {
      const version = await api.publish(code, draft.revision, body);
      setSave({ kind: 'saved', message: t('designer.publish.done', { version: version.version }) });
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

  if (loading && !detail) return <main><p aria-live="polite">{t('designer.loading')}</p></main>;
  if (loadError || !detail) {
    return (
      <main>
        <div className="notice error" role="alert">{loadError ?? t('designer.item.loadFailed')}</div>
        <button onClick={() => void load()}>{t('designer.retry')}</button> <button onClick={() => navigate({ page: 'dashboard' })}>{t('designer.item.backToList')}</button>
      </main>
    );
  }

  const count = (prefix: string | null) => (prefix ? allProblems.filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`)).length : 0);
  const saveClass = save.kind === 'saved' ? 'saved' : save.kind === 'error' ? 'error' : dirty ? 'dirty' : '';
  const saveText = save.kind === 'idle' ? (dirty ? t('designer.save.unsaved') : draft ? t('designer.save.saved', { revision: draft.revision }) : '') : save.message;
  const item = { ...detail.item, draft: draft ? { revision: draft.revision, status: draft.status, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy } : null };

  return (
    <>
      <div className="toolbar" role="region" aria-label={t('designer.toolbar')}>
        <h2>{config?.standard?.name || detail.item.name}<span className="muted">{t('designer.item.codeAfterName', { code })}</span></h2>
        <StatusBadges item={item} />
        <span className="grow" />
        <span className={`savestate ${saveClass}`} role="status" aria-live="polite">{saveText}</span>
        {draft && editable ? (
          <>
            <button onClick={undo} disabled={!history.canUndo} title="Ctrl+Z">{t('designer.undo')}</button>
            <button onClick={redo} disabled={!history.canRedo} title="Ctrl+Shift+Z / Ctrl+Y">{t('designer.redo')}</button>
            <button className="primary" onClick={() => void doSave()} disabled={!dirty || save.kind === 'saving'} title="Ctrl+S">{save.kind === 'saving' ? t('designer.save.saving') : t('designer.save')}</button>
            <button onClick={() => void validate()}>{t('designer.validate')}</button>
            {draft.status === 'editing' || draft.status === 'returned' ? <button onClick={() => void lifecycleStep('submit', undefined, t('designer.submit.done'))}>{t('designer.submit')}</button> : null}
            <button className="danger" onClick={() => void discard()}>{t('designer.discard.title')}</button>
          </>
        ) : null}
        {!draft && detail.latest && role !== 'reviewer' ? <button className="primary" onClick={() => void startRevision()}>{t('designer.revision.start', { version: detail.latest.version })}</button> : null}
      </div>
      <main>
        {mergedNotice ? (
          <div className="notice info" role="status" aria-label={t('designer.merged.label')}>
            {t('designer.merged.notice', { name: mergedNotice.by, revision: mergedNotice.revision })}
            <ul className="problems">{mergedNotice.changes.slice(0, 20).map((c, i) => <li key={i}>{c}</li>)}{mergedNotice.changes.length > 20 ? <li>{t('designer.merged.more', { n: mergedNotice.changes.length - 20 })}</li> : null}</ul>
            <button className="small" onClick={() => setMergedNotice(null)}>{t('designer.gotIt')}</button>
          </div>
        ) : null}
        {draft?.status === 'returned' && draft.reviewComment ? (
          <div className="notice warn" role="note">{t('designer.returned.comment', { name: nameOf(draft.reviewedBy), at: formatTime(draft.reviewedAt), comment: draft.reviewComment ?? '' })}</div>
        ) : null}
        {draft && (draft.status === 'submitted' || draft.status === 'approved') && editable ? (
          <div className="notice info" role="note">{t('designer.draft.reopens', { status: DRAFT_LABEL[draft.status] })}</div>
        ) : null}
        {!draft && !detail.latest ? <div className="notice info">{t('designer.item.nothing')}</div> : null}
        {!draft && detail.latest ? <div className="notice info">{t('designer.item.viewingPublished', { version: detail.latest.version })}</div> : null}
        {save.kind === 'error' && serverProblems.length ? (
          <div className="notice error" role="alert">
            {t('designer.serverProblems')}
            <ProblemList problems={serverProblems} withTab />
          </div>
        ) : null}
        <div role="tablist" aria-label={t('designer.tabs')} onKeyDown={onTabKey}>
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
                {t.id === 'examples' ? <ProblemBadge count={uncovered?.length ?? 0} label={uiString('designer.coverage.unit')} /> : null}
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
          {!config && activeTab !== 'review' && activeTab !== 'history' ? <p className="muted">{t('designer.nothingToShow')}</p> : null}
        </div>
      </main>
      {conflict ? (
        <Modal title={t('designer.conflict.title')} wide onClose={() => setConflict(null)}>
          <p>
            {t('designer.conflict.explain', { base: conflict.baseRevision, name: nameOf(conflict.theirs.updatedBy), at: formatTime(conflict.theirs.updatedAt), revision: conflict.theirs.revision })}
            {t('designer.conflict.choose', { n: conflict.result.conflicts.length })}
          </p>
          {conflict.result.fromTheirs.length ? (
            <details className="merged-in">
              <summary>{t('designer.conflict.mergedTheirs', { n: conflict.result.fromTheirs.length })}</summary>
              <ul>{conflict.result.fromTheirs.map((c) => <li key={c.key}>{t('designer.save.mergedChange', { label: c.label, text: c.theirsText })}</li>)}</ul>
            </details>
          ) : null}
          <table className="list compare" aria-label={t('designer.conflict.table')}>
            <thead><tr><th style={{ width: 240 }}>{t('designer.conflict.col.content')}</th><th>{t('designer.conflict.col.original')}</th><th>{t('designer.conflict.col.mine')}</th><th>{t('designer.conflict.col.theirs', { revision: conflict.theirs.revision })}</th></tr></thead>
            <tbody>
              {conflict.result.conflicts.map((c) => (
                <tr key={c.key} data-conflict={c.key}>
                  <th scope="row">{c.label}</th>
                  <td className="muted">{c.baseText}</td>
                  <td>
                    <label className="choice"><input type="radio" name={`conflict-${c.key}`} checked={choices[c.key] === 'mine'} onChange={() => setChoices((x) => ({ ...x, [c.key]: 'mine' }))} /> {t('designer.conflict.keepMine')}</label>
                    <div className="value">{c.mineText}</div>
                  </td>
                  <td>
                    <label className="choice"><input type="radio" name={`conflict-${c.key}`} checked={choices[c.key] === 'theirs'} onChange={() => setChoices((x) => ({ ...x, [c.key]: 'theirs' }))} /> {t('designer.conflict.takeTheirs')}</label>
                    <div className="value">{c.theirsText}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row" style={{ marginTop: 10 }}>
            <button className="primary" disabled={conflict.result.conflicts.some((c) => !choices[c.key])} onClick={() => void resolveConflict()}>
              {t('designer.conflict.save', { revision: conflict.theirs.revision })}
            </button>
            <button onClick={() => setChoices(Object.fromEntries(conflict.result.conflicts.map((c) => [c.key, 'mine'])))}>{t('designer.conflict.allMine')}</button>
            <button onClick={() => setChoices(Object.fromEntries(conflict.result.conflicts.map((c) => [c.key, 'theirs'])))}>{t('designer.conflict.allTheirs')}</button>
            <button onClick={takeTheirs}>{t('designer.conflict.dropMine')}</button>
            <button onClick={() => setConflict(null)}>{t('designer.conflict.later')}</button>
          </div>
          {conflict.result.conflicts.some((c) => !choices[c.key]) ? <p className="muted">{t('designer.conflict.unchosen', { n: conflict.result.conflicts.filter((c) => !choices[c.key]).length })}</p> : null}
        </Modal>
      ) : null}
    </>
  );
}
