/**
 * Test support for the diff's property tests: a seeded PRNG and random edits of an item config, the
 * kinds of edits authors make (a time limit, a material, a rule value, a field, required or not, …).
 * No dependencies, so a failing seed reproduces anywhere.
 */
import type { Coded, ConditionNode, ItemConfig, Material } from '../config/types.js';

export interface Rng {
  next(): number;
  /** 0 ≤ n < max */
  int(max: number): number;
  pick<T>(list: readonly T[]): T;
  chance(p: number): boolean;
}

/** mulberry32: tiny, fast and good enough to drive test cases. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  return { next, int, pick: (list) => list[int(list.length)] as (typeof list)[number], chance: (p) => next() < p };
}

type Mutation = (config: ItemConfig, rng: Rng) => void;

const coded = (code: string, label: string): Coded => ({ code, label });
const props = (config: ItemConfig) => config.form.schema.properties as Record<string, Record<string, unknown>>;
const requiredList = (config: ItemConfig) => ((config.form.schema.required ??= []) as string[]);
/** A new name from the seed alone, so that a failing seed reproduces when run on its own. */
const fresh = (rng: Rng, prefix: string) => `${prefix}${rng.int(36 ** 4).toString(36)}`;

function moveWithin<T>(list: T[], rng: Rng): void {
  if (list.length < 2) return;
  const [item] = list.splice(rng.int(list.length), 1);
  list.splice(rng.int(list.length + 1), 0, item as T);
}

function numericLeaves(node: ConditionNode, out: { value: unknown }[] = []): { value: unknown }[] {
  if ('all' in node) node.all.forEach((n) => numericLeaves(n, out));
  else if ('any' in node) node.any.forEach((n) => numericLeaves(n, out));
  else if ('not' in node) numericLeaves(node.not, out);
  else if (typeof node.value === 'number') out.push(node);
  return out;
}

function newMaterial(r: Rng): Material {
  const id = fresh(r, 'm-');
  return { id, name: `材料${id}`, required: true, necessity: coded('1', '必要'), type: coded('3', '其他'), form: coded('1', '纸质'), source: coded('10', '申请人自备') };
}

