/**
 * Chinese names of the JSON Schema keywords a form author sets on a field, in the order a reviewer
 * cares about them: what kind of value, whether it is required, then its limits, then wording.
 */
import { constOptionsText, genericText, schemaFormatText, schemaTypeText } from './value-text.js';

const KEYWORDS: [key: string, label: string, text?: (value: unknown) => string][] = [
  ['type', '类型', schemaTypeText],
  ['format', '格式', schemaFormatText],
  ['enum', '可选值'],
  ['oneOf', '可选值', constOptionsText],
  ['const', '固定值'],
  ['required', '必填', (v) => (v === true ? '必填' : '选填')],
  ['pattern', '正则校验'],
  ['minLength', '最小长度'],
  ['maxLength', '最大长度'],
  ['minimum', '最小值'],
  ['exclusiveMinimum', '最小值（不含）'],
  ['maximum', '最大值'],
  ['exclusiveMaximum', '最大值（不含）'],
  ['multipleOf', '倍数'],
  ['minItems', '最少项数'],
  ['maxItems', '最多项数'],
  ['uniqueItems', '不可重复'],
  ['contains', '须包含'],
  ['minProperties', '最少属性数'],
  ['maxProperties', '最多属性数'],
  ['additionalProperties', '其他属性'],
  ['patternProperties', '按名称匹配的属性'],
  ['propertyNames', '属性名'],
  ['$ref', '引用定义'],
  ['title', '标题'],
  ['description', '说明'],
  ['default', '默认值'],
  ['examples', '示例'],
  ['readOnly', '只读'],
  // Required entries of an object that name no field of its own, e.g. a root `required` naming a branch field.
  ['required.others', '必填（其他层级的字段）'],
  ['conditional', '条件逻辑'],
];

const byKey = new Map(KEYWORDS.map(([key, label, text], rank) => [key, { label, text, rank }]));

export function keywordLabel(key: string): string {
  return byKey.get(key)?.label ?? key;
}

export function keywordRank(key: string): number {
  return byKey.get(key)?.rank ?? KEYWORDS.length - 2.5; // unknown keywords go just before the two summaries at the end
}

/** Conditional logic has no short reading; the report says that it changed and the JSON carries both sides. */
export function keywordText(key: string): ((value: unknown) => string) | undefined {
  if (key === 'conditional') return undefined;
  return byKey.get(key)?.text ?? genericText;
}
