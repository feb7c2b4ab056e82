/**
 * Chinese display of config values: a time limit reads "15 个工作日", a coded value its label, a
 * list its entries. Values come from possibly malformed drafts, so every formatter checks the
 * shape and falls back to compact JSON rather than printing "undefined".
 */
import { fieldFormats } from '../form/field-formats.js';
import { operatorsByName } from '../rules/operators.js';
import { field, isRecord, stableKey } from './json-values.js';
import { optionTitle } from './standard-labels.js';
import { deliveryMethods, isDeliveryMethod, isOutcome, isRuleEventType, labelOf, outcomes, ruleEventTypes } from '../vocabulary/index.js';

export const ABSENT_TEXT = '（无）';

export function isCoded(value: unknown): value is { code: string; label: string } {
  return isRecord(value) && typeof value.code === 'string' && typeof value.label === 'string';
}

export function booleanText(value: boolean): string {
  return value ? '是' : '否';
}

/** Any JSON value, as plainly as its shape allows. */
export function genericText(value: unknown): string {
  if (value === undefined) return ABSENT_TEXT;
  if (value === null) return '（空）';
  if (typeof value === 'string') return value === '' ? '（空）' : value;
  if (typeof value === 'boolean') return booleanText(value);
  if (typeof value === 'number') return String(value);
  if (isCoded(value)) return value.label;
  if (Array.isArray(value)) return value.length === 0 ? '（空）' : value.map(genericText).join('、');
  return stableKey(value);
}

const strings = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Formats every entry of a list with `entry`, or gives up on the whole list when one entry is not understood. */
function listText(value: unknown, entry: (item: unknown) => string | undefined, separator: string): string | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return '（空）';
  const parts = value.map(entry);
  return parts.every((p): p is string => p !== undefined) ? parts.join(separator) : undefined;
}

/** Counted units take the measure word: 15 个工作日, 3 个月 — but 24 小时. */
const COUNTED_UNITS = new Set(['工作日', '自然日', '月']);

export function timeLimitText(value: unknown): string | undefined {
  if (!isRecord(value) || !isCoded(value.unit)) return undefined;
  const note = typeof value.note === 'string' ? `（${value.note}）` : '';
  if (value.value === null) return `无法定时限${note}`;
  const unit = COUNTED_UNITS.has(value.unit.label) ? `个${value.unit.label}` : value.unit.label;
  return typeof value.value === 'number' ? `${value.value} ${unit}${note}` : undefined;
}

const ELEMENT_TEXT: Record<string, (value: unknown) => string | undefined> = {
  statutoryTimeLimit: timeLimitText,
  promisedTimeLimit: timeLimitText,
  channel: (v) => optionTitle('channel', v),
  localFields: (v) => listText(v, (f) => optionTitle('localField', f) ?? strings(f), '、'),
  acceptanceConditions: (v) => listText(v, strings, '；'),
  legalBasis: (v) => {
    if (!isRecord(v) || !isCoded(v.powerSource)) return undefined;
    const provisions = listText(v.provisions, (p) => (isRecord(p) && typeof p.law === 'string' ? `${p.law}${strings(p.article) ?? ''}` : undefined), '、');
    return provisions === undefined ? undefined : `${v.powerSource.label}；${provisions}`;
  },
  resultSample: (v) => (isRecord(v) && typeof v.description === 'string' ? `${v.description}${typeof v.file === 'string' ? `（${v.file}）` : ''}` : undefined),
  process: (v) => listText(v, (s) => strings(field(s, 'name')), ' → '),
  reviewPoints: (v) => listText(v, (p) => strings(field(p, 'point')), '；'),
  stageTimeLimits: (v) => listText(v, (s) => {
    const limit = timeLimitText(s);
    return typeof field(s, 'stage') === 'string' && limit ? `${field(s, 'stage') as string} ${limit}` : undefined;
  }, '；'),
  materialTemplates: (v) => listText(v, (t) => strings(field(t, 'name')), '、'),
  deferredAcceptance: (v) => {
    if (!isRecord(v) || typeof v.allowed !== 'boolean') return undefined;
    if (!v.allowed) return '不允许容缺受理';
    const limit = timeLimitText(v.supplementLimit);
    return ['允许容缺受理', limit ? `补齐时限 ${limit}` : null, typeof v.consequence === 'string' ? `逾期：${v.consequence}` : null, typeof v.basis === 'string' ? `依据：${v.basis}` : null]
      .filter(Boolean).join('；');
  },
  fee: (v) => {
    if (!isRecord(v) || typeof v.charged !== 'boolean') return undefined;
    if (!v.charged) return '不收费';
    return ['收费', typeof v.standard === 'string' ? `收费标准：${v.standard}` : null, typeof v.basis === 'string' ? `收费依据：${v.basis}` : null].filter(Boolean).join('；');
  },
  deliveryMethods: (v) => listText(v, (m) => (isDeliveryMethod(m) ? labelOf(deliveryMethods, m) : undefined), '、'),
  department: (v) => (isRecord(v) && typeof v.name === 'string' ? `${v.name}${typeof v.code === 'string' ? `（${v.code}）` : ''}` : undefined),
  dataNeeds: (v) => listText(v, (d) => {
    if (!isRecord(d) || typeof d.dataItem !== 'string' || !isCoded(d.sharingMethod) || !isCoded(d.frequency)) return undefined;
    return `${d.dataItem}（${genericText(d.owningDepartment)}·${genericText(d.sourceSystem)}，${d.sharingMethod.label}，${d.frequency.label}）`;
  }, '；'),
};

