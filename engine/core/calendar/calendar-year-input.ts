import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import calendarYearSchema from '../../../standards/calendar/calendar-year.schema.json' with { type: 'json' };
import { catalogueProblem, type Problem } from '../errors.js';
import { toFieldError } from '../form/field-messages.js';
import { calendarYearProblems } from './calendar-year.js';

let validateShape: ValidateFunction | undefined;

function shapeValidator(): ValidateFunction {
  if (!validateShape) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true });
    (addFormats as unknown as (ajv: Ajv) => void)(ajv);
    validateShape = ajv.compile(calendarYearSchema);
  }
  return validateShape;
}

/**
 * Everything wrong with a year an administrator uploads, all at once: the JSON Schema of
 * standards/calendar (unknown fields, wrong types, a malformed URL …) and the rules beyond it
 * (calendarYearProblems). A field both report is named once, with the more specific rule.
 */
export function calendarYearInputProblems(value: unknown): Problem[] {
  const semantic = calendarYearProblems(value);
  const validate = shapeValidator();
  if (validate(value)) return semantic;
  const named = new Set(semantic.map((p) => p.pointer));
  const shape: Problem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const field = toFieldError(error);
    const unknownField = error.keyword === 'additionalProperties' ? String((error.params as { additionalProperty: unknown }).additionalProperty) : null;
    // A count or a date the semantic check already explained needs no second, vaguer line.
    if (named.has(field.path) || [...named].some((pointer) => pointer !== '' && field.path.startsWith(`${pointer}/`))) continue;
    const key = `${field.path}\u0000${field.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const code = `schema.${field.keyword}`;
    shape.push(unknownField === null ? { pointer: field.path, code, message: field.message } : catalogueProblem(field.path, code, { key: 'core.calendar.unknownField', values: { field: unknownField } }));
  }
  return [...semantic, ...shape];
}
