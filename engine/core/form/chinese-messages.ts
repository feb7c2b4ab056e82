import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { ErrorObject } from 'ajv';
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import type { Language } from '../vocabulary/index.js';

/**
 * Chinese (and traditional Mongolian) for what ajv and the regex engine (re2js) say in English, so
 * that no author or clerk ever reads an English message. ajv-i18n's `zh` is the base of the Chinese;
 * its few leftovers of schema vocabulary ("oneOf" schema …) are put in words here. ajv-i18n has no
 * Mongolian: the catalogue's core.form.ajv.* keys say each keyword's failure instead.
 */
const localize = localizeZh as unknown as (errors: Partial<ErrorObject>[]) => void;

const leftovers: [RegExp, CatalogueKey][] = [
  [/不应当匹配 "not" schema/g, 'core.form.ajv.not'],
  [/只能匹配一个 "oneOf" 中的 schema/g, 'core.form.ajv.oneOf'],
  [/数据应为 anyOf 所指定的其中一个/g, 'core.form.ajv.anyOf'],
  [/应当匹配模式 "(then|else)" /g, 'core.form.ajv.if'],
  [/应当通过 "([^"]*) 关键词校验"/g, 'core.form.ajv.generic'],
  [/\bschema\b/g, 'core.form.ajv.schemaWord'],
];

/** ajv-i18n's Chinese message of one failed check, with its schema words put in plain Chinese. */
export function ajvMessageZh(keyword: string, params: Record<string, unknown>): string {
  const error: Partial<ErrorObject> = { keyword, params, instancePath: '', schemaPath: '' };
  localize([error]);
  let message = error.message ?? uiText('core.form.ajv.generic');
  for (const [pattern, key] of leftovers) message = message.replace(pattern, uiText(key));
  return message;
}

/** The keywords whose failure the catalogue words itself (the others read "does not meet the requirement"). */
const keywordMessages: Record<string, CatalogueKey> = {
  not: 'core.form.ajv.not',
  oneOf: 'core.form.ajv.oneOf',
  anyOf: 'core.form.ajv.anyOf',
  if: 'core.form.ajv.if',
  multipleOf: 'core.form.ajv.multipleOf',
  contains: 'core.form.ajv.contains',
  minProperties: 'core.form.ajv.minProperties',
  maxProperties: 'core.form.ajv.maxProperties',
  dependencies: 'core.form.ajv.dependencies',
  dependentRequired: 'core.form.ajv.dependencies',
  propertyNames: 'core.form.ajv.propertyNames',
  const: 'core.form.ajv.const',
  required: 'core.form.ajv.required',
};

/**
 * The message of one failed check in `language`: ajv-i18n's Chinese in Chinese; in another language
 * the catalogue's sentence for the keyword, with ajv's params filled in.
 */
export function ajvMessage(keyword: string, params: Record<string, unknown>, language: Language = 'zh-CN'): string {
  if (language === 'zh-CN') return ajvMessageZh(keyword, params);
  const values = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, Array.isArray(value) ? value.join(uiText('server.listSeparator', language)) : String(value)]));
  return uiText(keywordMessages[keyword] ?? 'core.form.ajv.generic', language, values);
}

/** re2js's syntax errors (Go's regexp/syntax texts), by their catalogue key. */
const regexpErrors: [string, CatalogueKey][] = [
  ['invalid character class range', 'core.form.regexp.classRange'],
  ['invalid escape sequence', 'core.form.regexp.escape'],
  ['invalid named capture', 'core.form.regexp.namedCapture'],
  ['invalid or unsupported Perl syntax', 'core.form.regexp.perlSyntax'],
  ['invalid nested repetition operator', 'core.form.regexp.nestedRepeat'],
  ['invalid repeat count', 'core.form.regexp.repeatCount'],
  ['missing closing ]', 'core.form.regexp.closingBracket'],
  ['missing closing )', 'core.form.regexp.closingParen'],
  ['missing argument to repetition operator', 'core.form.regexp.repeatArgument'],
  ['trailing backslash at end of expression', 'core.form.regexp.trailingBackslash'],
  ['duplicate capture group name', 'core.form.regexp.duplicateGroup'],
  ['unexpected )', 'core.form.regexp.unexpectedParen'],
  ['expression nests too deeply', 'core.form.regexp.tooDeep'],
  ['expression too large', 'core.form.regexp.tooLarge'],
  ['invalid capture in lookbehind', 'core.form.regexp.lookbehindCapture'],
  ['character to be escaped is missing', 'core.form.regexp.missingEscape'],
  ["named capture group is missing trailing '}'", 'core.form.regexp.namedGroupBrace'],
];

