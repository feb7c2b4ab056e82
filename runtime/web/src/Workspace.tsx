import Form, { type IChangeEvent } from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useEffect, useMemo, useRef, useState } from 'react';
import { contentKeys, contentReader, hasTranslations, isBilingual, labelOf, localizedDecision, localizedForm, MONGOLIAN, outcomes, uiTexts, type CatalogueKey, type CompiledConfig, type ItemConfig } from '../../../engine/core/index.js';
import { ApiError, formStringTranslator, formValidator } from '../../../engine/web-kit/index.js';
import { getJson, runtimePath, type Decision, type ItemDetail, type ServiceGuide } from './api.js';
import { DecisionPanel } from './DecisionPanel.js';
import { DivisionWidget } from './DivisionWidget.js';
import { compileDetail, decide, type WindowInput } from './engine.js';
import { GuideView } from './GuideView.js';
import { IntakeActions } from './IntakeActions.js';
import { useLanguage } from './LanguageSwitch.js';
import { t } from './ui-text.js';
import './mongolian-workspace.css';
import { visibleErrors } from './visible-errors.js';

type Tab = 'guide' | 'intake';

/** RJSF picks a widget named after a string's format: division fields are picked by name. */
const FORM_WIDGETS = { 'cn-division': DivisionWidget };

export interface WorkspaceProps {
  division: string;
  code: string;
  /** The clerk's chrome (save, print, upload); absent on the public page. */
  clerk?: { token: string; onUnauthorized: (message: string) => void };
}

function touchedKey(id: string): string[] {
  const name = id.replace(/^root_/, '');
  return [name, name.replace(/_/g, '.')];
}

