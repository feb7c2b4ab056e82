type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The schema and every conditional branch that can add properties at the same level. */
function branches(schema: Schema): Schema[] {
  const out: Schema[] = [schema];
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) for (const s of schema[key] as unknown[]) if (isSchema(s)) out.push(...branches(s));
  }
  for (const key of ['if', 'then', 'else'] as const) if (isSchema(schema[key])) out.push(...branches(schema[key] as Schema));
  if (isSchema(schema.dependencies)) for (const s of Object.values(schema.dependencies)) if (isSchema(s)) out.push(...branches(s));
  return out;
}

/**
 * The title of the field at a data pointer ("/applicant/idNumber"), looked up through nested
 * properties, array items and conditional branches — a `required` error raised inside a `then`
 * branch still names the field as the form shows it.
 */
export function fieldTitleAt(root: Schema, pointer: string): string | undefined {
  let candidates: Schema[] = [root];
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const token of tokens) {
    const next: Schema[] = [];
    for (const candidate of candidates) {
      for (const branch of branches(candidate)) {
        const properties = branch.properties;
        if (isSchema(properties) && isSchema(properties[token])) next.push(properties[token] as Schema);
        if (/^\d+$/.test(token) && isSchema(branch.items)) next.push(branch.items as Schema);
      }
    }
    if (next.length === 0) return undefined;
    candidates = next;
  }
  for (const candidate of candidates) if (typeof candidate.title === 'string') return candidate.title;
  return undefined;
}
