import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Component, memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { conditionText, CONTEXT_FACTS, type FieldConditionOperator, type FormDefinition, type ItemConfig, type Problem } from '../../../engine/core/index.js';
import { useDragReorder, moved, type DragProps } from './dnd.js';
import { askConfirm } from './Modal.js';
import { fieldReferences } from './references.js';
import {
  buildForm, CHILD_KINDS, conditionOperatorName, conditionOperatorsFor, conditionProblem, conditionValueFromText, conditionValueText, FIELD_KINDS, isContainer,
  isRoundTrip, newField, NEW_OPTIONS, parseForm, retargetConditions, setCondition, stableStringify, type FieldKind, type FieldModel, type FieldModelCondition,
} from './formModel.js';
import { t } from './ui-text.js';
import { formValidator, translateString } from '../../../engine/web-kit/index.js';
import { previewErrors, toErrorSchema } from './rjsf.js';
import { ProblemSummary } from './StandardTab.js';
import { useSettled } from './useSettled.js';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Names a field may not take: the rules read these as context facts. */
const RESERVED: readonly string[] = CONTEXT_FACTS;

/** Shows `fallback` once its children fail to render, until `resetKey` changes (e.g. a new form definition). */
export class ErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode; resetKey?: unknown }, { failed: boolean; resetKey: unknown }> {
  override state = { failed: false, resetKey: this.props.resetKey };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  static getDerivedStateFromProps(props: { resetKey?: unknown }, state: { failed: boolean; resetKey: unknown }) {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const EFFECT_LABELS = { show: 'designer.form.condition.effect.show', require: 'designer.form.condition.effect.require' } as const;

/**
 * "显示/必填条件": the other field, the comparison (有值 / 等于 / 属于 / 大于 / 小于 / 不小于 / 不大于) and the
 * value typed to the other field (its options for a choice, a number for a number). What the author
 * has not finished (a comparison without a value) stays in the panel and is written to the form
 * only once it is complete, so the form never holds a half condition.
 */
function ConditionEditor({ field, fields, onChange }: { field: FieldModel; fields: FieldModel[]; onChange: (f: FieldModel) => void }) {
  const [draft, setDraft] = useState(() => ({
    controller: field.condition?.field ?? '',
    operator: (field.condition?.operator ?? 'isFilled') as FieldConditionOperator,
    text: conditionValueText(field.condition?.value),
    effect: field.condition?.effect ?? 'show',
  }));
  const candidates = fields.filter((f) => f !== field && f.condition?.effect !== 'show' && f.condition?.field !== field.name);
  const controller = fields.find((f) => f.name === draft.controller);
  const operators = controller ? conditionOperatorsFor(controller.kind) : (['isFilled'] as FieldConditionOperator[]);
  const apply = (next: typeof draft) => {
    setDraft(next);
    const target = fields.find((f) => f.name === next.controller);
    if (!next.controller || !target) {
      if (field.condition) onChange(setCondition(field, undefined));
      return;
    }
    const value = conditionValueFromText(target, next.operator, next.text);
    const condition: FieldModelCondition = { field: next.controller, operator: next.operator, effect: next.effect, ...(value !== undefined ? { value } : {}) };
    if (conditionProblem(condition, target) === null) onChange(setCondition(field, condition));
  };
  const pending = controller ? conditionProblem({ field: draft.controller, operator: draft.operator, effect: draft.effect, value: conditionValueFromText(controller, draft.operator, draft.text) }, controller) : null;
  const options = controller?.kind === 'single' ? controller.options : null;
  const separator = t('designer.form.valueSeparator');
  const chosen = new Set(draft.text.split(separator).filter(Boolean));
  return (
    <div className="condition" role="group" aria-label={t('designer.form.condition.title')}>
      <label className="field">
        <span>{t('designer.form.condition.controller')}</span>
        <select name="showWhen" value={draft.controller} onChange={(e) => apply({ ...draft, controller: e.target.value, operator: 'isFilled', text: '' })}>
          <option value="">{t('designer.form.condition.always')}</option>
          {candidates.map((f) => <option key={f.name} value={f.name}>{t('designer.form.condition.controllerOption', { title: f.title, name: f.name })}</option>)}
        </select>
      </label>
      {controller ? (
        <div className="row">
          <label className="field">
            <span>{t('designer.form.condition.operator')}</span>
            <select name="conditionOperator" value={draft.operator} onChange={(e) => apply({ ...draft, operator: e.target.value as FieldConditionOperator, text: e.target.value === 'in' || draft.operator === 'in' ? '' : draft.text })}>
              {operators.map((op) => <option key={op} value={op}>{conditionOperatorName(op)}</option>)}
            </select>
          </label>
          {draft.operator !== 'isFilled' && options && draft.operator === 'equal' ? (
            <label className="field grow">
              <span>{t('designer.form.condition.value')}</span>
              <select name="conditionValue" value={draft.text} onChange={(e) => apply({ ...draft, text: e.target.value })}>
                <option value="">{t('designer.choose')}</option>
                {options.map((o) => <option key={o} value={o}>{o}</option>)}
              </select>
            </label>
          ) : null}
          {draft.operator === 'in' && options ? (
            <fieldset className="field grow condition-values">
              <legend>{t('designer.form.condition.valuesAny')}</legend>
              {options.map((o) => (
                <label key={o} className="row">
                  <input type="checkbox" name="conditionValues" value={o} checked={chosen.has(o)}
                    onChange={(e) => apply({ ...draft, text: options.filter((x) => (x === o ? e.target.checked : chosen.has(x))).join(separator) })} /> {o}
                </label>
              ))}
            </fieldset>
          ) : null}
          {draft.operator !== 'isFilled' && !options ? (
            <label className="field grow">
              <span>{t(draft.operator === 'in' ? 'designer.form.condition.valuesTyped' : 'designer.form.condition.value')}</span>
              <input type={controller.kind === 'number' && draft.operator !== 'in' ? 'number' : 'text'} name="conditionValue" value={draft.text} onChange={(e) => apply({ ...draft, text: e.target.value })} />
            </label>
          ) : null}
          <label className="field">
            <span>{t('designer.form.condition.effect')}</span>
            <select name="conditionEffect" value={draft.effect} onChange={(e) => apply({ ...draft, effect: e.target.value as 'show' | 'require' })}>
              {(['show', 'require'] as const).map((effect) => <option key={effect} value={effect}>{t(EFFECT_LABELS[effect])}</option>)}
            </select>
          </label>
        </div>
      ) : null}
      {pending ? <span className="problems" role="alert">{t('designer.form.condition.pending', { problem: pending })}</span> : null}
      {field.condition && !pending ? <p className="muted" data-testid="condition-summary">{conditionSentence(field.condition, fields)}</p> : null}
    </div>
  );
}

function conditionSentence(condition: FieldModelCondition, fields: FieldModel[]): string {
  const titleOf = (name: string) => fields.find((f) => f.name === name)?.title ?? name;
  return t(condition.effect === 'show' ? 'designer.form.condition.sentence.show' : 'designer.form.condition.sentence.require', { when: conditionText(condition, titleOf) });
}

function PropertyPanel({ field, fields, onChange, readOnly, parent }: { field: FieldModel; fields: FieldModel[]; onChange: (f: FieldModel) => void; readOnly: boolean; parent?: FieldModel }) {
  const [name, setName] = useState(field.name);
  useEffect(() => setName(field.name), [field.name]);
  const nameError = !FIELD_NAME.test(name)
    ? t('designer.form.name.invalid')
    : RESERVED.includes(name)
      ? t('designer.form.name.reserved', { name })
      : fields.some((f) => f !== field && f.name === name)
        ? t('designer.form.name.taken')
        : null;
  const isChoice = field.kind === 'single' || field.kind === 'multi';
  const hasLength = field.kind === 'text';
  const minLabel = t(field.kind === 'number' ? 'designer.form.limit.minNumber' : field.kind === 'multi' ? 'designer.form.limit.minChoices' : field.kind === 'repeat' ? 'designer.form.limit.minEntries' : 'designer.form.limit.minLength');
  const maxLabel = t(field.kind === 'number' ? 'designer.form.limit.maxNumber' : field.kind === 'multi' ? 'designer.form.limit.maxChoices' : field.kind === 'repeat' ? 'designer.form.limit.maxEntries' : 'designer.form.limit.maxLength');
  const showLimits = field.kind === 'number' || field.kind === 'multi' || field.kind === 'repeat' || hasLength;
  const kinds = parent ? CHILD_KINDS : FIELD_KINDS;
  const changeKind = (kind: FieldKind) => {
    const { children: _children, ...rest } = field;
    onChange({ ...rest, kind, options: field.options.length ? field.options : NEW_OPTIONS(), ...(isContainer(kind) ? { children: field.children ?? [] } : {}) });
  };
  return (
    <fieldset className="props" disabled={readOnly} aria-label={t('designer.form.props')}>
      <legend>{parent ? t('designer.form.props.inContainer', { container: parent.title }) : t('designer.form.props')}</legend>
      <label className="field">
        <span>{t('designer.form.props.title')}</span>
        <input type="text" name="title" value={field.title} onChange={(e) => onChange({ ...field, title: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('designer.form.props.name')}</span>
        <input
          type="text"
          name="fieldName"
          value={name}
          aria-invalid={nameError ? true : undefined}
          onChange={(e) => setName(e.target.value)}
          onBlur={() => {
            if (!nameError && name !== field.name) onChange({ ...field, name });
          }}
        />
        {nameError ? <span className="problems" role="alert">{nameError}</span> : null}
      </label>
      <label className="field">
        <span>{t('designer.form.props.kind')}</span>
        <select name="kind" value={field.kind} onChange={(e) => changeKind(e.target.value as FieldKind)}>
          {kinds.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
        </select>
      </label>
      {field.kind === 'file' ? <p className="muted">{t('designer.form.props.fileHint')}</p> : null}
      {field.kind === 'group' ? <p className="muted">{t('designer.form.props.groupHint')}</p> : null}
      {field.kind === 'repeat' ? <p className="muted">{t('designer.form.props.repeatHint')}</p> : null}
      <label className="row" style={{ marginBottom: 8 }}>
        <input type="checkbox" name="required" checked={field.required} onChange={(e) => onChange({ ...field, required: e.target.checked })} /> {t('designer.form.props.required')}
      </label>
      <label className="field">
        <span>{t('designer.form.props.description')}</span>
        <textarea rows={2} name="description" value={field.description ?? ''} onChange={(e) => onChange({ ...field, description: e.target.value || undefined } as FieldModel)} />
      </label>
      {isChoice ? (
        <label className="field">
          <span>{t('designer.form.props.options')}</span>
          <textarea
            rows={4}
            name="options"
            value={field.options.join('\n')}
            onChange={(e) => onChange({ ...field, options: e.target.value.split('\n').map((s) => s.trim()).filter((s, i, all) => s !== '' || i === all.length - 1) })}
            onBlur={() => onChange({ ...field, options: field.options.filter((s) => s !== '') })}
          />
        </label>
      ) : null}
      {showLimits ? (
        <div className="row">
          <label className="field grow">
            <span>{minLabel}</span>
            <input type="number" name="min" value={field.min ?? ''} onChange={(e) => onChange({ ...field, min: numberOrUndefined(e.target.value) } as FieldModel)} />
          </label>
          <label className="field grow">
            <span>{maxLabel}</span>
            <input type="number" name="max" value={field.max ?? ''} onChange={(e) => onChange({ ...field, max: numberOrUndefined(e.target.value) } as FieldModel)} />
          </label>
        </div>
      ) : null}
      {hasLength ? (
        <label className="field">
          <span>{t('designer.form.props.pattern')}</span>
          <input type="text" name="pattern" value={field.pattern ?? ''} placeholder={t('designer.form.props.patternPlaceholder')} onChange={(e) => onChange({ ...field, pattern: e.target.value || undefined } as FieldModel)} />
        </label>
      ) : null}
      {!parent ? <ConditionEditor field={field} fields={fields} onChange={onChange} /> : null}
    </fieldset>
  );
}

const JsonEditor = memo(function JsonEditor({ form: latest, onChange, readOnly }: { form: FormDefinition; onChange: (f: FormDefinition) => void; readOnly: boolean }) {
  // Serialising a large form is not worth a keystroke's paint: it follows once the author pauses.
  const form = useDeferredValue(useSettled(latest, PREVIEW_SETTLE_MS));
  const serialised = useMemo(() => JSON.stringify({ schema: form.schema, uiSchema: form.uiSchema ?? {} }, null, 2), [form]);
  const [text, setText] = useState(serialised);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((current) => {
      try {
        if (stableStringify(JSON.parse(current)) === stableStringify(JSON.parse(serialised))) return current;
      } catch {
        /* replace an unparsable text only when the form changed elsewhere */
      }
      return serialised;
    });
    setError(null);
  }, [serialised]);
  return (
    <details className="card">
      <summary>{t('designer.form.json.summary')}</summary>
      <label htmlFor="form-json" className="sr-only">{t('designer.form.json.label')}</label>
      <textarea
        id="form-json"
        className="json-editor"
        rows={18}
        readOnly={readOnly}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed = JSON.parse(e.target.value) as { schema?: unknown; uiSchema?: unknown };
            if (!parsed || typeof parsed.schema !== 'object' || parsed.schema === null) throw new Error(t('designer.form.json.noSchema'));
            setError(null);
            onChange({ schema: parsed.schema as Record<string, unknown>, uiSchema: (parsed.uiSchema ?? {}) as Record<string, unknown> });
          } catch (err) {
            setError(t('designer.form.json.invalid', { error: (err as Error).message }));
          }
        }}
      />
      {error ? <div className="notice error" role="alert">{error}</div> : null}
    </details>
  );
});

