import type { ErrorObject } from 'ajv';
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import type { Language } from '../vocabulary/index.js';
import { fieldFormats } from './field-formats.js';
import { ajvMessage, TYPE_WORDS } from './chinese-messages.js';

export interface FieldError {
  /** JSON pointer of the field at fault, e.g. "/applicant/idNumber". */
  path: string;
  keyword: string;
  message: string;
}

const formatLabels: Record<string, CatalogueKey> = {
  date: 'core.form.format.date',
  'date-time': 'core.form.format.dateTime',
  time: 'core.form.format.time',
  email: 'core.form.format.email',
  uri: 'core.form.format.uri',
  ...Object.fromEntries(Object.entries(fieldFormats).map(([name, format]) => [name, format.labelKey])),
};

/** The keywords whose message is one catalogue sentence naming the field (and the limit, where there is one). */
const simpleMessages: Record<string, CatalogueKey> = {
  required: 'core.form.required',
  pattern: 'core.form.pattern',
  minLength: 'core.form.minLength',
  maxLength: 'core.form.maxLength',
  minimum: 'core.form.minimum',
  exclusiveMinimum: 'core.form.exclusiveMinimum',
  maximum: 'core.form.maximum',
  exclusiveMaximum: 'core.form.exclusiveMaximum',
  enum: 'core.form.enum',
  const: 'core.form.enum',
  minItems: 'core.form.minItems',
  maxItems: 'core.form.maxItems',
  uniqueItems: 'core.form.uniqueItems',
  oneOf: 'core.form.oneOf',
  anyOf: 'core.form.oneOf',
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
 * The one text for a failed form check, shared by the engine's field errors and the inline errors of
 * both web apps: an applicant sees the same words in the browser and in the decision the server
 * returns. Chinese unless `language` says otherwise (the runtime's Mongolian form asks for mn-Mong).
 */
export function fieldErrorMessage({ keyword, params, title }: FieldCheckFailure, language: Language = 'zh-CN'): string {
  const simple = simpleMessages[keyword];
  if (simple) return uiText(simple, language, { title, limit: String(params.limit) });
  switch (keyword) {
    case 'type': {
      const expected = String(params.type).split(',').map((t) => (TYPE_WORDS[t] ? uiText(TYPE_WORDS[t], language) : t)).join(uiText('core.orSeparator', language));
      return uiText('core.form.type', language, { title, expected });
    }
    case 'format': {
      const known = formatLabels[String(params.format)];
      const format = known ? uiText(known, language) : uiText('core.form.format.unknown', language, { format: String(params.format) });
      return uiText('core.form.format', language, { title, format });
    }
    case 'additionalProperties':
      return uiText('core.form.additionalProperties', language, { property: String(params.additionalProperty) });
    default:
      // ajv-i18n's Chinese (the catalogue's sentence in another language), never ajv's English `message`.
      return uiText('core.form.other', language, { title, message: ajvMessage(keyword, params, language) });
  }
}

/**
 * Field-named messages (Chinese unless `language` says otherwise) for the keywords an intake form uses.
 * `titleAt` finds a field's title by its data pointer when the failing schema does not carry it.
 */
export function toFieldError(error: ErrorObject, titleAt: (pointer: string) => string | undefined = () => undefined, language: Language = 'zh-CN'): FieldError {
  const params = error.params as Record<string, unknown>;
  const failure = { keyword: error.keyword, params, message: error.message };
  if (error.keyword === 'required') {
    const property = String(params.missingProperty);
    const path = `${error.instancePath}/${escapePointerToken(property)}`;
    const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
    const title = titleOf(parent?.properties?.[property], titleAt(path) ?? property);
    return { path, keyword: 'required', message: fieldErrorMessage({ ...failure, title }, language) };
  }
  const title = titleOf(error.parentSchema, titleAt(error.instancePath) ?? (lastToken(error.instancePath) || uiText('webkit.form.fallbackTitle', language)));
  const path = error.keyword === 'additionalProperties'
    ? `${error.instancePath}/${escapePointerToken(String(params.additionalProperty))}`
    : error.instancePath;
  return { path, keyword: error.keyword, message: fieldErrorMessage({ ...failure, title }, language) };
}
