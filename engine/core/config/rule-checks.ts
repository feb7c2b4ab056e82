import { isIsoDate } from '../codes/index.js';
import { isKnownLocality } from '../divisions/index.js';
import { formFields, type FormField } from '../form/form-fields.js';
import { parseFactPath } from '../rules/fact-path.js';
import { operatorsByName, type FactKind, type OperatorDefinition } from '../rules/operators.js';
import type { ConditionNode, ItemConfig, LeafCondition, Rule } from './types.js';
import { asList, asRecord } from './lenient-config.js';
import { escapePointer, isRecord, type ProblemList } from './problem-list.js';
import { CONTEXT_FACTS, contextFacts } from '../vocabulary/context-facts.js';
import { labelOf } from '../vocabulary/vocabulary.js';

/** What a rule can know about the value a fact (with its path) yields. */
interface FactInfo {
  title: string;
  kind: 'number' | 'string' | 'boolean' | 'date' | 'division' | 'idNumber' | 'array' | 'object' | 'unknown';
  options?: unknown[];
}

const MAX_CONDITION_DEPTH = 12;
const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path', 'optional', 'params']);

function infoOfSchema(schema: Record<string, unknown>, title: string, options?: unknown[]): FactInfo {
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? (schema.type as string[]) : [];
  const main = types.find((t) => t !== 'null');
  const opts = options ?? (Array.isArray(schema.enum) ? schema.enum : undefined);
  const withOptions = (info: FactInfo): FactInfo => (opts ? { ...info, options: opts } : info);
  if (main === 'number' || main === 'integer') return withOptions({ title, kind: 'number' });
  if (main === 'boolean') return { title, kind: 'boolean' };
  if (main === 'array') return withOptions({ title, kind: 'array' });
  if (main === 'object') return { title, kind: 'object' };
  if (main === 'string' || opts) {
    if (schema.format === 'date') return { title, kind: 'date' };
    if (schema.format === 'cn-division') return withOptions({ title, kind: 'division' });
    if (schema.format === 'cn-id-number') return { title, kind: 'idNumber' };
    return withOptions({ title, kind: 'string' });
  }
  return { title, kind: 'unknown' };
}

function subSchema(schema: Record<string, unknown>, steps: (string | number)[]): Record<string, unknown> | null {
  let current: Record<string, unknown> = schema;
  for (const step of steps) {
    if (typeof step === 'number') {
      if (!isRecord(current.items)) return null;
      current = current.items;
    } else {
      const properties = current.properties;
      if (!isRecord(properties) || !isRecord(properties[step])) return null;
      current = properties[step] as Record<string, unknown>;
    }
  }
  return current;
}

function fieldInfo(field: FormField, path: string | undefined): FactInfo | null {
  if (!path) return infoOfSchema(field.schema, field.title, field.enum);
  const steps = parseFactPath(path);
  if (!steps) return null;
  const schema = subSchema(field.schema, steps);
  if (!schema) return null;
  return infoOfSchema(schema, `${field.title}${path.slice(1)}`);
}

function kindFits(required: FactKind, info: FactInfo): boolean {
  if (info.kind === 'unknown') return true;
  switch (required) {
    case 'any': return true;
    case 'scalar': return info.kind !== 'array' && info.kind !== 'object';
    case 'number': return info.kind === 'number';
    case 'array': return info.kind === 'array';
    case 'string': return ['string', 'idNumber', 'division'].includes(info.kind);
    case 'date': return info.kind === 'date';
    case 'birth': return info.kind === 'date' || info.kind === 'idNumber';
    case 'division': return info.kind === 'division';
  }
}

const kindLabels: Record<FactKind, string> = {
  any: '任意', scalar: '单个值', number: '数字', array: '多选/列表', string: '文本', date: '日期', birth: '出生日期或身份证号码', division: '行政区划',
};

export class RuleChecker {
  private readonly fields: Map<string, FormField>;
  private readonly context: Map<string, FactInfo>;

