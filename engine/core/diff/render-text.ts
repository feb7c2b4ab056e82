/**
 * The diff as a Chinese plain-text report, for legality reviewers and auditors who read it in a
 * mail, a print-out or a terminal. One line per change; a changed thing lists its aspects below it.
 */
import { ABSENT_TEXT } from './value-text.js';
import { DIFF_SECTIONS, type ChangeKind, type ConfigDiff, type DiffAspect, type DiffChange, type DiffSection } from './types.js';

export interface RenderOptions {
  /** What the `from` side is called, e.g. "第 3 版". */
  fromLabel?: string;
  /** What the `to` side is called, e.g. "草稿". */
  toLabel?: string;
}

export const SECTION_LABELS: Record<DiffSection, string> = {
  standard: '事项标准',
  materials: '申请材料',
  scenarios: '办理情形',
  form: '受理表单',
  rules: '受理规则',
  examples: '测试样例',
};

export const CHANGE_VERBS: Record<ChangeKind, string> = { added: '新增', removed: '删除', changed: '修改', moved: '移动', renamed: '更名' };

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
export function aspectText(aspect: DiffAspect): string {
  if (aspect.beforeText === undefined && aspect.afterText === undefined) return `${aspect.label}有变化`;
  const subject = aspect.subject === undefined ? '' : `${aspect.subject} `;
  if (aspect.key === 'condition' && aspect.before === undefined) return `${aspect.label}：新增「${subject}${aspect.afterText ?? '…'}」`;
  if (aspect.key === 'condition' && aspect.after === undefined) return `${aspect.label}：删除「${subject}${aspect.beforeText ?? '…'}」`;
  return `${aspect.label}：${subject}${pair(aspect)}`;
}

/** The head line of a change: 「修改 受理规则「未满退休年龄」」, 「新增 表单字段「工作单位」：文本，必填」. */
export function changeHeadline(change: DiffChange): string {
  const head = `${CHANGE_VERBS[change.kind]} ${change.label}`;
  switch (change.kind) {
    case 'added':
      return change.afterText ? `${head}：${change.afterText}` : head;
    case 'removed':
      return change.beforeText ? `${head}：${change.beforeText}` : head;
    case 'moved':
      return `${head}：${pair(change)}`;
    case 'changed':
    case 'renamed':
      return change.aspects ? head : `${head}：${pair(change)}`;
  }
}

function changeLines(change: DiffChange): string[] {
  return [`  ${changeHeadline(change)}`, ...(change.aspects ?? []).map((aspect) => `    · ${aspectText(aspect)}`)];
}

export function renderDiffText(diff: ConfigDiff, options: RenderOptions = {}): string {
  const lines = [`配置差异：${options.fromLabel ?? '原配置'} → ${options.toLabel ?? '新配置'}`];
  if (diff.changes.length === 0) {
    lines.push('两者一致，没有差异。');
    return `${lines.join('\n')}\n`;
  }
  const { total, kinds, canAlterDecision } = diff.summary;
  const renamed = kinds.renamed > 0 ? `，更名 ${kinds.renamed}` : '';
  lines.push(`共 ${total} 处变更（新增 ${kinds.added}，删除 ${kinds.removed}，修改 ${kinds.changed}${renamed}，移动 ${kinds.moved}）。`);
  lines.push(canAlterDecision ? '可能改变受理结果：是（涉及表单校验、受理规则、办理情形、申请材料或受理渠道）。' : '可能改变受理结果：否。');
  for (const section of DIFF_SECTIONS) {
    const changes = diff.changes.filter((c) => c.section === section);
    if (changes.length === 0) continue;
    lines.push('', `【${SECTION_LABELS[section]}】`, ...changes.flatMap(changeLines));
  }
  return `${lines.join('\n')}\n`;
}
