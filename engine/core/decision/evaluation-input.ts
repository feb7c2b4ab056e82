import { isIsoDate, todayInRegion } from '../codes/index.js';
import { isKnownLocality } from '../divisions/index.js';
import { catalogueProblem, ValidationFailedError, type CatalogueMessage, type Problem } from '../errors.js';
import { uiText } from '../i18n/catalogue/catalogue.js';
import type { EvaluationInput, ItemConfig } from '../config/types.js';
import { CHANNELS, channels, isChannel, labelOf, type Channel } from '../vocabulary/index.js';
import type { EvaluationContext } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Checks an evaluation request against the config it asks about: a request that names a scenario
 * or material the item does not have is refused whole, naming the field, rather than half-decided.
 */
export function checkEvaluationInput(config: ItemConfig, input: unknown, context: unknown): { input: Required<EvaluationInput>; context: EvaluationContext } {
  const problems: Problem[] = [];
  const add = (pointer: string, code: string, key: CatalogueMessage['key'], values?: CatalogueMessage['values']) =>
    problems.push(catalogueProblem(pointer, code, values ? { key, values } : { key }));
  if (!isRecord(input)) {
    throw new ValidationFailedError({ key: 'core.decision.input.notObject' }, [catalogueProblem('', 'input.type', { key: 'core.decision.input.notObjectDetail' })]);
  }
  const scenario = input.scenario;
  if (typeof scenario !== 'string' || !config.standard.scenarios.some((s) => s.id === scenario)) {
    const choices = config.standard.scenarios.map((s) => uiText('core.decision.input.scenarioChoice', 'zh-CN', { name: s.name, id: s.id })).join(uiText('server.listSeparator'));
    add('/scenario', 'input.scenario', 'core.decision.input.scenario', { choices });
  }
  const formData = input.formData ?? {};
  if (!isRecord(formData)) add('/formData', 'input.formData', 'core.decision.input.formData');
  const materials = input.materials ?? [];
  if (!Array.isArray(materials)) add('/materials', 'input.materials', 'core.decision.input.materials');
  else {
    const known = new Set(config.standard.materials.map((m) => m.id));
    materials.forEach((id, i) => {
      if (typeof id !== 'string' || !known.has(id)) add(`/materials/${i}`, 'input.unknown-material', 'core.decision.input.unknownMaterial', { id: String(id) });
    });
  }
  const creditBlacklisted = input.creditBlacklisted ?? false;
  if (typeof creditBlacklisted !== 'boolean') add('/creditBlacklisted', 'input.credit', 'core.decision.input.credit');
  const date = input.date ?? todayInRegion();
  if (!isIsoDate(date)) add('/date', 'input.date', 'core.decision.input.date', { date: String(date) });
  if (!isRecord(context)) add('', 'context', 'core.decision.input.context');
  const division = isRecord(context) ? context.division : undefined;
  if (typeof division !== 'string' || !isKnownLocality(division)) add('/division', 'context.division', 'core.decision.input.division', { division: String(division) });
  const channel = isRecord(context) ? context.channel ?? 'comprehensive-window' : undefined;
  if (!isChannel(channel)) {
    const choices = CHANNELS.map((c) => uiText('designer.references.quoted', 'zh-CN', { name: labelOf(channels, c) })).join(uiText('core.orSeparator'));
    add('/channel', 'context.channel', 'core.decision.input.channel', { choices });
  }
  if (problems.length > 0) throw new ValidationFailedError({ key: 'core.decision.input.invalid' }, problems);
  return {
    input: { scenario: scenario as string, formData: formData as Record<string, unknown>, materials: [...new Set(materials as string[])], date: date as string, creditBlacklisted: creditBlacklisted as boolean },
    context: { division: division as string, channel: channel as Channel },
  };
}
