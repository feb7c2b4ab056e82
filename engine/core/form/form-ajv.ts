import { Ajv, type Options } from 'ajv';
import addFormats, { type FormatsPluginOptions } from 'ajv-formats';
import { addFieldFormats } from './field-formats.js';
import { linearRegExp } from './linear-regexp.js';

export interface FormAjvOptions {
  /** Authoring checks are strict so that a misspelt keyword is reported, not silently ignored. */
  strict: boolean;
}

/**
 * The ajv constructor options every intake form is validated with. Exported so that a browser
 * validator built on another ajv wrapper (RJSF's) runs the same regex engine and keywords.
 */
export function formAjvOptions({ strict }: FormAjvOptions): Options {
  return {
    allErrors: true,
    verbose: true,
    strict: strict ? true : false,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    // Author patterns run on RE2 (linear time): `^(a+)+$` cannot stall a window.
    code: { regExp: linearRegExp },
    // $data lets data drive a pattern (CVE-2025-69873): never.
    $data: false,
    loadSchema: undefined,
  };
}

/**
 * Adds what a form may use beyond the JSON Schema core: ajv-formats' standard formats (date,
 * email, uri …) in their fast, non-backtracking variants, the engine's own formats (cn-id-number
 * …) and RJSF-era annotations (harmless for validation). Takes any ajv instance, so RJSF's can
 * be given the very same set.
 */
export function extendFormAjv(ajv: Ajv): Ajv {
  (addFormats as unknown as (ajv: Ajv, options: FormatsPluginOptions) => void)(ajv, { mode: 'fast' });
  addFieldFormats(ajv);
  ajv.addKeyword({ keyword: 'enumNames', schemaType: 'array' });
  return ajv;
}

/** The one ajv set-up every intake form is validated with, in the designer, the runtime and browsers alike. */
export function createFormAjv(options: FormAjvOptions): Ajv {
  return extendFormAjv(new Ajv(formAjvOptions(options)));
}
