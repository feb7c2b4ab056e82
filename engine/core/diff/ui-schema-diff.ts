/**
 * The uiSchema only changes how the form looks (order, widgets, help texts); it never changes what
 * is valid, so its changes are listed but do not count as able to alter a decision.
 */
import { makeChange, presenceKind } from './change-builder.js';
import { isRecord, sameValue, unionKeys } from './json-values.js';
import { pointer } from './json-pointer.js';
import { genericText } from './value-text.js';
import { uiText } from '../i18n/catalogue/catalogue.js';
import type { DiffChange } from './types.js';

const BASE = '/form/uiSchema';

function uiLabel(key: string): string {
  return key === 'ui:order' ? uiText('core.diff.uiSchema.order') : uiText('core.diff.uiSchema.entry', 'zh-CN', { key });
}

export function diffUiSchema(before: unknown, after: unknown): DiffChange[] {
  // No uiSchema and an empty one mean the same form.
  const a = before ?? {};
  const b = after ?? {};
  if (sameValue(a, b)) return [];
  if (!isRecord(a) || !isRecord(b)) {
    return [makeChange({ section: 'form', kind: 'changed', pointer: BASE, label: uiText('core.diff.uiSchema.whole'), before: a, after: b, beforeText: genericText(a), afterText: genericText(b), affectsDecision: false })];
  }
  return unionKeys(a, b)
    .filter((key) => !sameValue(a[key], b[key]))
    .map((key) => makeChange({
      section: 'form', kind: presenceKind(a[key], b[key]), pointer: pointer(BASE, key), label: uiLabel(key),
      before: a[key], after: b[key], beforeText: genericText(a[key]), afterText: genericText(b[key]), affectsDecision: false,
    }));
}
