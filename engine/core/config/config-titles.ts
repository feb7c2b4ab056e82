import { itemConfigSchema, itemStandardSchema } from '../standard/standard-schemas.js';
import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import { channels, contextFacts, labelOf, outcomes, ruleEventTypes, type Vocabulary } from '../vocabulary/index.js';
import { listed, quoted } from './config-text.js';
import { isRecord } from './problem-list.js';

type Schema = Record<string, unknown>;

/**
 * Names for the parts of a config whose schema carries no title (the example's input, a rule's
 * event …): a problem names every part in Chinese, never by its key.
 */
const untitledKeys: Record<string, CatalogueKey> = {
  input: 'core.config.titles.input', formData: 'core.config.titles.formData', materials: 'core.config.titles.materials',
  channel: 'guide.section.channel', creditBlacklisted: 'core.config.titles.creditBlacklisted', expect: 'designer.examples.expected',
  outcome: 'core.config.titles.outcome', missingMaterials: 'designer.examples.col.expectedMissing', fieldErrors: 'core.config.titles.fieldErrors',
  firedRules: 'core.config.titles.firedRules', type: 'core.config.titles.eventType', params: 'core.config.titles.eventParams',
  message: 'core.config.titles.message', basis: 'designer.rules.basis', materialId: 'core.config.titles.materialId',
  all: 'designer.rules.group.all', any: 'designer.rules.group.any', not: 'core.config.titles.not', fact: 'designer.rules.fact',
  operator: 'designer.rules.operator', value: 'designer.rules.value', path: 'core.config.titles.path', optional: 'designer.rules.optional',
  conditions: 'designer.rules.condition', event: 'core.config.titles.event', schema: 'core.form.schema.form',
  uiSchema: 'core.config.location.uiSchema',
};

/** The evaluation's own facts (the example's scenario, date and division) are named as the vocabulary names them. */
const contextTitles: Record<string, 'scenario' | 'today' | 'division'> = { scenario: 'scenario', date: 'today', division: 'division' };

function untitled(token: string): string | undefined {
  const context = Object.hasOwn(contextTitles, token) ? contextTitles[token] : undefined;
  if (context) return labelOf(contextFacts, context);
  const key = Object.hasOwn(untitledKeys, token) ? untitledKeys[token] : undefined;
  return key ? uiText(key) : undefined;
}

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
  if (last === undefined) return uiText('core.config.titles.config');
  if (/^\d+$/.test(last)) {
    const parent = configTitleAt(`/${tokens.slice(0, -1).join('/')}`);
    return parent ? uiText('core.config.titles.nthOf', 'zh-CN', { parent, n: Number(last) + 1 }) : undefined;
  }
  return untitled(last);
}

const coded: Vocabulary<string>[] = [outcomes, ruleEventTypes, channels] as unknown as Vocabulary<string>[];

/** Allowed values as people read them: a vocabulary's codes by their Chinese labels. */
export function allowedValuesText(values: readonly unknown[]): string {
  const words = values.map((value) => {
    const vocabulary = coded.find((v) => (v.codes as readonly unknown[]).includes(value));
    return quoted(vocabulary ? labelOf(vocabulary, value as string) : String(value));
  });
  return words.length > 1 ? `${listed(words.slice(0, -1))}${uiText('form.condition.or')}${words[words.length - 1]}` : words.join('');
}
