import type { RJSFValidationError } from '@rjsf/utils';
import type { Language } from '../../../engine/core/index.js';
import { errorFieldPath, formErrorsIn } from '../../../engine/web-kit/index.js';

/**
 * The engine's form errors (Chinese, or `language` for a form shown in Mongolian), with required-field errors only for fields the clerk has
 * already visited (or all of them once the clerk tries to save): a fresh form is not a wall of red.
 */
export function visibleErrors(touched: ReadonlySet<string>, showAll: boolean, language: Language = 'zh-CN') {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    formErrorsIn(errors.filter((error) => showAll || error.name !== 'required' || touched.has(errorFieldPath(error))), language);
}
