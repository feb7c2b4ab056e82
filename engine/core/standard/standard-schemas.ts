import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import itemStandardSchema from '../../../standards/item-standard.schema.json' with { type: 'json' };
import itemConfigSchema from '../../../standards/item-config.schema.json' with { type: 'json' };
import type { Coded } from '../config/types.js';

export { itemStandardSchema, itemConfigSchema };

let validateConfigShape: ValidateFunction | undefined;

/** The ajv validator of a whole item config against standards/ — compiled once per process. */
export function configShapeValidator(): ValidateFunction {
  if (!validateConfigShape) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    (addFormats as unknown as (ajv: Ajv) => void)(ajv);
    ajv.addSchema(itemStandardSchema);
    validateConfigShape = ajv.compile(itemConfigSchema);
  }
  return validateConfigShape as ValidateFunction;
}

type Definitions = Record<string, { title?: string; properties?: { code?: { oneOf?: { const: string; title: string }[] } } }>;
const definitions = (itemStandardSchema as unknown as { definitions: Definitions }).definitions;

/** Names of the coded enumerations (事项类型, 办件类型, ...) defined in the item-standard schema. */
export type EnumerationName =
  | 'itemType' | 'caseType' | 'serviceObject' | 'scope' | 'powerSource' | 'resultType' | 'exerciseLevel'
  | 'timeLimitUnit' | 'materialType' | 'materialForm' | 'materialNecessity' | 'materialSource'
  | 'sharingMethod' | 'sharingFrequency';

export interface Enumeration {
  name: EnumerationName;
  title: string;
  values: Coded[];
}

/** Every coded enumeration, read from the one schema that defines them. */
export function enumerations(): Enumeration[] {
  return Object.entries(definitions)
    .filter(([, def]) => Array.isArray(def.properties?.code?.oneOf))
    .map(([name, def]) => ({
      name: name as EnumerationName,
      title: def.title ?? name,
      values: (def.properties?.code?.oneOf ?? []).map((option) => ({ code: option.const, label: option.title })),
    }));
}

export function enumeration(name: EnumerationName): Coded[] {
  return enumerations().find((e) => e.name === name)?.values ?? [];
}

/** The definition name of a coded value's schema, when `schema` is (a $ref to) one. */
export function codedDefinitionOf(schema: unknown): string | null {
  const ref = (schema as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/definitions/')) return null;
  const name = ref.slice('#/definitions/'.length);
  return Array.isArray(definitions[name]?.properties?.code?.oneOf) ? name : null;
}

export function standardDefinition(name: string): Record<string, unknown> | undefined {
  return definitions[name] as Record<string, unknown> | undefined;
}
