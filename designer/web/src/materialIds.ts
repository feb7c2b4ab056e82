import type { Material, Scenario } from '../../../engine/core/index.js';

export interface MaterialRename {
  materials: Material[];
  scenarios: Scenario[];
  /**
   * While the row's new id duplicates another material's, the id its scenario ticks are still
   * filed under (they are not moved onto the other material's id); null otherwise.
   */
  parked: string | null;
}

/**
 * Renames material `index` to `id` and moves the scenarios' references with it — except while
 * `id` is another material's too: then the references stay where they are (`parked`), so that
 * typing through a duplicate and on, or back, never unticks the other material in any scenario.
 * `parked` is what the previous rename of this row returned.
 */
export function renameMaterialId(materials: readonly Material[], scenarios: readonly Scenario[], index: number, id: string, parked: string | null): MaterialRename {
  const row = materials[index];
  if (!row) return { materials: [...materials], scenarios: [...scenarios], parked: null };
  const others = new Set(materials.filter((_, j) => j !== index).map((m) => m.id));
  // The id this row's ticks are filed under: parked, or its current id when that is its own.
  const source = parked ?? (others.has(row.id) ? null : row.id);
  const renamed = materials.map((m, j) => (j === index ? { ...m, id } : m));
  if (others.has(id)) return { materials: renamed, scenarios: [...scenarios], parked: source };
  if (source === null || source === id) return { materials: renamed, scenarios: [...scenarios], parked: null };
  return {
    materials: renamed,
    scenarios: scenarios.map((s) => ({ ...s, materialIds: (s.materialIds ?? []).map((x) => (x === source ? id : x)) })),
    parked: null,
  };
}