/** How long the preview waits for the author to pause before it rebuilds the form. */
const PREVIEW_SETTLE_MS = 200;

const PreviewForm = memo(function PreviewForm({ form, formData, onChange, idPrefix }: { form: FormDefinition; formData: unknown; onChange: (data: unknown) => void; idPrefix: string }) {
  const uiSchema = useMemo(() => ({ ...(form.uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } }) as UiSchema, [form.uiSchema]);
  return (
    <div className="rjsf">
      <Form
        schema={form.schema as RJSFSchema}
        uiSchema={uiSchema}
        formData={formData}
        validator={formValidator}
        translateString={translateString}
        liveValidate="onChange"
        transformErrors={previewErrors}
        showErrorList={false}
        idPrefix={idPrefix}
        onChange={(e) => onChange(e.formData)}
      />
    </div>
  );
});

/**
 * The live preview of a form. Rebuilding RJSF's form of 100 fields costs a few hundred
 * milliseconds, so the preview follows the definition once the author pauses (and then in a
 * background render, which a keystroke interrupts); the form is updated in place, not remounted,
 * so what was typed into the preview stays.
 */
export function FormPreview({ form, formData, onChange, idPrefix = 'preview' }: { form: FormDefinition; formData?: unknown; onChange?: (data: Record<string, unknown>) => void; idPrefix?: string }) {
  const [data, setData] = useState<unknown>(formData ?? {});
  const shown = useDeferredValue(useSettled(form, PREVIEW_SETTLE_MS));
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const handleChange = useCallback((next: unknown) => {
    setData(next);
    onChangeRef.current?.((next ?? {}) as Record<string, unknown>);
  }, []);
  return (
    <ErrorBoundary resetKey={shown} fallback={<div className="notice warn">{t('designer.form.preview.invalid')}</div>}>
      <PreviewForm form={shown} formData={formData ?? data} onChange={handleChange} idPrefix={idPrefix} />
    </ErrorBoundary>
  );
}

