/**
 * Structural diff of item configs: by meaning (elements, materials, fields, rules), not by lines.
 * Pure and browser-safe — no Node built-ins — so the designer and the server show the same diff.
 *
 * @module
 */
export { diffConfigs } from './diff-configs.js';
export { renderDiffText, aspectText, changeHeadline, CHANGE_VERBS, SECTION_LABELS, type RenderOptions } from './render-text.js';
export { mirrorDiff } from './mirror-diff.js';
export { describeConfig, renderConfigDescription, type ConfigDescription, type DescriptionEntry, type DescriptionSection } from './describe-config.js';
export { ruleDisplayName, ruleSentence, UNNAMED_RULE_MARK } from './rules-diff.js';
export { conditionSentence } from './condition-sentence.js';
export { sideFacts, type SideFacts, type FactName } from './side-facts.js';
export { CHANGE_KINDS, DIFF_SECTIONS } from './types.js';
export type { ChangeKind, ConfigDiff, DiffAspect, DiffChange, DiffSection, DiffSummary, KindCounts } from './types.js';
