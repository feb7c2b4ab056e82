export { compileFormValidator, type FormValidator } from './form-validator.js';
export { createFormAjv, extendFormAjv, formAjvOptions, type FormAjvOptions } from './form-ajv.js';
export { relevantErrors } from './form-error-filter.js';
export { formFields, type FormField } from './form-fields.js';
export { addFieldFormats, fieldFormats, type FieldFormat } from './field-formats.js';
export { fieldErrorMessage, type FieldCheckFailure, type FieldError } from './field-messages.js';
export { linearPatternProblem, linearRegExp, toRe2Syntax } from './linear-regexp.js';
