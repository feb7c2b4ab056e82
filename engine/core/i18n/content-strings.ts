import type { Coded, ItemConfig } from '../config/types.js';
import { itemStandardSchema, standardDefinition } from '../standard/standard-schemas.js';
import { uiText, type CatalogueKey } from './catalogue/catalogue.js';
import type { TranslatedLanguage } from './languages.js';

/**
 * One text an applicant reads, as the config holds it in Chinese, with the stable key its
 * translations are filed under in `config.translations[language]`.
 *
 * Keys name things by what identifies them — a material's id, a form field's property path, a
 * rule's name, a coded value's code — never by an array index, so reordering a list does not detach
 * a translation. Lists of plain texts without an id (受理条件, 审查要点, process steps) are keyed by the
 * Chinese text itself: a changed condition is a new string and needs a new translation.
 */
export interface ContentString {
  key: string;
  /** The Chinese text as the config holds it. */
  zh: string;
  /** Where the text sits, as an author reads it (e.g. 申请材料「居民身份证」· 名称). */
  where: string;
  /** JSON pointer of the Chinese text in the config. */
  pointer: string;
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);
const escape = (token: string | number) => String(token).replace(/~/g, '~0').replace(/\//g, '~1');
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** A coded enumeration an applicant sees in the guide, by the title of the standard's definition that names it. */
const codedWhere = (enumeration: string): string => {
  const title = standardDefinition(enumeration)?.title;
  return typeof title === 'string' ? title : enumeration;
};

const resolved = (schema: unknown): Json => {
  const ref = isRecord(schema) ? schema.$ref : undefined;
  const target = typeof ref === 'string' && ref.startsWith('#/definitions/') ? standardDefinition(ref.slice('#/definitions/'.length)) : schema;
  return isRecord(target) ? target : {};
};

/**
 * The standard's own name of the element at `pointer` ("/standard/materials/0/fillInstructions" → 填报须知):
 * the title the standard gives it where it is used, else the title of its definition.
 */
const element = (pointer: string): string => {
  let node: Json = itemStandardSchema as unknown as Json;
  let title: unknown;
  for (const token of pointer.split('/').slice(2)) {
    if (/^\d+$/.test(token)) {
      node = resolved(resolved(node).items);
      continue;
    }
    const property = resolved(node).properties;
    const child = isRecord(property) ? property[token] : undefined;
    if (!isRecord(child)) return pointer;
    title = typeof child.title === 'string' ? child.title : resolved(child).title;
    node = child;
  }
  return typeof title === 'string' ? title : pointer;
};

/** Where a string sits: an element, the entry it belongs to (by its name) and the part of that entry. */
const named = (what: string, name: unknown): string => uiText('core.config.strings.named', 'zh-CN', { what, name: String(name) });
const namedPart = (what: string, name: unknown, part: string): string => uiText('core.config.strings.namedPart', 'zh-CN', { what, name: String(name), part });
/** A part the standard has no word for (名称, 说明 …), from the catalogue. */
const part = (key: CatalogueKey): string => uiText(key);
const partOf = (what: string, part: string): string => uiText('core.config.strings.part', 'zh-CN', { what, part });

/** The key of a coded value's label: one translation per enumeration and code, however often the item uses it. */
export const codedKey = (enumeration: string, code: string): string => `coded.${enumeration}.${code}`;

class Collector {
  readonly strings: ContentString[] = [];
  private readonly seen = new Set<string>();
  add(key: string, value: unknown, where: string, pointer: string): void {
    const zh = text(value);
    if (zh === null || this.seen.has(key)) return;
    this.seen.add(key);
    this.strings.push({ key, zh, where, pointer });
  }
  coded(enumeration: string, value: unknown, pointer: string): void {
    if (!isRecord(value) || typeof value.code !== 'string') return;
    this.add(codedKey(enumeration, value.code), value.label, named(codedWhere(enumeration), value.code), `${pointer}/label`);
  }
}

function standardStrings(config: ItemConfig, out: Collector): void {
  const s = config.standard as unknown as Json;
  if (!isRecord(s)) return;
  const P = '/standard';
  out.add('standard.name', s.name, element(`${P}/name`), `${P}/name`);
  out.coded('itemType', s.itemType, `${P}/itemType`);
  out.coded('caseType', s.caseType, `${P}/caseType`);
  if (Array.isArray(s.serviceObjects)) s.serviceObjects.forEach((v, i) => out.coded('serviceObject', v, `${P}/serviceObjects/${i}`));
  out.coded('scope', s.scope, `${P}/scope`);
  if (Array.isArray(s.exerciseLevels)) s.exerciseLevels.forEach((v, i) => out.coded('exerciseLevel', v, `${P}/exerciseLevels/${i}`));
  if (isRecord(s.department)) out.add('standard.department.name', s.department.name, element(`${P}/department`), `${P}/department/name`);
  out.add('standard.channelNote', s.channelNote, element(`${P}/channelNote`), `${P}/channelNote`);
  if (isRecord(s.legalBasis)) {
    out.coded('powerSource', s.legalBasis.powerSource, `${P}/legalBasis/powerSource`);
    if (Array.isArray(s.legalBasis.provisions)) {
      s.legalBasis.provisions.forEach((p, i) => {
        if (!isRecord(p)) return;
        const line = [p.law, p.article, p.text].filter((x) => typeof x === 'string' && x !== '').join(' ');
        out.add(`standard.legalBasis.provisions[${provisionLine(p)}]`, line, named(element(`${P}/legalBasis/provisions`), p.law), `${P}/legalBasis/provisions/${i}`);
      });
    }
  }
  if (Array.isArray(s.acceptanceConditions)) s.acceptanceConditions.forEach((c, i) => out.add(`standard.acceptanceConditions[${String(c)}]`, c, element(`${P}/acceptanceConditions`), `${P}/acceptanceConditions/${i}`));
  (Array.isArray(s.process) ? s.process : []).forEach((step, i) => {
    if (!isRecord(step)) return;
    const what = element(`${P}/process`);
    out.add(`standard.process[${String(step.name)}].name`, step.name, namedPart(what, step.name, part('core.config.strings.name')), `${P}/process/${i}/name`);
    out.add(`standard.process[${String(step.name)}].description`, step.description, namedPart(what, step.name, part('core.config.strings.description')), `${P}/process/${i}/description`);
  });
  (Array.isArray(s.materials) ? s.materials : []).forEach((m, i) => {
    if (!isRecord(m) || typeof m.id !== 'string') return;
    const at = `${P}/materials/${i}`;
    const what = element(`${P}/materials`);
    out.add(`standard.materials.${m.id}.name`, m.name, namedPart(what, m.name, part('core.config.strings.name')), `${at}/name`);
    out.add(`standard.materials.${m.id}.fillInstructions`, m.fillInstructions, namedPart(what, m.name, element(`${at}/fillInstructions`)), `${at}/fillInstructions`);
    out.coded('materialNecessity', m.necessity, `${at}/necessity`);
    out.coded('materialForm', m.form, `${at}/form`);
    out.coded('materialSource', m.source, `${at}/source`);
  });
  (Array.isArray(s.scenarios) ? s.scenarios : []).forEach((sc, i) => {
    if (!isRecord(sc) || typeof sc.id !== 'string') return;
    const what = element(`${P}/scenarios`);
    out.add(`standard.scenarios.${sc.id}.name`, sc.name, namedPart(what, sc.name, part('core.config.strings.name')), `${P}/scenarios/${i}/name`);
    out.add(`standard.scenarios.${sc.id}.description`, sc.description, namedPart(what, sc.name, part('core.config.strings.description')), `${P}/scenarios/${i}/description`);
  });
  for (const key of ['statutoryTimeLimit', 'promisedTimeLimit', 'supplementPeriod'] as const) {
    const limit = s[key];
    if (!isRecord(limit)) continue;
    out.coded('timeLimitUnit', limit.unit, `${P}/${key}/unit`);
    out.add(`standard.${key}.note`, limit.note, uiText('core.config.strings.note', 'zh-CN', { what: element(`${P}/${key}`) }), `${P}/${key}/note`);
  }
  (Array.isArray(s.stageTimeLimits) ? s.stageTimeLimits : []).forEach((st, i) => {
    if (!isRecord(st)) return;
    out.add(`standard.stageTimeLimits[${String(st.stage)}]`, st.stage, partOf(element(`${P}/stageTimeLimits`), element(`${P}/stageTimeLimits/${i}/stage`)), `${P}/stageTimeLimits/${i}/stage`);
    out.coded('timeLimitUnit', st.unit, `${P}/stageTimeLimits/${i}/unit`);
  });
  out.coded('resultType', s.resultType, `${P}/resultType`);
  out.add('standard.resultName', s.resultName, element(`${P}/resultName`), `${P}/resultName`);
  if (isRecord(s.resultSample)) out.add('standard.resultSample.description', s.resultSample.description, element(`${P}/resultSample`), `${P}/resultSample/description`);
  (Array.isArray(s.reviewPoints) ? s.reviewPoints : []).forEach((r, i) => {
    if (isRecord(r)) out.add(`standard.reviewPoints[${String(r.point)}]`, r.point, element(`${P}/reviewPoints`), `${P}/reviewPoints/${i}/point`);
  });
  (Array.isArray(s.materialTemplates) ? s.materialTemplates : []).forEach((t, i) => {
    if (!isRecord(t)) return;
    const id = String(t.materialId);
    const what = element(`${P}/materialTemplates`);
    out.add(`standard.materialTemplates.${id}.name`, t.name, namedPart(what, t.name, part('core.config.strings.name')), `${P}/materialTemplates/${i}/name`);
    out.add(`standard.materialTemplates.${id}.instructions`, t.instructions, namedPart(what, t.name, part('core.config.strings.description')), `${P}/materialTemplates/${i}/instructions`);
  });
  if (isRecord(s.remedy)) {
    out.add('standard.remedy.reviewAuthority', s.remedy.reviewAuthority, element(`${P}/remedy/reviewAuthority`), `${P}/remedy/reviewAuthority`);
    out.add('standard.remedy.court', s.remedy.court, element(`${P}/remedy/court`), `${P}/remedy/court`);
  }
  if (isRecord(s.deferredAcceptance)) {
    out.add('standard.deferredAcceptance.basis', s.deferredAcceptance.basis, element(`${P}/deferredAcceptance/basis`), `${P}/deferredAcceptance/basis`);
    out.add('standard.deferredAcceptance.consequence', s.deferredAcceptance.consequence, partOf(element(`${P}/deferredAcceptance`), uiText('core.config.strings.consequence')), `${P}/deferredAcceptance/consequence`);
  }
}

function provisionLine(p: Json): string {
  return [p.law, p.article].filter((x) => typeof x === 'string' && x !== '').join(' ');
}

/** Every field of a form schema with its data path, through nested objects, array items and conditional branches. */
function formFields(schema: Json, path: string[], pointer: string, visit: (path: string[], field: Json, pointer: string) => void): void {
  const properties = schema.properties;
  if (isRecord(properties)) {
    for (const [name, field] of Object.entries(properties)) {
      if (!isRecord(field)) continue;
      const at = `${pointer}/properties/${escape(name)}`;
      visit([...path, name], field, at);
      formFields(field, [...path, name], at, visit);
    }
  }
  if (isRecord(schema.items)) formFields(schema.items, [...path.slice(0, -1), `${path[path.length - 1] ?? ''}[]`], `${pointer}/items`, visit);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) list.forEach((branch, i) => { if (isRecord(branch)) formFields(branch, path, `${pointer}/${key}/${i}`, visit); });
  }
  for (const key of ['if', 'then', 'else'] as const) if (isRecord(schema[key])) formFields(schema[key] as Json, path, `${pointer}/${key}`, visit);
  if (isRecord(schema.dependencies)) {
    for (const [name, dep] of Object.entries(schema.dependencies)) if (isRecord(dep)) formFields(dep, path, `${pointer}/dependencies/${escape(name)}`, visit);
  }
}

