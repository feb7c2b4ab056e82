/** 申请材料 matched by id, with property labels from the item-standard schema. */
import { diffEntityList, type EntityListSpec } from './entity-list-diff.js';
import { MATERIAL_PROPERTIES, materialPropertyLabel, standardElementLabel } from './standard-labels.js';
import { genericText, isCoded } from './value-text.js';
import type { DiffChange } from './types.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

const spec: EntityListSpec = {
  section: 'materials',
  base: '/standard/materials',
  noun: standardElementLabel('materials'),
  properties: MATERIAL_PROPERTIES,
  propertyLabel: materialPropertyLabel,
  propertyText: (_key, value) => genericText(value),
  // The facts a window clerk checks first: is it needed, what is it, in what form, who issues it.
  summaryText: (m) => {
    const parts = [m.necessity, m.type, m.form, m.source].filter(isCoded).map((c) => c.label);
    return parts.length > 0 ? parts.join(uiText('core.guide.partSeparator')) : undefined;
  },
  // Which materials exist and which are required is exactly what the one-time notice is made of.
  affectsDecision: true,
};

export function diffMaterials(before: unknown, after: unknown): DiffChange[] {
  return diffEntityList(spec, before, after);
}
