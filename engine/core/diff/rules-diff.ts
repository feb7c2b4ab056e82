/**
 * Acceptance rules matched by `name`, their internal identifier (what decisions cite in
 * `firedRules`). People read a rule by its Chinese `title`; a rule without one falls back to its
 * description, marked 未命名. Their order in the list means nothing — priority orders them — so a
 * reordering is not reported. A rule whose title changed is `renamed`; a rule whose identifier
 * changed under the same title is one rule renamed, not a deletion and an addition.
 */
import { makeAspect, makeChange } from './change-builder.js';
import { conditionSentence } from './condition-sentence.js';
import { diffConditions, type FactSides } from './condition-diff.js';
import { isRecord, rankBy, sameValue, unionKeys } from './json-values.js';
import { pointer } from './json-pointer.js';
import { matchByKey, type KeyedEntry } from './keyed-lists.js';
import type { SideNames } from './side-names.js';
import type { SideFacts } from './side-facts.js';
import { eventTypeText, genericText, materialNameText } from './value-text.js';
import type { DiffAspect, DiffChange } from './types.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

const BASE = '/rules';

const nameOf = (rule: unknown) => (isRecord(rule) && typeof rule.name === 'string' ? rule.name : undefined);
const titleOf = (rule: unknown) => (isRecord(rule) && typeof rule.title === 'string' && rule.title.trim() !== '' ? rule.title.trim() : undefined);

/** What marks a rule named by its description or identifier because it has no Chinese name yet. */
export const UNNAMED_RULE_MARK = uiText('core.diff.rules.unnamedMark');

/** 受理规则, the rules tab's name: what a rule is called in the diff. */
const RULE_NOUN = uiText('designer.tab.rules');

/** How people name a rule: its title, else its description, else its identifier (both marked 未命名). */
export function ruleDisplayName(rule: unknown): string {
  const title = titleOf(rule);
  if (title !== undefined) return title;
  const description = isRecord(rule) && typeof rule.description === 'string' && rule.description.trim() !== '' ? rule.description.trim() : undefined;
  return `${description ?? nameOf(rule) ?? RULE_NOUN}${UNNAMED_RULE_MARK}`;
}

function ruleLabel(rule: unknown): string {
  return uiText('core.diff.label.named', 'zh-CN', { noun: RULE_NOUN, name: ruleDisplayName(rule) });
}

/** The label of a rule on both sides: the title both share, else the one title there is, else 受理规则. */
function pairLabel(before: unknown, after: unknown): string {
  const ta = titleOf(before);
  const tb = titleOf(after);
  if (ta !== undefined && tb !== undefined) return ta === tb ? ruleLabel(after) : RULE_NOUN;
  if (ta !== undefined || tb !== undefined) return uiText('core.diff.label.named', 'zh-CN', { noun: RULE_NOUN, name: (ta ?? tb) as string });
  return ruleLabel(before) === ruleLabel(after) ? ruleLabel(after) : RULE_NOUN;
}

/** One sentence about a rule: 「当 年龄 不小于 63 时：不予受理（已达退休年龄）」. */
export function ruleSentence(rule: unknown, side: SideFacts): string {
  if (!isRecord(rule)) return genericText(rule);
  const event = isRecord(rule.event) ? rule.event : {};
  const params = isRecord(event.params) ? event.params : {};
  const message = typeof params.message === 'string' && params.message !== '' ? uiText('core.diff.rules.message', 'zh-CN', { message: params.message }) : '';
  const material = typeof params.materialId === 'string' ? uiText('core.diff.label.quoted', 'zh-CN', { name: side.materials.get(params.materialId) ?? params.materialId }) : '';
  const basis = typeof params.basis === 'string' && params.basis !== '' ? uiText('core.diff.rules.basis', 'zh-CN', { basis: params.basis }) : '';
  const disabled = rule.enabled === false ? uiText('core.diff.rules.disabledMark') : '';
  return uiText('core.diff.rules.sentence', 'zh-CN', { condition: conditionSentence(rule.conditions, side), event: eventTypeText(event.type), material, message, basis, disabled });
}

const PARAM_LABELS: Record<string, string> = { message: uiText('core.diff.rules.param.message'), basis: uiText('designer.rules.basis'), materialId: uiText('core.diff.rules.param.materialId') };
const EVENT_LABEL = uiText('core.diff.rules.event');

function eventAspects(before: unknown, after: unknown, names: SideNames): DiffAspect[] {
  if (!isRecord(before) || !isRecord(after)) return sameValue(before, after) ? [] : [makeAspect('event', EVENT_LABEL, before, after, genericText)];
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
        aspects.push(makeAspect(`event.params.${param}`, uiText('core.diff.rules.eventPart', 'zh-CN', { part: PARAM_LABELS[param] ?? uiText('core.diff.rules.param', 'zh-CN', { name: param }) }), pa[param], pb[param], text));
      }
    } else if (!sameValue(before[key], after[key])) {
      aspects.push(makeAspect(`event.${key}`, key === 'type' ? uiText('core.diff.rules.eventType') : uiText('core.diff.rules.eventKey', 'zh-CN', { key }), before[key], after[key], key === 'type' ? eventTypeText : genericText));
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
  ['name', uiText('core.diff.rules.key')],
  ['title', uiText('core.diff.rules.title')],
  ['description', uiText('core.diff.rules.description')],
  ['priority', uiText('designer.rules.priority')],
  ['enabled', uiText('core.diff.rules.enabledKey')],
  ['conditions', uiText('designer.rules.condition')],
  ['event', EVENT_LABEL],
];
const ruleLabels = new Map(RULE_KEYS);

