/**
 * Chinese names of the JSON Schema keywords a form author sets on a field, in the order a reviewer
 * cares about them: what kind of value, whether it is required, then its limits, then wording.
 */
import { uiText } from '../i18n/catalogue/catalogue.js';
import { constOptionsText, genericText, schemaFormatText, schemaTypeText } from './value-text.js';

const KEYWORDS: [key: string, label: string, text?: (value: unknown) => string][] = [
  ['type', uiText('designer.form.props.kind'), schemaTypeText],
  ['format', uiText('core.diff.keyword.format'), schemaFormatText],
  ['enum', uiText('core.diff.keyword.options')],
  ['oneOf', uiText('core.diff.keyword.options'), constOptionsText],
  ['const', uiText('core.diff.keyword.const')],
  ['required', uiText('designer.form.props.required'), (v) => uiText(v === true ? 'designer.form.props.required' : 'core.diff.describe.optional')],
  ['pattern', uiText('core.diff.keyword.pattern')],
  ['minLength', uiText('core.diff.keyword.minLength')],
  ['maxLength', uiText('core.diff.keyword.maxLength')],
  ['minimum', uiText('designer.form.limit.minNumber')],
  ['exclusiveMinimum', uiText('core.diff.keyword.exclusiveMinimum')],
  ['maximum', uiText('designer.form.limit.maxNumber')],
  ['exclusiveMaximum', uiText('core.diff.keyword.exclusiveMaximum')],
  ['multipleOf', uiText('core.diff.keyword.multipleOf')],
  ['minItems', uiText('core.diff.keyword.minItems')],
  ['maxItems', uiText('core.diff.keyword.maxItems')],
  ['uniqueItems', uiText('core.diff.keyword.uniqueItems')],
  ['contains', uiText('core.diff.keyword.contains')],
  ['minProperties', uiText('core.diff.keyword.minProperties')],
  ['maxProperties', uiText('core.diff.keyword.maxProperties')],
  ['additionalProperties', uiText('core.diff.keyword.additionalProperties')],
  ['patternProperties', uiText('core.diff.keyword.patternProperties')],
  ['propertyNames', uiText('core.diff.keyword.propertyNames')],
  ['$ref', uiText('core.diff.keyword.ref')],
  ['title', uiText('designer.form.props.title')],
  ['description', uiText('designer.rules.description')],
  ['default', uiText('core.diff.keyword.default')],
  ['examples', uiText('core.diff.keyword.examples')],
  ['readOnly', uiText('core.diff.keyword.readOnly')],
  // Required entries of an object that name no field of its own, e.g. a root `required` naming a branch field.
  ['required.others', uiText('core.diff.keyword.requiredOthers')],
  ['conditional', uiText('core.diff.keyword.conditional')],
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
