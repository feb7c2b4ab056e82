/** Counts per section and kind, and whether the diff can change any decision. */
import { CHANGE_KINDS, DIFF_SECTIONS, type DiffChange, type DiffSection, type DiffSummary, type KindCounts } from './types.js';

const zero = (): KindCounts => ({ added: 0, removed: 0, changed: 0, moved: 0, renamed: 0 });

export function summarise(changes: readonly DiffChange[]): DiffSummary {
  const kinds = zero();
  const sections = Object.fromEntries(DIFF_SECTIONS.map((s) => [s, zero()])) as Record<DiffSection, KindCounts>;
  for (const change of changes) {
    kinds[change.kind] += 1;
    sections[change.section][change.kind] += 1;
  }
  return {
    total: CHANGE_KINDS.reduce((sum, kind) => sum + kinds[kind], 0),
    kinds,
    sections,
    canAlterDecision: changes.some((c) => c.affectsDecision),
  };
}
