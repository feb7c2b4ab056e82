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
    problems.add(`${pointer}/maxLength`, 'form.pattern-unbounded', `字段「${field}」设置了正则表达式，须同时设置最大长度（「maxLength」，此表达式最多 ${limit} 个字符）`);
  } else if (typeof maxLength !== 'number' || !Number.isInteger(maxLength) || maxLength < 0) {
    problems.add(`${pointer}/maxLength`, 'form.pattern-unbounded', `字段「${field}」的最大长度（「maxLength」）应为非负整数`);
  } else if (maxLength > limit) {
    problems.add(`${pointer}/maxLength`, 'form.pattern-too-costly', `字段「${field}」的正则表达式过于复杂，最大长度 ${maxLength} 超出校验时限允许的 ${limit} 个字符；请缩短最大长度或简化表达式`);
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
    problems.add(base, 'form.not-json', '表单定义不是有效的数据（含有无法保存的值，如循环引用或非有限数字）');
    return;
  }
  if (size > MAX_FORM_BYTES) {
    problems.add(base, 'form.too-large', `表单定义过大（${size} 字节，上限 ${MAX_FORM_BYTES}）`);
    return;
  }
  let sound = true;
  walk(schema, base, 0, (node, pointer, depth) => {
    if (depth > MAX_DEPTH) {
      sound = false;
      problems.add(pointer, 'form.too-deep', `表单定义嵌套超过 ${MAX_DEPTH} 层`);
    }
    if (typeof node.$ref === 'string' && !node.$ref.startsWith('#')) {
      sound = false;
      problems.add(`${pointer}/$ref`, 'form.remote-ref', `不允许引用外部定义「${node.$ref}」，只能引用本表单内的定义（以「#」开头）`);
    }
    if (typeof node.pattern === 'string') {
      const problem = linearPatternProblem(node.pattern);
      if (problem) {
        sound = false;
        problems.add(`${pointer}/pattern`, 'form.pattern', `正则表达式「${node.pattern}」不受支持（须可在线性时间内匹配，不支持回溯引用与前后断言）：${regexpErrorZh(problem)}`);
      } else {
        checkPatternBound(node, pointer, problems);
      }
    }
    if (isRecord(node.patternProperties)) {
      for (const key of Object.keys(node.patternProperties)) {
        const problem = linearPatternProblem(key);
        if (problem) {
          sound = false;
          problems.add(`${pointer}/patternProperties/${escapePointer(key)}`, 'form.pattern', `正则表达式「${key}」不受支持：${regexpErrorZh(problem)}`);
        }
      }
    }
  });
  if (schema.type !== 'object' || !isRecord(schema.properties)) {
    problems.add(base, 'form.not-object', '表单顶层应为对象（「type」为「object」）并包含字段定义（「properties」）');
    sound = false;
  } else {
    for (const name of Object.keys(schema.properties)) {
      if ((CONTEXT_FACTS as readonly string[]).includes(name)) {
        problems.add(`${base}/properties/${escapePointer(name)}`, 'form.reserved-field', `字段名「${name}」是规则的保留事实（「today」「division」「scenario」「materials」），请换一个名称`);
      } else if (!FIELD_NAME.test(name)) {
        problems.add(`${base}/properties/${escapePointer(name)}`, 'form.field-name', `字段名「${name}」应以英文字母开头，只含英文字母、数字和下划线`);
      }
    }
  }
  if (isRecord(form.applicant) && isRecord(schema.properties)) {
    for (const [role, field] of Object.entries(form.applicant)) {
      if (typeof field === 'string' && !(field in schema.properties)) {
        problems.add(`/form/applicant/${role}`, 'form.applicant-field', `申请人字段「${field}」不是表单的顶层字段`);
      }
    }
  }
  if (form.uiSchema !== undefined && !isRecord(form.uiSchema)) {
    problems.add('/form/uiSchema', 'form.ui-schema', '界面设置（「uiSchema」）应为对象');
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
    problems.add(pointer, 'form.invalid-schema', `表单定义有误：${schemaCompileErrorZh(message)}`);
  }
}