type ErrorTree = Record<string, unknown>;
const sub = (node: unknown, ...keys: string[]): ErrorTree => {
  let n = node as ErrorTree | undefined;
  for (const k of keys) n = (n && typeof n === 'object' ? (n[k] as ErrorTree | undefined) : undefined);
  return n ?? {};
};

/** What a row shows of its field's condition: 当「户籍所在地」为「外盟市」时显示. */
function conditionLabel(f: FieldModel, fields: FieldModel[]): string | undefined {
  return f.condition ? conditionSentence(f.condition, fields) : undefined;
}

interface RowActions {
  select: (key: string) => void;
  move: (from: number, to: number) => void;
  remove: (index: number) => void;
  replaceChildren: (index: number, children: FieldModel[]) => void;
  /** Drag handlers of the row at `index` (the latest; their state flags come as props). */
  drag: (index: number) => DragProps;
}

/**
 * One row of the field list. Memoised: a keystroke in the property panel re-renders the row of the
 * field being edited, not the other 99 (every prop is a primitive, a field model kept identical
 * while unchanged, or a stable callback).
 */
const FieldRow = memo(function FieldRow({ f, index, count, selected, selectedChild, actions, readOnly, problemCount, condition, dropTarget, dragging, errors }: {
  f: FieldModel; index: number; count: number; selected: boolean; selectedChild: string | null; actions: RowActions; readOnly: boolean;
  problemCount: number; condition?: string | undefined; dropTarget?: 'before' | 'after' | undefined; dragging: boolean; errors: ErrorTree;
}) {
  const handlers = readOnly ? {} : actions.drag(index);
  return (
    <li className={selected ? 'selected' : ''} data-field={f.name} {...handlers} {...(dropTarget ? { 'data-drop-target': dropTarget } : {})} {...(dragging ? { 'data-dragging': 'true' } : {})}>
      <div className="fieldrow">
        {!readOnly ? <span className="handle" aria-hidden="true" title={t('designer.dragToReorder')}>⠿</span> : null}
        <button className="pick" aria-pressed={selected} onClick={() => actions.select(f.name)} title={f.name}>
          {f.title}{f.required ? <span className="required" style={{ color: 'var(--red)' }}> *</span> : null}
          <br />
          <span className="muted">{FIELD_KINDS.find((k) => k.kind === f.kind)?.label} · {f.name}</span>
          {condition ? <span className="cond"> · {condition}</span> : null}
          {problemCount ? <span className="badge fail">{t('designer.form.row.hasProblems')}</span> : null}
        </button>
        {!readOnly ? (
          <>
            <button className="small" onClick={() => actions.move(index, index - 1)} disabled={index === 0} aria-label={t('designer.form.row.moveUp', { name: f.title })}>↑</button>
            <button className="small" onClick={() => actions.move(index, index + 1)} disabled={index === count - 1} aria-label={t('designer.form.row.moveDown', { name: f.title })}>↓</button>
            <button className="small danger" onClick={() => actions.remove(index)} aria-label={t('designer.form.row.delete', { name: f.title })}>✕</button>
          </>
        ) : null}
      </div>
      {isContainer(f.kind) ? (
        <ChildList parent={f} selected={selectedChild} onSelect={actions.select} readOnly={readOnly} errors={errors} onChange={(children) => actions.replaceChildren(index, children)} />
      ) : null}
    </li>
  );
});

