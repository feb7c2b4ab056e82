/**
 * 申请材料 and 办理情形 as editable tables: one row per material (id, name, necessity, required,
 * type, form, source), one row per scenario with a checkbox matrix of the materials it needs.
 * `required` follows the necessity (必要/容缺后补 ⇒ 是, 非必要 ⇒ 否). Problems found by
 * validateConfig are shown in the cell they point at.
 */
import type { ItemConfig, Material, Problem, Scenario } from '../../../engine/core/index.js';
import { useRef } from 'react';
import { moved, useDragReorder } from './dnd.js';
import { renameMaterialId } from './materialIds.js';
import { askConfirm } from './Modal.js';
import { materialReferences, scenarioReferences } from './references.js';
import { standardSchema } from './StandardTab.js';

type Coded = { code: string; label: string };
type Json = Record<string, unknown>;

function codesOf(definition: string): { const: string; title: string }[] {
  const defs = (standardSchema as Json).definitions as Record<string, Json> | undefined;
  const code = ((defs?.[definition]?.properties as Json | undefined)?.code ?? {}) as { oneOf?: { const: string; title: string }[] };
  return code.oneOf ?? [];
}

const OPTIONAL = '2';
const requiredFor = (necessity: Coded | undefined) => !!necessity && necessity.code !== OPTIONAL;

function CodedSelect({ definition, value, label, invalid, disabled, onChange }: { definition: string; value: Coded | undefined; label: string; invalid: boolean; disabled: boolean; onChange: (c: Coded) => void }) {
  const options = codesOf(definition);
  return (
    <select aria-label={label} value={value?.code ?? ''} disabled={disabled} aria-invalid={invalid || undefined} onChange={(e) => {
      const o = options.find((x) => x.const === e.target.value);
      if (o) onChange({ code: o.const, label: o.title });
    }}>
      {!value ? <option value="">（请选择）</option> : null}
      {options.map((o) => <option key={o.const} value={o.const}>{o.title}</option>)}
    </select>
  );
}

function problemsAt(problems: Problem[], pointer: string, exact = false): string[] {
  return problems.filter((p) => (exact ? p.pointer === pointer : p.pointer === pointer || p.pointer.startsWith(`${pointer}/`))).map((p) => p.message);
}

function CellErrors({ messages }: { messages: string[] }) {
  return messages.length ? <ul className="cell-error" role="alert">{messages.map((m, i) => <li key={i}>{m}</li>)}</ul> : null;
}

function newId(prefix: string, taken: Set<string>): string {
  for (let i = 1; ; i++) if (!taken.has(`${prefix}${i}`)) return `${prefix}${i}`;
}

const first = (definition: string): Coded | undefined => {
  const o = codesOf(definition)[0];
  return o ? { code: o.const, label: o.title } : undefined;
};