  /** Whether the form is sound enough to tell which facts are its fields. */
  private readonly formReadable: boolean;
  private reportedUnreadableForm = false;

  constructor(private readonly config: ItemConfig, private readonly problems: ProblemList) {
    const schema = asRecord(asRecord(config.form).schema);
    this.formReadable = schema.type === 'object' && isRecord(schema.properties);
    this.fields = formFields(schema);
    const standard = asRecord(config.standard);
    const ids = (list: unknown) => asList(list).map((entry) => asRecord(entry).id).filter((id): id is string => typeof id === 'string');
    this.materialIds = new Set(ids(standard.materials));
    this.context = new Map<string, FactInfo>([
      ['today', { title: labelOf(contextFacts, 'today'), kind: 'date' }],
      ['division', { title: labelOf(contextFacts, 'division'), kind: 'division' }],
      ['scenario', { title: labelOf(contextFacts, 'scenario'), kind: 'string', options: ids(standard.scenarios) }],
      ['materials', { title: labelOf(contextFacts, 'materials'), kind: 'array', options: [...this.materialIds] }],
    ]);
  }

  private readonly materialIds: Set<string>;

  check(): void {
    const names = new Map<string, number>();
    asList(this.config.rules).forEach((raw, i) => {
      const base = `/rules/${i}`;
      // A rule that is not an object is the schema check's problem; there is nothing here to read.
      if (!isRecord(raw)) return;
      const rule = raw as unknown as Rule;
      if (typeof rule.name === 'string') {
        const first = names.get(rule.name);
        if (first !== undefined) this.problems.add(`${base}/name`, 'rule.duplicate-name', `规则标识「${rule.name}」与第 ${first + 1} 条规则重复`);
        else names.set(rule.name, i);
      }
      if (!isRecord(rule.conditions) || !('all' in rule.conditions || 'any' in rule.conditions || 'not' in rule.conditions)) {
        this.problems.add(`${base}/conditions`, 'rule.top-level', '规则条件的顶层应为全部满足（「all」）、任一满足（「any」）或不满足（「not」）');
      } else {
        this.checkNode(rule.conditions, `${base}/conditions`, 0);
      }
      this.checkEvent(rule.event, `${base}/event`);
    });
  }

  private checkNode(node: ConditionNode, pointer: string, depth: number): void {
    if (depth > MAX_CONDITION_DEPTH) {
      this.problems.add(pointer, 'rule.too-deep', `条件嵌套超过 ${MAX_CONDITION_DEPTH} 层`);
      return;
    }
    if (!isRecord(node)) {
      this.problems.add(pointer, 'rule.condition', '条件应为对象');
      return;
    }
    const groups = ['all', 'any', 'not'].filter((k) => k in node);
    if ('condition' in node) {
      this.problems.add(pointer, 'rule.condition-reference', '不支持引用共享条件（「condition」），请直接写出条件');
      return;
    }
    if (groups.length > 1 || (groups.length === 1 && 'fact' in node)) {
      this.problems.add(pointer, 'rule.condition', '一个条件只能是全部满足（「all」）、任一满足（「any」）、不满足（「not」）或单个比较之一');
      return;
    }
    if (groups[0] === 'all' || groups[0] === 'any') {
      const children = (node as Record<string, unknown>)[groups[0]];
      if (!Array.isArray(children) || children.length === 0) {
        this.problems.add(`${pointer}/${groups[0]}`, 'rule.empty-group', `${groups[0] === 'all' ? '全部满足' : '任一满足'}（「${groups[0]}」）应至少含一个条件`);
        return;
      }
      children.forEach((child, i) => this.checkNode(child as ConditionNode, `${pointer}/${groups[0]}/${i}`, depth + 1));
      return;
    }
    if (groups[0] === 'not') {
      const child = (node as { not: unknown }).not;
      if (!isRecord(child)) this.problems.add(`${pointer}/not`, 'rule.condition', '不满足（「not」）应为单个条件');
      else this.checkNode(child as ConditionNode, `${pointer}/not`, depth + 1);
      return;
    }
    this.checkLeaf(node as unknown as LeafCondition, pointer);
  }