/** The uiSchema entry of a field path (array items under `items`). */
function uiOf(uiSchema: unknown, path: string[]): Json | undefined {
  let at: unknown = uiSchema;
  for (const segment of path) {
    if (!isRecord(at)) return undefined;
    at = segment.endsWith('[]') ? (isRecord(at[segment.slice(0, -2)]) ? (at[segment.slice(0, -2)] as Json).items : undefined) : at[segment];
  }
  return isRecord(at) ? at : undefined;
}

/** The form key of a field path: `form.applicantName`, `form.children[].name`. */
export const fieldKey = (path: readonly string[]): string => `form.${path.join('.')}`;

function formStrings(config: ItemConfig, out: Collector): void {
  const schema = config.form?.schema;
  if (!isRecord(schema)) return;
  out.add('form.title', schema.title, uiText('core.config.strings.formTitle'), '/form/schema/title');
  out.add('form.description', schema.description, uiText('core.config.strings.formDescription'), '/form/schema/description');
  const ui = config.form.uiSchema;
  formFields(schema, [], '/form/schema', (path, field, pointer) => {
    // A branch that only narrows an enum of a field declared elsewhere carries no text of its own.
    const key = fieldKey(path);
    const title = typeof field.title === 'string' ? field.title : path[path.length - 1] ?? '';
    const where = (key: CatalogueKey) => namedPart(uiText('designer.rules.formFields'), title, part(key));
    out.add(`${key}.title`, field.title, where('designer.form.props.title'), `${pointer}/title`);
    out.add(`${key}.description`, field.description, where('core.config.strings.description'), `${pointer}/description`);
    if (typeof field.title === 'string' && Array.isArray(field.enum)) {
      field.enum.forEach((value, i) => { if (typeof value === 'string') out.add(`${key}.enum[${value}]`, value, where('core.config.strings.option'), `${pointer}/enum/${i}`); });
    }
    // A multiple choice: the options are the enum of its items.
    const items = field.items;
    if (typeof field.title === 'string' && isRecord(items) && Array.isArray(items.enum)) {
      items.enum.forEach((value, i) => { if (typeof value === 'string') out.add(`${key}.enum[${value}]`, value, where('core.config.strings.option'), `${pointer}/items/enum/${i}`); });
    }
    for (const list of ['oneOf', 'anyOf'] as const) {
      const options = field[list];
      if (!Array.isArray(options)) continue;
      options.forEach((option, i) => {
        if (isRecord(option) && 'const' in option && typeof option.title === 'string') out.add(`${key}.enum[${String(option.const)}]`, option.title, where('core.config.strings.option'), `${pointer}/${list}/${i}/title`);
      });
    }
    const fieldUi = uiOf(ui, path);
    if (fieldUi) {
      const uiPointer = `/form/uiSchema/${path.map((p) => escape(p.replace(/\[\]$/, ''))).join('/')}`;
      out.add(`${key}.help`, fieldUi['ui:help'], where('core.config.strings.help'), `${uiPointer}/ui:help`);
      out.add(`${key}.placeholder`, fieldUi['ui:placeholder'], where('core.config.strings.placeholder'), `${uiPointer}/ui:placeholder`);
    }
  });
}

