import { useState } from 'react';
import { OUTCOMES, runExamples, type Example, type ExampleReport, type ItemConfig, type Outcome, type Problem } from '../../../engine/core/index.js';
import { FormPreview } from './FormTab.js';
import { OUTCOME_LABEL } from './outcomeLabel.js';
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
            {scenarios.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
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
            {materials.map((m) => (
              <label key={m.id} style={{ display: 'block' }}>
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
                  {materials.map((m) => (
                    <label key={m.id} style={{ display: 'block' }}>
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
                  {rules.map((r) => (
                    <label key={r.name} style={{ display: 'block' }}>
                      <input type="checkbox" name={`${id}-rule`} value={r.name} checked={expectRules.includes(r.name)} onChange={(e) => onChange({ ...example, expect: { ...example.expect, firedRules: toggle(expectRules, r.name, e.target.checked) } })} /> {r.description || r.name}
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
  const rules = new Map((config.rules ?? []).map((r) => [r.name, r.description || r.name]));
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
          {report.results.map((r) => (
            <tr key={r.name} data-example={r.name} data-passed={r.passed}>
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
    </section>
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
      setError(`无法运行样例：${(err as Error).message}。请先修正「受理规则」和「表单设计」中标出的问题。`);
    } finally {
      setRunning(false);
    }
  };
  return (
    <section aria-label="测试样例">
      <ProblemSummary problems={problems} prefix="/examples" title="测试样例" />
      <div className="row" style={{ marginBottom: 8 }}>
        <p className="muted grow" style={{ margin: 0 }}>样例是可执行的：用与各窗口相同的受理引擎在本浏览器中运行。样例未全部通过的草稿不能提交审核和发布。</p>
        {!readOnly ? <button onClick={add}>+ 添加样例</button> : null}
        <button className="primary" onClick={() => void run()} disabled={running || examples.length === 0}>{running ? '运行中…' : '运行全部样例'}</button>
      </div>
      {error ? <div className="notice error" role="alert">{error}</div> : null}
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
