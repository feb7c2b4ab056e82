import localizeZh from 'ajv-i18n/localize/zh/index.js';
import type { ErrorObject } from 'ajv';

/**
 * Chinese for what ajv and the regex engine (re2js) say in English, so that no author or clerk
 * ever reads an English message. ajv-i18n's `zh` is the base; its few leftovers of schema
 * vocabulary ("oneOf" schema …) are put in words here.
 */
const localize = localizeZh as unknown as (errors: Partial<ErrorObject>[]) => void;

const leftovers: [RegExp, string][] = [
  [/不应当匹配 "not" schema/g, '不应满足「不满足」条件所列的情形'],
  [/只能匹配一个 "oneOf" 中的 schema/g, '应恰好符合一种可选填写方式'],
  [/数据应为 anyOf 所指定的其中一个/g, '应符合至少一种可选填写方式'],
  [/应当匹配模式 "(then|else)" /g, '不符合条件成立时的填写要求'],
  [/应当通过 "([^"]*) 关键词校验"/g, '不符合要求'],
  [/\bschema\b/g, '定义'],
];

/** ajv-i18n's Chinese message of one failed check, with its schema words put in plain Chinese. */
export function ajvMessageZh(keyword: string, params: Record<string, unknown>): string {
  const error: Partial<ErrorObject> = { keyword, params, instancePath: '', schemaPath: '' };
  localize([error]);
  let message = error.message ?? '不符合要求';
  for (const [pattern, replacement] of leftovers) message = message.replace(pattern, replacement);
  return message;
}

/** re2js's syntax errors (Go's regexp/syntax texts), in Chinese. */
const regexpErrors: [string, string][] = [
  ['invalid character class range', '字符范围无效（起点大于终点）'],
  ['invalid escape sequence', '转义序列无效'],
  ['invalid named capture', '命名分组无效'],
  ['invalid or unsupported Perl syntax', '不支持的语法（如前后断言 (?=…)、(?<=…)）'],
  ['invalid nested repetition operator', '重复符号不能嵌套（如 a**）'],
  ['invalid repeat count', '重复次数无效（最多 1000 次）'],
  ['missing closing ]', '缺少右方括号 ]'],
  ['missing closing )', '缺少右圆括号 )'],
  ['missing argument to repetition operator', '重复符号前缺少内容（如以 * 或 + 开头）'],
  ['trailing backslash at end of expression', '表达式以反斜杠 \\ 结尾'],
  ['duplicate capture group name', '分组名称重复'],
  ['unexpected )', '多余的右圆括号 )'],
  ['expression nests too deeply', '嵌套层数过多'],
  ['expression too large', '表达式过大'],
  ['invalid capture in lookbehind', '后行断言中不能有分组'],
  ['character to be escaped is missing', '反斜杠后缺少要转义的字符'],
  ["named capture group is missing trailing '}'", '命名分组缺少右花括号 }'],
];

/** The regex engine's error as an author reads it: what is wrong, and where (the part quoted). */
export function regexpErrorZh(message: string): string {
  const body = message.replace(/^error parsing regexp:\s*/, '');
  const quoted = /: `([^`]*)`$/.exec(body);
  const reason = quoted ? body.slice(0, quoted.index) : body;
  const known = regexpErrors.find(([english]) => reason === english || reason.startsWith(english));
  const text = known ? known[1] : '表达式无法解析';
  return quoted ? `${text}（出错位置：「${quoted[1]}」）` : text;
}

const typeWords: Record<string, string> = { string: '文本', number: '数字', integer: '整数', boolean: '是/否', array: '列表', object: '对象', null: '空值' };

/**
 * Why ajv refuses to compile an author's form schema, in Chinese. ajv's compile errors are
 * English sentences (strict mode, unknown formats, bad $refs); the known ones are translated with
 * what they name, any other is reported without its English text.
 */
export function schemaCompileErrorZh(message: string): string {
  let m = /unknown keyword: "([^"]+)"/.exec(message);
  if (m) return `不认识的属性「${m[1]}」（可能拼写有误）`;
  m = /unknown format "([^"]+)"/.exec(message);
  if (m) return `不支持的格式「${m[1]}」`;
  m = /can't resolve reference (\S+)/.exec(message);
  if (m) return `找不到引用的定义「${m[1]}」`;
  m = /required property "([^"]+)" is not defined/.exec(message);
  if (m) return `必填项「${m[1]}」不是表单中的字段`;
  if (/duplicate items|must NOT have duplicate items/.test(message)) return '列表中有重复项';
  return '定义的结构不符合规范';
}

const typeChoices = Object.entries(typeWords).map(([code, word]) => `「${code}」${word}`).join('、');

/**
 * One problem of an author's form schema against the JSON Schema meta-schema, in Chinese and
 * naming the field: ajv's errors of `validateSchema` carry the pointer into the schema itself.
 */
export function metaSchemaProblemZh(error: Pick<ErrorObject, 'keyword' | 'params' | 'instancePath'> & { data?: unknown }, titleOf: (name: string) => string): string {
  const tokens = error.instancePath.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const at = tokens.lastIndexOf('properties');
  const name = at >= 0 ? tokens[at + 1] : undefined;
  const where = name !== undefined ? `字段「${titleOf(name)}」` : '表单定义';
  const key = tokens[tokens.length - 1];
  if (key === 'type' && name !== undefined && at === tokens.length - 3) {
    return `${where}的类型${typeof error.data === 'string' ? `「${error.data}」` : ''}无效，可用：${typeChoices}`;
  }
  const part = key !== undefined && key !== name && key !== 'properties' ? `的「${key}」` : '';
  return `${where}${part}${ajvMessageZh(error.keyword, error.params as Record<string, unknown>)}`;
}
