import type { ItemConfig, ItemStandard } from './types.js';
import { codedDefinitionOf, enumeration, standardDefinition, itemStandardSchema, type EnumerationName } from '../standard/standard-schemas.js';
import { escapePointer, isRecord, type ProblemList } from './problem-list.js';

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
      problems.add(`${pointer}/label`, 'standard.label-mismatch', `代码 ${String(value.code)} 对应的名称应为「${entry.label}」，而不是「${String(value.label)}」`);
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

function duplicates(values: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return dup;
}

/** Cross-field rules of the item standard that JSON Schema cannot say. */
export function checkStandard(config: ItemConfig, problems: ProblemList): void {
  const s: ItemStandard = config.standard;
  const base = '/standard';
  checkCodedLabels(s, itemStandardSchema, base, problems);

  if (s.code !== config.code) {
    problems.add(`${base}/code`, 'standard.code-mismatch', `事项编码「${s.code}」与配置编码「${config.code}」不一致`);
  }

  const promised = s.promisedTimeLimit;
  const statutory = s.statutoryTimeLimit;
  if (s.caseType.code === CASE_TYPE_IMMEDIATE && promised.value !== 0) {
    problems.add(`${base}/promisedTimeLimit/value`, 'standard.immediate-time-limit', '即办件的承诺办理时限应为 0（当场办结）');
  }
  if (s.caseType.code === CASE_TYPE_PROMISED && promised.value < 1) {
    problems.add(`${base}/promisedTimeLimit/value`, 'standard.promised-time-limit', '承诺件的承诺办理时限应至少为 1');
  }
  if (statutory.value !== null && statutory.unit.code === promised.unit.code && promised.value > statutory.value) {
    problems.add(
      `${base}/promisedTimeLimit/value`,
      'standard.promise-exceeds-statutory',
      `承诺办理时限 ${promised.value} ${promised.unit.label}超过法定办理时限 ${statutory.value} ${statutory.unit.label}`,
    );
  }

  const materialIds = s.materials.map((m) => m.id);
  const duplicateMaterials = duplicates(materialIds);
  s.materials.forEach((m, i) => {
    if (duplicateMaterials.has(m.id)) problems.add(`${base}/materials/${i}/id`, 'standard.duplicate-material', `材料标识「${m.id}」重复`);
    const optional = m.necessity.code === NECESSITY_OPTIONAL;
    if (m.required === optional) {
      problems.add(
        `${base}/materials/${i}/required`,
        'standard.necessity-mismatch',
        optional ? `材料「${m.name}」为非必要材料，“是否必需”应为否` : `材料「${m.name}」为${m.necessity.label}材料，“是否必需”应为是`,
      );
    }
  });
  const known = new Set(materialIds);
  const duplicateScenarios = duplicates(s.scenarios.map((sc) => sc.id));
  s.scenarios.forEach((scenario, i) => {
    if (duplicateScenarios.has(scenario.id)) problems.add(`${base}/scenarios/${i}/id`, 'standard.duplicate-scenario', `情形标识「${scenario.id}」重复`);
    scenario.materialIds.forEach((id, j) => {
      if (!known.has(id)) problems.add(`${base}/scenarios/${i}/materialIds/${j}`, 'standard.unknown-material', `情形「${scenario.name}」引用了不存在的材料「${id}」`);
    });
  });
  const materialRefs: [string, { materialId?: string }[]][] = [
    ['reviewPoints', s.reviewPoints],
    ['materialTemplates', s.materialTemplates],
    ['dataNeeds', s.dataNeeds],
  ];
  for (const [key, list] of materialRefs) {
    list.forEach((entry, i) => {
      if (entry.materialId !== undefined && !known.has(entry.materialId)) {
        problems.add(`${base}/${key}/${i}/materialId`, 'standard.unknown-material', `引用了不存在的材料「${entry.materialId}」`);
      }
    });
  }
}
