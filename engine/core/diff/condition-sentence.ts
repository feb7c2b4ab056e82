/**
 * Rule conditions as Chinese sentences: 「年龄 不小于 63」, 「办理情形 等于 本人申请」,
 * 「同时满足：户籍地 区划不属于 内蒙古自治区；居住地 区划不属于 内蒙古自治区」. Operators read
 * their vocabulary labels, option values their titles, materials and scenarios their names, and a
 * fact its field's title on the side of the diff the condition comes from.
 */
import { findDivision } from '../divisions/index.js';
import { operatorsByName } from '../rules/operators.js';
import { referencedFact } from '../rules/fact-reference.js';
import { isRecord, stableKey } from './json-values.js';
import type { SideFacts } from './side-facts.js';
import { genericText } from './value-text.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

/** The subject of a leaf: the field's title, with the path into it when there is one. */
export function factSubject(node: Record<string, unknown>, side: SideFacts): string {
  const fact = typeof node.fact === 'string' ? node.fact : genericText(node.fact);
  const title = side.facts.get(fact)?.title ?? fact;
  return typeof node.path === 'string' && node.path !== '' ? `${title}${uiText('core.diff.value.note', 'zh-CN', { note: node.path.replace(/^\$\.?/, '') })}` : title;
}

function valueText(fact: unknown, operator: string | undefined, value: unknown, side: SideFacts): string {
  const reference = referencedFact(value);
  if (reference) return uiText('core.diff.label.quoted', 'zh-CN', { name: factSubject(reference as unknown as Record<string, unknown>, side) });
  const options = typeof fact === 'string' ? side.facts.get(fact)?.options : undefined;
  const one = (v: unknown): string => {
    const label = options?.get(stableKey(v));
    if (label !== undefined) return label;
    if (fact === 'materials' && typeof v === 'string') return side.materials.get(v) ?? v;
    if ((operator === 'divisionWithin' || operator === 'divisionNotWithin') && typeof v === 'string') return findDivision(v)?.name ?? v;
    return genericText(v);
  };
  return Array.isArray(value) ? (value.length === 0 ? uiText('core.diff.value.empty') : value.map(one).join(uiText('server.listSeparator'))) : one(value);
}

/** The predicate of a leaf: 「不小于 63」, 「已填写」, 「年龄不小于 16 周岁」. */
export function leafPredicate(node: Record<string, unknown>, side: SideFacts, withOptional = true): string {
  const operator = typeof node.operator === 'string' ? node.operator : undefined;
  const definition = operator ? operatorsByName.get(operator) : undefined;
  const optional = withOptional && node.optional === true ? uiText('core.diff.condition.optional') : '';
  if (!definition) return `${genericText(node.operator)} ${valueText(node.fact, operator, node.value, side)}${optional}`;
  switch (definition.value) {
    case 'boolean':
      if (definition.name === 'isFilled') return `${uiText(node.value === false ? 'webkit.form.optionalEmpty' : 'core.rules.operator.isFilled')}${optional}`;
      // 「身份证号码有效」 asked to be false reads 「身份证号码无效」.
      return `${node.value === false ? definition.label.replace(uiText('core.diff.condition.valid'), uiText('core.diff.condition.invalid')) : definition.label}${optional}`;
    case 'years': {
      const years = isRecord(node.value) && typeof node.value.years === 'number' ? node.value.years : node.value;
      return `${uiText('core.diff.condition.years', 'zh-CN', { predicate: definition.label.replace(uiText('core.diff.condition.agedMark'), ''), years: genericText(years) })}${optional}`;
    }
    default:
      return `${definition.label} ${valueText(node.fact, operator, node.value, side)}${optional}`;
  }
}

export function isLeaf(node: unknown): node is Record<string, unknown> {
  return isRecord(node) && !Array.isArray(node.all) && !Array.isArray(node.any) && !('not' in node) && 'fact' in node;
}

const CLAUSES = uiText('server.notice.clauseSeparator');

/** A whole condition tree in one sentence. */
export function conditionSentence(node: unknown, side: SideFacts): string {
  if (!isRecord(node)) return genericText(node);
  if (Array.isArray(node.all)) {
    if (node.all.length === 1) return conditionSentence(node.all[0], side);
    return node.all.length === 0 ? uiText('core.diff.condition.none') : uiText('core.diff.condition.all', 'zh-CN', { conditions: node.all.map((n) => conditionSentence(n, side)).join(CLAUSES) });
  }
  if (Array.isArray(node.any)) {
    if (node.any.length === 1) return conditionSentence(node.any[0], side);
    return node.any.length === 0 ? uiText('core.diff.condition.none') : uiText('core.diff.condition.any', 'zh-CN', { conditions: node.any.map((n) => conditionSentence(n, side)).join(CLAUSES) });
  }
  if ('not' in node) return uiText('core.diff.condition.not', 'zh-CN', { condition: conditionSentence(node.not, side) });
  if (isLeaf(node)) return `${factSubject(node, side)} ${leafPredicate(node, side)}`;
  return genericText(node);
}
