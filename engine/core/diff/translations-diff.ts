import { makeChange } from './change-builder.js';
import { pointer } from './json-pointer.js';
import { isRecord, unionKeys } from './json-values.js';
import type { DiffChange } from './types.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

const LANGUAGE_LABELS: Record<string, string> = { 'mn-Mong': uiText('core.diff.translations.mnMong') };

/**
 * Translation changes, one per string: which translated text of which key was added, removed or
 * reworded (and a change of the review status). Listed with the standard, since translations are
 * texts of the item; they never change a decision.
 */
export function diffTranslations(before: unknown, after: unknown): DiffChange[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  const changes: DiffChange[] = [];
  for (const language of unionKeys(a, b)) {
    const label = LANGUAGE_LABELS[language] ?? uiText('core.diff.translations.language', 'zh-CN', { language });
    const from = isRecord(a[language]) ? (a[language] as Record<string, unknown>) : {};
    const to = isRecord(b[language]) ? (b[language] as Record<string, unknown>) : {};
    if (language === 'review') {
      if (JSON.stringify(from) !== JSON.stringify(to)) {
        changes.push(makeChange({ section: 'standard', kind: 'changed', pointer: '/translations/review', label: uiText('core.diff.translations.review'), before: a.review, after: b.review, beforeText: JSON.stringify(a.review ?? null), afterText: JSON.stringify(b.review ?? null), affectsDecision: false }));
      }
      continue;
    }
    for (const key of unionKeys(from, to)) {
      const x = from[key];
      const y = to[key];
      if (x === y) continue;
      const kind = x === undefined ? 'added' : y === undefined ? 'removed' : 'changed';
      changes.push(makeChange({ section: 'standard', kind, pointer: pointer(pointer('/translations', language), key), label: uiText('core.diff.label.named', 'zh-CN', { noun: label, name: key }), before: x, after: y, beforeText: typeof x === 'string' ? x : undefined, afterText: typeof y === 'string' ? y : undefined, affectsDecision: false }));
    }
  }
  return changes;
}
