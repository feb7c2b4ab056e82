/**
 * The structural diff of two item configs: what changed by meaning — an element of the standard, a
 * material, a form field, a rule — rather than which lines of JSON differ. Key order, the order of
 * form properties and of rules, and spelled-out defaults (`enabled: true`) are not changes.
 *
 * Pure and browser-safe: the designer shows the same diff the server sends to reviewers.
 */
import { makeChange, presenceKind } from './change-builder.js';
import { compareChanges } from './change-order.js';
import { diffExamples } from './examples-diff.js';
import { diffFormSchema } from './form-diff.js';
import { isRecord, sameValue, unionKeys, rankBy } from './json-values.js';
import { pointer } from './json-pointer.js';
import { diffMaterials } from './materials-diff.js';
import { diffRules } from './rules-diff.js';
import { diffScenarios } from './scenarios-diff.js';
import { materialNames, type SideNames } from './side-names.js';
import { sideFacts } from './side-facts.js';
import type { FactSides } from './condition-diff.js';
import { diffStandard } from './standard-diff.js';
import { summarise } from './summary.js';
import { diffUiSchema } from './ui-schema-diff.js';
import { diffTranslations } from './translations-diff.js';
import { genericText } from './value-text.js';
import type { ItemConfig } from '../config/types.js';
import type { ConfigDiff, DiffChange, DiffSection } from './types.js';
import { standardTitle } from './standard-labels.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

const TOP_LABELS: Record<string, string> = { code: uiText('core.diff.configs.code'), meta: uiText('core.diff.configs.meta') };
const FORM_LABEL = uiText('core.diff.configs.form');

/** A part that is not even an object (a malformed draft) is compared whole. */
function wholeChange(section: DiffSection, at: string, label: string, before: unknown, after: unknown, affectsDecision: boolean): DiffChange[] {
  if (sameValue(before, after)) return [];
  return [makeChange({ section, kind: presenceKind(before, after), pointer: at, label, before, after, beforeText: genericText(before), afterText: genericText(after), affectsDecision })];
}

const malformed = (value: unknown) => value !== undefined && !isRecord(value);

function diffStandardPart(before: unknown, after: unknown, names: SideNames): DiffChange[] {
  if (malformed(before) || malformed(after)) return wholeChange('standard', '/standard', standardTitle(), before, after, true);
  const a = before as Record<string, unknown> | undefined;
  const b = after as Record<string, unknown> | undefined;
  return [...diffStandard(a, b), ...diffMaterials(a?.materials, b?.materials), ...diffScenarios(a?.scenarios, b?.scenarios, names)];
}

function diffFormPart(before: unknown, after: unknown): DiffChange[] {
  if (malformed(before) || malformed(after)) return wholeChange('form', '/form', FORM_LABEL, before, after, true);
  const a = before as Record<string, unknown> | undefined;
  const b = after as Record<string, unknown> | undefined;
  const changes = [...diffFormSchema(a?.schema, b?.schema), ...diffUiSchema(a?.uiSchema, b?.uiSchema)];
  for (const key of unionKeys(a, b)) {
    if (key !== 'schema' && key !== 'uiSchema') changes.push(...wholeChange('form', pointer('/form', key), `${FORM_LABEL} ${key}`, a?.[key], b?.[key], true));
  }
  return changes;
}

export function diffConfigs(from: ItemConfig, to: ItemConfig): ConfigDiff {
  // Typed for callers, treated as untyped JSON inside: drafts may be incomplete.
  const a: unknown = from;
  const b: unknown = to;
  const names: SideNames = { from: materialNames(a), to: materialNames(b) };
  const facts: FactSides = { from: sideFacts(a), to: sideFacts(b) };
  const part = (key: string) => [isRecord(a) ? a[key] : undefined, isRecord(b) ? b[key] : undefined] as const;
  const changes: DiffChange[] = [];
  for (const key of unionKeys(a, b, rankBy(['code', 'standard', 'form', 'rules', 'examples', 'meta']))) {
    const [before, after] = part(key);
    switch (key) {
      case 'standard':
        changes.push(...diffStandardPart(before, after, names));
        break;
      case 'form':
        changes.push(...diffFormPart(before, after));
        break;
      case 'rules':
        changes.push(...diffRules(before, after, names, facts));
        break;
      case 'translations':
        changes.push(...diffTranslations(before, after));
        break;
      case 'examples':
        changes.push(...diffExamples(before, after, names, facts));
        break;
      default:
        changes.push(...wholeChange('standard', pointer('', key), TOP_LABELS[key] ?? key, before, after, false));
    }
  }
  changes.sort(compareChanges);
  return { changes, summary: summarise(changes) };
}
