/**
 * Worked examples matched by `name`. They never alter a decision, but a reviewer must see when the
 * expected outcome of a case was edited together with the rule it tests.
 */
import { makeAspect, makeChange } from './change-builder.js';
import { isRecord, rankBy, sameValue, unionKeys } from './json-values.js';
import { pointer } from './json-pointer.js';
import { matchByKey } from './keyed-lists.js';
import type { SideNames } from './side-names.js';
import type { FactSides } from './condition-diff.js';
import { genericText, materialListText, outcomeText } from './value-text.js';
import type { DiffAspect, DiffChange } from './types.js';
import { standardElementLabel } from './standard-labels.js';
import { contextFacts, labelOf } from '../vocabulary/index.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

/** 测试样例, the examples tab's name: what an example is called in the diff. */
const EXAMPLE_NOUN = uiText('designer.tab.examples');
const FORM_DATA = uiText('core.config.titles.formData');
const named = (noun: string, name: string) => uiText('core.diff.label.named', 'zh-CN', { noun, name });

const BASE = '/examples';

const nameOf = (example: unknown) => (isRecord(example) && typeof example.name === 'string' ? example.name : undefined);

function exampleLabel(example: unknown): string {
  const name = nameOf(example);
  return name === undefined ? EXAMPLE_NOUN : named(EXAMPLE_NOUN, name);
}

const INPUT_LABELS: [string, string][] = [
  ['scenario', standardElementLabel('scenarios')], ['date', labelOf(contextFacts, 'today')], ['division', uiText('core.diff.examples.input.division')],
  ['channel', uiText('guide.section.channel')], ['formData', FORM_DATA], ['materials', uiText('core.diff.examples.input.materials')],
];
const EXPECT_LABELS: [string, string][] = [
  ['outcome', uiText('designer.examples.expected')], ['missingMaterials', uiText('designer.examples.col.expectedMissing')],
  ['fieldErrors', uiText('core.diff.examples.expect.fieldErrors')], ['firedRules', uiText('core.diff.examples.expect.firedRules')],
];
const PARTS: Record<string, { label: string; labels: Map<string, string>; rank: (key: string) => number }> = {
  input: { label: uiText('core.diff.examples.input'), labels: new Map(INPUT_LABELS), rank: rankBy(INPUT_LABELS.map(([k]) => k)) },
  expect: { label: uiText('core.diff.examples.expect'), labels: new Map(EXPECT_LABELS), rank: rankBy(EXPECT_LABELS.map(([k]) => k)) },
};

type Text = { before: (v: unknown) => string; after: (v: unknown) => string } | ((v: unknown) => string);

function textFor(part: string, key: string, names: SideNames): Text {
  if (part === 'expect' && key === 'outcome') return outcomeText;
  if ((part === 'input' && key === 'materials') || (part === 'expect' && key === 'missingMaterials')) {
    return { before: (v) => materialListText(v, names.from), after: (v) => materialListText(v, names.to) };
  }
  return genericText;
}

/** A form field of an example by its title, when both sides agree on it (or only one has the field). */
function formFieldLabel(key: string, facts: FactSides | undefined): string {
  const titles = [...new Set([facts?.from.facts.get(key)?.title, facts?.to.facts.get(key)?.title].filter((t): t is string => t !== undefined))];
  return titles.length === 1 ? named(FORM_DATA, titles[0] as string) : `${FORM_DATA} ${key}`;
}

function exampleAspects(before: unknown, after: unknown, names: SideNames, facts?: FactSides): DiffAspect[] {
  if (!isRecord(before) || !isRecord(after)) return [makeAspect('example', uiText('designer.examples.col.example'), before, after, genericText)];
  const aspects: DiffAspect[] = [];
  for (const key of unionKeys(before, after, rankBy(['input', 'expect']))) {
    if (key === 'name' || sameValue(before[key], after[key])) continue;
    const part = PARTS[key];
    const a = before[key];
    const b = after[key];
    if (!part || !isRecord(a) || !isRecord(b)) {
      aspects.push(makeAspect(key, part?.label ?? key, a, b, genericText));
      continue;
    }
    for (const sub of unionKeys(a, b, part.rank)) {
      if (sameValue(a[sub], b[sub])) continue;
      if (key === 'input' && sub === 'formData' && isRecord(a.formData) && isRecord(b.formData)) {
        // One line per form field: "表单数据「身份证号码」：… → …".
        const fa = a.formData;
        const fb = b.formData;
        for (const name of unionKeys(fa, fb)) {
          if (!sameValue(fa[name], fb[name])) aspects.push(makeAspect(`input.formData.${name}`, formFieldLabel(name, facts), fa[name], fb[name], genericText));
        }
        continue;
      }
      aspects.push(makeAspect(`${key}.${sub}`, part.labels.get(sub) ?? `${part.label} ${sub}`, a[sub], b[sub], textFor(key, sub, names)));
    }
  }
  return aspects;
}

export function diffExamples(before: unknown, after: unknown, names: SideNames, facts?: FactSides): DiffChange[] {
  const fromList = before === undefined ? [] : before;
  const toList = after === undefined ? [] : after;
  if (!Array.isArray(fromList) || !Array.isArray(toList)) {
    return sameValue(before, after) ? [] : [makeChange({ section: 'examples', kind: 'changed', pointer: BASE, label: EXAMPLE_NOUN, before, after, beforeText: genericText(before), afterText: genericText(after), affectsDecision: false })];
  }
  const outcome = (e: unknown) => {
    const expect = isRecord(e) ? e.expect : undefined;
    return isRecord(expect) && expect.outcome !== undefined ? uiText('core.diff.examples.expected', 'zh-CN', { outcome: outcomeText(expect.outcome) }) : undefined;
  };
  const match = matchByKey(fromList, toList, nameOf);
  const changes: DiffChange[] = [
    ...match.added.map((e) => makeChange({ section: 'examples', kind: 'added', pointer: pointer(BASE, e.index), label: exampleLabel(e.item), after: e.item, afterText: outcome(e.item), affectsDecision: false })),
    ...match.removed.map((e) => makeChange({ section: 'examples', kind: 'removed', pointer: pointer(BASE, e.index), label: exampleLabel(e.item), before: e.item, beforeText: outcome(e.item), affectsDecision: false })),
  ];
  for (const c of match.common) {
    if (sameValue(c.from.item, c.to.item)) continue;
    changes.push(makeChange({
      section: 'examples', kind: 'changed', pointer: pointer(BASE, c.to.index), fromPointer: pointer(BASE, c.from.index),
      label: exampleLabel(c.to.item), aspects: exampleAspects(c.from.item, c.to.item, names, facts), affectsDecision: false,
    }));
  }
  return changes;
}
