import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { evaluate } from '../decision/evaluate.js';
import type { EvaluationContext } from '../decision/types.js';
import { ValidationFailedError } from '../errors.js';
import { coverageProblems } from '../examples/rule-coverage.js';
import { runExamples } from '../examples/run-examples.js';
import { compileFormValidator } from '../form/form-validator.js';
import { fieldErrorMessage } from '../form/field-messages.js';
import type { ItemConfig } from './types.js';
import { validateConfig } from './validate-config.js';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * Latin words left in a message once the data it quotes is set aside: codes, ids, keys and
 * patterns are quoted in 「」 (data, shown as the author typed it); anything else must be Chinese.
 */
function latinWords(message: string): string[] {
  const unquoted = message.replace(/「[^「」]*」/g, '');
  return unquoted.match(/[A-Za-z]{2,}/g) ?? [];
}

const battery: [string, (c: Mutable) => void][] = [
  ['missing elements', (c) => { delete c.standard.itemType; delete c.standard.reviewPoints; delete c.standard.resultName; }],
  ['wrong types and options', (c) => { c.standard.name = null; c.standard.caseType = { code: '7', label: '即办件' }; c.standard.materials[0].required = 'yes'; c.standard.serviceObjects = []; c.standard.statutoryTimeLimit.value = 'x'; }],
  ['unknown properties', (c) => { c.standard.extra = 1; c.form.extra = 1; c.rules[0].extra = 1; c.examples[0].input.extra = 1; }],
  ['labels and limits', (c) => { c.standard.scope.label = '全盟市通办'; c.standard.promisedTimeLimit = { value: 40, unit: { code: 'WD', label: '工作日' } }; c.standard.statutoryTimeLimit = { value: 1, unit: { code: 'M', label: '月' } }; }],
  ['not comparable limits', (c) => { c.standard.promisedTimeLimit = { value: 4, unit: { code: 'H', label: '小时' } }; }],
  ['materials', (c) => { c.standard.materials[1].id = 'id-card'; c.standard.materials[4].required = true; c.standard.scenarios[0].materialIds.push('ghost'); c.standard.reviewPoints.push({ materialId: 'ghost', point: 'x' }); }],
  ['event and outcome codes', (c) => { c.rules[0].event.type = 'accept'; c.examples[0].expect.outcome = 'ok'; c.examples[1].input.channel = 'post'; c.rules[1].priority = 'high'; }],
  ['form schema', (c) => {
    const p = c.form.schema.properties;
    p.x = { type: 'strng' }; p.y = { type: 'string', pattern: '(a', maxLength: 5 }; p.z = { type: 'string', pattern: '[z-a]', maxLength: 5 };
    p.w = { type: 'string', pattern: '^(?=a)a$', maxLength: 5 }; p.v = { type: 'string', pattern: '^a+$' }; p.today = { type: 'string' };
    p.remote = { $ref: 'https://example.invalid/s.json' }; p['bad-name'] = { type: 'string' }; c.form.uiSchema = 'x'; c.form.applicant = { idNumber: 'nosuch' };
  }],
  ['unknown keyword', (c) => { c.form.schema.properties.name.foo = 1; }],
  ['broken form', (c) => { c.form.schema = 'x'; }],
  ['broken standard', (c) => { c.standard = []; }],
  ['rules', (c) => {
    c.rules.push(
      { name: 'a', conditions: { all: [{ fact: 'nosuch', operator: 'equal', value: 1 }] }, event: { type: 'supplement', params: { message: 'x' } } },
      { name: 'b', conditions: { all: [{ fact: 'name', operator: 'greaterThan', value: 3 }] }, event: { type: 'supplement', params: { message: 'x' } } },
      { name: 'c', conditions: { any: [{ fact: 'employmentType', operator: 'equal', value: '全日制' }] }, event: { type: 'supplement', params: { message: 'x' } } },
      { name: 'd', conditions: { all: [{ fact: 'idNumber', operator: 'ageBelow', value: 'eighteen' }] }, event: { type: 'requireMaterial', params: { materialId: 'nope' } } },
      { name: 'e', conditions: { all: [{ fact: 'name', operator: 'fuzzy', value: 1, optional: 'yes' }] }, event: { type: 'reject', params: { message: '' } } },
      { name: 'a', conditions: { all: [{ fact: 'materials', operator: 'contains', value: 'ghost' }] }, event: { type: 'supplement', params: { message: 'x' } } },
      { name: 'f', conditions: { all: [{ fact: 'residence', operator: 'divisionWithin', value: '990000' }, { fact: 'today', operator: 'dateAfter', value: 5 }] }, event: { type: 'supplement', params: { message: 'x' } } },
      { name: 'g', conditions: { all: [] }, event: { type: 'supplement', params: { message: 'x' } } },
      { name: 'h', conditions: { all: [{ fact: 'name', operator: 'equal', value: '' }, { not: 5 }, { fact: 'name', path: 'bad', operator: 'isFilled', value: true }] }, event: { type: 'supplement', params: { message: 'x' } } },
    );
  }],
  ['examples', (c) => { c.examples[0].input.scenario = 'nope'; c.examples[1].input.materials.push('ghost'); c.examples[1].expect.firedRules = ['nosuch']; c.examples[2].input.division = '990000'; c.examples[2].name = c.examples[0].name; }],
];