/** One item at one locality: its guide, the form, the materials and the live decision. */
export function Workspace({ division, code, clerk }: WorkspaceProps) {
  const [detail, setDetail] = useState<ItemDetail | null>(null);
  const [guide, setGuide] = useState<ServiceGuide | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [compiled, setCompiled] = useState<CompiledConfig | null>(null);
  const [tab, setTab] = useState<Tab>('guide');
  const [scenario, setScenario] = useState('');
  const [formData, setFormData] = useState<Record<string, unknown>>({});
  const [materials, setMaterials] = useState<string[]>([]);
  const [creditBlacklisted, setCreditBlacklisted] = useState(false);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [evalError, setEvalError] = useState<string | null>(null);
  const [evaluating, setEvaluating] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const [formKey, setFormKey] = useState(0);
  /** The case number once saved: the form is locked from then on. */
  const [savedAs, setSavedAs] = useState<string | null>(null);
  const locked = savedAs !== null;
  const formRef = useRef<Form<Record<string, unknown>>>(null);
  const intakeHeading = useRef<HTMLHeadingElement>(null);
  const seq = useRef(0);

  useEffect(() => {
    let live = true;
    setDetail(null); setGuide(null); setLoadError(null); setCompiled(null); setDecision(null); setEvalError(null);
    setTab('guide'); setScenario(''); setFormData({}); setMaterials([]); setCreditBlacklisted(false); setTouched(new Set()); setShowAll(false); setSavedAs(null);
    Promise.all([
      getJson<ItemDetail>(runtimePath(division, `/items/${encodeURIComponent(code)}`)),
      getJson<ServiceGuide>(runtimePath(division, `/items/${encodeURIComponent(code)}/guide`)),
    ]).then(([d, g]) => {
      if (!live) return;
      setDetail(d);
      setGuide(g);
      setScenario(d.config.standard.scenarios[0]?.id ?? '');
      try {
        setCompiled(compileDetail(d));
      } catch (error) {
        setLoadError((error as Error).message);
      }
    }, (error: unknown) => {
      if (live) setLoadError(error instanceof ApiError ? t('runtime.workspace.apiError', { message: error.message, status: error.status }) : String(error));
    });
    return () => { live = false; };
  }, [division, code]);

  const input: WindowInput = useMemo(() => ({ scenario, formData, materials, ...(creditBlacklisted ? { creditBlacklisted: true } : {}) }), [scenario, formData, materials, creditBlacklisted]);

  useEffect(() => {
    if (!compiled || !scenario) return;
    const mine = ++seq.current;
    setEvaluating(true);
    decide(compiled, input, division).then(
      (d) => { if (mine === seq.current) { setDecision(d); setEvalError(null); setEvaluating(false); } },
      (error: unknown) => {
        if (mine !== seq.current) return;
        const problems = (error as { problems?: { message: string }[] }).problems;
        setEvalError(t('runtime.workspace.cannotDecide', { problems: problems?.map((p) => p.message).join(t('runtime.workspace.problemSeparator')) ?? (error as Error).message }));
        setDecision(null);
        setEvaluating(false);
      },
    );
  }, [compiled, input, division]);

  useEffect(() => {
    if (showAll) formRef.current?.validateForm();
  }, [showAll]);

  // ᠮᠣᠩᠭᠣᠯ chosen and the item has Mongolian texts: the form's titles and options and the decision in
  // Mongolian. The data and the decision stay the Chinese ones (enum values are not translated).
  const language = useLanguage();
  const config: ItemConfig | undefined = detail?.config;
  const mongolian = language === MONGOLIAN && config !== undefined && (isBilingual(config) || hasTranslations(config, MONGOLIAN));
  const form = useMemo(() => (config ? (mongolian ? localizedForm(config, MONGOLIAN) : config.form) : null), [config, mongolian]);
  // The form's errors in the language its titles are shown in.
  const transformErrors = useMemo(() => visibleErrors(touched, showAll, mongolian ? MONGOLIAN : 'zh-CN'), [touched, showAll, mongolian]);
  const decisionMn = useMemo(() => (mongolian && config && decision ? localizedDecision(config, decision, MONGOLIAN) : null), [mongolian, config, decision]);
  const mn = mongolian && config ? contentReader(config, MONGOLIAN) : null;
  const mt = uiTexts(MONGOLIAN);
  // The texts that follow the reader's language wholly (the decision panel's wait).
  const readerText = uiTexts(language);
  // What the applicant reads of this page's own texts: Chinese, with the Mongolian beside it when
  // ᠮᠣᠩᠭᠣᠯ is chosen (as the public page does). The clerk's own texts stay Chinese.
  const pageMongolian = language === MONGOLIAN;
  const alsoMn = (key: CatalogueKey, values?: Record<string, string | number>) =>
    pageMongolian ? <span className="mongolian-inline" lang="mn-Mong"> {mt(key, values)}</span> : null;
  const formTranslator = useMemo(() => formStringTranslator(mongolian ? MONGOLIAN : 'zh-CN'), [mongolian]);
  const formContext = useMemo(() => ({ language: mongolian ? MONGOLIAN : 'zh-CN' }), [mongolian]);

  if (loadError) return <main className="workspace"><p role="alert" className="banner error">{t('runtime.workspace.loadFailed', { error: loadError })}{alsoMn('runtime.workspace.loadFailed', { error: loadError })}</p></main>;
  if (!detail || !guide || !form) return <main className="workspace"><p role="status" className="hint">{t('runtime.workspace.loading')}{alsoMn('runtime.workspace.loading')}</p></main>;

  const standard = detail.config.standard;
  const currentScenario = standard.scenarios.find((s) => s.id === scenario);
  const materialIds = [...(currentScenario?.materialIds ?? [])];
  for (const m of decision?.requiredMaterials ?? []) if (!materialIds.includes(m.id)) materialIds.push(m.id);
  const missing = new Set(decision?.missingMaterials.map((m) => m.id) ?? []);
  const byId = new Map(standard.materials.map((m) => [m.id, m]));
  const required = new Set(decision?.requiredMaterials.map((m) => m.id) ?? []);

  const toggle = (id: string, on: boolean) => setMaterials((list) => (on ? [...list.filter((x) => x !== id), id] : list.filter((x) => x !== id)));
  const startNew = () => {
    setFormData({}); setMaterials([]); setCreditBlacklisted(false); setTouched(new Set()); setShowAll(false); setFormKey((k) => k + 1); setSavedAs(null);
    intakeHeading.current?.focus();
  };

  return (
    <div className="workspace-grid">
      <main className="workspace" aria-labelledby="item-title">
        <header className="item-header">
          <h1 id="item-title">{standard.name}</h1>
          <p className="item-meta">{t('runtime.workspace.meta', { department: standard.department.name, code: detail.item.code, version: detail.item.version ?? '—' })}</p>
        </header>
        <div role="tablist" aria-label={t('runtime.workspace.tablist')} className="tabs">
          <button role="tab" type="button" id="tab-guide" aria-selected={tab === 'guide'} aria-controls="panel-guide" onClick={() => setTab('guide')}>{t('runtime.workspace.tab.guide')}{alsoMn('runtime.workspace.tab.guide')}</button>
          <button role="tab" type="button" id="tab-intake" aria-selected={tab === 'intake'} aria-controls="panel-intake" onClick={() => setTab('intake')}>{clerk ? t('runtime.workspace.tab.intake') : <>{t('runtime.workspace.tab.selfCheck')}{alsoMn('runtime.workspace.tab.selfCheck')}</>}</button>
        </div>
        {tab === 'guide' && (
          <div role="tabpanel" id="panel-guide" aria-labelledby="tab-guide">
            <GuideView guide={guide} />
            <button type="button" className="primary sticky-action" onClick={() => { setTab('intake'); setTimeout(() => intakeHeading.current?.focus()); }}>
              {clerk ? t('runtime.workspace.start', { action: t('runtime.workspace.startIntake') })
                : <>{t('runtime.workspace.start', { action: t('runtime.workspace.startSelfCheck') })}{alsoMn('runtime.workspace.start', { action: mt('runtime.workspace.startSelfCheck') })}</>}
            </button>
          </div>
        )}
        {tab === 'intake' && (
          <div role="tabpanel" id="panel-intake" aria-labelledby="tab-intake">
            <h2 ref={intakeHeading} tabIndex={-1} className="visually-hidden">{t('runtime.workspace.tab.intake')}</h2>
            {locked && (
              <p className="banner ok" role="status" data-testid="form-locked">
                {t('runtime.workspace.locked', { caseNumber: savedAs ?? '' })}
              </p>
            )}
            <fieldset className="scenarios" disabled={locked}>
              <legend>{t('notice.scenario')}{mn && <span className="mongolian-inline" lang="mn-Mong"> {mt('notice.scenario')}</span>}</legend>
              {standard.scenarios.map((s) => (
                <label key={s.id} className="radio">
                  <input type="radio" name="scenario" value={s.id} checked={scenario === s.id} onChange={() => setScenario(s.id)} />
                  <span>{s.name}{s.description && <small className="hint"> — {s.description}</small>}
                    {mn && <span className="mongolian-inline" lang="mn-Mong" data-testid="scenario-mn"> {mn.text(contentKeys.scenario(s.id), s.name)}</span>}</span>
                </label>
              ))}
            </fieldset>

            {/* Mongolian form labels stay horizontal: see mongolian-workspace.css for why. */}
            <section className={`form-section${mongolian ? ' form-mongolian' : ''}`} aria-labelledby="form-title" lang={mongolian ? 'mn-Mong' : undefined} data-testid="intake-form">
              <h2 id="form-title" lang="zh-CN">{t('intake.formTitle')}{mongolian && <span className="mongolian-inline" lang="mn-Mong"> {mt('intake.formTitle')}</span>}</h2>
              <Form<Record<string, unknown>>
                key={formKey}
                ref={formRef}
                schema={form.schema as RJSFSchema}
                uiSchema={(form.uiSchema ?? {}) as UiSchema}
                formData={formData}
                disabled={locked}
                validator={formValidator}
                widgets={FORM_WIDGETS}
                translateString={formTranslator}
                formContext={formContext}
                liveValidate="onChange"
                showErrorList={false}
                noHtml5Validate
                transformErrors={transformErrors}
                onChange={(e: IChangeEvent<Record<string, unknown>>) => setFormData((e.formData ?? {}) as Record<string, unknown>)}
                onBlur={(id: string) => setTouched((t) => (touchedKey(id).every((k) => t.has(k)) ? t : new Set([...t, ...touchedKey(id)])))}
              >
                <></>
              </Form>
            </section>

            <fieldset className="materials" data-testid="materials" disabled={locked}>
              <legend>{t('notice.received')}{mn && <span className="mongolian-inline" lang="mn-Mong"> {mt('notice.received')}</span>}</legend>
              {materialIds.length === 0 && <p className="hint">{t('runtime.workspace.noMaterials')}{alsoMn('runtime.workspace.noMaterials')}</p>}
              {materialIds.map((id) => {
                const m = byId.get(id);
                return (
                  <label key={id} className={`check ${missing.has(id) ? 'missing' : ''}`}>
                    <input type="checkbox" value={id} checked={materials.includes(id)} onChange={(e) => toggle(id, e.target.checked)} />
                    <span>
                      {m?.name ?? id}
                      {m && mn && <span className="mongolian-inline" lang="mn-Mong"> {mn.text(contentKeys.material(m.id), m.name)}</span>}
                      {m && <small className="hint"> {m.necessity.label} · {m.form.label}</small>}
                      {required.has(id) && !currentScenario?.materialIds.includes(id) && <span className="tag">{t('runtime.workspace.ruleAdded')}{alsoMn('runtime.workspace.ruleAdded')}</span>}
                      {missing.has(id) && <span className="tag tag-missing">{t('runtime.workspace.missing')}{alsoMn('runtime.workspace.missing')}</span>}
                    </span>
                  </label>
                );
              })}
            </fieldset>
            {clerk && standard.deferredAcceptance?.allowed && (
              <fieldset className="materials" data-testid="credit-check" disabled={locked}>
                <legend>{labelOf(outcomes, 'accept-on-commitment')}</legend>
                <p className="hint">{t('runtime.workspace.deferredHint')}</p>
                <label className="check">
                  <input type="checkbox" checked={creditBlacklisted} onChange={(e) => setCreditBlacklisted(e.target.checked)} />
                  <span>{t('runtime.workspace.blacklisted')}</span>
                </label>
              </fieldset>
            )}
          </div>
        )}
      </main>
      <div className="side">
        <DecisionPanel decision={tab === 'intake' ? decision : null} mongolian={tab === 'intake' ? decisionMn : null} error={tab === 'intake' ? evalError : null} evaluating={evaluating}
          placeholder={tab === 'intake' ? undefined : readerText('runtime.workspace.placeholder', { action: readerText(clerk ? 'runtime.workspace.startIntake' : 'runtime.workspace.startSelfCheck') })} />
        {clerk && tab === 'intake' && (
          <IntakeActions division={division} code={code} token={clerk.token} input={input} decision={decision} department={standard.department.name}
            onSaveAttempt={() => setShowAll(true)} onSaved={setSavedAs} onNew={startNew} onUnauthorized={clerk.onUnauthorized} />
        )}
        {!clerk && <p className="hint card">{t('runtime.workspace.selfCheckOnly')}{alsoMn('runtime.workspace.selfCheckOnly')}</p>}
      </div>
    </div>
  );
}
