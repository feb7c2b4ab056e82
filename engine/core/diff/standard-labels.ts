/**
 * Chinese labels of the standard's elements and of material / scenario properties, read from the
 * item-standard schema — the single definition the designer's editor also shows — so that a
 * renamed title changes the diff report too, with no second list to forget.
 */
import itemStandardSchema from '../../../standards/item-standard.schema.json' with { type: 'json' };
import { isRecord } from './json-values.js';

interface PropertySchema {
  title?: string;
  $ref?: string;
  oneOf?: { const?: unknown; title?: string }[];
  properties?: Record<string, PropertySchema>;
}

const schema = itemStandardSchema as unknown as { title?: string; properties: Record<string, PropertySchema>; definitions: Record<string, PropertySchema> };

function resolve(property: PropertySchema | undefined): PropertySchema | undefined {
  const ref = property?.$ref;
  return ref?.startsWith('#/definitions/') ? schema.definitions[ref.slice('#/definitions/'.length)] : property;
}

/** A property's own title wins over the title of the definition it references (承诺办理时限 vs 时限). */
function titleOf(property: PropertySchema | undefined): string | undefined {
  return property?.title ?? resolve(property)?.title;
}

/** What the standard itself is called: the schema's title (事项标准). */
export function standardTitle(): string {
  return schema.title ?? 'standard';
}

/** The standard's elements in schema order: the order the guide and the editor use. */
export const STANDARD_ELEMENTS: readonly string[] = Object.keys(schema.properties);

export function standardElementLabel(key: string): string {
  return titleOf(schema.properties[key]) ?? key;
}

function definitionProperties(name: string): Record<string, PropertySchema> {
  return schema.definitions[name]?.properties ?? {};
}

export const MATERIAL_PROPERTIES: readonly string[] = Object.keys(definitionProperties('material'));
export const SCENARIO_PROPERTIES: readonly string[] = Object.keys(definitionProperties('scenario'));

export function materialPropertyLabel(key: string): string {
  return titleOf(definitionProperties('material')[key]) ?? key;
}

export function scenarioPropertyLabel(key: string): string {
  return titleOf(definitionProperties('scenario')[key]) ?? key;
}

/** Title of a constant of a string enumeration defined by `oneOf` (channel, localField). */
export function optionTitle(definition: 'channel' | 'localField', value: unknown): string | undefined {
  const option = schema.definitions[definition]?.oneOf?.find((o) => isRecord(o) && o.const === value);
  return option?.title;
}