function ruleStrings(config: ItemConfig, out: Collector): void {
  (Array.isArray(config.rules) ? config.rules : []).forEach((rule, i) => {
    if (!isRecord(rule) || !isRecord(rule.event) || !isRecord(rule.event.params)) return;
    const name = String(rule.name);
    const params = rule.event.params as Json;
    const rules = uiText('designer.tab.rules');
    out.add(`rules.${name}.message`, params.message, namedPart(rules, name, part('core.config.titles.message')), `/rules/${i}/event/params/message`);
    out.add(`rules.${name}.basis`, params.basis, namedPart(rules, name, part('decision.basis')), `/rules/${i}/event/params/basis`);
  });
}

/**
 * Every text of the config an applicant reads — in the guide, the form, the decision and the
 * notices — each once, in the order the guide and the form show them.
 */
export function applicantStrings(config: ItemConfig): ContentString[] {
  const out = new Collector();
  standardStrings(config, out);
  formStrings(config, out);
  ruleStrings(config, out);
  return out.strings;
}

/** The translations of one language as the config holds them (an absent sidecar is an empty one). */
export function translationsIn(config: ItemConfig, language: TranslatedLanguage): Readonly<Record<string, string>> {
  const table = (config as { translations?: Record<string, unknown> }).translations?.[language];
  return isRecord(table) ? (table as Record<string, string>) : {};
}

