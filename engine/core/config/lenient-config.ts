import type { ItemConfig } from './types.js';
import { isRecord } from './problem-list.js';

const STANDARD_LISTS = [
  'serviceObjects', 'exerciseLevels', 'acceptanceConditions', 'process', 'materials', 'scenarios', 'reviewPoints',
  'stageTimeLimits', 'materialTemplates', 'localFields', 'dataNeeds',
] as const;

/**
 * The config as the semantic checks read it, whatever its shape: every container the checks walk
 * is there (an absent or mistyped list reads as empty, an absent object as {}), while entries keep
 * their positions so that pointers stay right. The shape problems themselves are reported by the
 * schema check; this only keeps every other check running beside them. Entries may still be
 * anything, so each check reads its entries through `asRecord`.
 */
export function lenientConfig(config: unknown): ItemConfig {
  const root = isRecord(config) ? config : {};
  const standard: Record<string, unknown> = isRecord(root.standard) ? { ...root.standard } : {};
  for (const key of STANDARD_LISTS) if (!Array.isArray(standard[key])) standard[key] = [];
  const form: Record<string, unknown> = isRecord(root.form) ? { ...root.form } : {};
  if (!isRecord(form.schema)) form.schema = {};
  return {
    ...root,
    code: root.code,
    standard,
    form,
    rules: Array.isArray(root.rules) ? root.rules : [],
    examples: Array.isArray(root.examples) ? root.examples : [],
  } as unknown as ItemConfig;
}

/** An entry of a list as a record to read fields from ({} when it is not an object). */
export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** The list at `value`, or [] when it is not one. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
