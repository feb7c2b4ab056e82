import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { compileFormValidator, linearRegExp } from '../core/index.js';
import { chineseFormErrors, formValidator } from './index.js';

/** A pattern that backtracks exponentially on ajv's default engine (the browser's RegExp). */
const CATASTROPHIC = '^(a+)+$';
const EVIL_INPUT = `${'a'.repeat(28)}!`;

const schema: RJSFSchema = {
  type: 'object',
  required: ['licence', 'name'],
  properties: {
    licence: { type: 'string', title: '许可证号', pattern: CATASTROPHIC },
    name: { type: 'string', title: '申请人姓名', minLength: 2 },
    idNumber: { type: 'string', title: '身份证号码', format: 'cn-id-number' },
    birthday: { type: 'string', title: '出生日期', format: 'date' },
  },
};

describe('the web kit’s RJSF validator', () => {
  it('is built on the engine’s own ajv options: the linear-time pattern engine, no $data', () => {
    const opts = formValidator.ajv.opts as { code: { regExp?: unknown }; $data?: boolean };
    expect(opts.code.regExp).toBe(linearRegExp);
    expect(opts.$data).toBe(false);
  });

  it('checks an exponential-backtracking pattern in linear time (RE2)', () => {
    // Compiling the schema is not what is measured: only the check of the input.
    formValidator.validateFormData({ licence: 'aaaa', name: '郝晓宇' }, schema);
    const started = performance.now();
    const { errors } = formValidator.validateFormData({ licence: EVIL_INPUT, name: '郝晓宇' }, schema);
    const elapsed = performance.now() - started;
    expect(errors.map((e) => e.name)).toEqual(['pattern']);
    // Not a speed measurement: a backtracking engine takes tens of seconds on this input, RE2 milliseconds.
    expect(elapsed).toBeLessThan(2_000);
    // The same engine accepts what the pattern admits.
    expect(formValidator.isValid(schema, { licence: 'aaaa', name: '郝晓宇' }, schema)).toBe(true);
  });

  it('knows the engine’s formats', () => {
    const { errors } = formValidator.validateFormData({ licence: 'a', name: '郝晓宇', idNumber: '150502200001010412', birthday: '2024/01/01' }, schema);
    expect(errors.map((e) => e.params?.format).sort()).toEqual(['cn-id-number', 'date']);
  });

  it('words each error as the engine does, naming the field by its title', () => {
    const data = { licence: EVIL_INPUT, name: '郝', idNumber: '150502200001010412', birthday: '2024/01/01' };
    const browser = formValidator.validateFormData(data, schema, undefined, chineseFormErrors).errors.map((e) => e.message).sort();
    const server = compileFormValidator(schema as Record<string, unknown>)(data).map((e) => e.message).sort();
    expect(browser).toEqual(server);
    expect(browser).toContain('「许可证号」格式不正确');
    expect(browser).toContain('「申请人姓名」至少应有 2 个字符');

    const missing = formValidator.validateFormData({ licence: 'aa' }, schema, undefined, chineseFormErrors).errors.map((e) => e.message);
    expect(missing).toEqual(compileFormValidator(schema as Record<string, unknown>)({ licence: 'aa' }).map((e) => e.message));
    expect(missing).toEqual(['请填写「申请人姓名」']);
  });
});