/** The translation of one string, or null when there is none yet (blank counts as none). */
export function translationOf(config: ItemConfig, key: string, language: TranslatedLanguage): string | null {
  return text(translationsIn(config, language)[key]);
}

/** The strings still lacking a translation into `language`. */
export function untranslatedStrings(config: ItemConfig, language: TranslatedLanguage): ContentString[] {
  const table = translationsIn(config, language);
  return applicantStrings(config).filter((s) => text(table[s.key]) === null);
}

/** Translations whose key no longer names any string (the Chinese was changed or removed). */
export function orphanTranslations(config: ItemConfig, language: TranslatedLanguage): string[] {
  const keys = new Set(applicantStrings(config).map((s) => s.key));
  return Object.keys(translationsIn(config, language)).filter((key) => !keys.has(key));
}

/** Whether the item's standard marks it bilingual (汉蒙双语): then every string needs its Mongolian. */
export function isBilingual(config: ItemConfig): boolean {
  return (config.standard as { bilingual?: unknown } | undefined)?.bilingual === true;
}

/** Whether the config carries any Mongolian at all (a guide in Mongolian is offered then). */
export function hasTranslations(config: ItemConfig, language: TranslatedLanguage): boolean {
  return Object.values(translationsIn(config, language)).some((v) => text(v) !== null);
}

