import type { EvaluationInput, ItemConfig } from '../config/types.js';
import { channelPlaces, labelOf } from '../vocabulary/index.js';
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import type { RuleRunResult } from '../rules/rule-run-result.js';
import { CompiledConfigCache, type CompiledConfig } from './compiled-config.js';
import { checkEvaluationInput } from './evaluation-input.js';
import { fieldApplicability, type FieldApplicability } from '../form/field-conditions.js';
import type { Decision, DeferralDecision, EvaluationContext, MissingMaterial, Reason, RequiredMaterial } from './types.js';

const NECESSITY_DEFERRABLE = '3';


/** The context facts a rule may read, named as the window names them. */
const contextTitles: Record<string, CatalogueKey> = { today: 'server.notice.acceptedOn', division: 'runtime.signIn.place', scenario: 'notice.scenario', materials: 'notice.received' };

function fieldTitle(compiled: CompiledConfig, fact: string, path?: string): string {
  const context = contextTitles[fact];
  const title = context ? uiText(context) : compiled.fieldTitles.get(fact) ?? fact;
  return path ? uiText('core.decision.fieldAtPath', 'zh-CN', { title, path: path.slice(2) }) : title;
}

/** Names as a sentence lists them: each quoted, joined by the list separator. */
const quotedList = (names: readonly string[]) => names.map((name) => uiText('designer.references.quoted', 'zh-CN', { name })).join(uiText('server.listSeparator'));

/** The facts the rules of `compiled` read for one application: every form field, then the context. */
export function ruleFacts(compiled: CompiledConfig, rawInput: unknown, rawContext: unknown): Record<string, unknown> {
  const { input, context } = checkEvaluationInput(compiled.config, rawInput, rawContext);
  return factsOf(compiled, input, context);
}

const NOTHING_CONDITIONAL: FieldApplicability = { hidden: new Set(), notRequired: new Set() };

/** Which conditional fields this application does not need (nothing to decide on a form without any). */
function applicabilityOf(compiled: CompiledConfig, formData: Record<string, unknown>): FieldApplicability {
  return compiled.conditionalFields.length === 0 ? NOTHING_CONDITIONAL : fieldApplicability(compiled.conditionalFields, formData);
}

function factsOf(compiled: CompiledConfig, input: Required<EvaluationInput>, context: EvaluationContext, applicability = applicabilityOf(compiled, input.formData)): Record<string, unknown> {
  // A copy of the version's blank facts has every key already, so the stores below change values,
  // not the object's shape: an object grown key by key turns into a slow dictionary past a dozen keys.
  const facts: Record<string, unknown> = { ...compiled.blankFacts };
  // A field its condition hides is not on the applicant's form: a value left in it is no fact.
  for (const name of compiled.fieldNames) facts[name] = applicability.hidden.has(name) ? undefined : input.formData[name];
  facts.today = input.date;
  facts.division = context.division;
  facts.scenario = input.scenario;
  facts.materials = input.materials;
  return facts;
}

/**
 * The acceptance decision for one application at one window. Deterministic: the same compiled
 * version, input and evaluation date give the same decision at every centre.
 */
export async function evaluateCompiled(compiled: CompiledConfig, rawInput: unknown, rawContext: unknown, options: DecideOptions = {}): Promise<Decision> {
  return decide(compiled, rawInput, rawContext, undefined, options);
}

export interface DecideOptions {
  /** false: the decision's `explanation` is left empty, for an answer that returns none (the rest is the same). */
  explain?: boolean;
}

/**
 * `evaluateCompiled`, synchronously. `runRules` defaults to the compiled rules; the differential
 * tests hand in the json-rules-engine reference's result for the same facts instead.
 */
