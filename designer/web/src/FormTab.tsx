import Form from '@rjsf/core';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { Component, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { FormDefinition, ItemConfig, Problem } from '../../../engine/core/index.js';
import { useDragReorder, moved } from './dnd.js';
import { askConfirm } from './Modal.js';
import { fieldReferences } from './references.js';
import { buildForm, CHILD_KINDS, FIELD_KINDS, isContainer, isRoundTrip, newField, parseForm, stableStringify, type FieldKind, type FieldModel } from './formModel.js';
import { formValidator, translateString } from '../../../engine/web-kit/index.js';
import { previewErrors, toErrorSchema } from './rjsf.js';
import { ProblemSummary } from './StandardTab.js';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const RESERVED = ['today', 'division', 'scenario', 'materials'];

export class ErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
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

function PropertyPanel({ field, fields, onChange, readOnly, parent }: { field: FieldModel; fields: FieldModel[]; onChange: (f: FieldModel) => void; readOnly: boolean; parent?: FieldModel }) {
  const [name, setName] = useState(field.name);
  useEffect(() => setName(field.name), [field.name]);
  const nameError = !FIELD_NAME.test(name)
    ? '字段名应以英文字母开头，只含英文字母、数字和下划线'
    : RESERVED.includes(name)
      ? `「${name}」是规则的保留事实，请换一个名称`
      : fields.some((f) => f !== field && f.name === name)
        ? '已有同名字段'
        : null;
  const isChoice = field.kind === 'single' || field.kind === 'multi';
  const hasLength = field.kind === 'text';
  const minLabel = field.kind === 'number' ? '最小值' : field.kind === 'multi' ? '最少选择项数' : field.kind === 'repeat' ? '最少条数' : '最少字符数';
  const maxLabel = field.kind === 'number' ? '最大值' : field.kind === 'multi' ? '最多选择项数' : field.kind === 'repeat' ? '最多条数' : '最多字符数';
  const showLimits = field.kind === 'number' || field.kind === 'multi' || field.kind === 'repeat' || hasLength;
  const kinds = parent ? CHILD_KINDS : FIELD_KINDS;
  const changeKind = (kind: FieldKind) => {
    const { children: _children, ...rest } = field;
    onChange({ ...rest, kind, options: field.options.length ? field.options : ['选项一', '选项二'], ...(isContainer(kind) ? { children: field.children ?? [] } : {}) });
  };
  return (
    <fieldset className="props" disabled={readOnly} aria-label="字段属性">
      <legend>字段属性{parent ? `（「${parent.title}」中的字段）` : ''}</legend>
      <label className="field">
        <span>标题</span>
        <input type="text" name="title" value={field.title} onChange={(e) => onChange({ ...field, title: e.target.value })} />
      </label>
      <label className="field">
        <span>字段名（英文，规则中引用）</span>
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
        <span>类型</span>
        <select name="kind" value={field.kind} onChange={(e) => changeKind(e.target.value as FieldKind)}>
          {kinds.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
        </select>
      </label>
      {field.kind === 'file' ? <p className="muted">申请人在表单中选择文件；窗口受理时附件另行保存，表单中只是声明的附件字段。</p> : null}
      {field.kind === 'group' ? <p className="muted">分组在表单中显示为一个带标题的区块，其中的字段在左侧列表中编辑。</p> : null}
      {field.kind === 'repeat' ? <p className="muted">重复组可由申请人添加多条，每条包含左侧列表中的字段（如家庭成员）。</p> : null}
      <label className="row" style={{ marginBottom: 8 }}>
        <input type="checkbox" name="required" checked={field.required} onChange={(e) => onChange({ ...field, required: e.target.checked })} /> 必填
      </label>
      <label className="field">
        <span>说明（显示在字段下方）</span>
        <textarea rows={2} name="description" value={field.description ?? ''} onChange={(e) => onChange({ ...field, description: e.target.value || undefined } as FieldModel)} />
      </label>
      {isChoice ? (
        <label className="field">
          <span>选项（每行一个）</span>
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
          <span>正则（格式要求）</span>
          <input type="text" name="pattern" value={field.pattern ?? ''} placeholder="如 ^[0-9]{6}$" onChange={(e) => onChange({ ...field, pattern: e.target.value || undefined } as FieldModel)} />
        </label>
      ) : null}
      {!parent ? <label className="field">
        <span>仅当另一字段有值时显示</span>
        <select name="showWhen" value={field.showWhen ?? ''} onChange={(e) => onChange({ ...field, showWhen: e.target.value || undefined } as FieldModel)}>
          <option value="">（始终显示）</option>
          {fields.filter((f) => f !== field && !f.showWhen).map((f) => <option key={f.name} value={f.name}>{f.title}（{f.name}）</option>)}
        </select>
      </label> : null}
    </fieldset>
  );
}

function JsonEditor({ form, onChange, readOnly }: { form: FormDefinition; onChange: (f: FormDefinition) => void; readOnly: boolean }) {
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
      <summary>专家模式：直接编辑表单 JSON（schema 与 uiSchema，与上方设计同步）</summary>
      <label htmlFor="form-json" className="sr-only">表单 JSON</label>
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
            if (!parsed || typeof parsed.schema !== 'object' || parsed.schema === null) throw new Error('应包含 schema 对象');
            setError(null);
            onChange({ schema: parsed.schema as Record<string, unknown>, uiSchema: (parsed.uiSchema ?? {}) as Record<string, unknown> });
          } catch (err) {
            setError(`JSON 无效，尚未应用：${(err as Error).message}`);
          }
        }}
      />
      {error ? <div className="notice error" role="alert">{error}</div> : null}
    </details>
  );
}

