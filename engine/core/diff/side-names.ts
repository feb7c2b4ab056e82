/**
 * Material names per side of the diff. Scenarios, rules and examples refer to materials by id; a
 * reviewer reads names, and each side's ids must be named by that side's own materials.
 */
import { isRecord } from './json-values.js';

export interface SideNames {
  from: ReadonlyMap<string, string>;
  to: ReadonlyMap<string, string>;
}

export function materialNames(config: unknown): Map<string, string> {
  const names = new Map<string, string>();
  const standard = isRecord(config) ? config.standard : undefined;
  const materials = isRecord(standard) ? standard.materials : undefined;
  if (Array.isArray(materials)) {
    for (const m of materials) if (isRecord(m) && typeof m.id === 'string' && typeof m.name === 'string' && !names.has(m.id)) names.set(m.id, m.name);
  }
  return names;
}