/** A standard element's value as the guide would show it. */
export function standardElementText(key: string, value: unknown): string {
  return ELEMENT_TEXT[key]?.(value) ?? genericText(value);
}

export function localFieldText(value: unknown): string {
  return optionTitle('localField', value) ?? genericText(value);
}

const TYPE_LABELS: Record<string, string> = { string: '文本', number: '数字', integer: '整数', boolean: '是/否', object: '对象', array: '列表', null: '空' };

export function schemaTypeText(value: unknown): string {
  if (typeof value === 'string') return TYPE_LABELS[value] ?? value;
  if (Array.isArray(value) && value.every((t) => typeof t === 'string')) return value.map(schemaTypeText).join('或');
  return genericText(value);
}

const STANDARD_FORMAT_LABELS: Record<string, string> = { date: '日期', 'date-time': '日期时间', time: '时间', email: '电子邮箱', uri: '网址', url: '网址' };

export function schemaFormatText(value: unknown): string {
  if (typeof value !== 'string') return genericText(value);
  const label = (fieldFormats as Record<string, { label: string } | undefined>)[value]?.label ?? STANDARD_FORMAT_LABELS[value];
  return label ? `${label}（${value}）` : value;
}

/** `oneOf: [{ const, title }]` used as a labelled enumeration. */
export function constOptionsText(value: unknown): string {
  return listText(value, (o) => (isRecord(o) && 'const' in o ? (strings(o.title) ?? genericText(o.const)) : undefined), '、') ?? genericText(value);
}

export function operatorText(value: unknown): string {
  return (typeof value === 'string' ? operatorsByName.get(value)?.label : undefined) ?? genericText(value);
}

/** A rule condition in one line: "idNumber 年龄小于（周岁） 16", "全部满足（2 项）". */
export function conditionText(node: unknown): string {
  if (!isRecord(node)) return genericText(node);
  if (Array.isArray(node.all)) return `全部满足（${node.all.length} 项）`;
  if (Array.isArray(node.any)) return `任一满足（${node.any.length} 项）`;
  if ('not' in node) return `不满足：${conditionText(node.not)}`;
  if (typeof node.fact !== 'string') return genericText(node);
  const path = typeof node.path === 'string' ? ` ${node.path}` : '';
  const optional = node.optional === true ? '（可缺省）' : '';
  return `${node.fact}${path} ${operatorText(node.operator)} ${genericText(node.value)}${optional}`;
}

export function eventTypeText(value: unknown): string {
  return isRuleEventType(value) ? labelOf(ruleEventTypes, value) : genericText(value);
}

export function outcomeText(value: unknown): string {
  return isOutcome(value) ? labelOf(outcomes, value) : genericText(value);
}

/** Material ids as the names one side of the diff gives them: "居民身份证、近期免冠照片". */
export function materialListText(value: unknown, names: ReadonlyMap<string, string>): string {
  return listText(value, (id) => (typeof id === 'string' ? (names.get(id) ?? id) : undefined), '、') ?? genericText(value);
}

export function materialNameText(value: unknown, names: ReadonlyMap<string, string>): string {
  return typeof value === 'string' ? (names.get(value) ?? value) : genericText(value);
}