/** Edits that change what the config means; each one really changes something (no toggling back to a default). */
export const MUTATIONS: Record<string, Mutation> = {
  promisedTimeLimit: (c, r) => { c.standard.promisedTimeLimit.value = (c.standard.promisedTimeLimit.value + 1 + r.int(9)) % 40; },
  statutoryUnit: (c) => { c.standard.statutoryTimeLimit.unit = c.standard.statutoryTimeLimit.unit.code === 'CD' ? coded('WD', '工作日') : coded('CD', '自然日'); },
  statutoryNull: (c) => { c.standard.statutoryTimeLimit = c.standard.statutoryTimeLimit.value === null ? { value: 10, unit: coded('WD', '工作日') } : { value: null, unit: coded('WD', '工作日'), note: '法律未规定' }; },
  addCondition: (c, r) => { c.standard.acceptanceConditions.splice(r.int(c.standard.acceptanceConditions.length + 1), 0, `条件${fresh(r, '')}`); },
  reorderConditions: (c, r) => moveWithin(c.standard.acceptanceConditions, r),
  removeCondition: (c, r) => { if (c.standard.acceptanceConditions.length > 0) c.standard.acceptanceConditions.splice(r.int(c.standard.acceptanceConditions.length), 1); },
  channel: (c) => { c.standard.channel = c.standard.channel === 'police-station' ? 'comprehensive-window' : 'police-station'; },
  localFields: (c, r) => {
    const all = ['windowAddress', 'windowName', 'openingHours', 'consultPhone', 'complaintPhone', 'trafficGuide'];
    const field = r.pick(all);
    const i = c.standard.localFields.indexOf(field);
    if (i >= 0) c.standard.localFields.splice(i, 1);
    else c.standard.localFields.push(field);
  },
  serviceObjects: (c) => {
    const i = c.standard.serviceObjects.findIndex((o) => o.code === '2');
    if (i >= 0) c.standard.serviceObjects.splice(i, 1);
    else c.standard.serviceObjects.unshift(coded('2', '企业法人'));
  },
  department: (c) => { c.standard.department = { name: `${c.standard.department.name}（调整）` }; },
  addMaterial: (c, r) => {
    const material = newMaterial(r);
    c.standard.materials.splice(r.int(c.standard.materials.length + 1), 0, material);
    if (r.chance(0.5) && c.standard.scenarios.length > 0) r.pick(c.standard.scenarios).materialIds.push(material.id);
  },
  removeMaterial: (c, r) => {
    if (c.standard.materials.length === 0) return;
    const [removed] = c.standard.materials.splice(r.int(c.standard.materials.length), 1);
    for (const s of c.standard.scenarios) s.materialIds = s.materialIds.filter((id) => id !== removed?.id);
  },
  reorderMaterials: (c, r) => moveWithin(c.standard.materials, r),
  swapMaterials: (c, r) => {
    const list = c.standard.materials;
    if (list.length < 2) return;
    const i = r.int(list.length - 1);
    [list[i], list[i + 1]] = [list[i + 1] as Material, list[i] as Material];
  },
  editMaterial: (c, r) => {
    if (c.standard.materials.length === 0) return;
    const m = r.pick(c.standard.materials);
    switch (r.int(4)) {
      case 0: m.required = !m.required; break;
      case 1: m.copies = ((m.copies as number | undefined) ?? 0) + 1; break;
      case 2: m.name = `${m.name}（新）`; break;
      default: m.source = m.source.code === '10' ? coded('20', '政府部门核发') : coded('10', '申请人自备');
    }
  },
  addScenario: (c, r) => { c.standard.scenarios.splice(r.int(c.standard.scenarios.length + 1), 0, { id: fresh(r, 's-'), name: '新情形', materialIds: c.standard.materials.slice(0, 1).map((m) => m.id) }); },
  removeScenario: (c, r) => { if (c.standard.scenarios.length > 1) c.standard.scenarios.splice(r.int(c.standard.scenarios.length), 1); },
  reorderScenarios: (c, r) => moveWithin(c.standard.scenarios, r),
  scenarioMaterials: (c, r) => {
    if (c.standard.scenarios.length === 0 || c.standard.materials.length === 0) return;
    const s = r.pick(c.standard.scenarios);
    const id = r.pick(c.standard.materials).id;
    s.materialIds = s.materialIds.includes(id) ? s.materialIds.filter((x) => x !== id) : [...s.materialIds, id];
  },
  ruleValue: (c, r) => {
    const leaves = c.rules.flatMap((rule) => numericLeaves(rule.conditions));
    if (leaves.length > 0) { const leaf = r.pick(leaves); leaf.value = (leaf.value as number) + 1 + r.int(3); }
  },
  ruleOperator: (c, r) => {
    const leaves = c.rules.flatMap((rule) => numericLeaves(rule.conditions)) as { operator?: string }[];
    if (leaves.length > 0) { const leaf = r.pick(leaves); leaf.operator = leaf.operator === 'ageBelow' ? 'ageAtLeast' : 'ageBelow'; }
  },
  ruleEnabled: (c, r) => { if (c.rules.length > 0) { const rule = r.pick(c.rules); if (rule.enabled === false) delete rule.enabled; else rule.enabled = false; } },
  rulePriority: (c, r) => { if (c.rules.length > 0) { const rule = r.pick(c.rules); rule.priority = ((rule.priority ?? 1) % 9) + 2; } },
  ruleMessage: (c, r) => { if (c.rules.length > 0) { const rule = r.pick(c.rules); (rule.event.params as { message?: string }).message = `提示${fresh(r, '')}`; } },
  ruleEventType: (c, r) => { if (c.rules.length > 0) { const rule = r.pick(c.rules); rule.event = rule.event.type === 'reject' ? { type: 'supplement', params: { message: '请补正' } } : { type: 'reject', params: { message: '不予受理', basis: '某法' } }; } },
  addRuleCondition: (c, r) => {
    if (c.rules.length === 0) return;
    const rule = r.pick(c.rules);
    const leaf = { fact: 'residence', operator: 'divisionWithin', value: '150000' };
    rule.conditions = 'all' in rule.conditions ? { all: [...rule.conditions.all, leaf] } : { all: [rule.conditions, leaf] };
  },
  addRule: (c, r) => { c.rules.splice(r.int(c.rules.length + 1), 0, { name: fresh(r, 'rule-'), conditions: { all: [{ fact: 'phone', operator: 'isFilled', value: false }] }, event: { type: 'supplement', params: { message: '请填写手机号码' } } }); },
  removeRule: (c, r) => { if (c.rules.length > 0) c.rules.splice(r.int(c.rules.length), 1); },
  addField: (c, r) => {
    const name = fresh(r, 'f');
    props(c)[name] = r.pick([{ type: 'string', title: `字段${name}`, maxLength: 50 }, { type: 'integer', title: `数字${name}`, minimum: 0 }, { type: 'string', title: `日期${name}`, format: 'date' }]);
    if (r.chance(0.5)) requiredList(c).push(name);
  },
  removeField: (c, r) => {
    const names = Object.keys(props(c));
    if (names.length === 0) return;
    const name = r.pick(names);
    delete props(c)[name];
    c.form.schema.required = requiredList(c).filter((n) => n !== name);
  },
  toggleRequired: (c, r) => {
    const names = Object.keys(props(c));
    if (names.length === 0) return;
    const name = r.pick(names);
    const list = requiredList(c);
    c.form.schema.required = list.includes(name) ? list.filter((n) => n !== name) : [...list, name];
  },
  fieldLimit: (c, r) => {
    const names = Object.keys(props(c));
    if (names.length > 0) { const f = props(c)[r.pick(names)] as Record<string, unknown>; f.maxLength = ((f.maxLength as number | undefined) ?? 10) + 5; }
  },
  fieldFormat: (c, r) => {
    const names = Object.keys(props(c));
    if (names.length > 0) { const f = props(c)[r.pick(names)] as Record<string, unknown>; f.format = f.format === 'cn-phone' ? 'cn-mobile' : 'cn-phone'; }
  },
  fieldEnum: (c, r) => { const f = props(c).employmentType; if (f) f.enum = [...((f.enum as string[] | undefined) ?? []), `选项${fresh(r, '')}`]; },
  fieldTitle: (c, r) => {
    const names = Object.keys(props(c));
    if (names.length > 0) { const f = props(c)[r.pick(names)] as Record<string, unknown>; f.title = `${String(f.title ?? '')}（改）`; }
  },
  conditionalBranch: (c, r) => {
    const schema = c.form.schema as Record<string, unknown>;
    const branches = (schema.allOf ??= []) as unknown[];
    const name = fresh(r, 'cond');
    branches.push({ if: { properties: { employmentType: { const: '新就业形态' } }, required: ['employmentType'] }, then: { properties: { [name]: { type: 'string', title: `条件字段${name}` } }, required: [name] } });
  },
  conditionalEdit: (c) => {
    const branches = (c.form.schema as { allOf?: { if?: { properties?: Record<string, { const?: unknown }> } }[] }).allOf;
    const condition = branches?.[0]?.if?.properties?.employmentType;
    if (condition) condition.const = condition.const === '非全日制' ? '个体经营' : '非全日制';
  },
  nestedField: (c, r) => {
    const address = (props(c).address ??= { type: 'object', title: '地址', properties: { city: { type: 'string', title: '城市' } } }) as { properties: Record<string, Record<string, unknown>>; required?: string[] };
    if (r.chance(0.5)) address.properties.street = { type: 'string', title: '街道', maxLength: r.int(100) + 1 };
    else address.required = address.required?.includes('city') ? [] : ['city'];
  },
  arrayField: (c, r) => {
    const list = (props(c).children ??= { type: 'array', title: '子女', items: { type: 'object', properties: { name: { type: 'string', title: '子女姓名' } } } }) as { items: { properties: Record<string, unknown> } };
    list.items.properties.age = { type: 'integer', minimum: 0, maximum: 18 + r.int(5) };
  },
  uiOrder: (c, r) => { const order = c.form.uiSchema?.['ui:order']; if (Array.isArray(order)) moveWithin(order, r); },
  uiWidget: (c) => { const ui = (c.form.uiSchema ??= {}); ui.employmentType = ui.employmentType ? undefined : { 'ui:widget': 'radio' }; if (!ui.employmentType) delete ui.employmentType; },
  exampleOutcome: (c, r) => { if (c.examples.length > 0) { const e = r.pick(c.examples); e.expect.outcome = e.expect.outcome === 'accept' ? 'supplement' : 'accept'; } },
  exampleInput: (c, r) => { if (c.examples.length > 0) { const e = r.pick(c.examples); e.input.formData = { ...e.input.formData, name: `申请人${fresh(r, '')}` }; } },
  addExample: (c, r) => { c.examples.push({ name: fresh(r, '样例'), input: { scenario: 'self', formData: {}, materials: [] }, expect: { outcome: 'supplement' } }); },
  removeExample: (c, r) => { if (c.examples.length > 0) c.examples.splice(r.int(c.examples.length), 1); },
  meta: (c, r) => { c.meta = { ...(c.meta ?? {}), note: `说明${fresh(r, '')}` }; },
};

