import { itemConfigSchema, itemStandardSchema } from '../standard/standard-schemas.js';
import { channels, labelOf, outcomes, ruleEventTypes, type Vocabulary } from '../vocabulary/index.js';
import { isRecord } from './problem-list.js';

type Schema = Record<string, unknown>;

/**
 * Names for the parts of a config whose schema carries no title (the example's input, a rule's
 * event …): a problem names every part in Chinese, never by its key.
 */
const untitled: Record<string, string> = {
  input: '样例输入', scenario: '办理情形', formData: '表单数据', materials: '已交材料', date: '评估日期',
  division: '受理地行政区划', channel: '受理渠道', creditBlacklisted: '失信名单标记', expect: '预期结果',
  outcome: '预期受理结论', missingMaterials: '预期缺件', fieldErrors: '预期字段错误', firedRules: '预期触发的规则',
  type: '结果类型', params: '结果参数', message: '告知内容', basis: '法律依据', materialId: '材料标识',
  all: '全部满足', any: '任一满足', not: '不满足', fact: '事实', operator: '运算符', value: '比较值', path: '路径',
  optional: '未填写时视为不满足', conditions: '条件', event: '规则结果', schema: '表单定义', uiSchema: '界面设置',
};

function resolve(schema: unknown, document: Schema): { schema: Schema; document: Schema } | null {
  if (!isRecord(schema)) return null;
  const ref = schema.$ref;
  if (typeof ref !== 'string') return { schema, document };
  if (ref === (itemStandardSchema as Schema).$id) return { schema: itemStandardSchema as Schema, document: itemStandardSchema as Schema };
  if (ref.startsWith('#/definitions/')) {
    const definitions = document.definitions;
    const target = isRecord(definitions) ? definitions[ref.slice('#/definitions/'.length)] : undefined;
    return resolve(target, document);
  }
  return null;
}

function children(node: { schema: Schema; document: Schema }, token: string): { schema: Schema; document: Schema }[] {
  const out: { schema: Schema; document: Schema }[] = [];
  const branches = [node.schema, ...(['oneOf', 'anyOf', 'allOf'] as const).flatMap((k) => (Array.isArray(node.schema[k]) ? (node.schema[k] as unknown[]) : []))];
  for (const raw of branches) {
    const branch = resolve(raw, node.document);
    if (!branch) continue;
    const properties = branch.schema.properties;
    if (isRecord(properties) && token in properties) {
      const child = resolve(properties[token], branch.document);
      if (child) out.push({ ...child, schema: { ...child.schema, ...(isRecord(properties[token]) && typeof (properties[token] as Schema).title === 'string' ? { title: (properties[token] as Schema).title } : {}) } });
    }
    if (/^\d+$/.test(token) && branch.schema.items !== undefined) {
      const item = resolve(branch.schema.items, branch.document);
      if (item) out.push(item);
    }
  }
  return out;
}

/** The Chinese title of the value at a data pointer into an item config ("/standard/itemType" → 事项类型). */
export function configTitleAt(pointer: string): string | undefined {
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let nodes = [{ schema: itemConfigSchema as Schema, document: itemConfigSchema as Schema }];
  for (const token of tokens) {
    nodes = nodes.flatMap((node) => children(node, token));
    if (nodes.length === 0) break;
  }
  for (const node of nodes) if (typeof node.schema.title === 'string') return node.schema.title;
  const last = tokens[tokens.length - 1];
  if (last === undefined) return '事项配置';
  if (/^\d+$/.test(last)) {
    const parent = configTitleAt(`/${tokens.slice(0, -1).join('/')}`);
    return parent ? `${parent}第 ${Number(last) + 1} 项` : undefined;
  }
  return untitled[last];
}

const coded: Vocabulary<string>[] = [outcomes, ruleEventTypes, channels] as unknown as Vocabulary<string>[];

/** Allowed values as people read them: a vocabulary's codes by their Chinese labels. */
export function allowedValuesText(values: readonly unknown[]): string {
  const words = values.map((value) => {
    const vocabulary = coded.find((v) => (v.codes as readonly unknown[]).includes(value));
    return `「${vocabulary ? labelOf(vocabulary, value as string) : String(value)}」`;
  });
  return words.length > 1 ? `${words.slice(0, -1).join('、')}或${words[words.length - 1]}` : words.join('');
}
