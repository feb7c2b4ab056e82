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
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';

const LIST = uiText('server.listSeparator');
const CLAUSES = uiText('server.notice.clauseSeparator');
/** 「（…）」 after a value: a note, a file, a code. */
const noted = (note: string): string => uiText('core.diff.value.note', 'zh-CN', { note });

export const ABSENT_TEXT = uiText('designer.examples.nothing');
const EMPTY_TEXT = uiText('core.diff.value.empty');

export function isCoded(value: unknown): value is { code: string; label: string } {
  return isRecord(value) && typeof value.code === 'string' && typeof value.label === 'string';
}

export function booleanText(value: boolean): string {
  return uiText(value ? 'webkit.form.yes' : 'webkit.form.no');
}

/** Any JSON value, as plainly as its shape allows. */
export function genericText(value: unknown): string {
  if (value === undefined) return ABSENT_TEXT;
  if (value === null) return EMPTY_TEXT;
  if (typeof value === 'string') return value === '' ? EMPTY_TEXT : value;
  if (typeof value === 'boolean') return booleanText(value);
  if (typeof value === 'number') return String(value);
  if (isCoded(value)) return value.label;
  if (Array.isArray(value)) return value.length === 0 ? EMPTY_TEXT : value.map(genericText).join(LIST);
  return stableKey(value);
}

const strings = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Formats every entry of a list with `entry`, or gives up on the whole list when one entry is not understood. */
function listText(value: unknown, entry: (item: unknown) => string | undefined, separator: string): string | undefined {
  if (!Array.isArray(value)) return undefined;
  if (value.length === 0) return EMPTY_TEXT;
  const parts = value.map(entry);
  return parts.every((p): p is string => p !== undefined) ? parts.join(separator) : undefined;
}

/** Counted units take the measure word: 15 个工作日, 3 个月 — but 24 小时 (unit codes: WD, CD, M; H). */
const COUNTED_UNITS = new Set(['WD', 'CD', 'M']);

export function timeLimitText(value: unknown): string | undefined {
  if (!isRecord(value) || !isCoded(value.unit)) return undefined;
  const note = typeof value.note === 'string' ? noted(value.note) : '';
  if (value.value === null) return `${uiText('core.diff.value.noTimeLimit')}${note}`;
  const unit = COUNTED_UNITS.has(value.unit.code) ? uiText('core.diff.value.countedUnit', 'zh-CN', { unit: value.unit.label }) : value.unit.label;
  return typeof value.value === 'number' ? `${value.value} ${unit}${note}` : undefined;
}

const ELEMENT_TEXT: Record<string, (value: unknown) => string | undefined> = {
  statutoryTimeLimit: timeLimitText,
  promisedTimeLimit: timeLimitText,
  channel: (v) => optionTitle('channel', v),
  localFields: (v) => listText(v, (f) => optionTitle('localField', f) ?? strings(f), LIST),
  acceptanceConditions: (v) => listText(v, strings, CLAUSES),
  legalBasis: (v) => {
    if (!isRecord(v) || !isCoded(v.powerSource)) return undefined;
    const provisions = listText(v.provisions, (p) => (isRecord(p) && typeof p.law === 'string' ? `${p.law}${strings(p.article) ?? ''}` : undefined), LIST);
    return provisions === undefined ? undefined : `${v.powerSource.label}${CLAUSES}${provisions}`;
  },
  resultSample: (v) => (isRecord(v) && typeof v.description === 'string' ? `${v.description}${typeof v.file === 'string' ? noted(v.file) : ''}` : undefined),
  process: (v) => listText(v, (s) => strings(field(s, 'name')), ' → '),
  reviewPoints: (v) => listText(v, (p) => strings(field(p, 'point')), CLAUSES),
  stageTimeLimits: (v) => listText(v, (s) => {
    const limit = timeLimitText(s);
    return typeof field(s, 'stage') === 'string' && limit ? `${field(s, 'stage') as string} ${limit}` : undefined;
  }, CLAUSES),
  materialTemplates: (v) => listText(v, (t) => strings(field(t, 'name')), LIST),
  deferredAcceptance: (v) => {
    if (!isRecord(v) || typeof v.allowed !== 'boolean') return undefined;
    if (!v.allowed) return uiText('core.diff.value.deferred.notAllowed');
    const limit = timeLimitText(v.supplementLimit);
    return [
      uiText('core.diff.value.deferred.allowed'),
      limit ? uiText('core.diff.value.deferred.supplementLimit', 'zh-CN', { limit }) : null,
      typeof v.consequence === 'string' ? uiText('core.diff.value.deferred.consequence', 'zh-CN', { consequence: v.consequence }) : null,
      typeof v.basis === 'string' ? uiText('core.diff.value.deferred.basis', 'zh-CN', { basis: v.basis }) : null,
    ].filter(Boolean).join(CLAUSES);
  },
  fee: (v) => {
    if (!isRecord(v) || typeof v.charged !== 'boolean') return undefined;
    if (!v.charged) return uiText('guide.fee.free');
    return [
      uiText('guide.section.fee'),
      typeof v.standard === 'string' ? uiText('core.diff.value.fee.standard', 'zh-CN', { standard: v.standard }) : null,
      typeof v.basis === 'string' ? uiText('core.diff.value.fee.basis', 'zh-CN', { basis: v.basis }) : null,
    ].filter(Boolean).join(CLAUSES);
  },
  deliveryMethods: (v) => listText(v, (m) => (isDeliveryMethod(m) ? labelOf(deliveryMethods, m) : undefined), LIST),
  department: (v) => (isRecord(v) && typeof v.name === 'string' ? `${v.name}${typeof v.code === 'string' ? noted(v.code) : ''}` : undefined),
  dataNeeds: (v) => listText(v, (d) => {
    if (!isRecord(d) || typeof d.dataItem !== 'string' || !isCoded(d.sharingMethod) || !isCoded(d.frequency)) return undefined;
    return uiText('core.diff.value.dataNeed', 'zh-CN', {
      dataItem: d.dataItem, department: genericText(d.owningDepartment), system: genericText(d.sourceSystem), sharing: d.sharingMethod.label, frequency: d.frequency.label,
    });
  }, CLAUSES),
};

