/**
 * The shape of a structural diff between two item configs. Everything here is plain JSON so that a
 * diff can be sent over HTTP, stored next to a review, and rendered by the browser as well as the
 * server.
 */

/**
 * `renamed`: the same thing under a new name or key — a field whose title or key changed, a material
 * or rule renamed — reported once instead of as a deletion and an addition.
 */
export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved' | 'renamed';

/**
 * Where a change belongs. Materials and scenarios live inside `standard` but get their own sections
 * because reviewers read them as lists of things, and because they can alter a decision.
 */
export type DiffSection = 'standard' | 'materials' | 'scenarios' | 'form' | 'rules' | 'examples';

export const DIFF_SECTIONS: readonly DiffSection[] = ['standard', 'materials', 'scenarios', 'form', 'rules', 'examples'];

export const CHANGE_KINDS: readonly ChangeKind[] = ['added', 'removed', 'changed', 'moved', 'renamed'];

/** One aspect of a changed thing: a property of a material, a keyword of a form field, a rule condition. */
export interface DiffAspect {
  /** Machine name, e.g. `necessity`, `maxLength`, `conditions.value`, `event.params.message`. */
  key: string;
  /** Chinese label, e.g. 材料必要性, 最大长度, 条件 /conditions/all/1 比较值. */
  label: string;
  /** For rule conditions: where the condition sits, relative to the rule (e.g. `/conditions/all/1`). */
  pointer?: string;
  /**
   * For a condition whose fact is the same on both sides: the fact's title (年龄). The texts are
   * then the predicates (不小于 60 → 不小于 63) and the sentence reads 「年龄 不小于 60 → 不小于 63」.
   */
  subject?: string;
  /** Absent when the aspect did not exist on that side. */
  before?: unknown;
  after?: unknown;
  /** Chinese display of `before` / `after` (units, coded labels, material names resolved). */
  beforeText?: string;
  afterText?: string;
}

export interface DiffChange {
  section: DiffSection;
  kind: ChangeKind;
  /**
   * JSON pointer (RFC 6901) of the thing: into `to` for added, changed and moved things, into `from`
   * for removed ones.
   */
  pointer: string;
  /** Where the same thing sits in `from`, only when that differs from `pointer` (a shifted material, rule, …). */
  fromPointer?: string;
  /** Chinese label of the thing, e.g. 承诺办理时限, 申请材料「居民身份证」, 受理规则「under-16」. */
  label: string;
  /** The value on each side, when the change is about a value (absent for `changed` with aspects). */
  before?: unknown;
  after?: unknown;
  beforeText?: string;
  afterText?: string;
  /** For `changed` and `renamed`: what exactly changed (a rename's first aspect is the name or key). */
  aspects?: DiffAspect[];
  /** True when this change can make the same application get a different decision. */
  affectsDecision: boolean;
}

export type KindCounts = Record<ChangeKind, number>;

export interface DiffSummary {
  total: number;
  kinds: KindCounts;
  sections: Record<DiffSection, KindCounts>;
  /** Some change touches form validation, rules, scenarios, materials or the channel (redirects). */
  canAlterDecision: boolean;
}

export interface ConfigDiff {
  changes: DiffChange[];
  summary: DiffSummary;
}
