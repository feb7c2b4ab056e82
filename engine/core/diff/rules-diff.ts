/**
 * Acceptance rules matched by `name` (the name is what decisions cite in `firedRules`). Their order
 * in the list means nothing — priority orders them — so a reordering is not reported.
 */
import { makeAspect, makeChange } from './change-builder.js';
import { diffConditions } from './condition-diff.js';
import { isRecord, rankBy, sameValue, unionKeys } from './json-values.js';
import { pointer } from './json-pointer.js';
import { matchByKey } from './keyed-lists.js';
import type { SideNames } from './side-names.js';
import { eventTypeText, genericText, materialNameText } from './value-text.js';
import type { DiffAspect, DiffChange } from './types.js';

const BASE = '/rules';

const nameOf = (rule: unknown) => (isRecord(rule) && typeof rule.name === 'string' ? rule.name : undefined);

function ruleLabel(rule: unknown): string {
  const name = nameOf(rule);
  return name === undefined ? '受理规则' : `受理规则「${name}」`;
}

/** One line about a rule: its description, else what it does. */
function ruleSummary(rule: unknown): string {
  if (!isRecord(rule)) return genericText(rule);
  if (typeof rule.description === 'string') return rule.description;
  const event = isRecord(rule.event) ? rule.event : {};
  const message = isRecord(event.params) && typeof event.params.message === 'string' ? `：${event.params.message}` : '';
  return `${eventTypeText(event.type)}${message}`;
}

const PARAM_LABELS: Record<string, string> = { message: '提示信息', basis: '法律依据', materialId: '所需材料' };

function eventAspects(before: unknown, after: unknown, names: SideNames): DiffAspect[] {
  if (!isRecord(before) || !isRecord(after)) return sameValue(before, after) ? [] : [makeAspect('event', '事件', before, after, genericText)];
  const aspects: DiffAspect[] = [];
  for (const key of unionKeys(before, after, rankBy(['type', 'params']))) {
    if (key === 'params' && isRecord(before.params) && isRecord(after.params)) {
      const pa = before.params;
      const pb = after.params;
      for (const param of unionKeys(pa, pb, rankBy(Object.keys(PARAM_LABELS)))) {
        if (sameValue(pa[param], pb[param])) continue;
        const text = param === 'materialId'
          ? { before: (v: unknown) => materialNameText(v, names.from), after: (v: unknown) => materialNameText(v, names.to) }
          : genericText;
        aspects.push(makeAspect(`event.params.${param}`, `事件${PARAM_LABELS[param] ?? `参数 ${param}`}`, pa[param], pb[param], text));
      }
    } else if (!sameValue(before[key], after[key])) {
      aspects.push(makeAspect(`event.${key}`, key === 'type' ? '事件类型' : `事件 ${key}`, before[key], after[key], key === 'type' ? eventTypeText : genericText));
    }
  }
  return aspects;
}

/** Defaults of json-rules-engine as Tongban compiles rules: priority 1, enabled unless `enabled: false`. */
const DEFAULTS: Record<string, (value: unknown) => unknown> = {
  priority: (v) => (v === undefined ? 1 : v),
  enabled: (v) => v !== false,
};

const RULE_KEYS: [key: string, label: string][] = [
  ['description', '规则说明'],
  ['priority', '优先级'],
  ['enabled', '是否启用'],
  ['conditions', '条件'],
  ['event', '事件'],
];
const ruleLabels = new Map(RULE_KEYS);

function ruleAspects(before: unknown, after: unknown, names: SideNames): DiffAspect[] {
  if (!isRecord(before) || !isRecord(after)) return [makeAspect('rule', '规则', before, after, genericText)];
  const aspects: DiffAspect[] = [];
  for (const key of unionKeys(before, after, rankBy(RULE_KEYS.map(([k]) => k)))) {
    if (key === 'name') continue;
    if (key === 'conditions') aspects.push(...diffConditions(before.conditions, after.conditions));
    else if (key === 'event') aspects.push(...eventAspects(before.event, after.event, names));
    else {
      const normal = DEFAULTS[key] ?? ((v: unknown) => v);
      const va = normal(before[key]);
      const vb = normal(after[key]);
      if (!sameValue(va, vb)) {
        const text = key === 'enabled' ? (v: unknown) => (v === false ? '停用' : v === true ? '启用' : genericText(v)) : genericText;
        aspects.push(makeAspect(key, ruleLabels.get(key) ?? key, va, vb, text));
      }
    }
  }
  return aspects;
}

export function diffRules(before: unknown, after: unknown, names: SideNames): DiffChange[] {
  const fromList = before === undefined ? [] : before;
  const toList = after === undefined ? [] : after;
  if (!Array.isArray(fromList) || !Array.isArray(toList)) {
    return sameValue(before, after) ? [] : [makeChange({ section: 'rules', kind: 'changed', pointer: BASE, label: '受理规则', before, after, beforeText: genericText(before), afterText: genericText(after), affectsDecision: true })];
  }
  const match = matchByKey(fromList, toList, nameOf);
  const changes: DiffChange[] = [
    ...match.added.map((e) => makeChange({ section: 'rules', kind: 'added', pointer: pointer(BASE, e.index), label: ruleLabel(e.item), after: e.item, afterText: ruleSummary(e.item), affectsDecision: true })),
    ...match.removed.map((e) => makeChange({ section: 'rules', kind: 'removed', pointer: pointer(BASE, e.index), label: ruleLabel(e.item), before: e.item, beforeText: ruleSummary(e.item), affectsDecision: true })),
  ];
  for (const c of match.common) {
    if (sameValue(c.from.item, c.to.item)) continue;
    const aspects = ruleAspects(c.from.item, c.to.item, names);
    // Differences that mean nothing (`enabled: true` added) leave no aspect and no change.
    if (aspects.length === 0) continue;
    changes.push(makeChange({
      section: 'rules', kind: 'changed', pointer: pointer(BASE, c.to.index), fromPointer: pointer(BASE, c.from.index),
      label: ruleLabel(c.to.item), aspects, affectsDecision: true,
    }));
  }
  return changes;
}
