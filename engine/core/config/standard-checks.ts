import type { ItemConfig } from './types.js';
import { compareTimeLimits } from './time-limit-comparison.js';
import { asList, asRecord } from './lenient-config.js';
import { codedDefinitionOf, enumeration, standardDefinition, itemStandardSchema, type EnumerationName } from '../standard/standard-schemas.js';
import { escapePointer, isRecord, type ProblemList } from './problem-list.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

const CASE_TYPE_IMMEDIATE = '1';
const CASE_TYPE_PROMISED = '2';
const NECESSITY_OPTIONAL = '2';

/** Walks the standard beside its schema and checks that each coded value's label matches its code. */
function checkCodedLabels(value: unknown, schema: unknown, pointer: string, problems: ProblemList): void {
  const codedName = codedDefinitionOf(schema);
  if (codedName) {
    if (!isRecord(value)) return;
    const entry = enumeration(codedName as EnumerationName).find((c) => c.code === value.code);
    if (entry && entry.label !== value.label) {
      const title = standardDefinition(codedName)?.title;
      const values = { code: String(value.code), label: entry.label, given: String(value.label) };
      problems.add(`${pointer}/label`, 'standard.label-mismatch', typeof title === 'string'
        ? { key: 'core.config.standard.labelMismatchOf', values: { ...values, title } }
        : { key: 'core.config.standard.labelMismatch', values });
    }
    return;
  }
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  const resolved = ref?.startsWith('#/definitions/') ? standardDefinition(ref.slice('#/definitions/'.length)) : (schema as Record<string, unknown> | undefined);
  if (!resolved) return;
  if (Array.isArray(value) && resolved.items) {
    value.forEach((item, i) => checkCodedLabels(item, resolved.items, `${pointer}/${i}`, problems));
  } else if (isRecord(value) && isRecord(resolved.properties)) {
    for (const [key, child] of Object.entries(resolved.properties)) {
      if (key in value) checkCodedLabels(value[key], child, `${pointer}/${escapePointer(key)}`, problems);
    }
  }
}

function duplicates(values: unknown[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) if (typeof v === 'string') (seen.has(v) ? dup : seen).add(v);
  return dup;
}

/** A time limit whose amount and unit can be compared, or null when either is missing or mistyped. */
function statedLimit(value: unknown): { value: number | null; unit: string; label: string } | null {
  const limit = asRecord(value);
  const unit = asRecord(limit.unit);
  if (typeof unit.code !== 'string') return null;
  if (limit.value !== null && (typeof limit.value !== 'number' || !Number.isFinite(limit.value))) return null;
  const label = typeof unit.label === 'string' ? unit.label : unit.code;
  return { value: limit.value as number | null, unit: unit.code, label };
}

function checkTimeLimits(s: Record<string, unknown>, base: string, problems: ProblemList): void {
  const promised = statedLimit(s.promisedTimeLimit);
  const statutory = statedLimit(s.statutoryTimeLimit);
  const caseType = asRecord(s.caseType).code;
  if (promised && promised.value !== null) {
    if (caseType === CASE_TYPE_IMMEDIATE && promised.value !== 0) {
      problems.add(`${base}/promisedTimeLimit/value`, 'standard.immediate-time-limit', { key: 'core.config.standard.immediateTimeLimit' });
    }
    if (caseType === CASE_TYPE_PROMISED && promised.value < 1) {
      problems.add(`${base}/promisedTimeLimit/value`, 'standard.promised-time-limit', { key: 'core.config.standard.promisedTimeLimit' });
    }
  }
  if (!promised || promised.value === null || !statutory) {
    // The comparison cannot run; say so unless the statutory limit is simply absent (null: 法律未规定).
    if (!promised || promised.value === null || !statutory) {
      const promisedBroken = !promised || promised.value === null;
      const pointer = promisedBroken ? `${base}/promisedTimeLimit` : `${base}/statutoryTimeLimit`;
      problems.add(pointer, 'standard.time-limit-unchecked', { key: promisedBroken ? 'core.config.standard.promisedIncomplete' : 'core.config.standard.statutoryIncomplete' });
    }
    return;
  }
  if (statutory.value === null) return;
  const comparison = compareTimeLimits({ value: promised.value, unit: promised.unit }, { value: statutory.value, unit: statutory.unit });
  const stated = (l: { value: number | null; label: string }) => uiText('guide.limit.amount', 'zh-CN', { value: String(l.value), unit: l.label });
  if (comparison.kind === 'exceeds') {
    const example = comparison.example
      ? uiText('core.config.standard.exceedsExample', 'zh-CN', { from: comparison.example.from, promisedEnd: comparison.example.promisedEnd, statutoryEnd: comparison.example.statutoryEnd })
      : '';
    problems.add(
      `${base}/promisedTimeLimit/value`,
      'standard.promise-exceeds-statutory',
      { key: 'core.config.standard.promiseExceedsStatutory', values: { promised: stated(promised), statutory: stated(statutory), example } },
    );
  } else if (comparison.kind === 'not-comparable') {
    problems.add(
      `${base}/promisedTimeLimit/unit`,
      'standard.time-limit-not-comparable',
      { key: 'core.config.standard.timeLimitNotComparable', values: { promised: stated(promised), statutory: stated(statutory) } },
    );
  }
}