/** Whether the translations of `language` still await review by the region's translation office. */
export function translationIsDraft(config: ItemConfig, language: TranslatedLanguage): boolean {
  const review = (config as { translations?: { review?: Record<string, unknown> } }).translations?.review?.[language];
  return !(isRecord(review) && review.status === 'reviewed');
}

/**
 * A reader of the config's texts in one language: each Chinese text resolved to its translation,
 * falling back to the Chinese where none exists yet.
 */
export interface ContentReader {
  readonly language: 'zh-CN' | TranslatedLanguage;
  /** The text filed under `key`, or `zh` when it has no translation. */
  text(key: string, zh: string): string;
  coded(enumeration: string, value: Coded): string;
}

export function contentReader(config: ItemConfig, language: 'zh-CN' | TranslatedLanguage): ContentReader {
  if (language === 'zh-CN') return { language, text: (_key, zh) => zh, coded: (_e, value) => value.label };
  const table = translationsIn(config, language);
  const read = (key: string, zh: string) => text(table[key]) ?? zh;
  return { language, text: read, coded: (enumeration, value) => read(codedKey(enumeration, value.code), value.label) };
}

/** Keys used by renderers that rebuild a string key from the config's own objects. */
export const contentKeys = {
  provision: (p: { law: string; article?: string }) => `standard.legalBasis.provisions[${provisionLine(p as unknown as Json)}]`,
  condition: (zh: string) => `standard.acceptanceConditions[${zh}]`,
  processName: (name: string) => `standard.process[${name}].name`,
  processDescription: (name: string) => `standard.process[${name}].description`,
  material: (id: string, part: 'name' | 'fillInstructions' = 'name') => `standard.materials.${id}.${part}`,
  scenario: (id: string, part: 'name' | 'description' = 'name') => `standard.scenarios.${id}.${part}`,
  reviewPoint: (zh: string) => `standard.reviewPoints[${zh}]`,
  stage: (zh: string) => `standard.stageTimeLimits[${zh}]`,
  template: (materialId: string, part: 'name' | 'instructions' = 'name') => `standard.materialTemplates.${materialId}.${part}`,
  rule: (name: string, part: 'message' | 'basis' = 'message') => `rules.${name}.${part}`,
} as const;