export function MaterialsTables({ config, onChange, problems, readOnly }: { config: ItemConfig; onChange: (c: ItemConfig) => void; problems: Problem[]; readOnly: boolean }) {
  const standard = config.standard;
  const materials: Material[] = Array.isArray(standard?.materials) ? standard.materials : [];
  const scenarios: Scenario[] = Array.isArray(standard?.scenarios) ? standard.scenarios : [];
  const set = (next: { materials?: Material[]; scenarios?: Scenario[] }) => onChange({ ...config, standard: { ...standard, ...next } });
  const setMaterial = (i: number, m: Material) => set({ materials: materials.map((x, j) => (j === i ? m : x)) });
  // Per row: the id its scenario ticks are parked under while its id duplicates another's (see renameMaterialId).
  const parked = useRef(new Map<number, string>());
  const renameMaterial = (i: number, id: string) => {
    const next = renameMaterialId(materials, scenarios, i, id, parked.current.get(i) ?? null);
    if (next.parked === null) parked.current.delete(i);
    else parked.current.set(i, next.parked);
    set({ materials: next.materials, scenarios: next.scenarios });
  };
  const addMaterial = () => {
    const necessity = { code: '1', label: '必要' };
    const m = { id: newId('material', new Set(materials.map((x) => x.id))), name: '新材料', required: true, necessity, type: first('materialType'), form: first('materialForm'), source: first('materialSource') } as Material;
    set({ materials: [...materials, m] });
  };
  const removeMaterial = async (i: number) => {
    const m = materials[i];
    if (!m) return;
    const refs = materialReferences(config, m.id);
    if (refs.length && !(await askConfirm({ title: `删除材料「${m.name || m.id}」？`, message: `以下 ${refs.length} 处引用了此材料；删除后办理情形将不再需要它，其余引用需要您另行修改：`, items: refs, confirmLabel: '仍然删除', danger: true }))) return;
    parked.current.clear();
    set({ materials: materials.filter((_, j) => j !== i), scenarios: scenarios.map((s) => ({ ...s, materialIds: (s.materialIds ?? []).filter((x) => x !== m.id) })) });
  };
  const moveMaterial = (from: number, to: number) => {
    if (to < 0 || to >= materials.length) return;
    parked.current.clear();
    set({ materials: moved(materials, from, to) });
  };
  const drag = useDragReorder(moveMaterial);
  const setScenario = (i: number, s: Scenario) => set({ scenarios: scenarios.map((x, j) => (j === i ? s : x)) });
  const toggle = (i: number, id: string, on: boolean) => {
    const s = scenarios[i];
    if (!s) return;
    const ids = new Set((s.materialIds ?? []).filter((x) => x !== id));
    if (on) ids.add(id);
    const known = materials.map((m) => m.id).filter((x) => ids.has(x));
    const unknown = [...ids].filter((x) => !materials.some((m) => m.id === x));
    setScenario(i, { ...s, materialIds: [...known, ...unknown] });
  };
  const addScenario = () => set({ scenarios: [...scenarios, { id: newId('scenario', new Set(scenarios.map((s) => s.id))), name: '新情形', materialIds: materials.filter((m) => m.required).map((m) => m.id) }] });
  const removeScenario = async (i: number) => {
    const s = scenarios[i];
    if (!s) return;
    const refs = scenarioReferences(config, s.id);
    if (refs.length && !(await askConfirm({ title: `删除办理情形「${s.name || s.id}」？`, message: `以下 ${refs.length} 处引用了此情形，删除后需要您另行修改：`, items: refs, confirmLabel: '仍然删除', danger: true }))) return;
    set({ scenarios: scenarios.filter((_, j) => j !== i) });
  };
  const mBase = '/standard/materials';
  const sBase = '/standard/scenarios';
  const MATERIAL_COLUMNS = ['id', 'name', 'necessity', 'required', 'type', 'form', 'source'];
  const materialRest = (i: number) =>
    problems.filter((p) => p.pointer.startsWith(`${mBase}/${i}`) && !MATERIAL_COLUMNS.some((c) => p.pointer === `${mBase}/${i}/${c}` || p.pointer.startsWith(`${mBase}/${i}/${c}/`))).map((p) => p.message);
  const SCENARIO_COLUMNS = ['id', 'name', 'description'];
  const scenarioRest = (i: number) =>
    problems.filter((p) => p.pointer.startsWith(`${sBase}/${i}`) && !SCENARIO_COLUMNS.some((c) => p.pointer === `${sBase}/${i}/${c}` || p.pointer.startsWith(`${sBase}/${i}/${c}/`))).map((p) => p.message);

  return (
    <>
      <section className="card" aria-labelledby="materials-title">
        <div className="row" style={{ marginBottom: 6 }}>
          <h3 id="materials-title" className="grow" style={{ margin: 0 }}>申请材料（{materials.length}）</h3>
          {!readOnly ? <button className="small" onClick={addMaterial}>+ 添加材料</button> : null}
        </div>
        <p className="muted" style={{ margin: '0 0 6px' }}>必要、容缺后补的材料为必需；非必要材料不列入缺件。{!readOnly && materials.length > 1 ? '可拖动行调整顺序，或用 ↑ ↓ 按钮。' : ''}其余要素（份数、受理标准等）在下方「材料详细信息」中填写。</p>
        <CellErrors messages={problemsAt(problems, mBase, true)} />
        <table className="list edit" aria-label="申请材料">
          <thead>
            <tr><th>标识</th><th>材料名称</th><th>必要性</th><th>是否必需</th><th>材料类型</th><th>材料形式</th><th>来源渠道</th><th>操作</th></tr>
          </thead>
          <tbody>
            {materials.map((m, i) => {
              const at = (c: string) => problemsAt(problems, `${mBase}/${i}/${c}`);
              const n = i + 1;
              return (
                <tr key={i} data-material={m.id} {...drag(i, !readOnly)}>
                  <td><input type="text" aria-label={`材料 ${n} 标识`} value={m.id ?? ''} readOnly={readOnly} aria-invalid={at('id').length ? true : undefined} onChange={(e) => renameMaterial(i, e.target.value)} /><CellErrors messages={at('id')} /></td>
                  <td><input type="text" aria-label={`材料 ${n} 名称`} value={m.name ?? ''} readOnly={readOnly} aria-invalid={at('name').length ? true : undefined} onChange={(e) => setMaterial(i, { ...m, name: e.target.value })} /><CellErrors messages={at('name')} /></td>
                  <td>
                    <CodedSelect definition="materialNecessity" label={`材料 ${n} 必要性`} value={m.necessity} disabled={readOnly} invalid={at('necessity').length > 0} onChange={(c) => setMaterial(i, { ...m, necessity: c, required: requiredFor(c) })} />
                    <CellErrors messages={at('necessity')} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`材料 ${n} 是否必需`} checked={m.required === true} disabled={readOnly} aria-invalid={at('required').length ? true : undefined} onChange={(e) => {
                      const necessity = e.target.checked ? (requiredFor(m.necessity) ? m.necessity : { code: '1', label: '必要' }) : { code: OPTIONAL, label: '非必要' };
                      setMaterial(i, { ...m, required: e.target.checked, necessity });
                    }} />
                    <CellErrors messages={at('required')} />
                  </td>
                  <td><CodedSelect definition="materialType" label={`材料 ${n} 材料类型`} value={m.type} disabled={readOnly} invalid={at('type').length > 0} onChange={(c) => setMaterial(i, { ...m, type: c })} /><CellErrors messages={at('type')} /></td>
                  <td><CodedSelect definition="materialForm" label={`材料 ${n} 材料形式`} value={m.form} disabled={readOnly} invalid={at('form').length > 0} onChange={(c) => setMaterial(i, { ...m, form: c })} /><CellErrors messages={at('form')} /></td>
                  <td><CodedSelect definition="materialSource" label={`材料 ${n} 来源渠道`} value={m.source} disabled={readOnly} invalid={at('source').length > 0} onChange={(c) => setMaterial(i, { ...m, source: c })} /><CellErrors messages={at('source')} /></td>
                  <td>
                    {!readOnly ? (
                      <span className="row" style={{ gap: 2, flexWrap: 'nowrap' }}>
                        <span className="handle" aria-hidden="true" title="拖动以调整顺序" style={{ cursor: 'grab' }}>⠿</span>
                        <button className="small" onClick={() => moveMaterial(i, i - 1)} disabled={i === 0} aria-label={`上移材料「${m.name}」`}>↑</button>
                        <button className="small" onClick={() => moveMaterial(i, i + 1)} disabled={i === materials.length - 1} aria-label={`下移材料「${m.name}」`}>↓</button>
                        <button className="small danger" onClick={() => void removeMaterial(i)} aria-label={`删除材料「${m.name}」`}>✕</button>
                      </span>
                    ) : null}
                    <CellErrors messages={materialRest(i)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {materials.length === 0 ? <p className="muted">还没有申请材料。</p> : null}
      </section>
      <section className="card" aria-labelledby="scenarios-title">
        <div className="row" style={{ marginBottom: 6 }}>
          <h3 id="scenarios-title" className="grow" style={{ margin: 0 }}>办理情形与所需材料（{scenarios.length}）</h3>
          {!readOnly ? <button className="small" onClick={addScenario}>+ 添加情形</button> : null}
        </div>
        <p className="muted" style={{ margin: '0 0 6px' }}>勾选每种办理情形需要提交的材料。</p>
        <CellErrors messages={problemsAt(problems, sBase, true)} />
        <div style={{ overflowX: 'auto' }}>
          <table className="list edit" aria-label="办理情形">
            <thead>
              <tr>
                <th>标识</th><th>情形名称</th><th>情形说明</th>
                {materials.map((m, j) => <th key={j} className="matrix" scope="col">{m.name || m.id}</th>)}
                <th>操作</th>
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s, i) => {
                const at = (c: string) => problemsAt(problems, `${sBase}/${i}/${c}`);
                const n = i + 1;
                const ids = new Set(s.materialIds ?? []);
                return (
                  <tr key={i} data-scenario={s.id}>
                    <td><input type="text" aria-label={`情形 ${n} 标识`} value={s.id ?? ''} readOnly={readOnly} aria-invalid={at('id').length ? true : undefined} onChange={(e) => setScenario(i, { ...s, id: e.target.value })} /><CellErrors messages={at('id')} /></td>
                    <td><input type="text" aria-label={`情形 ${n} 名称`} value={s.name ?? ''} readOnly={readOnly} aria-invalid={at('name').length ? true : undefined} onChange={(e) => setScenario(i, { ...s, name: e.target.value })} /><CellErrors messages={at('name')} /></td>
                    <td><input type="text" aria-label={`情形 ${n} 说明`} value={s.description ?? ''} readOnly={readOnly} aria-invalid={at('description').length ? true : undefined} onChange={(e) => {
                      const { description: _d, ...rest } = s;
                      setScenario(i, e.target.value ? { ...rest, description: e.target.value } : rest);
                    }} /><CellErrors messages={at('description')} /></td>
                    {materials.map((m, j) => (
                      <td key={j} className="matrix">
                        <input type="checkbox" aria-label={`情形「${s.name || s.id}」需要「${m.name || m.id}」`} checked={ids.has(m.id)} disabled={readOnly} onChange={(e) => toggle(i, m.id, e.target.checked)} />
                      </td>
                    ))}
                    <td>
                      {!readOnly ? <button className="small danger" onClick={() => void removeScenario(i)} aria-label={`删除情形「${s.name}」`}>✕</button> : null}
                      <CellErrors messages={scenarioRest(i)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {scenarios.length === 0 ? <p className="muted">还没有办理情形。</p> : null}
      </section>
    </>
  );
}
