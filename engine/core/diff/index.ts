/**
 * Structural diff of item configs: by meaning (elements, materials, fields, rules), not by lines.
 * Pure and browser-safe — no Node built-ins — so the designer and the server show the same diff.
 *
 * @module
 */
export { diffConfigs } from './diff-configs.js';
export { renderDiffText, SECTION_LABELS, type RenderOptions } from './render-text.js';
export { mirrorDiff } from './mirror-diff.js';
export { CHANGE_KINDS, DIFF_SECTIONS } from './types.js';
export type { ChangeKind, ConfigDiff, DiffAspect, DiffChange, DiffSection, DiffSummary, KindCounts } from './types.js';