export function FormPreview({ form, formData, onChange, idPrefix = 'preview' }: { form: FormDefinition; formData?: unknown; onChange?: (data: Record<string, unknown>) => void; idPrefix?: string }) {
  const [data, setData] = useState<unknown>(formData ?? {});
  const uiSchema = useMemo(() => ({ ...(form.uiSchema ?? {}), 'ui:submitButtonOptions': { norender: true } }) as UiSchema, [form.uiSchema]);
  return (
    <ErrorBoundary key={stableStringify(form)} fallback={<div className="notice warn">表单定义无效，暂时无法预览。请按上方提示修改。</div>}>
    <div className="rjsf">
      <Form
        schema={form.schema as RJSFSchema}
        uiSchema={uiSchema}
        formData={formData ?? data}
        validator={formValidator}
        translateString={translateString}
        liveValidate="onChange"
        transformErrors={previewErrors}
        showErrorList={false}
        idPrefix={idPrefix}
        onChange={(e) => {
          setData(e.formData);
          onChange?.((e.formData ?? {}) as Record<string, unknown>);
        }}
      />
    </div>
    </ErrorBoundary>
  );
}

type ErrorTree = Record<string, unknown>;
const sub = (node: unknown, ...keys: string[]): ErrorTree => {
  let n = node as ErrorTree | undefined;
  for (const k of keys) n = (n && typeof n === 'object' ? (n[k] as ErrorTree | undefined) : undefined);
  return n ?? {};
};

