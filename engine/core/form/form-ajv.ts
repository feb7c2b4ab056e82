import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { addFieldFormats } from './field-formats.js';
import { linearRegExp } from './linear-regexp.js';

export interface FormAjvOptions {
  /** Authoring checks are strict so that a misspelt keyword is reported, not silently ignored. */
  strict: boolean;
}

/** The one ajv set-up every intake form is validated with, in the designer, the runtime and browsers alike. */
export function createFormAjv({ strict }: FormAjvOptions): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: strict ? true : false,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    code: { regExp: linearRegExp },
    // $data lets data drive a pattern (CVE-2025-69873): never.
    $data: false,
    loadSchema: undefined,
  });
  (addFormats as unknown as (ajv: Ajv, options: { mode: 'fast' }) => void)(ajv, { mode: 'fast' });
  addFieldFormats(ajv);
  // RJSF-era annotations authors may carry over; harmless for validation.
  ajv.addKeyword({ keyword: 'enumNames', schemaType: 'array' });
  return ajv;
}
