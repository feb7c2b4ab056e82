/**
 * The diff as a Chinese plain-text report, for legality reviewers and auditors who read it in a
 * mail, a print-out or a terminal. One line per change; a changed thing lists its aspects below it.
 */
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import type { Language } from '../vocabulary/index.js';
import { standardElementLabel } from './standard-labels.js';
import { ABSENT_TEXT } from './value-text.js';
import { DIFF_SECTIONS, type ChangeKind, type ConfigDiff, type DiffAspect, type DiffChange, type DiffSection } from './types.js';

export interface RenderOptions {
  /** What the `from` side is called, e.g. "第 3 版". */
  fromLabel?: string;
  /** What the `to` side is called, e.g. "草稿". */
  toLabel?: string;
  /** The language of the report's own wording (headings, summary); the changes' texts are the diff's. */
  language?: Language;
}

const SECTION_KEYS: Record<DiffSection, CatalogueKey | undefined> = {
  standard: 'designer.standard.title',
  materials: undefined, // the standard's element name
  scenarios: undefined, // the standard's element name
  form: 'core.diff.text.section.form',
  rules: 'designer.tab.rules',
  examples: 'designer.tab.examples',
};

/** A section's heading: the standard's element names for materials and scenarios, the catalogue's words otherwise. */
export function sectionLabel(section: DiffSection, language: Language = 'zh-CN'): string {
  const key = SECTION_KEYS[section];
  return key ? uiText(key, language) : standardElementLabel(section);
}

export const SECTION_LABELS: Record<DiffSection, string> = {
  standard: sectionLabel('standard'),
  materials: sectionLabel('materials'),
  scenarios: sectionLabel('scenarios'),
  form: sectionLabel('form'),
  rules: sectionLabel('rules'),
  examples: sectionLabel('examples'),
};

const VERB_KEYS: Record<ChangeKind, CatalogueKey> = {
  added: 'core.diff.text.kind.added', removed: 'core.diff.text.kind.removed', changed: 'core.diff.text.kind.changed', moved: 'core.diff.text.kind.moved', renamed: 'core.diff.text.kind.renamed',
};

export function changeVerb(kind: ChangeKind, language: Language = 'zh-CN'): string {
  return uiText(VERB_KEYS[kind], language);
}

export const CHANGE_VERBS: Record<ChangeKind, string> = {
  added: changeVerb('added'), removed: changeVerb('removed'), changed: changeVerb('changed'), moved: changeVerb('moved'), renamed: changeVerb('renamed'),
};

type Sides = { before?: unknown; after?: unknown; beforeText?: string; afterText?: string };

/** "20 个工作日" → "15 个工作日" reads better as "20 → 15 个工作日". */
function pair(sides: Sides): string {
  const before = sides.before === undefined ? ABSENT_TEXT : (sides.beforeText ?? '…');
  const after = sides.after === undefined ? ABSENT_TEXT : (sides.afterText ?? '…');
  const b = /^(-?\d+(?:\.\d+)?) (\S+)$/.exec(before);
  const a = /^(-?\d+(?:\.\d+)?) (\S+)$/.exec(after);
  if (a && b && a[2] === b[2]) return `${b[1]} → ${a[1]} ${a[2]}`;
  return `${before} → ${after}`;
}

/**
 * One aspect as a reviewer reads it: 「条件：年龄 不小于 60 → 不小于 63」, 「条件：新增「婚姻状况 等于 已婚」」,
 * 「承诺办理时限：20 → 15 个工作日」. Shared by the text report and the designer's review tab.
 */
export function aspectText(aspect: DiffAspect, language: Language = 'zh-CN'): string {
  const label = aspect.label;
  if (aspect.beforeText === undefined && aspect.afterText === undefined) return uiText('core.diff.text.aspectChanged', language, { label });
  const subject = aspect.subject === undefined ? '' : `${aspect.subject} `;
  if (aspect.key === 'condition' && aspect.before === undefined) return uiText('core.diff.text.conditionAdded', language, { label, condition: `${subject}${aspect.afterText ?? '…'}` });
  if (aspect.key === 'condition' && aspect.after === undefined) return uiText('core.diff.text.conditionRemoved', language, { label, condition: `${subject}${aspect.beforeText ?? '…'}` });
  return uiText('core.diff.label.entry', language, { label, text: `${subject}${pair(aspect)}` });
}

/** The head line of a change: 「修改 受理规则「未满退休年龄」」, 「新增 表单字段「工作单位」：文本，必填」. */
export function changeHeadline(change: DiffChange, language: Language = 'zh-CN'): string {
  const head = `${changeVerb(change.kind, language)} ${change.label}`;
  const entry = (text: string) => uiText('core.diff.label.entry', language, { label: head, text });
  switch (change.kind) {
    case 'added':
      return change.afterText ? entry(change.afterText) : head;
    case 'removed':
      return change.beforeText ? entry(change.beforeText) : head;
    case 'moved':
      return entry(pair(change));
    case 'changed':
    case 'renamed':
      return change.aspects ? head : entry(pair(change));
  }
}

function changeLines(change: DiffChange, language: Language): string[] {
  return [`  ${changeHeadline(change, language)}`, ...(change.aspects ?? []).map((aspect) => `    · ${aspectText(aspect, language)}`)];
}

export function renderDiffText(diff: ConfigDiff, options: RenderOptions = {}): string {
  const language = options.language ?? 'zh-CN';
  const from = options.fromLabel ?? uiText('core.diff.text.fromDefault', language);
  const to = options.toLabel ?? uiText('core.diff.text.toDefault', language);
  const lines = [uiText('core.diff.text.title', language, { from, to })];
  if (diff.changes.length === 0) {
    lines.push(uiText('core.diff.text.identical', language));
    return `${lines.join('\n')}\n`;
  }
  const { total, kinds, canAlterDecision } = diff.summary;
  const renamed = kinds.renamed > 0 ? uiText('core.diff.text.summary.renamed', language, { n: kinds.renamed }) : '';
  lines.push(uiText('core.diff.text.summary', language, { total, added: kinds.added, removed: kinds.removed, changed: kinds.changed, renamed, moved: kinds.moved }));
  lines.push(uiText(canAlterDecision ? 'core.diff.text.canAlterDecision.yes' : 'core.diff.text.canAlterDecision.no', language));
  for (const section of DIFF_SECTIONS) {
    const changes = diff.changes.filter((c) => c.section === section);
    if (changes.length === 0) continue;
    lines.push('', uiText('core.diff.describe.sectionTitle', language, { title: sectionLabel(section, language) }), ...changes.flatMap((c) => changeLines(c, language)));
  }
  return `${lines.join('\n')}\n`;
}