function FieldRow({ f, index, count, selected, onSelect, onMove, onRemove, readOnly, problemCount, showWhenTitle, drag, children }: {
  f: FieldModel; index: number; count: number; selected: boolean; onSelect: () => void; onMove: (delta: number) => void; onRemove: () => void; readOnly: boolean;
  problemCount: number; showWhenTitle?: string; drag: ReturnType<ReturnType<typeof useDragReorder>>; children?: ReactNode;
}) {
  return (
    <li className={selected ? 'selected' : ''} data-field={f.name} {...drag}>
      <div className="fieldrow">
        {!readOnly ? <span className="handle" aria-hidden="true" title="拖动以调整顺序">⠿</span> : null}
        <button className="pick" aria-pressed={selected} onClick={onSelect} title={f.name}>
          {f.title}{f.required ? <span className="required" style={{ color: 'var(--red)' }}> *</span> : null}
          <br />
          <span className="muted">{FIELD_KINDS.find((k) => k.kind === f.kind)?.label} · {f.name}</span>
          {showWhenTitle ? <span className="cond"> · 当「{showWhenTitle}」有值时显示</span> : null}
          {problemCount ? <span className="badge fail">有问题</span> : null}
        </button>
        {!readOnly ? (
          <>
            <button className="small" onClick={() => onMove(-1)} disabled={index === 0} aria-label={`上移「${f.title}」`}>↑</button>
            <button className="small" onClick={() => onMove(1)} disabled={index === count - 1} aria-label={`下移「${f.title}」`}>↓</button>
            <button className="small danger" onClick={onRemove} aria-label={`删除「${f.title}」`}>✕</button>
          </>
        ) : null}
      </div>
      {children}
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
      {children.length === 0 ? <p className="muted" style={{ margin: '2px 0' }}>{parent.kind === 'repeat' ? '每条还没有字段。' : '分组中还没有字段。'}</p> : null}
      <ol className="fieldlist nested" aria-label={`「${parent.title}」中的字段`}>
        {children.map((c, i) => (
          <FieldRow
            key={`${c.name}-${i}`}
            f={c}
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
          <select className="small" value={kind} onChange={(e) => setKind(e.target.value as FieldKind)} aria-label={`「${parent.title}」的新字段类型`}>
            {CHILD_KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
          </select>
          <button className="small" onClick={add} aria-label={`向「${parent.title}」添加字段`}>+ 添加字段</button>
        </div>
      ) : null}
    </div>
  );
}

export function FormTab({ config, onChange, problems, readOnly }: { config: ItemConfig; onChange: (c: ItemConfig) => void; problems: Problem[]; readOnly: boolean }) {
  const fields = useMemo(() => parseForm(config.form), [config.form]);
  const exact = useMemo(() => isRoundTrip(config.form), [config.form]);
  // The selection is a field name, or "group.child" for a field inside a group / repeating group.
  const [selected, setSelected] = useState<string | null>(fields[0]?.name ?? null);
  const [parentName, childName] = selected?.includes('.') ? (selected.split('.') as [string, string]) : [selected, null];
  const parent = childName ? fields.find((f) => f.name === parentName) ?? null : null;
  const current = childName ? parent?.children?.find((c) => c.name === childName) ?? null : fields.find((f) => f.name === selected) ?? null;
  const fieldErrors = useMemo(() => toErrorSchema(problems, '/form/schema/properties'), [problems]);

  const commit = (next: FieldModel[]) => onChange({ ...config, form: buildForm(next, config.form) });
  const add = (kind: FieldKind) => {
    const field = newField(kind, new Set(fields.map((f) => f.name)));
    commit([...fields, field]);
    setSelected(field.name);
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= fields.length) return;
    commit(moved(fields, from, to));
  };
  const drag = useDragReorder(move);
  const remove = async (index: number) => {
    const f = fields[index];
    if (!f) return;
    const refs = fieldReferences(config, f.name);
    if (refs.length && !(await askConfirm({ title: `删除字段「${f.title || f.name}」？`, message: `以下 ${refs.length} 处用到此字段，删除后需要您另行修改：`, items: refs, confirmLabel: '仍然删除', danger: true }))) return;
    const next = fields.filter((_, i) => i !== index).map((x) => (x.showWhen === f.name ? ({ ...x, showWhen: undefined } as FieldModel) : x));
    commit(next);
    setSelected(next[Math.min(index, next.length - 1)]?.name ?? null);
  };
  const replace = (index: number, f: FieldModel) => {
    const old = fields[index];
    const next = fields.map((x, i) => (i === index ? f : old && x.showWhen === old.name ? { ...x, showWhen: f.name } : x));
    commit(next);
    if (old && old.name !== f.name) setSelected(f.name);
  };
  const replaceChildren = (index: number, children: FieldModel[]) => {
    const f = fields[index];
    if (f) commit(fields.map((x, i) => (i === index ? { ...f, children } : x)));
  };
  const fieldProblemCount = (name: string) => Object.keys((fieldErrors as Record<string, unknown>)[name] ?? {}).length;

  let panel: ReactNode = <p className="muted">选择左侧的字段以编辑其属性。</p>;
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
          replaceChildren(pi, siblings.map((x) => (x === current ? c : x)));
          if (c.name !== current.name) setSelected(`${parent.name}.${c.name}`);
        }}
      />
    );
  } else if (current) {
    panel = <PropertyPanel key={`${current.name}`} field={current} fields={fields} readOnly={readOnly} onChange={(f) => replace(fields.indexOf(current), f)} />;
  }

  return (
    <section aria-label="表单设计">
      <ProblemSummary problems={problems} prefix="/form" title="表单" />
      {!exact ? <div className="notice warn">此表单含有可视化设计器不直接编辑的高级设置；在下方列表中修改将按列表重写 properties、required 与 dependencies，其余设置保留。也可在专家模式中直接编辑 JSON。</div> : null}
      <div className="cols form-designer">
        <div className="card">
          <h3 style={{ marginTop: 0 }}>字段</h3>
          {!readOnly ? (
            <div className="palette" role="group" aria-label="添加字段">
              {FIELD_KINDS.map((k) => (
                <button key={k.kind} className="small" onClick={() => add(k.kind)} aria-label={`添加${k.label}字段`}>+ {k.label}</button>
              ))}
            </div>
          ) : null}
          {fields.length === 0 ? <p className="muted">还没有字段。请用上方按钮添加。</p> : null}
          {!readOnly && fields.length > 1 ? <p className="muted" style={{ margin: '0 0 6px' }}>可拖动字段调整顺序，或用 ↑ ↓ 按钮。</p> : null}
          <ol className="fieldlist" aria-label="字段列表">
            {fields.map((f, i) => (
              <FieldRow
                key={`${f.name}-${i}`}
                f={f}
                index={i}
                count={fields.length}
                selected={f.name === selected}
                onSelect={() => setSelected(f.name)}
                onMove={(d) => move(i, i + d)}
                onRemove={() => void remove(i)}
                readOnly={readOnly}
                problemCount={fieldProblemCount(f.name)}
                {...(f.showWhen ? { showWhenTitle: fields.find((x) => x.name === f.showWhen)?.title ?? f.showWhen } : {})}
                drag={drag(i, !readOnly)}
              >
                {isContainer(f.kind) ? (
                  <ChildList parent={f} selected={selected} onSelect={setSelected} readOnly={readOnly} errors={sub(fieldErrors, f.name)} onChange={(children) => replaceChildren(i, children)} />
                ) : null}
              </FieldRow>
            ))}
          </ol>
        </div>
        <div className="card">
          {panel}
        </div>
        <div className="card preview-card">
          <h3 style={{ marginTop: 0 }}>实时预览</h3>
          <p className="muted">申请人和窗口人员看到的表单（可试填，试填内容不保存）。</p>
          <div className="preview">
            <FormPreview form={config.form} />
          </div>
        </div>
      </div>
      <JsonEditor form={config.form} readOnly={readOnly} onChange={(form) => onChange({ ...config, form })} />
    </section>
  );
}
