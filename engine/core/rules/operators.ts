import { ageOn, compareIsoDates, isDivisionWithin, isIsoDate, isValidIdNumber, isValidSocialCreditCode, parseIdNumber } from '../codes/index.js';
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import type { Language } from '../vocabulary/index.js';

/** What kind of fact an operator reads and what kind of value it compares with, for authoring checks. */
export type FactKind = 'any' | 'scalar' | 'number' | 'array' | 'string' | 'date' | 'birth' | 'division';
export type ValueKind = 'scalar' | 'scalars' | 'number' | 'boolean' | 'date' | 'years' | 'division';

export interface OperatorDefinition {
  name: string;
  /** The Chinese label (the catalogue's `core.rules.operator.<name>`; `operatorLabel` gives it in another language). */
  label: string;
  labelEn: string;
  fact: FactKind;
  value: ValueKind;
  /** The operator decides on an absent fact by itself (e.g. "is filled in"). */
  decidesMissing?: boolean;
  /** The operator compares against the evaluation date, so it reads the `today` fact. */
  usesEvaluationDate?: boolean;
  evaluate(factValue: unknown, value: unknown): boolean;
}

/** An age threshold on the evaluation date; the engine supplies `on` at run time. */
export interface AgeThreshold {
  years: number;
  on: string;
}

/** The birth date an age operator reads: an ISO date itself, or the one an ID number carries. */
export function birthDateOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (isIsoDate(value)) return value;
  return parseIdNumber(value)?.birthDate ?? null;
}

/**
 * Full years on `on`, or null when there is no age to compare: no birth date, no valid evaluation
 * date, or a birth date after it (ageOn refuses that; it used to abort the whole evaluation).
 */
export function ageInYears(birth: string | null, on: unknown): number | null {
  if (!birth || !isIsoDate(on) || on < birth) return null;
  return ageOn(birth, on);
}

function age(factValue: unknown, threshold: unknown): number | null {
  const t = threshold as AgeThreshold | undefined;
  return t ? ageInYears(birthDateOf(factValue), t.on) : null;
}

function dateCompare(factValue: unknown, value: unknown): number | null {
  if (!isIsoDate(factValue) || !isIsoDate(value)) return null;
  return compareIsoDates(factValue as string, value as string);
}

const isPresent = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);
const sameScalar = (a: unknown, b: unknown) => a === b;

const label = (name: string) => uiText(`core.rules.operator.${name}` as CatalogueKey);

export const operatorDefinitions: readonly OperatorDefinition[] = [
  { name: 'equal', label: label('equal'), labelEn: 'equals', fact: 'scalar', value: 'scalar', evaluate: sameScalar },
  { name: 'notEqual', label: label('notEqual'), labelEn: 'does not equal', fact: 'scalar', value: 'scalar', evaluate: (a, b) => a !== b },
  { name: 'in', label: label('in'), labelEn: 'is one of', fact: 'scalar', value: 'scalars', evaluate: (a, b) => Array.isArray(b) && b.includes(a) },
  { name: 'notIn', label: label('notIn'), labelEn: 'is none of', fact: 'scalar', value: 'scalars', evaluate: (a, b) => Array.isArray(b) && !b.includes(a) },
  { name: 'contains', label: label('contains'), labelEn: 'contains', fact: 'array', value: 'scalar', evaluate: (a, b) => Array.isArray(a) && a.includes(b) },
  { name: 'doesNotContain', label: label('doesNotContain'), labelEn: 'does not contain', fact: 'array', value: 'scalar', evaluate: (a, b) => Array.isArray(a) && !a.includes(b) },
  { name: 'lessThan', label: label('lessThan'), labelEn: 'less than', fact: 'number', value: 'number', evaluate: (a, b) => typeof a === 'number' && typeof b === 'number' && a < b },
  { name: 'lessThanInclusive', label: label('lessThanInclusive'), labelEn: 'at most', fact: 'number', value: 'number', evaluate: (a, b) => typeof a === 'number' && typeof b === 'number' && a <= b },
  { name: 'greaterThan', label: label('greaterThan'), labelEn: 'greater than', fact: 'number', value: 'number', evaluate: (a, b) => typeof a === 'number' && typeof b === 'number' && a > b },
  { name: 'greaterThanInclusive', label: label('greaterThanInclusive'), labelEn: 'at least', fact: 'number', value: 'number', evaluate: (a, b) => typeof a === 'number' && typeof b === 'number' && a >= b },
  {
    name: 'isFilled', label: label('isFilled'), labelEn: 'is filled in', fact: 'any', value: 'boolean', decidesMissing: true,
    evaluate: (a, b) => isPresent(a) === b,
  },
  {
    name: 'idNumberValid', label: label('idNumberValid'), labelEn: 'is a valid ID number (GB 11643)', fact: 'string', value: 'boolean',
    evaluate: (a, b) => isValidIdNumber(a) === b,
  },
  {
    name: 'socialCreditCodeValid', label: label('socialCreditCodeValid'), labelEn: 'is a valid unified social credit code (GB 32100)', fact: 'string', value: 'boolean',
    evaluate: (a, b) => isValidSocialCreditCode(a) === b,
  },
  {
    name: 'ageAtLeast', label: label('ageAtLeast'), labelEn: 'age on the evaluation date at least', fact: 'birth', value: 'years', usesEvaluationDate: true,
    evaluate: (a, b) => { const years = age(a, b); return years !== null && years >= (b as AgeThreshold).years; },
  },
  {
    name: 'ageBelow', label: label('ageBelow'), labelEn: 'age on the evaluation date below', fact: 'birth', value: 'years', usesEvaluationDate: true,
    evaluate: (a, b) => { const years = age(a, b); return years !== null && years < (b as AgeThreshold).years; },
  },
  { name: 'dateBefore', label: label('dateBefore'), labelEn: 'date before', fact: 'date', value: 'date', evaluate: (a, b) => (dateCompare(a, b) ?? 0) < 0 },
  { name: 'dateOnOrBefore', label: label('dateOnOrBefore'), labelEn: 'date on or before', fact: 'date', value: 'date', evaluate: (a, b) => { const c = dateCompare(a, b); return c !== null && c <= 0; } },
  { name: 'dateAfter', label: label('dateAfter'), labelEn: 'date after', fact: 'date', value: 'date', evaluate: (a, b) => (dateCompare(a, b) ?? 0) > 0 },
  { name: 'dateOnOrAfter', label: label('dateOnOrAfter'), labelEn: 'date on or after', fact: 'date', value: 'date', evaluate: (a, b) => { const c = dateCompare(a, b); return c !== null && c >= 0; } },
  {
    name: 'divisionWithin', label: label('divisionWithin'), labelEn: 'division within', fact: 'division', value: 'division',
    evaluate: (a, b) => typeof a === 'string' && typeof b === 'string' && isDivisionWithin(a, b),
  },
  {
    name: 'divisionNotWithin', label: label('divisionNotWithin'), labelEn: 'division not within', fact: 'division', value: 'division',
    evaluate: (a, b) => typeof a === 'string' && typeof b === 'string' && !isDivisionWithin(a, b),
  },
];

export const operatorsByName: ReadonlyMap<string, OperatorDefinition> = new Map(operatorDefinitions.map((op) => [op.name, op]));

/** An operator's label in `language` (its name when there is no such operator). */
export function operatorLabel(name: string, language: Language = 'zh-CN'): string {
  return operatorsByName.has(name) ? uiText(`core.rules.operator.${name}` as CatalogueKey, language) : name;
}
