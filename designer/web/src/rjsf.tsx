/** The designer's RJSF additions over the web kit: coded values as selects, server problems as inline errors, the preview's error filter. */
import { getDefaultRegistry } from '@rjsf/core';
import type { ErrorSchema, FieldProps, RJSFSchema, RJSFValidationError } from '@rjsf/utils';
import { chineseFormErrors } from '../../../engine/web-kit/index.js';
import { t } from './ui-text.js';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `{ code: { oneOf: [{const,title}] }, label: { enum } }`: a coded value of the item standard. */
export function isCodedSchema(schema: unknown): schema is { title?: string; properties: { code: { oneOf: { const: string; title: string }[] } } } {
  if (!isRecord(schema) || !isRecord(schema.properties)) return false;
  const code = schema.properties.code;
  const label = schema.properties.label;
  return isRecord(code) && Array.isArray(code.oneOf) && isRecord(label) && Array.isArray(label.enum);
}

function errorsIn(errorSchema: ErrorSchema | undefined): string[] {
  if (!errorSchema) return [];
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (!isRecord(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === '__errors' && Array.isArray(v)) out.push(...v.map(String));
      else walk(v);
    }
  };
  walk(errorSchema);
  return out;
}

const DefaultObjectField = getDefaultRegistry().fields.ObjectField;

/**
 * ObjectField that renders a coded value as one select of its codes and fills the label from the
 * chosen code (the label field never shows); every other object is rendered as usual.
 */
export function CodedAwareObjectField(props: FieldProps) {
  const { schema, formData, onChange, fieldPathId, errorSchema, required, disabled, readonly, name } = props;
  if (!DefaultObjectField) return null;
  if (!isCodedSchema(schema)) return <DefaultObjectField {...props} />;
  const options = schema.properties.code.oneOf;
  const value = isRecord(formData) && typeof formData.code === 'string' ? formData.code : '';
  const id = fieldPathId.$id;
  const errors = errorsIn(errorSchema);
  const title = (schema as RJSFSchema).title ?? name;
  return (
    <div className={`form-group field field-coded${errors.length ? ' field-error has-error' : ''}`}>
      <label className="control-label" htmlFor={id}>
        {title}
        {required ? <span className="required">*</span> : null}
      </label>
      <select
        id={id}
        className="form-control"
        value={value}
        disabled={disabled || readonly}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={errors.length ? `${id}__error` : undefined}
        onChange={(e) => {
          const option = options.find((o) => o.const === e.target.value);
          onChange(option ? { code: option.const, label: option.title } : undefined, fieldPathId.path, undefined, id);
        }}
      >
        <option value="">{t('designer.choose')}</option>
        {options.map((o) => (
          <option key={o.const} value={o.const}>
            {t('designer.form.codedOption', { title: o.title, code: o.const })}
          </option>
        ))}
      </select>
      {errors.length ? (
        <ul id={`${id}__error`} className="error-detail">
          {errors.map((e, i) => (
            <li key={i} className="text-danger">{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export const designerFields = { ObjectField: CodedAwareObjectField };

/** `{ "/a/0/b": ["msg"] }` → RJSF's nested error schema `{ a: { 0: { b: { __errors: ["msg"] } } } }`. */
export function toErrorSchema(problems: { pointer: string; message: string }[], prefix: string): ErrorSchema {
  const root: Json = {};
  for (const p of problems) {
    if (p.pointer !== prefix && !p.pointer.startsWith(`${prefix}/`)) continue;
    const tokens = p.pointer
      .slice(prefix.length)
      .split('/')
      .slice(1)
      .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node = root;
    for (const t of tokens) {
      if (!isRecord(node[t])) node[t] = {};
      node = node[t] as Json;
    }
    const list = (node.__errors as string[] | undefined) ?? [];
    list.push(p.message);
    node.__errors = list;
  }
  return root as ErrorSchema;
}

/** The engine's Chinese errors for the preview; "required" waits until the applicant submits (the preview never does). */
export function previewErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return chineseFormErrors(errors.filter((e) => e.name !== 'required'));
}
