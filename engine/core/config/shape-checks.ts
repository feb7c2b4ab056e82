import type { ErrorObject } from 'ajv';
import { toFieldError } from '../form/field-messages.js';
import { configShapeValidator } from '../standard/standard-schemas.js';
import type { ProblemList } from './problem-list.js';

/**
 * The config against standards/item-config.schema.json (which embeds the item-standard schema).
 * A failed `oneOf` of coded options reports once ("not one of the options"), not once per option.
 */
export function checkShape(config: unknown, problems: ProblemList): boolean {
  const validate = configShapeValidator();
  if (validate(config)) return true;
  const errors = validate.errors ?? [];
  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  const kept = errors.filter((e: ErrorObject) => !(oneOfPaths.has(e.instancePath) && e.keyword !== 'oneOf' && e.schemaPath.includes('/oneOf/')));
  const seen = new Set<string>();
  for (const error of kept) {
    const fieldError = error.keyword === 'oneOf' ? { ...toFieldError({ ...error, keyword: 'enum' }), keyword: 'oneOf' } : toFieldError(error);
    const key = `${fieldError.path}\u0000${fieldError.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.add(fieldError.path, `schema.${fieldError.keyword}`, fieldError.message);
  }
  return false;
}
