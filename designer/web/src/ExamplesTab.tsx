import { useState } from 'react';
import { OUTCOMES, contextFacts, isContextFact, labelOf, coverageProblems, formFields, maskPersonalData, operatorsByName, proposeBoundaryExamples, runExamples, type Example, type ExampleReport, type ExampleResult, type ItemConfig, type Outcome, type Problem } from '../../../engine/core/index.js';
import { FormPreview } from './FormTab.js';
import { OUTCOME_LABEL } from './outcomeLabel.js';
import { ProblemList } from './ProblemList.js';
import { ProblemSummary } from './StandardTab.js';
import { t } from './ui-text.js';

export { OUTCOME_LABEL };

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function ExampleEditor({ example, index, config, onChange, onRemove, readOnly, problems }: { example: Example; index: number; config: ItemConfig; onChange: (e: Example) => void; onRemove: () => void; readOnly: boolean; problems: Problem[] }) {
  const materials = config.standard?.materials ?? [];
  const scenarios = config.standard?.scenarios ?? [];
  const rules = config.rules ?? [];
  const id = `ex${index}`;
  const mine = problems.filter((p) => p.pointer.startsWith(`/examples/${index}/`) || p.pointer === `/examples/${index}`);
  const toggle = (list: string[], value: string, on: boolean) => (on ? [...list, value] : list.filter((v) => v !== value));
  const expectMissing = example.expect.missingMaterials;
  const expectRules = example.expect.firedRules;
  return (
    <article className="example" aria-label={t('designer.examples.exampleLabel', { n: index + 1, name: example.name })}>
      <div className="row">
        <strong>{t('designer.examples.exampleNumber', { n: index + 1 })}</strong>
        <label>{t('designer.examples.name')} <input type="text" name="exampleName" value={example.name} disabled={readOnly} onChange={(e) => onChange({ ...example, name: e.target.value })} size={24} /></label>
        <label>
          {t('designer.examples.scenario')}{' '}
          <select name="scenario" value={example.input.scenario} disabled={readOnly} onChange={(e) => onChange({ ...example, input: { ...example.input, scenario: e.target.value } })}>
            {!scenarios.some((s) => s.id === example.input.scenario) ? <option value={example.input.scenario}>{example.input.scenario || t('designer.choose')}</option> : null}
            {scenarios.map((s, j) => <option key={j} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label>{t('designer.examples.date')} <input type="date" name="date" value={example.input.date ?? ''} disabled={readOnly} onChange={(e) => onChange({ ...example, input: { ...example.input, date: e.target.value || undefined } as Example['input'] })} /></label>
        <span className="grow" />
        {!readOnly ? <button className="small danger" onClick={onRemove} aria-label={t('designer.examples.delete', { n: index + 1 })}>{t('designer.examples.deleteShort')}</button> : null}
      </div>
      {mine.length ? <ul className="problems">{mine.map((p, i) => <li key={i}>{p.message}</li>)}</ul> : null}
      <div className="cols two" style={{ marginTop: 8 }}>
        <div>
          <h4 style={{ margin: '4px 0' }}>{t('designer.examples.formHeading')}</h4>
          <div className="preview">
            <FormPreview form={config.form} formData={example.input.formData} idPrefix={`${id}-form`} onChange={(formData) => !readOnly && onChange({ ...example, input: { ...example.input, formData } })} />
          </div>
        </div>
        <div>
          <fieldset disabled={readOnly}>
            <legend>{t('designer.examples.materials')}</legend>
            {materials.length === 0 ? <p className="muted">{t('designer.examples.noMaterials')}</p> : null}
            {materials.map((m, j) => (
              <label key={j} style={{ display: 'block' }}>
                <input type="checkbox" name={`${id}-material`} value={m.id} checked={example.input.materials.includes(m.id)} onChange={(e) => onChange({ ...example, input: { ...example.input, materials: toggle(example.input.materials, m.id, e.target.checked) } })} /> {m.name}
              </label>
            ))}
          </fieldset>
          <fieldset disabled={readOnly} style={{ marginTop: 8 }}>
            <legend>{t('designer.examples.expected')}</legend>
            <label>
              {t('designer.examples.outcome')}{' '}
              <select name={`${id}-outcome`} value={example.expect.outcome} onChange={(e) => onChange({ ...example, expect: { ...example.expect, outcome: e.target.value as Outcome } })}>
                {OUTCOMES.map((o) => <option key={o} value={o}>{OUTCOME_LABEL[o]}</option>)}
              </select>
            </label>
            <div style={{ marginTop: 6 }}>
              <label>
                <input type="checkbox" checked={!!expectMissing} onChange={(e) => { const { missingMaterials: _m, ...rest } = example.expect; onChange({ ...example, expect: e.target.checked ? { ...rest, missingMaterials: [] } : rest }); }} /> {t('designer.examples.checkMissing')}
              </label>
              {expectMissing ? (
                <div style={{ paddingLeft: 20 }}>
                  {materials.map((m, j) => (
                    <label key={j} style={{ display: 'block' }}>
                      <input type="checkbox" name={`${id}-missing`} value={m.id} checked={expectMissing.includes(m.id)} onChange={(e) => onChange({ ...example, expect: { ...example.expect, missingMaterials: toggle(expectMissing, m.id, e.target.checked) } })} /> {t('designer.examples.missingOne', { name: m.name })}
                    </label>
                  ))}
                </div>
              ) : null}
            </div>
            <div style={{ marginTop: 6 }}>
              <label>
                <input type="checkbox" checked={!!expectRules} onChange={(e) => { const { firedRules: _f, ...rest } = example.expect; onChange({ ...example, expect: e.target.checked ? { ...rest, firedRules: [] } : rest }); }} /> {t('designer.examples.checkRules')}
              </label>
              {expectRules ? (
                <div style={{ paddingLeft: 20 }}>
                  {rules.map((r, j) => (
                    <label key={j} style={{ display: 'block' }}>
                      <input type="checkbox" name={`${id}-rule`} value={r.name} checked={expectRules.includes(r.name)} onChange={(e) => onChange({ ...example, expect: { ...example.expect, firedRules: toggle(expectRules, r.name, e.target.checked) } })} /> {r.title || r.description || r.name}
                    </label>
                  ))}
                </div>
              ) : null}
            </div>
          </fieldset>
        </div>
      </div>
    </article>
  );
}

function names(ids: string[], lookup: Map<string, string>): string {
  return ids.length ? ids.map((id) => lookup.get(id) ?? id).join(t('designer.examples.nameSeparator')) : t('designer.examples.nothing');
}

function Results({ report, config }: { report: ExampleReport; config: ItemConfig }) {
  const materials = new Map((config.standard?.materials ?? []).map((m) => [m.id, m.name]));
  const rules = new Map((config.rules ?? []).map((r) => [r.name, r.title || r.description || r.name]));
  return (
    <section className="card" aria-label={t('designer.examples.results')}>
      <h3 style={{ marginTop: 0 }} role="status">
        {t('designer.examples.resultsSummary', { passed: report.passed, failed: report.failed })}
      </h3>
      <table className="list compare">
        <thead>
          <tr><th>{t('designer.examples.col.example')}</th><th>{t('designer.examples.col.result')}</th><th>{t('designer.examples.col.expected')}</th><th>{t('designer.examples.col.actual')}</th><th>{t('designer.examples.col.expectedMissing')}</th><th>{t('designer.examples.col.actualMissing')}</th><th>{t('designer.examples.col.firedRules')}</th><th>{t('designer.examples.col.differences')}</th></tr>
        </thead>
        <tbody>
          {report.results.map((r, j) => (
            <tr key={j} data-example={r.name} data-passed={r.passed}>
              <td>{r.name}</td>
              <td>{r.passed ? <span className="badge pass">{t('designer.examples.pass')}</span> : <span className="badge fail">{t('designer.examples.fail')}</span>}</td>
              <td>{OUTCOME_LABEL[r.expected.outcome]}</td>
              <td className={r.actual.outcome !== r.expected.outcome ? 'bad' : ''}>{OUTCOME_LABEL[r.actual.outcome]}</td>
              <td>{r.expected.missingMaterials ? names(r.expected.missingMaterials, materials) : <span className="muted">{t('designer.examples.notChecked')}</span>}</td>
              <td>{names(r.actual.missingMaterials, materials)}</td>
              <td>{names([...new Set(r.actual.firedRules)], rules)}</td>
              <td>{r.differences.join(t('designer.examples.differenceSeparator')) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.results.map((r, j) => <ConditionTrace key={j} result={r} config={config} />)}
      <Coverage report={report} config={config} />
    </section>
  );
}

const HELD: Record<string, [string, string]> = { true: [t('designer.examples.held.true'), 'pass'], false: [t('designer.examples.held.false'), 'muted'], unknown: [t('designer.examples.held.unknown'), 'fail'], null: [t('designer.examples.held.null'), 'muted'] };

/** A fact value as shown in the trace: ID numbers and mobiles masked, absent values said so. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return t('designer.examples.notFilled');
  if (typeof value === 'boolean') return value ? t('designer.rules.yes') : t('designer.rules.no');
  return maskPersonalData(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Each rule of one example's run: every condition's result (成立 / 不成立 / 未知) with the values it was decided on. */
function ConditionTrace({ result, config }: { result: ExampleResult; config: ItemConfig }) {
  const fields = formFields(config.form?.schema ?? {});
  const rules = new Map((config.rules ?? []).map((r) => [r.name, r.title || r.description || r.name]));
  const titleOf = (fact: string) => (isContextFact(fact) ? labelOf(contextFacts, fact) : fields.get(fact)?.title ?? fact);
  if (!result.trace?.length) return null;
  return (
    <details className="trace" data-trace={result.name}>
      <summary>{t('designer.examples.traceTitle', { name: result.name })}</summary>
      {result.trace.map((rule) => (
        <div key={rule.rule} data-rule={rule.rule} style={{ marginTop: 6 }}>
          <strong>{rules.get(rule.rule) ?? rule.rule}</strong>{' '}
          {rule.fired ? <span className="badge pass">{t('designer.examples.fired')}</span> : rule.undecidable ? <span className="badge fail">{t('designer.examples.undecidable')}</span> : <span className="badge">{t('designer.examples.notFired')}</span>}
          <table className="list">
            <thead><tr><th>{t('designer.rules.fact')}</th><th>{t('designer.rules.operator')}</th><th>{t('designer.rules.value')}</th><th>{t('designer.examples.col.factValue')}</th><th>{t('designer.rules.condition')}</th></tr></thead>
            <tbody>
              {rule.conditions.map((c) => {
                const [text, cls] = HELD[String(c.held)] ?? HELD.null!;
                const ref = c.value && typeof c.value === 'object' && 'fact' in (c.value as object) ? titleOf(String((c.value as { fact: string }).fact)) : null;
                return (
                  <tr key={c.pointer} data-condition={c.pointer} data-held={String(c.held)}>
                    <td>{titleOf(c.fact)}{c.path ? t('designer.examples.parenthesised', { text: c.path.slice(2) }) : ''}</td>
                    <td>{operatorsByName.get(c.operator)?.label ?? c.operator}</td>
                    <td>{ref ?? shown(c.value)}</td>
                    <td>{shown(c.factValue)}{c.age !== undefined ? t('designer.examples.parenthesised', { text: c.age === null ? t('designer.examples.ageUnknown') : t('designer.examples.age', { age: c.age }) }) : ''}{ref ? t('designer.examples.compared', { ref, value: shown(c.comparedValue) }) : ''}</td>
                    <td><span className={`badge ${cls}`}>{text}</span></td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </details>
  );
}

/** The coverage gate as the author meets it before submitting: each enabled rule no example fires. */
function Coverage({ report, config }: { report: ExampleReport; config: ItemConfig }) {
  const uncovered = coverageProblems(config, report);
  if (!uncovered.length) return <p className="notice ok" role="note" data-coverage="complete">{t('designer.examples.coverageComplete')}</p>;
  return (
    <div className="notice error" role="note" data-coverage="incomplete">
      {t('designer.examples.coverageIncomplete', { n: uncovered.length })}
      <ProblemList problems={uncovered} />
    </div>
  );
}

export function ExamplesTab({ config, onChange, problems, readOnly }: { config: ItemConfig; onChange: (c: ItemConfig) => void; problems: Problem[]; readOnly: boolean }) {
  const [report, setReport] = useState<ExampleReport | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const examples = config.examples ?? [];
  const setExamples = (next: Example[]) => {
    onChange({ ...config, examples: next });
    setReport(null);
  };
  const add = () => {
    const taken = new Set(examples.map((e) => e.name));
    let n = examples.length + 1;
    while (taken.has(t('designer.examples.newName', { n }))) n++;
    setExamples([...examples, { name: t('designer.examples.newName', { n }), input: { scenario: config.standard?.scenarios?.[0]?.id ?? '', date: today(), formData: {}, materials: [] }, expect: { outcome: 'accept' } }]);
  };
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setReport(await runExamples(config));
    } catch (err) {
      setError(t('designer.examples.runFailed'));
    } finally {
      setRunning(false);
    }
  };
  const [notice, setNotice] = useState<string | null>(null);
  /** Boundary examples (just below, at, just above each threshold), expected outcomes filled in from the current rules for the author to confirm. */
  const addBoundaries = async () => {
    setNotice(null);
    const proposals = proposeBoundaryExamples(config, today());
    if (!proposals.length) {
      setNotice(t('designer.examples.noBoundaries'));
      return;
    }
    let added = proposals.map((p) => p.example);
    try {
      const probe = await runExamples({ ...config, examples: added });
      added = added.map((example, i) => {
        const actual = probe.results[i]?.actual;
        if (!actual || actual.outcome === 'error') return example;
        return { ...example, expect: { ...example.expect, outcome: actual.outcome, firedRules: [...new Set(actual.firedRules)] } };
      });
    } catch {
      /* the proposals keep the base example's expectation */
    }
    setExamples([...examples, ...added]);
    setNotice(t('designer.examples.boundariesAdded', { n: added.length }));
  };
  return (
    <section aria-label={t('designer.tab.examples')}>
      <ProblemSummary problems={problems} prefix="/examples" title={t('designer.tab.examples')} />
      <div className="row" style={{ marginBottom: 8 }}>
        <p className="muted grow" style={{ margin: 0 }}>{t('designer.examples.hint')}</p>
        {!readOnly ? <button onClick={add}>{t('designer.examples.add')}</button> : null}
        {!readOnly ? <button onClick={() => void addBoundaries()} title={t('designer.examples.addBoundariesHint')}>{t('designer.examples.addBoundaries')}</button> : null}
        <button className="primary" onClick={() => void run()} disabled={running || examples.length === 0}>{running ? t('designer.examples.running') : t('designer.examples.runAll')}</button>
      </div>
      {error ? <div className="notice error" role="alert">{error}</div> : null}
      {notice ? <div className="notice info" role="status">{notice}</div> : null}
      {report ? <Results report={report} config={config} /> : null}
      {examples.map((example, i) => (
        <ExampleEditor
          key={i}
          index={i}
          example={example}
          config={config}
          readOnly={readOnly}
          problems={problems}
          onChange={(e) => setExamples(examples.map((x, j) => (j === i ? e : x)))}
          onRemove={() => setExamples(examples.filter((_, j) => j !== i))}
        />
      ))}
    </section>
  );
}
