import { canonicalJson } from '../canonical/canonical-json.js';
import { createFormAjv } from '../form/form-ajv.js';
import { linearPatternProblem, patternLengthLimit } from '../form/linear-regexp.js';
import { regexpErrorZh, schemaCompileErrorZh, metaSchemaProblemZh } from '../form/chinese-messages.js';
import type { Ajv } from 'ajv';
import type { FormDefinition } from './types.js';
import { escapePointer, isRecord, type ProblemList } from './problem-list.js';

import { CONTEXT_FACTS } from '../vocabulary/context-facts.js';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const MAX_FORM_BYTES = 256 * 1024;
const MAX_DEPTH = 24;

let authoringAjv: Ajv | undefined;

function walk(node: unknown, pointer: string, depth: number, visit: (node: Record<string, unknown>, pointer: string, depth: number) => void): void {
  if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${pointer}/${i}`, depth + 1, visit));
  else if (isRecord(node)) {
    visit(node, pointer, depth);
    for (const [key, child] of Object.entries(node)) walk(child, `${pointer}/${escapePointer(key)}`, depth + 1, visit);
  }
}

/** How a field is named in a problem: its title, else its key. */
function fieldLabel(node: Record<string, unknown>, pointer: string): string {
  if (typeof node.title === 'string' && node.title.trim() !== '') return node.title;
  const key = pointer.split('/').pop() ?? '';
  return key.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Every string a pattern applies to has a bounded length, and the bound keeps the match within
 * the pattern time budget (PATTERN_STEP_BUDGET): a window never runs a pattern over an unbounded
 * or oversized value.
 */
function checkPatternBound(node: Record<string, unknown>, pointer: string, problems: ProblemList): void {
  const pattern = node.pattern as string;
  const field = fieldLabel(node, pointer);
  const limit = patternLengthLimit(pattern);
  const maxLength = node.maxLength;
  if (maxLength === undefined) {
    problems.add(`${pointer}/maxLength`, 'form.pattern-unbounded', { key: 'core.config.form.patternUnbounded', values: { field, limit } });
  } else if (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 0) {
    problems.add(`${pointer}/maxLength`, 'form.pattern-unbounded', { key: 'core.config.form.maxLengthInteger', values: { field } });
  } else if (maxLength > limit) {
    problems.add(`${pointer}/maxLength`, 'form.pattern-too-costly', { key: 'core.config.form.patternTooCostly', values: { field, maxLength, limit } });
  }
}

/** `form.schema` must be a JSON Schema that compiles here, references nothing remote, and runs in linear time. */
export function checkForm(form: FormDefinition, problems: ProblemList): void {
  const base = '/form/schema';
  const schema = form.schema;
  let size = 0;
  try {
    size = canonicalJson(schema).length;
  } catch (error) {
    problems.add(base, 'form.not-json', { key: 'core.config.form.notJson' });
    return;
  }
  if (size > MAX_FORM_BYTES) {
    problems.add(base, 'form.too-large', { key: 'core.config.form.tooLarge', values: { size, limit: MAX_FORM_BYTES } });
    return;
  }
  let sound = true;
  walk(schema, base, 0, (node, pointer, depth) => {
    if (depth > MAX_DEPTH) {
      sound = false;
      problems.add(pointer, 'form.too-deep', { key: 'core.config.form.tooDeep', values: { depth: MAX_DEPTH } });
    }
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
      sound = false;
      problems.add(`${pointer}/$ref`, 'form.remote-ref', { key: 'core.config.form.remoteRef', values: { ref: node.$ref } });
    }
    if (typeof node.pattern === 'string') {
      const problem = linearPatternProblem(node.pattern);
      if (problem) {
        sound = false;
        problems.add(`${pointer}/pattern`, 'form.pattern', { key: 'core.config.form.patternNotLinear', values: { pattern: node.pattern, reason: regexpErrorZh(problem) } });
      } else {
        checkPatternBound(node, pointer, problems);
      }
    }
    if (isRecord(node.patternProperties)) {
      for (const key of Object.keys(node.patternProperties)) {
        const problem = linearPatternProblem(key);
        if (problem) {
          sound = false;
          problems.add(`${pointer}/patternProperties/${escapePointer(key)}`, 'form.pattern', { key: 'core.config.form.patternUnsupported', values: { pattern: key, reason: regexpErrorZh(problem) } });
        }
      }
    }
  });
  if (schema.type !== 'object' || !isRecord(schema.properties)) {
    problems.add(base, 'form.not-object', { key: 'core.config.form.notObject' });
    sound = false;
  } else {
    for (const name of Object.keys(schema.properties)) {
      if ((CONTEXT_FACTS as readonly string[]).includes(name)) {
        problems.add(`${base}/properties/${escapePointer(name)}`, 'form.reserved-field', { key: 'core.config.form.reservedField', values: { name } });
      } else if (!FIELD_NAME.test(name)) {
        problems.add(`${base}/properties/${escapePointer(name)}`, 'form.field-name', { key: 'core.config.form.fieldName', values: { name } });
      }
    }
  }
  if (isRecord(form.applicant) && isRecord(schema.properties)) {
    for (const [role, field] of Object.entries(form.applicant)) {
      if (typeof field === 'string' && !(field in schema.properties)) {
        problems.add(`/form/applicant/${role}`, 'form.applicant-field', { key: 'core.config.form.applicantField', values: { field } });
      }
    }
  }
  if (form.uiSchema !== undefined && !isRecord(form.uiSchema)) {
    problems.add('/form/uiSchema', 'form.ui-schema', { key: 'core.config.form.uiSchema' });
  }
  authoringAjv ??= createFormAjv({ strict: true });
  // The meta-schema check runs whatever else is wrong, and names the place in the schema.
  let metaValid = true;
  try {
    metaValid = authoringAjv.validateSchema(schema) === true;
  } catch {
    metaValid = true;
  }
  if (!metaValid) {
    sound = false;
    const properties = isRecord(schema.properties) ? schema.properties : {};
    const titleOf = (name: string) => {
      const field = properties[name];
      return isRecord(field) && typeof field.title === 'string' ? field.title : name;
    };
    const seen = new Set<string>();
    for (const error of authoringAjv.errors ?? []) {
      if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || seen.has(error.instancePath)) continue;
      seen.add(error.instancePath);
      problems.add(`${base}${error.instancePath}`, 'form.invalid-schema', metaSchemaProblemZh(error, titleOf));
    }
  }
  if (!sound) return;
  try {
    authoringAjv.compile(schema);
    authoringAjv.removeSchema(schema);
  } catch (error) {
    const message = (error as Error).message;
    // ajv names an unknown keyword but not where it is: find it, so the problem reaches its field.
    const unknown = /unknown keyword: "([^"]+)"/.exec(message)?.[1];
    let pointer = base;
    if (unknown) walk(schema, base, 0, (node, at) => { if (pointer === base && Object.prototype.hasOwnProperty.call(node, unknown)) pointer = `${at}/${escapePointer(unknown)}`; });
    problems.add(pointer, 'form.invalid-schema', { key: 'core.config.form.invalidSchema', values: { reason: schemaCompileErrorZh(message) } });
  }
}
