/**
 * What a rule condition's fact means on one side of the diff: a form field's title and the labels
 * of its options, or a context fact's Chinese name. A reviewer reads 「年龄 不小于 63」, never
 * `age greaterThanInclusive 63`, and each side's keys are named by that side's own form.
 */
import { isRecord, stableKey } from './json-values.js';
import { materialNames } from './side-names.js';
import { CONTEXT_FACTS, contextFacts } from '../vocabulary/context-facts.js';
import { labelOf } from '../vocabulary/vocabulary.js';

export interface FactName {
  title: string;
  /** Option labels by the option's value (stableKey), from `oneOf: [{ const, title }]`. */
  options: ReadonlyMap<string, string>;
  /** The JSON type the field declares, so dates and divisions read as such. */
  format?: string;
}

export interface SideFacts {
  facts: ReadonlyMap<string, FactName>;
  materials: ReadonlyMap<string, string>;
  scenarios: ReadonlyMap<string, string>;
}

function optionLabels(schema: Record<string, unknown>): Map<string, string> {
  const labels = new Map<string, string>();
  const list = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
  if (list) for (const o of list) if (isRecord(o) && 'const' in o && typeof o.title === 'string') labels.set(stableKey(o.const), o.title);
  // A multi-select keeps its options on its items.
  if (isRecord(schema.items)) for (const [k, v] of optionLabels(schema.items)) labels.set(k, v);
  return labels;
}

/** Fields anywhere a rule can name them: top-level properties and those of conditional branches. */
function collectFields(node: unknown, out: Map<string, FactName>, depth = 0): void {
  if (!isRecord(node) || depth > 8) return;
  if (isRecord(node.properties)) {
    for (const [key, schema] of Object.entries(node.properties)) {
      if (out.has(key) || !isRecord(schema)) continue;
      const name: FactName = { title: typeof schema.title === 'string' && schema.title.trim() !== '' ? schema.title : key, options: optionLabels(schema) };
      if (typeof schema.format === 'string') name.format = schema.format;
      out.set(key, name);
    }
  }
  for (const key of ['then', 'else'] as const) collectFields(node[key], out, depth + 1);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[key];
    if (Array.isArray(list)) for (const branch of list) collectFields(branch, out, depth + 1);
  }
  for (const key of ['dependencies', 'dependentSchemas'] as const) {
    const map = node[key];
    if (isRecord(map)) for (const branch of Object.values(map)) collectFields(branch, out, depth + 1);
  }
}

/** Field titles of one schema node, its conditional branches included, by key. */
export function schemaFieldTitles(schema: unknown): (key: string) => string {
  const fields = new Map<string, FactName>();
  collectFields(schema, fields);
  return (key) => fields.get(key)?.title ?? key;
}

function scenarioNames(config: unknown): Map<string, string> {
  const names = new Map<string, string>();
  const standard = isRecord(config) ? config.standard : undefined;
  const scenarios = isRecord(standard) ? standard.scenarios : undefined;
  if (Array.isArray(scenarios)) for (const s of scenarios) if (isRecord(s) && typeof s.id === 'string' && typeof s.name === 'string' && !names.has(s.id)) names.set(s.id, s.name);
  return names;
}

export function sideFacts(config: unknown): SideFacts {
  const facts = new Map<string, FactName>();
  const form = isRecord(config) ? config.form : undefined;
  collectFields(isRecord(form) ? form.schema : undefined, facts);
  const materials = materialNames(config);
  const scenarios = scenarioNames(config);
  // The context facts every rule may read besides the form, named as the vocabulary names them.
  for (const key of CONTEXT_FACTS) {
    if (facts.has(key)) continue;
    const title = labelOf(contextFacts, key);
    const options = key === 'scenario' ? scenarios : key === 'materials' ? materials : new Map<string, string>();
    facts.set(key, { title, options: new Map([...options].map(([id, name]) => [JSON.stringify(id), name])) });
  }
  return { facts, materials, scenarios };
}

/** An empty side, for callers that have no config at hand. */
export const NO_FACTS: SideFacts = { facts: new Map(), materials: new Map(), scenarios: new Map() };