describe('messages are Chinese throughout', () => {
  it.each(battery)('%s: validation problems name fields by title and carry no English', (_name, mutate) => {
    const config = itemConfig() as unknown as Mutable;
    mutate(config);
    const problems = validateConfig(config);
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect({ message: problem.message, latin: latinWords(problem.message) }).toEqual({ message: problem.message, latin: [] });
  });

  it('names fields by their titles, never by their keys', () => {
    const config = itemConfig() as unknown as Mutable;
    delete config.standard.itemType;
    config.standard.statutoryTimeLimit.value = 'x';
    config.rules[0].event.type = 'accept';
    const messages = validateConfig(config).map((p) => p.message);
    expect(messages).toContain('请填写「事项类型」');
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('「时限数值」'), '「结果类型」应为「不予受理」、「需提交材料」或「需补正」']));
    expect(messages.join('')).not.toMatch(/itemType|value 为 null/);
  });

  it('example differences name outcomes, materials and rules by their Chinese labels', async () => {
    const config = itemConfig();
    config.examples[0]!.expect = { outcome: 'reject', missingMaterials: ['photo'], firedRules: ['under-16'] };
    const report = await runExamples(config);
    const differences = report.results[0]!.differences;
    expect(differences).toEqual([
      '受理结论应为「不予受理」，实际为「予以受理」',
      '缺件应为「近期免冠照片」，实际为（无）',
      '触发的规则应为「未满16周岁不予登记」，实际为（无）',
    ]);
    for (const message of [...differences, ...coverageProblems(config, report).map((p) => p.message)]) expect(latinWords(message)).toEqual([]);
  });

  it('evaluation input problems are Chinese', async () => {
    const refusal = await evaluate(itemConfig(), { scenario: 'nope', formData: 5, materials: 'x', date: 'soon', creditBlacklisted: 'no' }, { division: '990000', channel: 'post' } as unknown as EvaluationContext).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ValidationFailedError);
    const problems = (refusal as ValidationFailedError).problems;
    expect(problems.length).toBeGreaterThanOrEqual(6);
    for (const problem of problems) expect({ message: problem.message, latin: latinWords(problem.message) }).toEqual({ message: problem.message, latin: [] });
  });

  it('form data errors are Chinese for every keyword, ajv-i18n where the engine has no text of its own', () => {
    const validate = compileFormValidator({
      type: 'object',
      required: ['a'],
      properties: {
        a: { type: 'string', title: '甲' },
        b: { type: 'number', title: '乙', multipleOf: 5 },
        c: { type: 'array', title: '丙', contains: { const: 1 } },
        d: { title: '丁', not: { const: 1 } },
        e: { title: '戊', oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] },
        f: { type: 'object', title: '己', minProperties: 2 },
      },
    });
    const errors = validate({ b: 7, c: [2], d: 1, e: 'x', f: {} });
    expect(errors.length).toBeGreaterThanOrEqual(5);
    for (const error of errors) expect(latinWords(error.message)).toEqual([]);
    expect(fieldErrorMessage({ keyword: 'multipleOf', params: { multipleOf: 5 }, title: '乙', message: 'must be multiple of 5' })).toBe('「乙」应当是 5 的整数倍');
  });
});

