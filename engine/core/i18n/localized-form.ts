import type { FormDefinition, ItemConfig } from '../config/types.js';
import { fieldKey, translationsIn } from './content-strings.js';
import type { TranslatedLanguage } from './languages.js';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The form as an applicant reading `language` sees it: titles, descriptions, option labels
 * (`ui:enumNames`), help and placeholders translated where a translation exists. The data keys and
 * enum values are untouched, so the same data validates and decides exactly as in Chinese.
 */
export function localizedForm(config: ItemConfig, language: TranslatedLanguage): FormDefinition {
  const table = translationsIn(config, language);
  const tr = (key: string): string | undefined => (typeof table[key] === 'string' && table[key].trim() !== '' ? table[key] : undefined);
  const schema = structuredClone(config.form.schema) as Json;
  const uiSchema = structuredClone(config.form.uiSchema ?? {}) as Json;
  const uiAt = (path: string[]): Json => {
    let at = uiSchema;
    for (const segment of path) {
      const name = segment.replace(/\[\]$/, '');
      if (!isRecord(at[name])) at[name] = {};
      at = at[name] as Json;
      if (segment.endsWith('[]')) {
        if (!isRecord(at.items)) at.items = {};
        at = at.items as Json;
      }
    }
    return at;
  };
  const walk = (node: Json, path: string[], declared: boolean) => {
    if (isRecord(node.properties)) {
      for (const [name, field] of Object.entries(node.properties)) {
        if (!isRecord(field)) continue;
        const fieldPath = [...path, name];
        const key = fieldKey(fieldPath);
        for (const part of ['title', 'description'] as const) {
          const text = tr(`${key}.${part}`);
          if (text && typeof field[part] === 'string') field[part] = text;
        }
        if (Array.isArray(field.enum) && (declared || typeof field.title === 'string')) {
          const names = field.enum.map((v) => (typeof v === 'string' ? tr(`${key}.enum[${v}]`) ?? v : String(v)));
          if (names.some((n, i) => n !== field.enum?.[i as never])) uiAt(fieldPath)['ui:enumNames'] = names;
        }
        for (const list of ['oneOf', 'anyOf'] as const) {
          const options = field[list];
          if (Array.isArray(options)) for (const o of options) if (isRecord(o) && 'const' in o && typeof o.title === 'string') o.title = tr(`${key}.enum[${String(o.const)}]`) ?? o.title;
        }
        const ui = uiAt(fieldPath);
        const help = tr(`${key}.help`);
        if (help && typeof ui['ui:help'] === 'string') ui['ui:help'] = help;
        const placeholder = tr(`${key}.placeholder`);
        if (placeholder && typeof ui['ui:placeholder'] === 'string') ui['ui:placeholder'] = placeholder;
        walk(field, fieldPath, true);
      }
    }
    if (isRecord(node.items)) walk(node.items, [...path.slice(0, -1), `${path[path.length - 1] ?? ''}[]`], declared);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) if (Array.isArray(node[key])) for (const b of node[key] as unknown[]) if (isRecord(b)) walk(b, path, false);
    for (const key of ['if', 'then', 'else'] as const) if (isRecord(node[key])) walk(node[key] as Json, path, false);
    if (isRecord(node.dependencies)) for (const dep of Object.values(node.dependencies)) if (isRecord(dep)) walk(dep, path, false);
  };
  walk(schema, [], true);
  if (typeof schema.title === 'string') schema.title = tr('form.title') ?? schema.title;
  if (typeof schema.description === 'string') schema.description = tr('form.description') ?? schema.description;
  return { ...config.form, schema, uiSchema };
}
