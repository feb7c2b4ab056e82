import type { EvaluationInput, ItemConfig } from '../config/types.js';
import { channelPlaces, labelOf } from '../vocabulary/index.js';
import type { RuleRunResult } from '../rules/rule-run-result.js';
import { CompiledConfigCache, type CompiledConfig } from './compiled-config.js';
import { checkEvaluationInput } from './evaluation-input.js';
import type { Decision, EvaluationContext, MissingMaterial, Reason, RequiredMaterial } from './types.js';

const NECESSITY_DEFERRABLE = '3';


const contextTitles: Record<string, string> = { today: '受理日期', division: '受理地', scenario: '办理情形', materials: '已收材料' };

function fieldTitle(compiled: CompiledConfig, fact: string, path?: string): string {
  const title = contextTitles[fact] ?? compiled.fieldTitles.get(fact) ?? fact;
  return path ? `${title}（${path.slice(2)}）` : title;
}

/** The facts the rules of `compiled` read for one application: every form field, then the context. */
export function ruleFacts(compiled: CompiledConfig, rawInput: unknown, rawContext: unknown): Record<string, unknown> {
  const { input, context } = checkEvaluationInput(compiled.config, rawInput, rawContext);
  return factsOf(compiled, input, context);
}

function factsOf(compiled: CompiledConfig, input: Required<EvaluationInput>, context: EvaluationContext): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const name of compiled.fieldNames) facts[name] = input.formData[name];
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
export async function evaluateCompiled(compiled: CompiledConfig, rawInput: unknown, rawContext: unknown): Promise<Decision> {
  return decide(compiled, rawInput, rawContext);
}

/**
 * `evaluateCompiled`, synchronously. `runRules` defaults to the compiled rules; the differential
 * tests hand in the json-rules-engine reference's result for the same facts instead.
 */
export function decide(
  compiled: CompiledConfig,
  rawInput: unknown,
  rawContext: unknown,
  runRules: (facts: Record<string, unknown>) => RuleRunResult = (facts) => compiled.rules.run(facts),
): Decision {
  const { config } = compiled;
  const { input, context } = checkEvaluationInput(config, rawInput, rawContext);
  const standard = config.standard;
  const scenario = standard.scenarios.find((s) => s.id === input.scenario) ?? null;
  const base = {
    item: compiled.item,
    date: input.date,
    division: context.division,
    channel: context.channel,
    scenario: scenario ? { id: scenario.id, name: scenario.name } : null,
    timeLimits: { promised: standard.promisedTimeLimit, statutory: standard.statutoryTimeLimit },
  };

  if (standard.channel !== context.channel) {
    const where = standard.channelNote ?? labelOf(channelPlaces, standard.channel);
    return {
      ...base,
      outcome: 'redirect',
      redirect: { channel: standard.channel, where },
      fieldErrors: [],
      requiredMaterials: [],
      missingMaterials: [],
      reasons: [{ rule: 'channel', type: 'redirect', message: `本事项不在此类窗口受理，请到${where}办理` }],
      explanation: [],
    };
  }

  const fieldErrors = compiled.validateForm(input.formData);
  const run = runRules(factsOf(compiled, input, context));

  const { materialsById } = compiled;
  const required = new Map<string, RequiredMaterial>();
  for (const id of scenario?.materialIds ?? []) {
    const material = materialsById.get(id);
    if (material?.required) required.set(id, { id, name: material.name, because: { scenario: input.scenario } });
  }
  const reasons: Reason[] = [];
  for (const { rule, event } of run.fired) {
    if (event.type === 'requireMaterial') {
      const material = materialsById.get(event.params.materialId);
      if (material && !required.has(material.id)) required.set(material.id, { id: material.id, name: material.name, because: { rule: rule.name } });
      reasons.push({ rule: rule.name, type: 'requireMaterial', message: event.params.message ?? `需提交「${material?.name ?? event.params.materialId}」` });
    } else if (event.type === 'reject') {
      reasons.push({ rule: rule.name, type: 'reject', message: event.params.message, ...(event.params.basis ? { basis: event.params.basis } : {}) });
    } else {
      reasons.push({ rule: rule.name, type: 'supplement', message: event.params.message });
    }
  }
  for (const { rule, missing } of run.undecidable) {
    const names = missing.map((m) => `「${fieldTitle(compiled, m.fact, m.path)}」`).join('、');
    reasons.push({ rule: rule.name, type: 'undecided', message: `请填写${names}，以便判断“${rule.description ?? rule.name}”` });
  }
  const handedIn = new Set(input.materials);
  const missingMaterials: MissingMaterial[] = [...required.values()]
    .filter((m) => !handedIn.has(m.id))
    .map((m) => ({ id: m.id, name: m.name, deferrable: materialsById.get(m.id)?.necessity.code === NECESSITY_DEFERRABLE }));

  const rejected = reasons.some((r) => r.type === 'reject');
  const incomplete = fieldErrors.length > 0 || missingMaterials.length > 0 || reasons.some((r) => r.type === 'supplement' || r.type === 'undecided');
  return {
    ...base,
    outcome: rejected ? 'reject' : incomplete ? 'supplement' : 'accept',
    fieldErrors,
    requiredMaterials: [...required.values()],
    missingMaterials,
    reasons,
    explanation: run.trace,
  };
}

const defaultCache = new CompiledConfigCache(200);

/** Evaluates a config that is not (yet) a stored version, e.g. a draft's examples; compiled once per content hash. */
export function evaluate(config: ItemConfig, input: unknown, context: EvaluationContext, item?: { version: number | null; hash?: string }): Promise<Decision> {
  return evaluateCompiled(defaultCache.compile(config, item ?? { version: null }), input, context);
}
