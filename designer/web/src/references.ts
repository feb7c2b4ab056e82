/**
 * What refers to a material, a scenario or a form field elsewhere in the item, in words the author
 * knows (受理规则「未满16周岁」的条件), so that deleting one asks first and names what would break.
 */
import type { ItemConfig, Rule } from '../../../engine/core/index.js';
import { t } from './ui-text.js';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** A rule as authors name it: its Chinese title when it has one, else its name. */
export function ruleName(rule: Rule): string {
  const r = rule as unknown as Json;
  for (const key of ['title', 'label', 'name']) if (typeof r[key] === 'string' && (r[key] as string).trim()) return r[key] as string;
  return t('designer.references.unnamedRule');
}

function leaves(node: unknown, out: Json[] = []): Json[] {
  if (!isRecord(node)) return out;
  if (Array.isArray(node.all)) for (const n of node.all) leaves(n, out);
  else if (Array.isArray(node.any)) for (const n of node.any) leaves(n, out);
  else if ('not' in node) leaves(node.not, out);
  else out.push(node);
  return out;
}

const mentions = (value: unknown, id: string): boolean => value === id || (Array.isArray(value) && value.includes(id));

export function materialReferences(config: ItemConfig, id: string): string[] {
  const out: string[] = [];
  const standard = config.standard;
  for (const s of standard?.scenarios ?? []) if ((s.materialIds ?? []).includes(id)) out.push(t('designer.references.material.scenario', { name: s.name || s.id }));
  for (const rule of config.rules ?? []) {
    const params = (rule.event?.params ?? {}) as Json;
    if (params.materialId === id) out.push(t('designer.references.material.ruleRequires', { name: ruleName(rule) }));
    else if (leaves(rule.conditions).some((leaf) => mentions(leaf.value, id))) out.push(t('designer.references.material.ruleCondition', { name: ruleName(rule) }));
  }
  for (const p of standard?.reviewPoints ?? []) if (p.materialId === id) out.push(t('designer.references.material.reviewPoint', { name: p.point }));
  for (const m of standard?.materialTemplates ?? []) if (m.materialId === id) out.push(t('designer.references.material.template', { name: m.name }));
  for (const d of standard?.dataNeeds ?? []) if (d.materialId === id) out.push(t('designer.references.material.dataNeed', { name: d.dataItem }));
  for (const e of config.examples ?? []) {
    if ((e.input?.materials ?? []).includes(id) || (e.expect?.missingMaterials ?? []).includes(id)) out.push(t('designer.references.material.example', { name: e.name }));
  }
  return out;
}

export function scenarioReferences(config: ItemConfig, id: string): string[] {
  return (config.examples ?? []).filter((e) => e.input?.scenario === id).map((e) => t('designer.references.scenario.example', { name: e.name }));
}

/** The field's key as it appears in facts: the top-level name (a nested field is reached through it). */
export function fieldReferences(config: ItemConfig, key: string): string[] {
  const out: string[] = [];
  const usesField = (leaf: Json) => leaf.fact === key || (isRecord(leaf.value) && leaf.value.fact === key);
  for (const rule of config.rules ?? []) if (leaves(rule.conditions).some(usesField)) out.push(t('designer.references.field.ruleCondition', { name: ruleName(rule) }));
  const applicant = (config.form?.applicant ?? {}) as Json;
  const roles: Record<string, string> = {
    name: t('designer.references.applicant.name'), idNumber: t('designer.references.applicant.idNumber'), phone: t('designer.references.applicant.phone'),
    companyName: t('designer.references.applicant.companyName'), creditCode: t('designer.references.applicant.creditCode'), legalRepresentative: t('designer.references.applicant.legalRepresentative'),
  };
  for (const [role, field] of Object.entries(applicant)) if (field === key) out.push(t('designer.references.field.applicant', { role: roles[role] ?? role }));
  const properties = (config.form?.schema?.properties ?? {}) as Record<string, Json>;
  const mentionsKey = (node: unknown): boolean => {
    if (Array.isArray(node)) return node.some(mentionsKey);
    if (!isRecord(node)) return false;
    if (isRecord(node.properties) && key in node.properties) return true;
    if (Array.isArray(node.required) && node.required.includes(key)) return true;
    return Object.values(node).some(mentionsKey);
  };
  const schema = (config.form?.schema ?? {}) as Json;
  // Value-based logic (allOf if/then, dependencies): a condition on this field shows or requires others.
  for (const branch of (Array.isArray(schema.allOf) ? schema.allOf : []) as Json[]) {
    if (isRecord(branch.if) && mentionsKey(branch.if)) {
      const then = isRecord(branch.then) ? branch.then : {};
      const targets = [...Object.keys(isRecord(then.properties) ? then.properties : {}), ...(Array.isArray(then.required) ? (then.required as string[]) : [])];
      const names = [...new Set(targets)].filter((f) => f !== key).map((f) => t('designer.references.quoted', { name: (properties[f]?.title as string | undefined) ?? f }));
      out.push(names.length ? t('designer.references.field.dependents', { names: names.join(t('designer.examples.nameSeparator')) }) : t('designer.references.field.conditionalLogic'));
    }
  }
  if (isRecord(schema.dependencies) && key in schema.dependencies) out.push(t('designer.references.field.dependencies'));
  for (const e of config.examples ?? []) if (isRecord(e.input?.formData) && key in e.input.formData) out.push(t('designer.references.field.example', { name: e.name }));
  return [...new Set(out)];
}
