import type { RJSFValidationError } from '@rjsf/utils';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { extendFormAjv, fieldErrorMessage, formAjvOptions, relevantErrors, uiText, type Language } from '../core/index.js';

/**
 * RJSF's validator built from the engine's own form options: the linear-time (RE2) pattern
 * engine, the engine's standard and custom formats (cn-id-number …) and keywords. Without it ajv falls back to the browser's
 * backtracking RegExp, and an author's `^(a+)+$` stalls a clerk's tab for half a minute on
 * input the server checks in a blink.
 */
export const formValidator = customizeValidator({
  ajvOptionsOverrides: {
    ...formAjvOptions({ strict: false }),
    // RJSF rounds `multipleOf` to 8 digits by default; the server does not, so neither do we.
    multipleOfPrecision: undefined,
  },
  // Not RJSF's bundled copy of ajv-formats (another version) but the engine's formats, set up
  // exactly as the server sets them up: the engine's extension adds them.
  ajvFormatOptions: false,
  extenderFn: extendFormAjv,
});

/** The field an RJSF error is about, dotted and without the leading dot ("applicant.idNumber"). */
export function errorFieldPath(error: RJSFValidationError): string {
  const property = (error.property ?? '').replace(/\[['"]?([^'"\]]+)['"]?\]/g, '.$1');
  if (error.name === 'required' && error.params?.missingProperty) {
    const missing = String(error.params.missingProperty);
    if (!property.endsWith(`.${missing}`) && property !== missing) return `${property}.${missing}`.replace(/^\./, '');
  }
  return property.replace(/^\./, '');
}

/**
 * RJSF errors in the engine's words: only the applicant's branch of a conditional form (the same
 * filter the engine applies), each named by the field's title, with the engine's message: Chinese, or
 * `language` (the runtime's Mongolian form). Use under an app's own filter; `chineseFormErrors` is the `transformErrors`.
 */
export function formErrorsIn(errors: RJSFValidationError[], language: Language): RJSFValidationError[] {
  const relevant = relevantErrors(errors.map((error) => ({ error, keyword: error.name ?? '', schemaPath: error.schemaPath ?? '' })));
  const seen = new Set<string>();
  const out: RJSFValidationError[] = [];
  for (const { error } of relevant) {
    const title = error.title || errorFieldPath(error).split('.').pop() || uiText('webkit.form.fallbackTitle', language);
    const message = fieldErrorMessage({ keyword: error.name ?? '', params: (error.params ?? {}) as Record<string, unknown>, title, message: error.message }, language);
    const key = `${error.property ?? ''}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...error, message, stack: message });
  }
  return out;
}

/** `formErrorsIn` Chinese: usable as RJSF's `transformErrors` as it is. */
export function chineseFormErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return formErrorsIn(errors, 'zh-CN');
}