  private factInfo(fact: string, path: string | undefined, pointer: string): FactInfo | null {
    const context = this.context.get(fact);
    if (context) {
      if (path) {
        this.problems.add(`${pointer}/path`, 'rule.path', `上下文事实「${fact}」没有下级路径`);
        return null;
      }
      return context;
    }
    const field = this.fields.get(fact);
    if (!field && !this.formReadable) {
      // Without a readable form every field would look unknown: say once that they were not checked.
      if (!this.reportedUnreadableForm) {
        this.reportedUnreadableForm = true;
        this.problems.add('/rules', 'rule.fields-unchecked', '表单定义有误，规则中引用的表单字段暂无法核对；请先修正「表单设计」中的问题');
      }
      return null;
    }
    if (!field) {
      this.problems.add(`${pointer}/fact`, 'rule.unknown-fact', `事实「${fact}」既不是表单字段，也不是上下文事实（${CONTEXT_FACTS.map((name) => `「${name}」${labelOf(contextFacts, name)}`).join('、')}）`);
      return null;
    }
    if (path !== undefined && (typeof path !== 'string' || !parseFactPath(path))) {
      this.problems.add(`${pointer}/path`, 'rule.path', `路径「${String(path)}」格式不正确，应形如「$.name」或「$.list[0].name」`);
      return null;
    }
    const info = fieldInfo(field, path);
    if (!info) {
      this.problems.add(`${pointer}/path`, 'rule.path', `字段「${field.title}」中没有路径「${String(path)}」`);
      return null;
    }
    return info;
  }

  private checkLeaf(leaf: LeafCondition, pointer: string): void {
    for (const key of Object.keys(leaf)) {
      if (!LEAF_KEYS.has(key)) this.problems.add(`${pointer}/${escapePointer(key)}`, 'rule.unknown-key', `条件中不支持属性「${key}」`);
    }
    if (typeof leaf.fact !== 'string') {
      this.problems.add(`${pointer}/fact`, 'rule.fact', '条件缺少事实（「fact」）');
      return;
    }
    if (leaf.optional !== undefined && typeof leaf.optional !== 'boolean') {
      this.problems.add(`${pointer}/optional`, 'rule.optional', '「未填写时视为不满足」（「optional」）应为「是」或「否」');
    }
    const op = operatorsByName.get(leaf.operator);
    if (!op) {
      this.problems.add(`${pointer}/operator`, 'rule.unknown-operator', `不支持的运算符「${String(leaf.operator)}」，可用：${[...operatorsByName.values()].map((o) => o.label).join('、')}`);
    }
    if (!('value' in leaf)) this.problems.add(pointer, 'rule.value', '条件缺少比较值（「value」）');
    const info = this.factInfo(leaf.fact, leaf.path, pointer);
    if (!op || !info) return;
    if (!kindFits(op.fact, info)) {
      this.problems.add(
        `${pointer}/operator`,
        'rule.operator-type',
        `运算符「${op.label}」适用于${kindLabels[op.fact]}，不适用于「${info.title}」`,
      );
      return;
    }
    this.checkValue(op, info, leaf.value, `${pointer}/value`);
  }

  private checkOption(info: FactInfo, value: unknown, pointer: string): void {
    if (info.options && !info.options.includes(value)) {
      this.problems.add(pointer, 'rule.option', `「${String(value)}」不是「${info.title}」的可选项（${info.options.map((o) => `「${String(o)}」`).join('、')}）`);
    }
  }

