import { useState } from 'react';
import { OUTCOMES, contextFacts, isContextFact, labelOf, coverageProblems, formFields, maskPersonalData, operatorsByName, proposeBoundaryExamples, runExamples, type Example, type ExampleReport, type ExampleResult, type ItemConfig, type Outcome, type Problem } from '../../../engine/core/index.js';
import { FormPreview } from './FormTab.js';
import { OUTCOME_LABEL } from './outcomeLabel.js';
import { ProblemList } from './ProblemList.js';
import { ProblemSummary } from './StandardTab.js';

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
    <article className="example" aria-label={`样例 ${index + 1}：${example.name}`}>
      <div className="row">
        <strong>样例 {index + 1}</strong>
        <label>名称 <input type="text" name="exampleName" value={example.name} disabled={readOnly} onChange={(e) => onChange({ ...example, name: e.target.value })} size={24} /></label>
        <label>
          办理情形{' '}
          <select name="scenario" value={example.input.scenario} disabled={readOnly} onChange={(e) => onChange({ ...example, input: { ...example.input, scenario: e.target.value } })}>
            {!scenarios.some((s) => s.id === example.input.scenario) ? <option value={example.input.scenario}>{example.input.scenario || '（请选择）'}</option> : null}
            {scenarios.map((s, j) => <option key={j} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label>评估日期 <input type="date" name="date" value={example.input.date ?? ''} disabled={readOnly} onChange={(e) => onChange({ ...example, input: { ...example.input, date: e.target.value || undefined } as Example['input'] })} /></label>
        <span className="grow" />
        {!readOnly ? <button className="small danger" onClick={onRemove} aria-label={`删除样例 ${index + 1}`}>删除</button> : null}
      </div>
      {mine.length ? <ul className="problems">{mine.map((p, i) => <li key={i}>{p.message}</li>)}</ul> : null}
      <div className="cols two" style={{ marginTop: 8 }}>
        <div>
          <h4 style={{ margin: '4px 0' }}>申请人填写的表单</h4>
          <div className="preview">
            <FormPreview form={config.form} formData={example.input.formData} idPrefix={`${id}-form`} onChange={(formData) => !readOnly && onChange({ ...example, input: { ...example.input, formData } })} />
          </div>
        </div>
        <div>
          <fieldset disabled={readOnly}>
            <legend>已提交的材料</legend>
            {materials.length === 0 ? <p className="muted">事项标准中还没有申请材料。</p> : null}
            {materials.map((m, j) => (
              <label key={j} style={{ display: 'block' }}>
                <input type="checkbox" name={`${id}-material`} value={m.id} checked={example.input.materials.includes(m.id)} onChange={(e) => onChange({ ...example, input: { ...example.input, materials: toggle(example.input.materials, m.id, e.target.checked) } })} /> {m.name}
              </label>
            ))}
          </fieldset>
          <fieldset disabled={readOnly} style={{ marginTop: 8 }}>
            <legend>预期结果</legend>
            <label>
              受理结论{' '}
              <select name={`${id}-outcome`} value={example.expect.outcome} onChange={(e) => onChange({ ...example, expect: { ...example.expect, outcome: e.target.value as Outcome } })}>
                {OUTCOMES.map((o) => <option key={o} value={o}>{OUTCOME_LABEL[o]}</option>)}
              </select>
            </label>
            <div style={{ marginTop: 6 }}>
              <label>
                <input type="checkbox" checked={!!expectMissing} onChange={(e) => { const { missingMaterials: _m, ...rest } = example.expect; onChange({ ...example, expect: e.target.checked ? { ...rest, missingMaterials: [] } : rest }); }} /> 核对缺少的材料
              </label>
              {expectMissing ? (
                <div style={{ paddingLeft: 20 }}>
                  {materials.map((m, j) => (
                    <label key={j} style={{ display: 'block' }}>
                      <input type="checkbox" name={`${id}-missing`} value={m.id} checked={expectMissing.includes(m.id)} onChange={(e) => onChange({ ...example, expect: { ...example.expect, missingMaterials: toggle(expectMissing, m.id, e.target.checked) } })} /> 缺「{m.name}」
                    </label>
                  ))}
                </div>
              ) : null}
            </div>
            <div style={{ marginTop: 6 }}>
              <label>
                <input type="checkbox" checked={!!expectRules} onChange={(e) => { const { firedRules: _f, ...rest } = example.expect; onChange({ ...example, expect: e.target.checked ? { ...rest, firedRules: [] } : rest }); }} /> 核对触发的规则
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
  return ids.length ? ids.map((id) => lookup.get(id) ?? id).join('、') : '（无）';
}

function Results({ report, config }: { report: ExampleReport; config: ItemConfig }) {
  const materials = new Map((config.standard?.materials ?? []).map((m) => [m.id, m.name]));
  const rules = new Map((config.rules ?? []).map((r) => [r.name, r.title || r.description || r.name]));
  return (
    <section className="card" aria-label="运行结果">
      <h3 style={{ marginTop: 0 }} role="status">
        运行结果：{report.passed} 个通过，{report.failed} 个未通过
      </h3>
      <table className="list compare">
        <thead>
          <tr><th>样例</th><th>结果</th><th>预期结论</th><th>实际结论</th><th>预期缺件</th><th>实际缺件</th><th>实际触发的规则</th><th>差异</th></tr>
        </thead>
        <tbody>
          {report.results.map((r, j) => (
            <tr key={j} data-example={r.name} data-passed={r.passed}>
              <td>{r.name}</td>
              <td>{r.passed ? <span className="badge pass">通过</span> : <span className="badge fail">未通过</span>}</td>
              <td>{OUTCOME_LABEL[r.expected.outcome]}</td>
              <td className={r.actual.outcome !== r.expected.outcome ? 'bad' : ''}>{OUTCOME_LABEL[r.actual.outcome]}</td>
              <td>{r.expected.missingMaterials ? names(r.expected.missingMaterials, materials) : <span className="muted">不核对</span>}</td>
              <td>{names(r.actual.missingMaterials, materials)}</td>
              <td>{names([...new Set(r.actual.firedRules)], rules)}</td>
              <td>{r.differences.join('；') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.results.map((r, j) => <ConditionTrace key={j} result={r} config={config} />)}
      <Coverage report={report} config={config} />
    </section>
  );
}

const HELD: Record<string, [string, string]> = { true: ['成立', 'pass'], false: ['不成立', 'muted'], unknown: ['未知（缺少数据）', 'fail'], null: ['未判断', 'muted'] };

/** A fact value as shown in the trace: ID numbers and mobiles masked, absent values said so. */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（未填写）';
  if (typeof value === 'boolean') return value ? '是' : '否';
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
      <summary>「{result.name}」的条件明细</summary>
      {result.trace.map((rule) => (
        <div key={rule.rule} data-rule={rule.rule} style={{ marginTop: 6 }}>
          <strong>{rules.get(rule.rule) ?? rule.rule}</strong>{' '}
          {rule.fired ? <span className="badge pass">触发</span> : rule.undecidable ? <span className="badge fail">无法判断</span> : <span className="badge">未触发</span>}
          <table className="list">
            <thead><tr><th>事实</th><th>运算符</th><th>比较值</th><th>实际值</th><th>条件</th></tr></thead>
            <tbody>
              {rule.conditions.map((c) => {
                const [text, cls] = HELD[String(c.held)] ?? HELD.null!;
                const ref = c.value && typeof c.value === 'object' && 'fact' in (c.value as object) ? titleOf(String((c.value as { fact: string }).fact)) : null;
                return (
                  <tr key={c.pointer} data-condition={c.pointer} data-held={String(c.held)}>
                    <td>{titleOf(c.fact)}{c.path ? `（${c.path.slice(2)}）` : ''}</td>
                    <td>{operatorsByName.get(c.operator)?.label ?? c.operator}</td>
                    <td>{ref ?? shown(c.value)}</td>
                    <td>{shown(c.factValue)}{c.age !== undefined ? `（${c.age === null ? '无法计算年龄' : `${c.age} 周岁`}）` : ''}{ref ? ` ／ ${ref}：${shown(c.comparedValue)}` : ''}</td>
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
  if (!uncovered.length) return <p className="notice ok" role="note" data-coverage="complete">每条启用的规则都至少被一个样例触发。</p>;
  return (
    <div className="notice error" role="note" data-coverage="incomplete">
      有 {uncovered.length} 条规则没有任何样例触发，草稿不能提交审核：
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
    while (taken.has(`样例${n}`)) n++;
    setExamples([...examples, { name: `样例${n}`, input: { scenario: config.standard?.scenarios?.[0]?.id ?? '', date: today(), formData: {}, materials: [] }, expect: { outcome: 'accept' } }]);
  };
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setReport(await runExamples(config));
    } catch (err) {
      setError('无法运行样例，请先修正「受理规则」和「表单设计」中标出的问题。');
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
      setNotice('规则中没有可生成边界样例的数值、日期或年龄阈值（或已有样例取了这些值）。');
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
    setNotice(`已添加 ${added.length} 个边界样例（略低于、等于、略高于各阈值）。预期结果按当前规则填写，请逐一核对是否符合法定要求。`);
  };
  return (
    <section aria-label="测试样例">
      <ProblemSummary problems={problems} prefix="/examples" title="测试样例" />
      <div className="row" style={{ marginBottom: 8 }}>
        <p className="muted grow" style={{ margin: 0 }}>样例是可执行的：用与各窗口相同的受理引擎在本浏览器中运行。样例未全部通过的草稿不能提交审核和发布。</p>
        {!readOnly ? <button onClick={add}>+ 添加样例</button> : null}
        {!readOnly ? <button onClick={() => void addBoundaries()} title="为规则中的数值、日期和年龄阈值各添加略低于、等于、略高于的样例">+ 添加边界样例</button> : null}
        <button className="primary" onClick={() => void run()} disabled={running || examples.length === 0}>{running ? '运行中…' : '运行全部样例'}</button>
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
