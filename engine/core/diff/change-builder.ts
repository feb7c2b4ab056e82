/**
 * Builders for changes and aspects. They leave out absent fields instead of writing `undefined`,
 * so a diff survives JSON.stringify unchanged, and they copy values so a diff never aliases a config.
 */
import { cloneJson } from './json-values.js';
import type { ChangeKind, DiffAspect, DiffChange, DiffSection } from './types.js';

export interface ChangeInit {
  section: DiffSection;
  kind: ChangeKind;
  pointer: string;
  fromPointer?: string;
  label: string;
  before?: unknown;
  after?: unknown;
  beforeText?: string;
  afterText?: string;
  aspects?: DiffAspect[];
  affectsDecision: boolean;
}

export function makeChange(init: ChangeInit): DiffChange {
  // Fields are written in reading order: what, where, which, then the values.
  const change = { section: init.section, kind: init.kind, pointer: init.pointer } as DiffChange;
  if (init.fromPointer !== undefined && init.fromPointer !== init.pointer) change.fromPointer = init.fromPointer;
  change.label = init.label;
  if (init.before !== undefined) change.before = cloneJson(init.before);
  if (init.after !== undefined) change.after = cloneJson(init.after);
  if (init.before !== undefined && init.beforeText !== undefined) change.beforeText = init.beforeText;
  if (init.after !== undefined && init.afterText !== undefined) change.afterText = init.afterText;
  if (init.aspects && init.aspects.length > 0) change.aspects = init.aspects;
  change.affectsDecision = init.affectsDecision;
  return change;
}

/**
 * An aspect whose value differs; texts are derived with `text` (per side, because material names
 * and the like are looked up in that side's config).
 */
export function makeAspect(
  key: string,
  label: string,
  before: unknown,
  after: unknown,
  text?: { before?: (v: unknown) => string; after?: (v: unknown) => string } | ((v: unknown) => string),
  pointer?: string,
): DiffAspect {
  const beforeText = typeof text === 'function' ? text : text?.before;
  const afterText = typeof text === 'function' ? text : text?.after;
  const aspect: DiffAspect = { key, label };
  if (pointer !== undefined) aspect.pointer = pointer;
  if (before !== undefined) aspect.before = cloneJson(before);
  if (after !== undefined) aspect.after = cloneJson(after);
  if (before !== undefined && beforeText) aspect.beforeText = beforeText(before);
  if (after !== undefined && afterText) aspect.afterText = afterText(after);
  return aspect;
}

/** The kind of a change between two possibly absent values. */
export function presenceKind(before: unknown, after: unknown): ChangeKind {
  return before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
}