/** Reverses key order everywhere: JSON objects are unordered, so this must never show up in a diff. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
}

/** Edits that change nothing a decision, a guide or a reviewer cares about. */
export const NEUTRAL_EDITS: Record<string, Mutation> = {
  reverseKeys: (c) => { Object.assign(c, reverseKeys(structuredClone(c))); },
  reorderRules: (c, r) => moveWithin(c.rules, r),
  reorderExamples: (c, r) => moveWithin(c.examples, r),
  reorderFormProperties: (c) => { c.form.schema.properties = Object.fromEntries(Object.entries(props(c)).reverse()); },
  spellOutRuleDefaults: (c) => { for (const rule of c.rules) { rule.enabled ??= true; rule.priority ??= 1; } },
  spellOutOptional: (c) => {
    const visit = (node: ConditionNode): void => {
      if ('all' in node) node.all.forEach(visit);
      else if ('any' in node) node.any.forEach(visit);
      else if ('not' in node) visit(node.not);
      else node.optional ??= false;
    };
    c.rules.forEach((rule) => visit(rule.conditions));
  },
};

export function mutate(config: ItemConfig, rng: Rng, count: number): { config: ItemConfig; applied: string[] } {
  const out = structuredClone(config);
  const names = Object.keys(MUTATIONS);
  const applied: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = rng.pick(names);
    (MUTATIONS[name] as Mutation)(out, rng);
    applied.push(name);
  }
  return { config: out, applied };
}

export function neutralEdit(config: ItemConfig, rng: Rng): { config: ItemConfig; applied: string[] } {
  const out = structuredClone(config);
  const applied = Object.keys(NEUTRAL_EDITS).filter(() => rng.chance(0.6));
  for (const name of applied) (NEUTRAL_EDITS[name] as Mutation)(out, rng);
  return { config: out, applied };
}