function ChildRow({ c, index, count, selected, onSelect, onMove, onRemove, readOnly, problemCount, drag }: {
  c: FieldModel; index: number; count: number; selected: boolean; onSelect: () => void; onMove: (delta: number) => void; onRemove: () => void; readOnly: boolean;
  problemCount: number; drag: DragProps;
}) {
  return (
    <li className={selected ? 'selected' : ''} data-field={c.name} {...drag}>
      <div className="fieldrow">
        {!readOnly ? <span className="handle" aria-hidden="true" title={t('designer.dragToReorder')}>⠿</span> : null}
        <button className="pick" aria-pressed={selected} onClick={onSelect} title={c.name}>
          {c.title}{c.required ? <span className="required" style={{ color: 'var(--red)' }}> *</span> : null}
          <br />
          <span className="muted">{FIELD_KINDS.find((k) => k.kind === c.kind)?.label} · {c.name}</span>
          {problemCount ? <span className="badge fail">{t('designer.form.row.hasProblems')}</span> : null}
        </button>
        {!readOnly ? (
          <>
            <button className="small" onClick={() => onMove(-1)} disabled={index === 0} aria-label={t('designer.form.row.moveUp', { name: c.title })}>↑</button>
            <button className="small" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={t('designer.form.row.moveDown', { name: c.title })}>↓</button>
            <button className="small danger" onClick={onRemove} aria-label={t('designer.form.row.delete', { name: c.title })}>✕</button>
          </>
        ) : null}
      </div>
    </li>
  );
}

