export { compileFormValidator, type FormValidator } from './form-validator.js';
export { createFormAjv } from './form-ajv.js';
export { formFields, type FormField } from './form-fields.js';
export { addFieldFormats, fieldFormats, type FieldFormat } from './field-formats.js';
export type { FieldError } from './field-messages.js';
export { linearPatternProblem, toRe2Syntax } from './linear-regexp.js';
