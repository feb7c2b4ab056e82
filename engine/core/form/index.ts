export { compileFormValidator, type FormValidator } from './form-validator.js';
export { createFormAjv, extendFormAjv, formAjvOptions, type FormAjvOptions } from './form-ajv.js';
export { relevantErrors } from './form-error-filter.js';
export { formFields, type FormField } from './form-fields.js';
export { addFieldFormats, fieldFormats, type FieldFormat } from './field-formats.js';
export { fieldErrorMessage, toFieldError, type FieldCheckFailure, type FieldError } from './field-messages.js';
export { PATTERN_STEP_BUDGET, linearPatternProblem, linearRegExp, patternLengthLimit, toRe2Syntax, withPatternBudget } from './linear-regexp.js';
export {
  FIELD_CONDITION_OPERATORS, NUMERIC_CONDITION_OPERATORS, conditionalBranch, conditionalFieldText, conditionalFields, conditionHolds, conditionIfSchema,
  conditionOperatorLabel, conditionText, fieldApplicability, parseConditionIf,
  type ConditionalField, type ConditionEffect, type FieldApplicability, type FieldCondition, type FieldConditionOperator,
} from './field-conditions.js';
export { formValidatorCompiler, formValidatorKey, type FormValidatorCodeStore, type FormValidatorCompiler, type TextHash } from './form-validator-code.js';
