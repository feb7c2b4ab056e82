/**
 * What refers to a material, a scenario or a form field elsewhere in the item, in words the author
 * knows (受理规则「未满16周岁」的条件), so that deleting one asks first and names what would break.
 */
import type { ItemConfig, Rule } from '../../../engine/core/index.js';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);

/** A rule as authors name it: its Chinese title when it has one, else its name. */
export function ruleName(rule: Rule): string {
  const r = rule as unknown as Json;
  for (const key of ['title', 'label', 'name']) if (typeof r[key] === 'string' && (r[key] as string).trim()) return r[key] as string;
  return '（未命名规则）';
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
  for (const s of standard?.scenarios ?? []) if ((s.materialIds ?? []).includes(id)) out.push(`办理情形「${s.name || s.id}」需要此材料`);
  for (const rule of config.rules ?? []) {
    const params = (rule.event?.params ?? {}) as Json;
    if (params.materialId === id) out.push(`受理规则「${ruleName(rule)}」要求提交此材料`);
    else if (leaves(rule.conditions).some((leaf) => mentions(leaf.value, id))) out.push(`受理规则「${ruleName(rule)}」的条件用到此材料`);
  }
  for (const p of standard?.reviewPoints ?? []) if (p.materialId === id) out.push(`审查要点「${p.point}」针对此材料`);
  for (const t of standard?.materialTemplates ?? []) if (t.materialId === id) out.push(`材料模板「${t.name}」属于此材料`);
  for (const d of standard?.dataNeeds ?? []) if (d.materialId === id) out.push(`数据共享需求「${d.dataItem}」对应此材料`);
  for (const e of config.examples ?? []) {
    if ((e.input?.materials ?? []).includes(id) || (e.expect?.missingMaterials ?? []).includes(id)) out.push(`测试样例「${e.name}」用到此材料`);
  }
  return out;
}

export function scenarioReferences(config: ItemConfig, id: string): string[] {
  return (config.examples ?? []).filter((e) => e.input?.scenario === id).map((e) => `测试样例「${e.name}」按此情形办理`);
}

/** The field's key as it appears in facts: the top-level name (a nested field is reached through it). */
export function fieldReferences(config: ItemConfig, key: string): string[] {
  const out: string[] = [];
  const usesField = (leaf: Json) => leaf.fact === key || (isRecord(leaf.value) && leaf.value.fact === key);
  for (const rule of config.rules ?? []) if (leaves(rule.conditions).some(usesField)) out.push(`受理规则「${ruleName(rule)}」的条件用到此字段`);
  const applicant = (config.form?.applicant ?? {}) as Json;
  const roles: Record<string, string> = { name: '申请人姓名', idNumber: '申请人证件号码', phone: '申请人联系电话', companyName: '企业名称', creditCode: '统一社会信用代码', legalRepresentative: '法定代表人' };
  for (const [role, field] of Object.entries(applicant)) if (field === key) out.push(`申请人信息的「${roles[role] ?? role}」取自此字段`);
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
      const names = [...new Set(targets)].filter((t) => t !== key).map((t) => `「${(properties[t]?.title as string | undefined) ?? t}」`);
      out.push(names.length ? `字段${names.join('、')}的显示或必填条件取决于此字段` : '表单的条件逻辑取决于此字段');
    }
  }
  if (isRecord(schema.dependencies) && key in schema.dependencies) out.push('表单的联动逻辑取决于此字段');
  for (const e of config.examples ?? []) if (isRecord(e.input?.formData) && key in e.input.formData) out.push(`测试样例「${e.name}」填写了此字段`);
  return [...new Set(out)];
}
