import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FieldProps, WidgetProps } from '@rjsf/utils';
import { useMemo, useRef, useState } from 'react';
import { itemStandardSchema, type ItemConfig, type ItemStandard, type Problem } from '../../../engine/core/index.js';
import { MaterialsTables } from './MaterialsTables.js';
import { TemplateFileField } from './TemplateFileField.js';
import { Modal } from './Modal.js';
import { formValidator, translateString } from '../../../engine/web-kit/index.js';
import { designerFields, toErrorSchema } from './rjsf.js';
import { t } from './ui-text.js';

/** The item-standard schema as RJSF renders it: the one schema of standards/, without its $id (RJSF resolves #/definitions locally). */
export const standardSchema: RJSFSchema = (() => {
  const { $id: _id, $schema: _schema, ...rest } = itemStandardSchema as unknown as Record<string, unknown>;
  return rest as RJSFSchema;
})();

const textarea = { 'ui:widget': 'textarea', 'ui:options': { rows: 3 } };
const materialPicker = { 'ui:widget': 'MaterialPicker', 'ui:title': t('designer.standard.materialPicker.title'), 'ui:description': t('designer.standard.materialPicker.description') };
const standardUi: UiSchema = {
  'ui:submitButtonOptions': { norender: true },
  code: { 'ui:readonly': true },
  serviceObjects: { 'ui:field': 'CodedChecklist' },
  exerciseLevels: { 'ui:field': 'CodedChecklist' },
  acceptanceConditions: { items: textarea },
  resultSample: { description: textarea },
  legalBasis: { provisions: { items: { text: textarea } } },
  reviewPoints: { items: { point: textarea, materialId: materialPicker } },
  process: { items: { description: textarea } },
  materialTemplates: { items: { materialId: materialPicker, instructions: textarea, file: { 'ui:field': 'TemplateFile' } } },
  dataNeeds: { items: { materialId: materialPicker, purpose: textarea } },
  channelNote: textarea,
  deferredAcceptance: { basis: textarea, consequence: textarea },
  localFields: { 'ui:field': 'LocalFieldsChecklist' },
};

interface Definitions { definitions: Record<string, { oneOf?: { const: string; title: string }[]; properties?: { code?: { oneOf?: { const: string; title: string }[] } } }> }
const definitions = (standardSchema as unknown as Definitions).definitions;

