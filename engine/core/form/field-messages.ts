import type { ErrorObject } from 'ajv';
import { fieldFormats } from './field-formats.js';
import { ajvMessageZh } from './chinese-messages.js';

export interface FieldError {
  /** JSON pointer of the field at fault, e.g. "/applicant/idNumber". */
  path: string;
  keyword: string;
  message: string;
}

const formatLabels: Record<string, string> = {
  date: '日期（YYYY-MM-DD）',
  'date-time': '日期时间',
  time: '时间',
  email: '电子邮箱',
  uri: '网址',
  ...Object.fromEntries(Object.entries(fieldFormats).map(([name, format]) => [name, format.label])),
};

const typeLabels: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
  null: '空值',
};

function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function titleOf(schema: unknown, fallback: string): string {
  if (schema && typeof schema === 'object' && typeof (schema as { title?: unknown }).title === 'string') {
    return (schema as { title: string }).title;
  }
  return fallback;
}

function lastToken(pointer: string): string {
  const tokens = pointer.split('/');
  return (tokens[tokens.length - 1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
}

/** What a message needs to know of one failed check: the same whether ajv or RJSF reports it. */
export interface FieldCheckFailure {
  /** The JSON Schema keyword that failed ("pattern", "required" …). */
  keyword: string;
  /** ajv's params of the failure (limit, format, missingProperty …). */
  params: Record<string, unknown>;
  /** The field as the form shows it: its title, or its key when it has none. */
  title: string;
  /** ajv's own (English) message: no longer shown (ajv-i18n's Chinese is), kept for callers that pass it. */
  message?: string | undefined;
}

/**
 * The one Chinese text for a failed form check, shared by the engine's field errors and the
 * inline errors of both web apps: an applicant sees the same words in the browser and in the
 * decision the server returns.
 */
export function fieldErrorMessage({ keyword, params, title, message }: FieldCheckFailure): string {
  const field = `「${title}」`;
  switch (keyword) {
    case 'required':
      return `请填写${field}`;
    case 'type': {
      const expected = String(params.type).split(',').map((t) => typeLabels[t] ?? t).join('或');
      return `${field}应为${expected}`;
    }
    case 'format':
      return `${field}不是有效的${formatLabels[String(params.format)] ?? `「${String(params.format)}」格式`}`;
    case 'pattern':
      return `${field}格式不正确`;
    case 'minLength':
      return `${field}至少应有 ${String(params.limit)} 个字符`;
    case 'maxLength':
      return `${field}最多 ${String(params.limit)} 个字符`;
    case 'minimum':
    case 'exclusiveMinimum':
      return `${field}应${keyword === 'minimum' ? '不小于' : '大于'} ${String(params.limit)}`;
    case 'maximum':
    case 'exclusiveMaximum':
      return `${field}应${keyword === 'maximum' ? '不大于' : '小于'} ${String(params.limit)}`;
    case 'enum':
    case 'const':
      return `${field}应为给定选项之一`;
    case 'minItems':
      return `${field}至少应选择或填写 ${String(params.limit)} 项`;
    case 'maxItems':
      return `${field}最多 ${String(params.limit)} 项`;
    case 'uniqueItems':
      return `${field}不能有重复项`;
    case 'additionalProperties':
      return `表单中没有「${String(params.additionalProperty)}」这一项`;
    case 'oneOf':
    case 'anyOf':
      return `${field}不符合任何一种可选填写方式`;
    default:
      // ajv-i18n's Chinese, never ajv's English `message`.
      return `${field}${ajvMessageZh(keyword, params)}`;
  }
}

/**
 * Chinese, field-named messages for the keywords an intake form uses; ajv's English otherwise.
 * `titleAt` finds a field's title by its data pointer when the failing schema does not carry it.
 */
export function toFieldError(error: ErrorObject, titleAt: (pointer: string) => string | undefined = () => undefined): FieldError {
  const params = error.params as Record<string, unknown>;
  const failure = { keyword: error.keyword, params, message: error.message };
  if (error.keyword === 'required') {
    const property = String(params.missingProperty);
    const path = `${error.instancePath}/${escapePointerToken(property)}`;
    const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
    const title = titleOf(parent?.properties?.[property], titleAt(path) ?? property);
    return { path, keyword: 'required', message: fieldErrorMessage({ ...failure, title }) };
  }
  const title = titleOf(error.parentSchema, titleAt(error.instancePath) ?? (lastToken(error.instancePath) || '表单'));
  const path = error.keyword === 'additionalProperties'
    ? `${error.instancePath}/${escapePointerToken(String(params.additionalProperty))}`
    : error.instancePath;
  return { path, keyword: error.keyword, message: fieldErrorMessage({ ...failure, title }) };
}
