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
import { t } from './ui-text.js';

type Coded = { code: string; label: string };
type Json = Record<string, unknown>;

function codesOf(definition: string): { const: string; title: string }[] {
  const defs = (standardSchema as Json).definitions as Record<string, Json> | undefined;
  const code = ((defs?.[definition]?.properties as Json | undefined)?.code ?? {}) as { oneOf?: { const: string; title: string }[] };
  return code.oneOf ?? [];
}

const OPTIONAL = '2';
const NECESSARY = '1';
/** A coded value with its label as the standard's schema defines it (the data's own words, not the UI's). */
const codedValue = (definition: string, code: string): Coded => ({ code, label: codesOf(definition).find((o) => o.const === code)?.title ?? code });
const requiredFor = (necessity: Coded | undefined) => !!necessity && necessity.code !== OPTIONAL;

function CodedSelect({ definition, value, label, invalid, disabled, onChange }: { definition: string; value: Coded | undefined; label: string; invalid: boolean; disabled: boolean; onChange: (c: Coded) => void }) {
  const options = codesOf(definition);
  return (
    <select aria-label={label} value={value?.code ?? ''} disabled={disabled} aria-invalid={invalid || undefined} onChange={(e) => {
      const o = options.find((x) => x.const === e.target.value);
      if (o) onChange({ code: o.const, label: o.title });
    }}>
      {!value ? <option value="">{t('designer.choose')}</option> : null}
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
    const necessity = codedValue('materialNecessity', NECESSARY);
    const m = { id: newId('material', new Set(materials.map((x) => x.id))), name: t('designer.materials.newName'), required: true, necessity, type: first('materialType'), form: first('materialForm'), source: first('materialSource') } as Material;
    set({ materials: [...materials, m] });
  };
  const removeMaterial = async (i: number) => {
    const m = materials[i];
    if (!m) return;
    const refs = materialReferences(config, m.id);
    if (refs.length && !(await askConfirm({ title: t('designer.materials.deleteTitle', { name: m.name || m.id }), message: t('designer.materials.deleteMessage', { n: refs.length }), items: refs, confirmLabel: t('designer.deleteAnyway'), danger: true }))) return;
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
  const addScenario = () => set({ scenarios: [...scenarios, { id: newId('scenario', new Set(scenarios.map((s) => s.id))), name: t('designer.scenarios.newName'), materialIds: materials.filter((m) => m.required).map((m) => m.id) }] });
  const removeScenario = async (i: number) => {
    const s = scenarios[i];
    if (!s) return;
    const refs = scenarioReferences(config, s.id);
    if (refs.length && !(await askConfirm({ title: t('designer.scenarios.deleteTitle', { name: s.name || s.id }), message: t('designer.scenarios.deleteMessage', { n: refs.length }), items: refs, confirmLabel: t('designer.deleteAnyway'), danger: true }))) return;
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
          <h3 id="materials-title" className="grow" style={{ margin: 0 }}>{t('designer.materials.title', { n: materials.length })}</h3>
          {!readOnly ? <button className="small" onClick={addMaterial}>{t('designer.materials.add')}</button> : null}
        </div>
        <p className="muted" style={{ margin: '0 0 6px' }}>{t('designer.materials.hint')}{!readOnly && materials.length > 1 ? t('designer.materials.reorderHint') : ''}{t('designer.materials.detailsHint')}</p>
        <CellErrors messages={problemsAt(problems, mBase, true)} />
        <table className="list edit" aria-label={t('guide.section.materials')}>
          <thead>
            <tr><th>{t('designer.col.id')}</th><th>{t('guide.field.materialName')}</th><th>{t('guide.field.necessity')}</th><th>{t('designer.materials.col.required')}</th><th>{t('designer.materials.col.type')}</th><th>{t('guide.field.materialForm')}</th><th>{t('guide.field.source')}</th><th>{t('designer.col.actions')}</th></tr>
          </thead>
          <tbody>
            {materials.map((m, i) => {
              const at = (c: string) => problemsAt(problems, `${mBase}/${i}/${c}`);
              const n = i + 1;
              return (
                <tr key={i} data-material={m.id} {...drag(i, !readOnly)}>
                  <td><input type="text" aria-label={t('designer.materials.cell', { n, column: t('designer.col.id') })} value={m.id ?? ''} readOnly={readOnly} aria-invalid={at('id').length ? true : undefined} onChange={(e) => renameMaterial(i, e.target.value)} /><CellErrors messages={at('id')} /></td>
                  <td><input type="text" aria-label={t('designer.materials.cell', { n, column: t('designer.scenarios.col.nameShort') })} value={m.name ?? ''} readOnly={readOnly} aria-invalid={at('name').length ? true : undefined} onChange={(e) => setMaterial(i, { ...m, name: e.target.value })} /><CellErrors messages={at('name')} /></td>
                  <td>
                    <CodedSelect definition="materialNecessity" label={t('designer.materials.cell', { n, column: t('guide.field.necessity') })} value={m.necessity} disabled={readOnly} invalid={at('necessity').length > 0} onChange={(c) => setMaterial(i, { ...m, necessity: c, required: requiredFor(c) })} />
                    <CellErrors messages={at('necessity')} />
                  </td>
                  <td>
                    <input type="checkbox" aria-label={t('designer.materials.cell', { n, column: t('designer.materials.col.required') })} checked={m.required === true} disabled={readOnly} aria-invalid={at('required').length ? true : undefined} onChange={(e) => {
                      const necessity = e.target.checked ? (requiredFor(m.necessity) ? m.necessity : codedValue('materialNecessity', NECESSARY)) : codedValue('materialNecessity', OPTIONAL);
                      setMaterial(i, { ...m, required: e.target.checked, necessity });
                    }} />
                    <CellErrors messages={at('required')} />
                  </td>
                  <td><CodedSelect definition="materialType" label={t('designer.materials.cell', { n, column: t('designer.materials.col.type') })} value={m.type} disabled={readOnly} invalid={at('type').length > 0} onChange={(c) => setMaterial(i, { ...m, type: c })} /><CellErrors messages={at('type')} /></td>
                  <td><CodedSelect definition="materialForm" label={t('designer.materials.cell', { n, column: t('guide.field.materialForm') })} value={m.form} disabled={readOnly} invalid={at('form').length > 0} onChange={(c) => setMaterial(i, { ...m, form: c })} /><CellErrors messages={at('form')} /></td>
                  <td><CodedSelect definition="materialSource" label={t('designer.materials.cell', { n, column: t('guide.field.source') })} value={m.source} disabled={readOnly} invalid={at('source').length > 0} onChange={(c) => setMaterial(i, { ...m, source: c })} /><CellErrors messages={at('source')} /></td>
                  <td>
                    {!readOnly ? (
                      <span className="row" style={{ gap: 2, flexWrap: 'nowrap' }}>
                        <span className="handle" aria-hidden="true" title={t('designer.dragToReorder')} style={{ cursor: 'grab' }}>⠿</span>
                        <button className="small" onClick={() => moveMaterial(i, i - 1)} disabled={i === 0} aria-label={t('designer.materials.moveUp', { name: m.name })}>↑</button>
                        <button className="small" onClick={() => moveMaterial(i, i + 1)} disabled={i === materials.length - 1} aria-label={t('designer.materials.moveDown', { name: m.name })}>↓</button>
                        <button className="small danger" onClick={() => void removeMaterial(i)} aria-label={t('designer.materials.delete', { name: m.name })}>✕</button>
                      </span>
                    ) : null}
                    <CellErrors messages={materialRest(i)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {materials.length === 0 ? <p className="muted">{t('designer.materials.empty')}</p> : null}
      </section>
      <section className="card" aria-labelledby="scenarios-title">
        <div className="row" style={{ marginBottom: 6 }}>
          <h3 id="scenarios-title" className="grow" style={{ margin: 0 }}>{t('designer.scenarios.title', { n: scenarios.length })}</h3>
          {!readOnly ? <button className="small" onClick={addScenario}>{t('designer.scenarios.add')}</button> : null}
        </div>
        <p className="muted" style={{ margin: '0 0 6px' }}>{t('designer.scenarios.hint')}</p>
        <CellErrors messages={problemsAt(problems, sBase, true)} />
        <div style={{ overflowX: 'auto' }}>
          <table className="list edit" aria-label={t('designer.scenarios.table')}>
            <thead>
              <tr>
                <th>{t('designer.col.id')}</th><th>{t('designer.scenarios.col.name')}</th><th>{t('designer.scenarios.col.description')}</th>
                {materials.map((m, j) => <th key={j} className="matrix" scope="col">{m.name || m.id}</th>)}
                <th>{t('designer.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s, i) => {
                const at = (c: string) => problemsAt(problems, `${sBase}/${i}/${c}`);
                const n = i + 1;
                const ids = new Set(s.materialIds ?? []);
                return (
                  <tr key={i} data-scenario={s.id}>
                    <td><input type="text" aria-label={t('designer.scenarios.cell', { n, column: t('designer.col.id') })} value={s.id ?? ''} readOnly={readOnly} aria-invalid={at('id').length ? true : undefined} onChange={(e) => setScenario(i, { ...s, id: e.target.value })} /><CellErrors messages={at('id')} /></td>
                    <td><input type="text" aria-label={t('designer.scenarios.cell', { n, column: t('designer.scenarios.col.nameShort') })} value={s.name ?? ''} readOnly={readOnly} aria-invalid={at('name').length ? true : undefined} onChange={(e) => setScenario(i, { ...s, name: e.target.value })} /><CellErrors messages={at('name')} /></td>
                    <td><input type="text" aria-label={t('designer.scenarios.cell', { n, column: t('designer.scenarios.col.descriptionShort') })} value={s.description ?? ''} readOnly={readOnly} aria-invalid={at('description').length ? true : undefined} onChange={(e) => {
                      const { description: _d, ...rest } = s;
                      setScenario(i, e.target.value ? { ...rest, description: e.target.value } : rest);
                    }} /><CellErrors messages={at('description')} /></td>
                    {materials.map((m, j) => (
                      <td key={j} className="matrix">
                        <input type="checkbox" aria-label={t('designer.scenarios.needs', { scenario: s.name || s.id, material: m.name || m.id })} checked={ids.has(m.id)} disabled={readOnly} onChange={(e) => toggle(i, m.id, e.target.checked)} />
                      </td>
                    ))}
                    <td>
                      {!readOnly ? <button className="small danger" onClick={() => void removeScenario(i)} aria-label={t('designer.scenarios.delete', { name: s.name })}>✕</button> : null}
                      <CellErrors messages={scenarioRest(i)} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {scenarios.length === 0 ? <p className="muted">{t('designer.scenarios.empty')}</p> : null}
      </section>
    </>
  );
}