/** Checkboxes of every option; a click adds or removes exactly that option and keeps the rest. */
function Checklist({ id, title, options, selected, disabled, required, onToggle }: { id: string; title: string; options: { value: string; label: string }[]; selected: Set<string>; disabled: boolean; required: boolean; onToggle: (value: string, on: boolean) => void }) {
  return (
    <fieldset className="checklist" id={id}>
      <legend>{title}{required ? <span className="required">*</span> : null}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" name={`${id}-${o.value}`} checked={selected.has(o.value)} disabled={disabled} onChange={(e) => onToggle(o.value, e.target.checked)} /> {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** 属地可设字段: the strings of the localField enumeration, in the enumeration's order. */
function LocalFieldsChecklist(props: FieldProps) {
  const options = (definitions.localField?.oneOf ?? []).map((o) => ({ value: o.const, label: o.title }));
  const current = Array.isArray(props.formData) ? (props.formData as string[]) : [];
  const toggle = (value: string, on: boolean) => {
    const next = new Set(current.filter((v) => v !== value));
    if (on) next.add(value);
    // Enumeration order; values the enumeration does not know (from an import) are kept at the end.
    const ordered = [...options.map((o) => o.value).filter((v) => next.has(v)), ...current.filter((v) => next.has(v) && !options.some((o) => o.value === v))];
    props.onChange(ordered, props.fieldPathId.path, undefined, props.fieldPathId.$id);
  };
  return <Checklist id={props.fieldPathId.$id} title={String(props.schema.title ?? props.name)} options={options} selected={new Set(current)} disabled={!!(props.disabled || props.readonly)} required={!!props.required} onToggle={toggle} />;
}

/** 服务对象 and 行使层级: lists of coded values, picked as checkboxes; each keeps its code and label. */
function CodedChecklist(props: FieldProps) {
  // RJSF may hand the items over resolved or as a $ref into the definitions.
  const items = (props.schema.items ?? {}) as { $ref?: string; properties?: { code?: { oneOf?: { const: string; title: string }[] } } };
  const ref = String(items.$ref ?? '').replace('#/definitions/', '');
  const options = (items.properties?.code?.oneOf ?? definitions[ref]?.properties?.code?.oneOf ?? []).map((o) => ({ value: o.const, label: o.title }));
  const current = Array.isArray(props.formData) ? (props.formData as { code: string; label: string }[]) : [];
  const toggle = (value: string, on: boolean) => {
    const codes = new Set(current.map((c) => c.code).filter((c) => c !== value));
    if (on) codes.add(value);
    const next = options.filter((o) => codes.has(o.value)).map((o) => ({ code: o.value, label: o.label }));
    props.onChange(next, props.fieldPathId.path, undefined, props.fieldPathId.$id);
  };
  return <Checklist id={props.fieldPathId.$id} title={String(props.schema.title ?? props.name)} options={options} selected={new Set(current.map((c) => c.code))} disabled={!!(props.disabled || props.readonly)} required={!!props.required} onToggle={toggle} />;
}

/** A material reference, picked by the material's name (the id stays internal). */
function MaterialPicker(props: WidgetProps) {
  const materials = ((props.registry.formContext as { materials?: { id: string; name: string }[] } | undefined)?.materials ?? []);
  const value = typeof props.value === 'string' ? props.value : '';
  const known = materials.some((m) => m.id === value);
  return (
    <select id={props.id} className="form-control" value={value} disabled={props.disabled || props.readonly} onChange={(e) => props.onChange(e.target.value === '' ? undefined : e.target.value)}>
      <option value="">{props.required ? t('designer.standard.materialPicker.choose') : t('designer.standard.materialPicker.none')}</option>
      {materials.map((m, j) => <option key={j} value={m.id}>{m.name || m.id}</option>)}
      {value && !known ? <option value={value}>{t('designer.standard.materialPicker.gone', { id: value })}</option> : null}
    </select>
  );
}

const standardFields = { ...designerFields, LocalFieldsChecklist, CodedChecklist, TemplateFile: TemplateFileField };
const standardWidgets = { MaterialPicker };

/** The 20 elements of the standard, in the sections an author fills them in; 申请材料 and 办理情形 are tables. */
const SECTIONS: { id: string; title: string; keys: string[] }[] = [
  { id: 'basic', title: t('guide.section.basic'), keys: ['name', 'aliases', 'code', 'itemType', 'caseType', 'serviceObjects', 'scope', 'exerciseLevels', 'department'] },
  { id: 'basis', title: t('designer.standard.section.basis'), keys: ['legalBasis', 'resultType', 'resultName', 'resultSample'] },
  { id: 'limits', title: t('guide.section.timeLimits'), keys: ['statutoryTimeLimit', 'promisedTimeLimit', 'supplementPeriod', 'stageTimeLimits'] },
  { id: 'conditions', title: t('designer.standard.section.conditions'), keys: ['acceptanceConditions', 'process', 'reviewPoints'] },
  { id: 'materials', title: t('designer.standard.section.materials'), keys: ['materials', 'scenarios', 'materialTemplates'] },
  { id: 'channel', title: t('designer.standard.section.channel'), keys: ['channel', 'channelNote', 'deliveryMethods', 'fee', 'localFields', 'deferredAcceptance', 'remedy'] },
  { id: 'data', title: t('designer.standard.section.data'), keys: ['dataNeeds'] },
];
const TABLE_KEYS = new Set(['materials', 'scenarios']);
const schemaProperties = standardSchema.properties as Record<string, RJSFSchema>;
const titleOf = (key: string) => {
  const p = schemaProperties[key] as { title?: string; $ref?: string } | undefined;
  const ref = p?.$ref?.replace('#/definitions/', '');
  return p?.title ?? (ref ? (definitions[ref] as { title?: string } | undefined)?.title : undefined) ?? key;
};
// Every element of the schema has a section (a new element lands in the last one rather than vanishing).
{
  const placed = new Set(SECTIONS.flatMap((s) => s.keys));
  const rest = Object.keys(schemaProperties).filter((k) => !placed.has(k));
  SECTIONS[SECTIONS.length - 1]?.keys.push(...rest);
}

function sectionSchema(keys: string[]): RJSFSchema {
  const own = keys.filter((k) => !TABLE_KEYS.has(k) && schemaProperties[k]);
  return {
    definitions: (standardSchema as { definitions?: RJSFSchema['definitions'] }).definitions,
    type: 'object',
    required: ((standardSchema.required ?? []) as string[]).filter((k) => own.includes(k)),
    properties: Object.fromEntries(own.map((k) => [k, schemaProperties[k]])),
  } as RJSFSchema;
}
const SECTION_SCHEMAS = new Map(SECTIONS.map((s) => [s.id, sectionSchema(s.keys)]));

/** The remaining elements of each material (份数、受理标准…), in a form of their own under the table. */
const materialDetailsSchema: RJSFSchema = {
  definitions: (standardSchema as Record<string, unknown>).definitions as RJSFSchema['definitions'],
  type: 'object',
  properties: { materials: (standardSchema.properties as Record<string, RJSFSchema>).materials as RJSFSchema },
} as RJSFSchema;
const materialDetailsUi: UiSchema = {
  'ui:submitButtonOptions': { norender: true },
  materials: {
    'ui:options': { addable: false, removable: false, orderable: false },
    items: {
      id: { 'ui:readonly': true },
      acceptanceStandard: textarea,
      fillInstructions: textarea,
      basis: textarea,
      notes: textarea,
    },
  },
};

export function ProblemSummary({ problems, prefix, title }: { problems: Problem[]; prefix: string; title: string }) {
  const mine = problems.filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`));
  if (!mine.length) return <div className="notice ok" role="status">{t('designer.problems.summaryNone', { title })}</div>;
  return (
    <div className="notice error" role="status">
      {t('designer.problems.summary', { title, n: mine.length })}
      <ul className="problems">
        {mine.slice(0, 8).map((p, i) => <li key={i}>{p.message}</li>)}
        {mine.length > 8 ? <li>{t('designer.problems.more', { n: mine.length - 8 })}</li> : null}
      </ul>
    </div>
  );
}

function ImportJson({ config, onImport, onClose }: { config: ItemConfig; onImport: (standard: ItemStandard) => void; onClose: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      const standard = (parsed && typeof parsed.standard === 'object' ? parsed.standard : parsed) as Record<string, unknown>;
      if (!standard || typeof standard !== 'object' || Array.isArray(standard)) throw new Error(t('designer.standard.import.notObject'));
      onImport({ ...(standard as unknown as ItemStandard), code: config.code });
      onClose();
    } catch (err) {
      setError(t('designer.standard.import.failed', { error: (err as Error).message }));
    }
  };
  return (
    <Modal title={t('designer.standard.import.title')} onClose={onClose} wide>
      <p className="muted">{t('designer.standard.import.hint', { standard: 'standard', code: config.code })}</p>
      <label htmlFor="import-json" className="sr-only">{t('designer.standard.import.label')}</label>
      <textarea id="import-json" className="json-editor" rows={16} value={text} onChange={(e) => setText(e.target.value)} />
      {error ? <div className="notice error" role="alert">{error}</div> : null}
      <div className="row" style={{ marginTop: 8 }}>
        <button className="primary" onClick={apply}>{t('designer.standard.import.apply')}</button>
        <button onClick={onClose}>{t('designer.modal.cancel')}</button>
      </div>
    </Modal>
  );
}

function StandardNav({ problems }: { problems: Problem[] }) {
  const count = (key: string) => problems.filter((p) => p.pointer === `/standard/${key}` || p.pointer.startsWith(`/standard/${key}/`)).length;
  const go = (id: string) => document.getElementById(id)?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  return (
    <nav className="std-nav" aria-label={t('designer.standard.nav')}>
      {SECTIONS.map((section) => (
        <div key={section.id}>
          <a href={`#std-section-${section.id}`} className="std-nav-group" onClick={(e) => { e.preventDefault(); go(`std-section-${section.id}`); }}>{section.title}</a>
          <ul>
            {section.keys.map((key) => {
              const n = count(key);
              return (
                <li key={key}>
                  <a href={`#std-element-${key}`} onClick={(e) => { e.preventDefault(); go(`std-element-${key}`); }}>
                    {titleOf(key)}{n ? <span className="count" aria-label={`${n} ${t('designer.problems.unit')}`}>{n}</span> : null}
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}

export function StandardTab({ config, onChange, problems, readOnly }: { config: ItemConfig; onChange: (c: ItemConfig) => void; problems: Problem[]; readOnly: boolean }) {
  const [importing, setImporting] = useState(false);
  const extraErrors = useMemo(() => toErrorSchema(problems, '/standard'), [problems]);
  const materials = config.standard?.materials;
  const formContext = useMemo(() => ({ materials: (Array.isArray(materials) ? materials : []).map((m) => ({ id: m.id, name: m.name })) }), [materials]);
  // Each section's form reports only its own elements; the rest of the standard is taken from the latest config.
  const latest = useRef(config);
  latest.current = config;
  const sectionChange = (keys: string[]) => (formData: unknown) => {
    const current = latest.current;
    const standard = { ...(current.standard as unknown as Record<string, unknown>) };
    const data = (formData ?? {}) as Record<string, unknown>;
    for (const key of keys) {
      if (TABLE_KEYS.has(key)) continue;
      if (data[key] === undefined) delete standard[key];
      else standard[key] = data[key];
    }
    onChange({ ...current, standard: standard as unknown as ItemStandard });
  };
  const formFor = (section: (typeof SECTIONS)[number]) => {
    const schema = SECTION_SCHEMAS.get(section.id) as RJSFSchema;
    if (!Object.keys(schema.properties ?? {}).length) return null;
    return (
      <div className="rjsf">
        <Form
          schema={schema}
          uiSchema={standardUi}
          formData={config.standard}
          formContext={formContext}
          validator={formValidator}
          fields={standardFields}
          widgets={standardWidgets}
          translateString={translateString}
          extraErrors={extraErrors}
          noValidate
          showErrorList={false}
          readonly={readOnly}
          idPrefix="std"
          experimental_defaultFormStateBehavior={{ arrayMinItems: { populate: 'never' }, emptyObjectFields: 'skipDefaults' }}
          onChange={(e) => sectionChange(section.keys)(e.formData)}
        />
      </div>
    );
  };
  return (
    <section aria-label={t('designer.standard.title')} className="std-layout">
      <StandardNav problems={problems} />
      <div className="std-main">
      <div className="row" style={{ marginBottom: 8 }}>
        <p className="muted grow" style={{ margin: 0 }}>{t('designer.standard.hint')}</p>
        {!readOnly ? <button onClick={() => setImporting(true)}>{t('designer.standard.import.open')}</button> : null}
      </div>
      <ProblemSummary problems={problems} prefix="/standard" title={t('designer.standard.title')} />
      {SECTIONS.map((section) => (
        <section key={section.id} id={`std-section-${section.id}`} className="card std-section" aria-labelledby={`std-section-${section.id}-title`}>
          <h3 id={`std-section-${section.id}-title`}>{section.title}</h3>
          {section.keys.filter((k) => !TABLE_KEYS.has(k)).map((key) => <span key={key} id={`std-element-${key}`} className="anchor" />)}
          {section.id === 'materials' ? (
            <>
              <span id="std-element-materials" className="anchor" />
              <span id="std-element-scenarios" className="anchor" />
              <MaterialsTables config={config} onChange={onChange} problems={problems} readOnly={readOnly} />
              {(config.standard?.materials ?? []).length ? (
                <details className="card rjsf">
                  <summary>{t('designer.standard.materialDetails')}</summary>
                  <Form
                    schema={materialDetailsSchema}
                    uiSchema={materialDetailsUi}
                    formData={{ materials: config.standard?.materials }}
                    validator={formValidator}
                    fields={designerFields}
                    translateString={translateString}
                    extraErrors={extraErrors}
                    noValidate
                    showErrorList={false}
                    readonly={readOnly}
                    idPrefix="mat"
                    experimental_defaultFormStateBehavior={{ arrayMinItems: { populate: 'never' }, emptyObjectFields: 'skipDefaults' }}
                    onChange={(e) => onChange({ ...latest.current, standard: { ...latest.current.standard, materials: (e.formData as { materials: ItemStandard['materials'] }).materials } })}
                  />
                </details>
              ) : null}
            </>
          ) : null}
          {formFor(section)}
        </section>
      ))}
      </div>
      {importing ? <ImportJson config={config} onClose={() => setImporting(false)} onImport={(standard) => onChange({ ...config, standard })} /> : null}
    </section>
  );
}
