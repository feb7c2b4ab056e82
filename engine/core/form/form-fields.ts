/** What rules may know about a top-level form field: enough to type-check a condition. */
export interface FormField {
  name: string;
  title: string;
  /** JSON Schema types the field admits ('string', 'number', ...). */
  types: string[];
  format?: string;
  enum?: unknown[];
  /** Schema of a nested value, so that `path` expressions can be checked. */
  schema: Record<string, unknown>;
}

function typesOf(schema: Record<string, unknown>): string[] {
  const type = schema.type;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === 'string');
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
  if ('const' in schema) return [schema.const === null ? 'null' : typeof schema.const];
  return [];
}

function enumOf(schema: Record<string, unknown>): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if (Array.isArray(schema.oneOf) && schema.oneOf.every((o) => o && typeof o === 'object' && 'const' in o)) {
    return (schema.oneOf as { const: unknown }[]).map((o) => o.const);
  }
  // A multi-select is an array whose items carry the options.
  if (schema.type === 'array' && schema.items && typeof schema.items === 'object' && !Array.isArray(schema.items)) {
    return enumOf(schema.items as Record<string, unknown>);
  }
  return undefined;
}

/**
 * The top-level fields of a form schema, including those only reachable through
 * dependencies / if-then-else / allOf branches (conditional fields are still facts).
 */
export function formFields(schema: Record<string, unknown>): Map<string, FormField> {
  const fields = new Map<string, FormField>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const s = node as Record<string, unknown>;
    const properties = s.properties as Record<string, unknown> | undefined;
    if (properties && typeof properties === 'object') {
      for (const [name, raw] of Object.entries(properties)) {
        if (!raw || typeof raw !== 'object' || fields.has(name)) continue;
        const field = raw as Record<string, unknown>;
        const enumValues = enumOf(field);
        fields.set(name, {
          name,
          title: typeof field.title === 'string' ? field.title : name,
          types: typesOf(field),
          ...(typeof field.format === 'string' ? { format: field.format } : {}),
          ...(enumValues ? { enum: enumValues } : {}),
          schema: field,
        });
      }
    }
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      if (Array.isArray(s[key])) (s[key] as unknown[]).forEach(visit);
    }
    for (const key of ['if', 'then', 'else'] as const) visit(s[key]);
    const dependencies = s.dependencies as Record<string, unknown> | undefined;
    if (dependencies && typeof dependencies === 'object') Object.values(dependencies).forEach(visit);
  };
  visit(schema);
  return fields;
}
