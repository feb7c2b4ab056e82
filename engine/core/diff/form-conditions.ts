/**
 * The conditional logic of a form schema node: `dependencies`, `if`/`then`/`else`, `allOf`/
 * `anyOf`/`oneOf`, `not`. Fields declared inside branches are walked and reported as fields of
 * their own (see form-diff), so the logic is compared with those fields taken out — otherwise adding
 * one field to a `then` branch would be reported twice.
 */
import { isRecord } from './json-values.js';

export const CONDITIONAL_KEYWORDS = ['dependencies', 'dependentRequired', 'dependentSchemas', 'if', 'then', 'else', 'allOf', 'anyOf', 'oneOf', 'not'] as const;

const CONDITIONAL = new Set<string>(CONDITIONAL_KEYWORDS);

export function isConditionalKeyword(key: string): boolean {
  return CONDITIONAL.has(key);
}

/**
 * `oneOf: [{ const, title }, …]` on a field is a labelled list of options (an enum), not logic.
 * It counts as such only when it is one on every side that has it, so both directions agree.
 */
export function isOptionList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((o) => isRecord(o) && 'const' in o && !('properties' in o));
}

/** A branch schema without what the field walk reports itself: its fields and their required flags. */
function branchLogic(branch: unknown): unknown {
  if (!isRecord(branch)) return branch;
  const own = isRecord(branch.properties) ? new Set(Object.keys(branch.properties)) : new Set<string>();
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(branch)) {
    if (value === undefined || key === 'properties' || key === 'definitions' || key === '$defs' || isConditionalKeyword(key)) continue;
    if (key === 'items' && (isRecord(value) || Array.isArray(value))) continue;
    if (key === 'required' && Array.isArray(value)) {
      // `then: { required: ['x'] }` for a field declared elsewhere is logic; for its own field it is the field's flag.
      const others = value.filter((name) => typeof name !== 'string' || !own.has(name));
      if (others.length > 0) out.required = others;
      continue;
    }
    out[key] = value;
  }
  Object.assign(out, conditionalLogic(branch, false) ?? {});
  return out;
}

/** The conditional logic of a node, or undefined when it has none. */
export function conditionalLogic(node: Record<string, unknown>, oneOfIsOptions: boolean): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const key of CONDITIONAL_KEYWORDS) {
    const value = node[key];
    if (value === undefined || (key === 'oneOf' && oneOfIsOptions)) continue;
    switch (key) {
      case 'then':
      case 'else':
        out[key] = branchLogic(value);
        break;
      case 'allOf':
      case 'anyOf':
      case 'oneOf':
        out[key] = Array.isArray(value) ? value.map(branchLogic) : value;
        break;
      case 'dependencies':
      case 'dependentSchemas':
        // Property dependencies (arrays of names) are logic as they stand; schema dependencies are branches.
        out[key] = isRecord(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : branchLogic(v)])) : value;
        break;
      default:
        // `if` and `not` only test the data; they declare no fields.
        out[key] = value;
    }
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * The branches of a node whose fields are walked, by relative pointer tokens: then, else, allOf/i,
 * anyOf/i, oneOf/i (unless it is an option list), dependencies/k and dependentSchemas/k (schemas only).
 */
export function branchesOf(node: unknown, oneOfIsOptions: boolean): Map<string, { tokens: (string | number)[]; schema: Record<string, unknown> }> {
  const branches = new Map<string, { tokens: (string | number)[]; schema: Record<string, unknown> }>();
  if (!isRecord(node)) return branches;
  const add = (tokens: (string | number)[], schema: unknown) => {
    if (isRecord(schema)) branches.set(JSON.stringify(tokens), { tokens, schema });
  };
  add(['then'], node.then);
  add(['else'], node.else);
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    if (key === 'oneOf' && oneOfIsOptions) continue;
    const list = node[key];
    if (Array.isArray(list)) list.forEach((schema, i) => add([key, i], schema));
  }
  for (const key of ['dependencies', 'dependentSchemas'] as const) {
    const map = node[key];
    if (isRecord(map)) for (const [name, schema] of Object.entries(map)) add([key, name], schema);
  }
  return branches;
}
