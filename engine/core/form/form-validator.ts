import type { Ajv, ValidateFunction } from 'ajv';
import { createFormAjv } from './form-ajv.js';
import { withPatternBudget } from './linear-regexp.js';
import { relevantErrors } from './form-error-filter.js';
import { fieldTitleAt } from './field-titles.js';
import { toFieldError, type FieldError } from './field-messages.js';

export type FormValidator = (formData: unknown) => FieldError[];

let runtimeAjv: Ajv | undefined;

function sharedAjv(): Ajv {
  runtimeAjv ??= createFormAjv({ strict: false });
  return runtimeAjv;
}

/**
 * Compiles an intake form's schema once. The compiled function is kept by the caller (cached per
 * config hash); ajv's own cache is emptied straight away so that two versions carrying the same
 * `$id` never collide and retired versions do not pile up in memory.
 */
export function compileFormValidator(schema: Record<string, unknown>): FormValidator {
  const ajv = sharedAjv();
  const validate = ajv.compile(schema);
  ajv.removeSchema(schema);
  return formValidatorOf(schema, validate);
}

/** The form validator around an ajv validate function of `schema` (compiled here or loaded from generated code). */
export function formValidatorOf(schema: Record<string, unknown>, validate: ValidateFunction): FormValidator {
  const titleAt = (pointer: string) => fieldTitleAt(schema, pointer);
  return (formData: unknown) => {
    if (withPatternBudget(() => validate(formData))) return [];
    return dedupe(relevantErrors(validate.errors ?? []).map((error) => toFieldError(error, titleAt)));
  };
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}\u0000${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