  private checkScalar(info: FactInfo, value: unknown, pointer: string): void {
    const expected = info.kind === 'number' ? 'number' : info.kind === 'boolean' ? 'boolean' : info.kind === 'unknown' ? null : 'string';
    if (info.kind === 'array') {
      if (!['string', 'number', 'boolean'].includes(typeof value)) this.problems.add(pointer, 'rule.value-type', '比较值应为单个选项');
      else this.checkOption(info, value, pointer);
      return;
    }
    if (expected && typeof value !== expected) {
      this.problems.add(pointer, 'rule.value-type', `「${info.title}」是${expected === 'number' ? '数字' : expected === 'boolean' ? '是/否' : '文本'}，比较值「${JSON.stringify(value)}」类型不符`);
      return;
    }
    if (info.kind === 'date' && !isIsoDate(value)) this.problems.add(pointer, 'rule.value-type', `比较值「${String(value)}」不是有效日期（形如「2025-06-01」）`);
    this.checkOption(info, value, pointer);
  }

  private checkValue(op: OperatorDefinition, info: FactInfo, value: unknown, pointer: string): void {
    if (!op.decidesMissing && (value === null || value === '' || value === undefined)) {
      this.problems.add(pointer, 'rule.empty-value', '比较值不能为空；要判断字段是否填写，请用「已填写」运算符');
      return;
    }
    const ref = isRecord(value) && typeof value.fact === 'string' ? value : null;
    if (ref && op.value !== 'years') {
      const refInfo = this.factInfo(String(ref.fact), typeof ref.path === 'string' ? ref.path : undefined, pointer);
      if (refInfo && refInfo.kind !== 'unknown' && info.kind !== 'unknown' && refInfo.kind !== info.kind && op.value !== 'scalars') {
        this.problems.add(pointer, 'rule.value-type', `「${info.title}」不能与「${refInfo.title}」比较（类型不同）`);
      }
      return;
    }
    switch (op.value) {
      case 'scalar':
        this.checkScalar(info, value, pointer);
        return;
      case 'scalars':
        if (!Array.isArray(value) || value.length === 0) this.problems.add(pointer, 'rule.value-type', '比较值应为非空的选项列表');
        else value.forEach((v, i) => this.checkScalar(info, v, `${pointer}/${i}`));
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) this.problems.add(pointer, 'rule.value-type', '比较值应为数字');
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.problems.add(pointer, 'rule.value-type', '比较值应为「是」或「否」');
        return;
      case 'years':
        if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 150) this.problems.add(pointer, 'rule.value-type', '年龄应为 0 到 150 之间的整数（周岁）');
        return;
      case 'date':
        if (!isIsoDate(value)) this.problems.add(pointer, 'rule.value-type', '比较值应为日期（形如「2025-06-01」）或受理日期（「today」）');
        return;
      case 'division':
        if (typeof value !== 'string' || !isKnownLocality(value)) this.problems.add(pointer, 'rule.value-type', `「${String(value)}」不是内蒙古自治区的行政区划代码`);
        return;
    }
  }

  private checkEvent(event: unknown, pointer: string): void {
    if (!isRecord(event)) return;
    const params = isRecord(event.params) ? event.params : undefined;
    const needText = (key: string, label: string) => {
      if (typeof params?.[key] !== 'string' || (params[key] as string).trim() === '') {
        this.problems.add(`${pointer}/params/${key}`, 'rule.event-params', `${label}不能为空`);
      }
    };
    switch (event.type) {
      case 'reject':
        needText('message', '不予受理的理由');
        if (params?.basis !== undefined && typeof params.basis !== 'string') this.problems.add(`${pointer}/params/basis`, 'rule.event-params', '法律依据应为文本');
        break;
      case 'supplement':
        needText('message', '补正告知内容');
        break;
      case 'requireMaterial': {
        const id = params?.materialId;
        if (typeof id !== 'string' || !this.materialIds.has(id)) {
          this.problems.add(`${pointer}/params/materialId`, 'rule.unknown-material', `需补充的材料「${String(id)}」不在申请材料中`);
        }
        break;
      }
    }
  }
}