/** The regex engine's error as an author reads it: what is wrong, and where (the part quoted). */
export function regexpErrorZh(message: string, language: Language = 'zh-CN'): string {
  const body = message.replace(/^error parsing regexp:\s*/, '');
  const quoted = /: `([^`]*)`$/.exec(body);
  const reason = quoted ? body.slice(0, quoted.index) : body;
  const known = regexpErrors.find(([english]) => reason === english || reason.startsWith(english));
  const text = uiText(known ? known[1] : 'core.form.regexp.unparsable', language);
  return quoted ? uiText('core.form.regexp.at', language, { reason: text, part: quoted[1] ?? '' }) : text;
}

/** The JSON Schema types, by the catalogue key of their word (the field errors' words too). */
export const TYPE_WORDS: Record<string, CatalogueKey> = {
  string: 'core.form.type.string',
  number: 'core.form.type.number',
  integer: 'core.form.type.integer',
  boolean: 'core.form.type.boolean',
  array: 'core.form.type.array',
  object: 'core.form.type.object',
  null: 'core.form.type.null',
};

/**
 * Why ajv refuses to compile an author's form schema, in Chinese (or `language`). ajv's compile errors
 * are English sentences (strict mode, unknown formats, bad $refs); the known ones are translated with
 * what they name, any other is reported without its English text.
 */
export function schemaCompileErrorZh(message: string, language: Language = 'zh-CN'): string {
  let m = /unknown keyword: "([^"]+)"/.exec(message);
  if (m) return uiText('core.form.schema.unknownKeyword', language, { name: m[1] ?? '' });
  m = /unknown format "([^"]+)"/.exec(message);
  if (m) return uiText('core.form.schema.unknownFormat', language, { name: m[1] ?? '' });
  m = /can't resolve reference (\S+)/.exec(message);
  if (m) return uiText('core.form.schema.unresolvedRef', language, { ref: m[1] ?? '' });
  m = /required property "([^"]+)" is not defined/.exec(message);
  if (m) return uiText('core.form.schema.requiredNotField', language, { name: m[1] ?? '' });
  if (/duplicate items|must NOT have duplicate items/.test(message)) return uiText('core.form.schema.duplicateItems', language);
  return uiText('core.form.schema.invalid', language);
}

const typeChoices = (language: Language) =>
  Object.entries(TYPE_WORDS).map(([code, word]) => uiText('core.form.schema.typeChoice', language, { code, word: uiText(word, language) })).join(uiText('server.listSeparator', language));

/**
 * One problem of an author's form schema against the JSON Schema meta-schema, in Chinese (or `language`)
 * and naming the field: ajv's errors of `validateSchema` carry the pointer into the schema itself.
 */
export function metaSchemaProblemZh(
  error: Pick<ErrorObject, 'keyword' | 'params' | 'instancePath'> & { data?: unknown },
  titleOf: (name: string) => string,
  language: Language = 'zh-CN',
): string {
  const tokens = error.instancePath.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const at = tokens.lastIndexOf('properties');
  const name = at >= 0 ? tokens[at + 1] : undefined;
  const where = name !== undefined ? uiText('core.form.schema.field', language, { title: titleOf(name) }) : uiText('core.form.schema.form', language);
  const key = tokens[tokens.length - 1];
  if (key === 'type' && name !== undefined && at === tokens.length - 3) {
    const value = typeof error.data === 'string' ? uiText('designer.references.quoted', language, { name: error.data }) : '';
    return uiText('core.form.schema.badType', language, { where, value, choices: typeChoices(language) });
  }
  const part = key !== undefined && key !== name && key !== 'properties' ? uiText('core.form.schema.part', language, { key }) : '';
  return uiText('core.form.schema.problem', language, { where, part, message: ajvMessage(error.keyword, error.params as Record<string, unknown>, language) });
}