export function decide(
  compiled: CompiledConfig,
  rawInput: unknown,
  rawContext: unknown,
  runRules?: (facts: Record<string, unknown>, notMissing: ReadonlySet<string>) => RuleRunResult,
  { explain = true }: DecideOptions = {},
): Decision {
  const run = runRules ?? ((facts: Record<string, unknown>, notMissing: ReadonlySet<string>) => compiled.rules.run(facts, notMissing, { trace: explain }));
  const { config } = compiled;
  const { input, context } = checkEvaluationInput(config, rawInput, rawContext);
  const standard = config.standard;
  const scenario = standard.scenarios.find((s) => s.id === input.scenario) ?? null;
  const { item } = compiled;
  const { date } = input;
  const { division, channel } = context;
  const scenarioRef = scenario ? { id: scenario.id, name: scenario.name } : null;
  const timeLimits = { promised: standard.promisedTimeLimit, statutory: standard.statutoryTimeLimit };

  if (standard.channel !== channel) {
    const where = standard.channelNote ?? labelOf(channelPlaces, standard.channel);
    return {
      item, date, division, channel, scenario: scenarioRef, timeLimits,
      outcome: 'redirect',
      redirect: { channel: standard.channel, where },
      fieldErrors: [],
      requiredMaterials: [],
      missingMaterials: [],
      reasons: [{ rule: 'channel', type: 'redirect', message: uiText('decision.redirect', 'zh-CN', { where }) }],
      explanation: [],
    };
  }

  const fieldErrors = compiled.validateForm(input.formData);
  // A field the application does not need (its show/require condition does not hold) is never missing.
  const applicability = applicabilityOf(compiled, input.formData);
  const ran = run(factsOf(compiled, input, context, applicability), applicability.notRequired);

  const { materialsById } = compiled;
  const required = new Map<string, RequiredMaterial>();
  for (const id of scenario?.materialIds ?? []) {
    const material = materialsById.get(id);
    if (material?.required) required.set(id, { id, name: material.name, because: { scenario: input.scenario } });
  }
  const reasons: Reason[] = [];
  for (const { rule, event } of ran.fired) {
    if (event.type === 'requireMaterial') {
      const material = materialsById.get(event.params.materialId);
      if (material && !required.has(material.id)) required.set(material.id, { id: material.id, name: material.name, because: { rule: rule.name } });
      reasons.push({ rule: rule.name, type: 'requireMaterial', message: event.params.message ?? uiText('decision.requireMaterial', 'zh-CN', { name: material?.name ?? event.params.materialId }) });
    } else if (event.type === 'reject') {
      reasons.push({ rule: rule.name, type: 'reject', message: event.params.message, ...(event.params.basis ? { basis: event.params.basis } : {}) });
    } else {
      reasons.push({ rule: rule.name, type: 'supplement', message: event.params.message });
    }
  }
  for (const { rule, missing } of ran.undecidable) {
    const names = quotedList(missing.map((m) => fieldTitle(compiled, m.fact, m.path)));
    reasons.push({ rule: rule.name, type: 'undecided', message: uiText('core.decision.undecided', 'zh-CN', { names, rule: rule.description ?? rule.name }) });
  }
  const handedIn = new Set(input.materials);
  const missingMaterials: MissingMaterial[] = [...required.values()]
    .filter((m) => !handedIn.has(m.id))
    .map((m) => ({ id: m.id, name: m.name, deferrable: materialsById.get(m.id)?.necessity.code === NECESSITY_DEFERRABLE }));

  const rejected = reasons.some((r) => r.type === 'reject');
  const toCorrect = fieldErrors.length > 0 || reasons.some((r) => r.type === 'supplement' || r.type === 'undecided');
  const incomplete = toCorrect || missingMaterials.length > 0;
  const deferral = rejected ? null : deferralOf(standard, missingMaterials, toCorrect, input.creditBlacklisted);
  const outcome = rejected ? 'reject' : deferral?.granted ? 'accept-on-commitment' : incomplete ? 'supplement' : 'accept';
  const requiredMaterials = [...required.values()];
  // Spelled out rather than spread from a shared base: one literal is one allocation of a known shape.
  // (The order of the keys is the answer's, with or without 容缺受理.)
  return deferral
    ? { item, date, division, channel, scenario: scenarioRef, timeLimits, outcome, fieldErrors, requiredMaterials, missingMaterials, deferredAcceptance: deferral, reasons, explanation: ran.trace }
    : { item, date, division, channel, scenario: scenarioRef, timeLimits, outcome, fieldErrors, requiredMaterials, missingMaterials, reasons, explanation: ran.trace };
}

/**
 * 容缺受理 (after the rules, like the outcome): only on an item its standard lists, when every
 * missing material is 容缺后补, nothing else needs correcting and the applicant is not on a 失信 list.
 * Null when the question does not arise (the item does not allow it, or no 容缺后补 material is missing).
 */
function deferralOf(standard: ItemConfig['standard'], missing: readonly MissingMaterial[], toCorrect: boolean, creditBlacklisted: boolean): DeferralDecision | null {
  const terms = standard.deferredAcceptance;
  const deferrable = missing.filter((m) => m.deferrable);
  if (terms?.allowed !== true || deferrable.length === 0) return null;
  const names = (list: readonly MissingMaterial[]) => quotedList(list.map((m) => m.name));
  const others = missing.filter((m) => !m.deferrable);
  const refusal: DeferralDecision['refusal'] | null = creditBlacklisted ? 'credit' : others.length > 0 ? 'not-deferrable' : toCorrect ? 'other-problems' : null;
  const message = refusal === 'credit'
    ? uiText('core.decision.deferral.credit', 'zh-CN', { names: names(deferrable) })
    : refusal === 'not-deferrable'
      ? uiText('core.decision.deferral.notDeferrable', 'zh-CN', { names: names(others) })
      : refusal === 'other-problems'
        ? uiText('core.decision.deferral.otherProblems')
        : uiText('core.decision.deferral.granted', 'zh-CN', { names: names(deferrable) });
  return {
    granted: refusal === null,
    ...(refusal ? { refusal } : {}),
    message,
    materials: deferrable.map((m) => ({ id: m.id, name: m.name })),
    consequence: terms.consequence,
    ...(terms.basis ? { basis: terms.basis } : {}),
  };
}

const defaultCache = new CompiledConfigCache(200);

/** Evaluates a config that is not (yet) a stored version, e.g. a draft's examples; compiled once per content hash. */
export function evaluate(config: ItemConfig, input: unknown, context: EvaluationContext, item?: { version: number | null; hash?: string }): Promise<Decision> {
  return evaluateCompiled(defaultCache.compile(config, item ?? { version: null }), input, context);
}