/** A standard element's value as the guide would show it. */
export function standardElementText(key: string, value: unknown): string {
  return ELEMENT_TEXT[key]?.(value) ?? genericText(value);
}

export function localFieldText(value: unknown): string {
  return optionTitle('localField', value) ?? genericText(value);
}

const TYPE_KEYS: Record<string, CatalogueKey> = {
  string: 'core.form.type.string', number: 'core.form.type.number', integer: 'core.form.type.integer', boolean: 'core.form.type.boolean',
  object: 'core.form.type.object', array: 'core.form.type.array', null: 'core.diff.value.type.null',
};

export function schemaTypeText(value: unknown): string {
  if (typeof value === 'string') return TYPE_KEYS[value] ? uiText(TYPE_KEYS[value]) : value;
  if (Array.isArray(value) && value.every((t) => typeof t === 'string')) return value.map(schemaTypeText).join(uiText('core.orSeparator'));
  return genericText(value);
}

const STANDARD_FORMAT_KEYS: Record<string, CatalogueKey> = {
  date: 'designer.form.kind.date', 'date-time': 'core.form.format.dateTime', time: 'core.form.format.time', email: 'core.form.format.email', uri: 'core.form.format.uri', url: 'core.form.format.uri',
};

export function schemaFormatText(value: unknown): string {
  if (typeof value !== 'string') return genericText(value);
  const key = (fieldFormats as Record<string, { labelKey: CatalogueKey } | undefined>)[value]?.labelKey ?? STANDARD_FORMAT_KEYS[value];
  return key ? `${uiText(key)}${noted(value)}` : value;
}

/** `oneOf: [{ const, title }]` used as a labelled enumeration. */
export function constOptionsText(value: unknown): string {
  return listText(value, (o) => (isRecord(o) && 'const' in o ? (strings(o.title) ?? genericText(o.const)) : undefined), LIST) ?? genericText(value);
}

export function operatorText(value: unknown): string {
  return (typeof value === 'string' ? operatorsByName.get(value)?.label : undefined) ?? genericText(value);
}

/** A rule condition in one line: "idNumber 年龄小于（周岁） 16", "全部满足（2 项）". */
export function conditionText(node: unknown): string {
  if (!isRecord(node)) return genericText(node);
  if (Array.isArray(node.all)) return uiText('core.diff.value.condition.all', 'zh-CN', { n: node.all.length });
  if (Array.isArray(node.any)) return uiText('core.diff.value.condition.any', 'zh-CN', { n: node.any.length });
  if ('not' in node) return uiText('core.diff.value.condition.not', 'zh-CN', { condition: conditionText(node.not) });
  if (typeof node.fact !== 'string') return genericText(node);
  const path = typeof node.path === 'string' ? ` ${node.path}` : '';
  const optional = node.optional === true ? uiText('core.diff.value.condition.optional') : '';
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
  return listText(value, (id) => (typeof id === 'string' ? (names.get(id) ?? id) : undefined), LIST) ?? genericText(value);
}

export function materialNameText(value: unknown, names: ReadonlyMap<string, string>): string {
  return typeof value === 'string' ? (names.get(value) ?? value) : genericText(value);
}