function ChildList({ parent, selected, onSelect, onChange, readOnly, errors }: {
  parent: FieldModel; selected: string | null; onSelect: (key: string) => void; onChange: (children: FieldModel[]) => void; readOnly: boolean; errors: ErrorTree;
}) {
  const children = parent.children ?? [];
  const [kind, setKind] = useState<FieldKind>('text');
  const drag = useDragReorder((from, to) => onChange(moved(children, from, to)));
  const add = () => {
    const field = newField(kind, new Set(children.map((c) => c.name)));
    onChange([...children, field]);
    onSelect(`${parent.name}.${field.name}`);
  };
  const childErrors = parent.kind === 'repeat' ? sub(errors, 'items', 'properties') : sub(errors, 'properties');
  return (
    <div className="children">
      {children.length === 0 ? <p className="muted" style={{ margin: '2px 0' }}>{t(parent.kind === 'repeat' ? 'designer.form.children.emptyRepeat' : 'designer.form.children.emptyGroup')}</p> : null}
      <ol className="fieldlist nested" aria-label={t('designer.form.children.list', { name: parent.title })}>
        {children.map((c, i) => (
          <ChildRow
            key={`${c.name}-${i}`}
            c={c}
            index={i}
            count={children.length}
            selected={selected === `${parent.name}.${c.name}`}
            onSelect={() => onSelect(`${parent.name}.${c.name}`)}
            onMove={(d) => onChange(moved(children, i, i + d))}
            onRemove={() => {
              onChange(children.filter((_, j) => j !== i));
              onSelect(parent.name);
            }}
            readOnly={readOnly}
            problemCount={Object.keys(sub(childErrors, c.name)).length}
            drag={drag(i, !readOnly)}
          />
        ))}
      </ol>
      {!readOnly ? (
        <div className="row">
          <select className="small" value={kind} onChange={(e) => setKind(e.target.value as FieldKind)} aria-label={t('designer.form.children.newKind', { name: parent.title })}>
            {CHILD_KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
          </select>
          <button className="small" onClick={add} aria-label={t('designer.form.children.add', { name: parent.title })}>{t('designer.form.children.addShort')}</button>
        </div>
      ) : null}
    </div>
  );
}

/**
 * The parsed field list, with each field model kept identical to the previous render's while it
 * has not changed, so memoised rows skip the fields a keystroke did not touch.
 */
function useStableFields(form: FormDefinition): FieldModel[] {
  const previous = useRef<{ fields: FieldModel[]; keys: string[] }>({ fields: [], keys: [] });
  return useMemo(() => {
    const parsed = parseForm(form);
    const keys = parsed.map((f) => JSON.stringify(f));
    const fields = parsed.map((f, i) => (previous.current.keys[i] === keys[i] ? (previous.current.fields[i] as FieldModel) : f));
    previous.current = { fields, keys };
    return fields;
  }, [form]);
}

const EMPTY_ERRORS: ErrorTree = {};

export function FormTab({ config, onChange, problems, readOnly }: { config: ItemConfig; onChange: (c: ItemConfig) => void; problems: Problem[]; readOnly: boolean }) {
  const fields = useStableFields(config.form);
  // The round-trip check parses and rebuilds the whole form: once the author pauses is soon enough.
  const deferredForm = useDeferredValue(useSettled(config.form, PREVIEW_SETTLE_MS));
  const exact = useMemo(() => isRoundTrip(deferredForm), [deferredForm]);
  // The selection is a field name, or "group.child" for a field inside a group / repeating group.
  const [selected, setSelected] = useState<string | null>(fields[0]?.name ?? null);
  const [parentName, childName] = selected?.includes('.') ? (selected.split('.') as [string, string]) : [selected, null];
  const parent = childName ? fields.find((f) => f.name === parentName) ?? null : null;
  const current = childName ? parent?.children?.find((c) => c.name === childName) ?? null : fields.find((f) => f.name === selected) ?? null;
  const fieldErrors = useMemo(() => toErrorSchema(problems, '/form/schema/properties') as ErrorTree, [problems]);

  // The latest state for the stable row callbacks below.
  const latest = useRef({ config, fields, onChange });
  latest.current = { config, fields, onChange };
  const commit = useCallback((next: FieldModel[]) => {
    const { config: c, onChange: change } = latest.current;
    change({ ...c, form: buildForm(next, c.form) });
  }, []);
  const add = (kind: FieldKind) => {
    const field = newField(kind, new Set(fields.map((f) => f.name)));
    commit([...fields, field]);
    setSelected(field.name);
  };
  const move = useCallback((from: number, to: number) => {
    const list = latest.current.fields;
    if (to < 0 || to >= list.length) return;
    commit(moved(list, from, to));
  }, [commit]);
  const drag = useDragReorder(move);
  const dragRef = useRef(drag);
  dragRef.current = drag;
  const actions = useMemo<RowActions>(() => ({
    select: (key) => setSelected(key),
    move,
    remove: (index) => {
      const f = latest.current.fields[index];
      if (!f) return;
      void (async () => {
        const refs = fieldReferences(latest.current.config, f.name);
        if (refs.length && !(await askConfirm({ title: t('designer.form.deleteTitle', { name: f.title }), message: t('designer.form.deleteMessage', { n: refs.length }), items: refs, confirmLabel: t('designer.deleteAnyway'), danger: true }))) return;
        const list = latest.current.fields;
        const at = list.findIndex((x) => x.name === f.name);
        if (at === -1) return;
        const next = retargetConditions(list.filter((_, i) => i !== at), f.name, undefined);
        commit(next);
        setSelected(next[Math.min(at, next.length - 1)]?.name ?? null);
      })();
    },
    replaceChildren: (index, children) => {
      const list = latest.current.fields;
      const f = list[index];
      if (f) commit(list.map((x, i) => (i === index ? { ...f, children } : x)));
    },
    drag: (index) => dragRef.current(index, true),
  }), [commit, move]);
  const replace = (index: number, f: FieldModel) => {
    const old = fields[index];
    const next = fields.map((x, i) => (i === index ? f : x));
    commit(old && old.name !== f.name ? retargetConditions(next, old.name, f.name) : next);
    if (old && old.name !== f.name) setSelected(f.name);
  };
  const fieldProblemCount = (name: string) => Object.keys(fieldErrors[name] ?? {}).length;

  let panel: ReactNode = <p className="muted">{t('designer.form.selectHint')}</p>;
  if (current && parent && parent.children) {
    const siblings = parent.children;
    const pi = fields.indexOf(parent);
    panel = (
      <PropertyPanel
        key={`${parent.name}.${current.name}`}
        field={current}
        fields={siblings}
        parent={parent}
        readOnly={readOnly}
        onChange={(c) => {
          actions.replaceChildren(pi, siblings.map((x) => (x === current ? c : x)));
          if (c.name !== current.name) setSelected(`${parent.name}.${c.name}`);
        }}
      />
    );
  } else if (current) {
    panel = <PropertyPanel key={`${current.name}`} field={current} fields={fields} readOnly={readOnly} onChange={(f) => replace(fields.indexOf(current), f)} />;
  }
  const onJsonChange = useCallback((form: FormDefinition) => latest.current.onChange({ ...latest.current.config, form }), []);

  return (
    <section aria-label={t('designer.tab.form')}>
      <ProblemSummary problems={problems} prefix="/form" title={t('designer.form.problemsTitle')} />
      {!exact ? <div className="notice warn">{t('designer.form.notRoundTrip')}</div> : null}
      <div className="cols form-designer">
        <div className="card">
          <h3 style={{ marginTop: 0 }}>{t('designer.form.fields')}</h3>
          {!readOnly ? (
            <div className="palette" role="group" aria-label={t('designer.form.palette')}>
              {FIELD_KINDS.map((k) => (
                <button key={k.kind} className="small" onClick={() => add(k.kind)} aria-label={t('designer.form.addKind', { kind: k.label })}>+ {k.label}</button>
              ))}
            </div>
          ) : null}
          {fields.length === 0 ? <p className="muted">{t('designer.form.empty')}</p> : null}
          {!readOnly && fields.length > 1 ? <p className="muted" style={{ margin: '0 0 6px' }}>{t('designer.form.reorderHint')}</p> : null}
          <ol className="fieldlist" aria-label={t('designer.form.list')}>
            {fields.map((f, i) => {
              const flags = readOnly ? {} : drag(i, true);
              return (
                <FieldRow
                  key={`${f.name}-${i}`}
                  f={f}
                  index={i}
                  count={fields.length}
                  selected={f.name === selected}
                  selectedChild={selected?.startsWith(`${f.name}.`) ? selected : null}
                  actions={actions}
                  readOnly={readOnly}
                  problemCount={fieldProblemCount(f.name)}
                  condition={conditionLabel(f, fields)}
                  dropTarget={flags['data-drop-target']}
                  dragging={flags['data-dragging'] === 'true'}
                  errors={isContainer(f.kind) ? sub(fieldErrors, f.name) : EMPTY_ERRORS}
                />
              );
            })}
          </ol>
        </div>
        <div className="card">
          {panel}
        </div>
        <div className="card preview-card">
          <h3 style={{ marginTop: 0 }}>{t('designer.form.preview')}</h3>
          <p className="muted">{t('designer.form.previewHint')}</p>
          <div className="preview">
            <FormPreview form={config.form} />
          </div>
        </div>
      </div>
      <JsonEditor form={config.form} readOnly={readOnly} onChange={onJsonChange} />
    </section>
  );
}
