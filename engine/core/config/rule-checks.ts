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
import { uiText } from '../i18n/catalogue/catalogue.js';
import { listed, quoted } from './config-text.js';

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

/** The problem of an operator used on a fact of the wrong kind, by the kind the operator wants. */
const operatorKindKeys = {
  any: 'core.config.rules.operatorFor.any', scalar: 'core.config.rules.operatorFor.scalar', number: 'core.config.rules.operatorFor.number',
  array: 'core.config.rules.operatorFor.array', string: 'core.config.rules.operatorFor.string', date: 'core.config.rules.operatorFor.date',
  birth: 'core.config.rules.operatorFor.birth', division: 'core.config.rules.operatorFor.division',
} as const satisfies Record<FactKind, string>;

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
        if (first !== undefined) this.problems.add(`${base}/name`, 'rule.duplicate-name', { key: 'core.config.rules.duplicateName', values: { name: rule.name, first: first + 1 } });
        else names.set(rule.name, i);
      }
      if (!isRecord(rule.conditions) || !('all' in rule.conditions || 'any' in rule.conditions || 'not' in rule.conditions)) {
        this.problems.add(`${base}/conditions`, 'rule.top-level', { key: 'core.config.rules.topLevel' });
      } else {
        this.checkNode(rule.conditions, `${base}/conditions`, 0);
      }
      this.checkEvent(rule.event, `${base}/event`);
    });
  }

  private checkNode(node: ConditionNode, pointer: string, depth: number): void {
    if (depth > MAX_CONDITION_DEPTH) {
      this.problems.add(pointer, 'rule.too-deep', { key: 'core.config.rules.tooDeep', values: { depth: MAX_CONDITION_DEPTH } });
      return;
    }
    if (!isRecord(node)) {
      this.problems.add(pointer, 'rule.condition', { key: 'core.config.rules.conditionNotObject' });
      return;
    }
    const groups = ['all', 'any', 'not'].filter((k) => k in node);
    if ('condition' in node) {
      this.problems.add(pointer, 'rule.condition-reference', { key: 'core.config.rules.conditionReference' });
      return;
    }
    if (groups.length > 1 || (groups.length === 1 && 'fact' in node)) {
      this.problems.add(pointer, 'rule.condition', { key: 'core.config.rules.conditionAmbiguous' });
      return;
    }
    if (groups[0] === 'all' || groups[0] === 'any') {
      const children = (node as Record<string, unknown>)[groups[0]];
      if (!Array.isArray(children) || children.length === 0) {
        this.problems.add(`${pointer}/${groups[0]}`, 'rule.empty-group', { key: groups[0] === 'all' ? 'core.config.rules.emptyAll' : 'core.config.rules.emptyAny' });
        return;
      }
      children.forEach((child, i) => this.checkNode(child as ConditionNode, `${pointer}/${groups[0]}/${i}`, depth + 1));
      return;
    }
    if (groups[0] === 'not') {
      const child = (node as { not: unknown }).not;
      if (!isRecord(child)) this.problems.add(`${pointer}/not`, 'rule.condition', { key: 'core.config.rules.notSingle' });
      else this.checkNode(child as ConditionNode, `${pointer}/not`, depth + 1);
      return;
    }
    this.checkLeaf(node as unknown as LeafCondition, pointer);
  }

  private factInfo(fact: string, path: string | undefined, pointer: string): FactInfo | null {
    const context = this.context.get(fact);
    if (context) {
      if (path) {
        this.problems.add(`${pointer}/path`, 'rule.path', { key: 'core.config.rules.contextPath', values: { fact } });
        return null;
      }
      return context;
    }
    const field = this.fields.get(fact);
    if (!field && !this.formReadable) {
      // Without a readable form every field would look unknown: say once that they were not checked.
      if (!this.reportedUnreadableForm) {
        this.reportedUnreadableForm = true;
        this.problems.add('/rules', 'rule.fields-unchecked', { key: 'core.config.rules.fieldsUnchecked' });
      }
      return null;
    }
    if (!field) {
      this.problems.add(`${pointer}/fact`, 'rule.unknown-fact', { key: 'core.config.rules.unknownFact', values: { fact, facts: listed(CONTEXT_FACTS.map((name) => uiText('core.config.rules.contextFact', 'zh-CN', { name, label: labelOf(contextFacts, name) }))) } });
      return null;
    }
    if (path !== undefined && (typeof path !== 'string' || !parseFactPath(path))) {
      this.problems.add(`${pointer}/path`, 'rule.path', { key: 'core.config.rules.pathFormat', values: { path: String(path) } });
      return null;
    }
    const info = fieldInfo(field, path);
    if (!info) {
      this.problems.add(`${pointer}/path`, 'rule.path', { key: 'core.config.rules.noSuchPath', values: { field: field.title, path: String(path) } });
      return null;
    }
    return info;
  }

  private checkLeaf(leaf: LeafCondition, pointer: string): void {
    for (const key of Object.keys(leaf)) {
      if (!LEAF_KEYS.has(key)) this.problems.add(`${pointer}/${escapePointer(key)}`, 'rule.unknown-key', { key: 'core.config.rules.unknownKey', values: { key } });
    }
    if (typeof leaf.fact !== 'string') {
      this.problems.add(`${pointer}/fact`, 'rule.fact', { key: 'core.config.rules.noFact' });
      return;
    }
    if (leaf.optional !== undefined && typeof leaf.optional !== 'boolean') {
      this.problems.add(`${pointer}/optional`, 'rule.optional', { key: 'core.config.rules.optional' });
    }
    const op = operatorsByName.get(leaf.operator);
    if (!op) {
      this.problems.add(`${pointer}/operator`, 'rule.unknown-operator', { key: 'core.config.rules.unknownOperator', values: { operator: String(leaf.operator), operators: listed([...operatorsByName.values()].map((o) => o.label)) } });
    }
    if (!('value' in leaf)) this.problems.add(pointer, 'rule.value', { key: 'core.config.rules.noValue' });
    const info = this.factInfo(leaf.fact, leaf.path, pointer);
    if (!op || !info) return;
    if (!kindFits(op.fact, info)) {
      this.problems.add(
        `${pointer}/operator`,
        'rule.operator-type',
        { key: operatorKindKeys[op.fact], values: { operator: op.label, fact: info.title } },
      );
      return;
    }
    this.checkValue(op, info, leaf.value, `${pointer}/value`);
  }

  private checkOption(info: FactInfo, value: unknown, pointer: string): void {
    if (info.options && !info.options.includes(value)) {
      this.problems.add(pointer, 'rule.option', { key: 'core.config.rules.notAnOption', values: { value: String(value), fact: info.title, options: listed(info.options.map((o) => quoted(String(o)))) } });
    }
  }

  private checkScalar(info: FactInfo, value: unknown, pointer: string): void {
    const expected = info.kind === 'number' ? 'number' : info.kind === 'boolean' ? 'boolean' : info.kind === 'unknown' ? null : 'string';
    if (info.kind === 'array') {
      if (!['string', 'number', 'boolean'].includes(typeof value)) this.problems.add(pointer, 'rule.value-type', { key: 'core.config.rules.singleOption' });
      else this.checkOption(info, value, pointer);
      return;
    }
    if (expected && typeof value !== expected) {
      this.problems.add(pointer, 'rule.value-type', { key: expected === 'number' ? 'core.config.rules.valueNotNumber' : expected === 'boolean' ? 'core.config.rules.valueNotBoolean' : 'core.config.rules.valueNotText', values: { fact: info.title, value: JSON.stringify(value) } });
      return;
    }
    if (info.kind === 'date' && !isIsoDate(value)) this.problems.add(pointer, 'rule.value-type', { key: 'core.config.rules.notADate', values: { value: String(value) } });
    this.checkOption(info, value, pointer);
  }

  private checkValue(op: OperatorDefinition, info: FactInfo, value: unknown, pointer: string): void {
    if (!op.decidesMissing && (value === null || value === '' || value === undefined)) {
      this.problems.add(pointer, 'rule.empty-value', { key: 'core.config.rules.emptyValue' });
      return;
    }
    const ref = isRecord(value) && typeof value.fact === 'string' ? value : null;
    if (ref && op.value !== 'years') {
      const refInfo = this.factInfo(String(ref.fact), typeof ref.path === 'string' ? ref.path : undefined, pointer);
      if (refInfo && refInfo.kind !== 'unknown' && info.kind !== 'unknown' && refInfo.kind !== info.kind && op.value !== 'scalars') {
        this.problems.add(pointer, 'rule.value-type', { key: 'core.config.rules.incomparable', values: { fact: info.title, other: refInfo.title } });
      }
      return;
    }
    switch (op.value) {
      case 'scalar':
        this.checkScalar(info, value, pointer);
        return;
      case 'scalars':
        if (!Array.isArray(value) || value.length === 0) this.problems.add(pointer, 'rule.value-type', { key: 'core.config.rules.optionList' });
        else value.forEach((v, i) => this.checkScalar(info, v, `${pointer}/${i}`));
        return;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) this.problems.add(pointer, 'rule.value-type', { key: 'core.config.rules.valueNumber' });
        return;
      case 'boolean':
        if (typeof value !== 'boolean') this.problems.add(pointer, 'rule.value-type', { key: 'core.config.rules.valueBoolean' });
        return;
      case 'years':
        if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 150) this.problems.add(pointer, 'rule.value-type', { key: 'core.config.rules.valueYears' });
        return;
      case 'date':
        if (!isIsoDate(value)) this.problems.add(pointer, 'rule.value-type', { key: 'core.config.rules.valueDate' });
        return;
      case 'division':
        if (typeof value !== 'string' || !isKnownLocality(value)) this.problems.add(pointer, 'rule.value-type', { key: 'core.decision.input.division', values: { division: String(value) } });
        return;
    }
  }

  private checkEvent(event: unknown, pointer: string): void {
    if (!isRecord(event)) return;
    const params = isRecord(event.params) ? event.params : undefined;
    const needText = (key: string, empty: 'core.config.rules.rejectReasonEmpty' | 'core.config.rules.supplementNoticeEmpty') => {
      if (typeof params?.[key] !== 'string' || (params[key] as string).trim() === '') {
        this.problems.add(`${pointer}/params/${key}`, 'rule.event-params', { key: empty });
      }
    };
    switch (event.type) {
      case 'reject':
        needText('message', 'core.config.rules.rejectReasonEmpty');
        if (params?.basis !== undefined && typeof params.basis !== 'string') this.problems.add(`${pointer}/params/basis`, 'rule.event-params', { key: 'core.config.rules.basisText' });
        break;
      case 'supplement':
        needText('message', 'core.config.rules.supplementNoticeEmpty');
        break;
      case 'requireMaterial': {
        const id = params?.materialId;
        if (typeof id !== 'string' || !this.materialIds.has(id)) {
          this.problems.add(`${pointer}/params/materialId`, 'rule.unknown-material', { key: 'core.config.rules.unknownMaterial', values: { material: String(id) } });
        }
        break;
      }
    }
  }
}