function ruleAspects(before: unknown, after: unknown, names: SideNames, facts: FactSides): DiffAspect[] {
  if (!isRecord(before) || !isRecord(after)) return [makeAspect('rule', uiText('core.diff.rules.rule'), before, after, genericText)];
  const aspects: DiffAspect[] = [];
  for (const key of unionKeys(before, after, rankBy(RULE_KEYS.map(([k]) => k)))) {
    if (key === 'name') {
      if (!sameValue(before.name, after.name)) aspects.push(makeAspect('name', uiText('core.diff.rules.key'), before.name, after.name, genericText));
      continue;
    }
    if (key === 'conditions') aspects.push(...diffConditions(before.conditions, after.conditions, facts));
    else if (key === 'event') aspects.push(...eventAspects(before.event, after.event, names));
    else {
      const normal = DEFAULTS[key] ?? ((v: unknown) => v);
      const va = normal(before[key]);
      const vb = normal(after[key]);
      if (!sameValue(va, vb)) {
        const text = key === 'enabled' ? (v: unknown) => (v === false ? uiText('core.diff.rules.disabled') : v === true ? uiText('designer.rules.enabled') : genericText(v)) : genericText;
        aspects.push(makeAspect(key, ruleLabels.get(key) ?? key, va, vb, text));
      }
    }
  }
  return aspects;
}

/**
 * Added and removed rules with the same title: one rule whose identifier changed. Pairs are made
 * the same way in both directions (the k-th removed with the k-th added of a title, in list order).
 */
function pairByTitle<T>(removed: KeyedEntry<T>[], added: KeyedEntry<T>[]): { from: KeyedEntry<T>; to: KeyedEntry<T> }[] {
  const pairs: { from: KeyedEntry<T>; to: KeyedEntry<T> }[] = [];
  const byTitle = new Map<string, KeyedEntry<T>[]>();
  for (const e of added) {
    const title = titleOf(e.item);
    if (title !== undefined) byTitle.set(title, [...(byTitle.get(title) ?? []), e]);
  }
  const used = new Map<string, number>();
  for (const e of removed) {
    const title = titleOf(e.item);
    if (title === undefined) continue;
    const candidates = byTitle.get(title) ?? [];
    const k = used.get(title) ?? 0;
    const removedOfTitle = removed.filter((r) => titleOf(r.item) === title);
    // Only an unambiguous pairing: as many removed as added rules carry the title.
    if (removedOfTitle.length !== candidates.length) continue;
    const to = candidates[k];
    if (to) {
      pairs.push({ from: e, to });
      used.set(title, k + 1);
    }
  }
  return pairs;
}

export function diffRules(before: unknown, after: unknown, names: SideNames, facts: FactSides): DiffChange[] {
  const fromList = before === undefined ? [] : before;
  const toList = after === undefined ? [] : after;
  if (!Array.isArray(fromList) || !Array.isArray(toList)) {
    return sameValue(before, after) ? [] : [makeChange({ section: 'rules', kind: 'changed', pointer: BASE, label: RULE_NOUN, before, after, beforeText: genericText(before), afterText: genericText(after), affectsDecision: true })];
  }
  const match = matchByKey(fromList, toList, nameOf);
  const reKeyed = pairByTitle(match.removed, match.added);
  const pairedFrom = new Set(reKeyed.map((p) => p.from));
  const pairedTo = new Set(reKeyed.map((p) => p.to));
  const changes: DiffChange[] = [
    ...match.added.filter((e) => !pairedTo.has(e)).map((e) => makeChange({ section: 'rules', kind: 'added', pointer: pointer(BASE, e.index), label: ruleLabel(e.item), after: e.item, afterText: ruleSentence(e.item, facts.to), affectsDecision: true })),
    ...match.removed.filter((e) => !pairedFrom.has(e)).map((e) => makeChange({ section: 'rules', kind: 'removed', pointer: pointer(BASE, e.index), label: ruleLabel(e.item), before: e.item, beforeText: ruleSentence(e.item, facts.from), affectsDecision: true })),
  ];
  for (const c of [...match.common, ...reKeyed]) {
    if (sameValue(c.from.item, c.to.item)) continue;
    const aspects = ruleAspects(c.from.item, c.to.item, names, facts);
    // Differences that mean nothing (`enabled: true` added) leave no aspect and no change.
    if (aspects.length === 0) continue;
    const ta = titleOf(c.from.item);
    const tb = titleOf(c.to.item);
    const renamed = (ta !== undefined && tb !== undefined && ta !== tb) || !sameValue(nameOf(c.from.item), nameOf(c.to.item));
    changes.push(makeChange({
      section: 'rules', kind: renamed ? 'renamed' : 'changed', pointer: pointer(BASE, c.to.index), fromPointer: pointer(BASE, c.from.index),
      label: pairLabel(c.from.item, c.to.item), aspects, affectsDecision: true,
    }));
  }
  return changes;
}
