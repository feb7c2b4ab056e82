/** 办理情形 matched by id; their material lists read as material names of each side. */
import { diffEntityList, type EntityListSpec } from './entity-list-diff.js';
import type { SideNames } from './side-names.js';
import { SCENARIO_PROPERTIES, scenarioPropertyLabel, standardElementLabel } from './standard-labels.js';
import { genericText, materialListText } from './value-text.js';
import type { DiffChange } from './types.js';
import { uiText } from '../i18n/catalogue/catalogue.js';

export function diffScenarios(before: unknown, after: unknown, names: SideNames): DiffChange[] {
  const spec: EntityListSpec = {
    section: 'scenarios',
    base: '/standard/scenarios',
    noun: standardElementLabel('scenarios'),
    properties: SCENARIO_PROPERTIES,
    propertyLabel: scenarioPropertyLabel,
    propertyText: (key, value, side) => (key === 'materialIds' ? materialListText(value, names[side]) : genericText(value)),
    summaryText: (s, side) => (Array.isArray(s.materialIds) ? uiText('core.diff.label.entry', 'zh-CN', { label: scenarioPropertyLabel('materialIds'), text: materialListText(s.materialIds, names[side]) }) : undefined),
    // A scenario decides which materials an application must bring.
    affectsDecision: true,
  };
  return diffEntityList(spec, before, after);
}