/**
 * Cross-field rules of the item standard that JSON Schema cannot say. Reads the standard
 * leniently: each rule runs on whatever parts of the standard are usable, beside the schema's
 * own problems, so an author sees every problem in one round.
 */
export function checkStandard(config: ItemConfig, problems: ProblemList): void {
  const s = asRecord(config.standard);
  const base = '/standard';
  checkCodedLabels(s, itemStandardSchema, base, problems);

  if (typeof s.code === 'string' && typeof config.code === 'string' && s.code !== config.code) {
    problems.add(`${base}/code`, 'standard.code-mismatch', { key: 'core.config.standard.codeMismatch', values: { standardCode: s.code, code: config.code } });
  }

  checkTimeLimits(s, base, problems);

  const materials = asList(s.materials).map(asRecord);
  const materialIds = materials.map((m) => m.id);
  const duplicateMaterials = duplicates(materialIds);
  materials.forEach((m, i) => {
    if (typeof m.id === 'string' && duplicateMaterials.has(m.id)) {
      const first = materialIds.indexOf(m.id);
      const other = first === i ? materialIds.indexOf(m.id, i + 1) : first;
      problems.add(`${base}/materials/${i}/id`, 'standard.duplicate-material', { key: 'core.config.standard.duplicateMaterial', values: { id: m.id, other: other + 1 } });
    }
    const necessity = asRecord(m.necessity);
    if (typeof necessity.code !== 'string' || typeof m.required !== 'boolean') return;
    const optional = necessity.code === NECESSITY_OPTIONAL;
    if (m.required === optional) {
      const name = typeof m.name === 'string' ? m.name : uiText('core.config.standard.nth', 'zh-CN', { n: i + 1 });
      problems.add(
        `${base}/materials/${i}/required`,
        'standard.necessity-mismatch',
        optional ? { key: 'core.config.standard.optionalMaterialRequired', values: { name } } : { key: 'core.config.standard.materialNotRequired', values: { name, necessity: String(necessity.label) } },
      );
    }
  });
  const known = new Set(materialIds.filter((id): id is string => typeof id === 'string'));
  const scenarios = asList(s.scenarios).map(asRecord);
  const duplicateScenarios = duplicates(scenarios.map((sc) => sc.id));
  scenarios.forEach((scenario, i) => {
    if (typeof scenario.id === 'string' && duplicateScenarios.has(scenario.id)) problems.add(`${base}/scenarios/${i}/id`, 'standard.duplicate-scenario', { key: 'core.config.standard.duplicateScenario', values: { id: scenario.id } });
    asList(scenario.materialIds).forEach((id, j) => {
      if (typeof id === 'string' && !known.has(id)) {
        const name = typeof scenario.name === 'string' ? scenario.name : uiText('core.config.standard.nth', 'zh-CN', { n: i + 1 });
        problems.add(`${base}/scenarios/${i}/materialIds/${j}`, 'standard.unknown-material', { key: 'core.config.standard.scenarioUnknownMaterial', values: { name, id } });
      }
    });
  });
  for (const key of ['reviewPoints', 'materialTemplates', 'dataNeeds'] as const) {
    asList(s[key]).map(asRecord).forEach((entry, i) => {
      if (typeof entry.materialId === 'string' && !known.has(entry.materialId)) {
        problems.add(`${base}/${key}/${i}/materialId`, 'standard.unknown-material', { key: 'core.config.standard.unknownMaterial', values: { id: entry.materialId } });
      }
    });
  }
}
