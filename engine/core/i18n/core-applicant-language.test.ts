/**
 * The core's applicant- and clerk-facing messages (catalogue part core-applicant) in the language the
 * caller asks for: a refused evaluation request's problems and a form's field errors read in traditional
 * Mongolian for a Mongolian caller, while the Chinese (the source every other test asserts) is unchanged.
 */
import { describe, expect, it } from 'vitest';
import { itemConfig } from '../../../test/fixtures/item-config.js';
import { problemIn, ValidationFailedError } from '../errors.js';
import { checkEvaluationInput } from '../decision/evaluation-input.js';
import { fieldErrorMessage } from '../form/field-messages.js';
import { compileFormValidator } from '../form/form-validator.js';
import { conditionalFieldText, conditionText } from '../form/field-conditions.js';
import { metaSchemaProblemZh, regexpErrorZh } from '../form/chinese-messages.js';
import { operatorLabel } from '../rules/operators.js';
import { uiText } from './catalogue/catalogue.js';

const MONGOLIAN = /[\u1800-\u18AF]/;
const CHINESE = /[\u4e00-\u9fff]/;

function refusal(input: unknown, context: unknown): ValidationFailedError {
  try {
    checkEvaluationInput(itemConfig(), input, context);
  } catch (error) {
    if (error instanceof ValidationFailedError) return error;
    throw error;
  }
  throw new Error('the request was not refused');
}

describe('a refused evaluation request in Mongolian', () => {
  it('renders the summary and each problem in Mongolian, the Chinese message staying the source', () => {
    const error = refusal({ scenario: 'self', materials: ['nope'], date: '2025-13-45', creditBlacklisted: 'yes' }, { division: '999999', channel: 'comprehensive-window' });
    expect(error.message).toBe('评估请求有误');
    expect(error.messageIn('mn-Mong')).toBe(uiText('core.decision.input.invalid', 'mn-Mong'));
    expect(error.messageIn('mn-Mong')).toMatch(MONGOLIAN);
    const byPointer = Object.fromEntries(error.problems.map((p) => [p.pointer, p]));
    expect(byPointer['/materials/0']?.message).toBe('「nope」不是本事项的申请材料');
    expect(problemIn(byPointer['/materials/0']!, 'mn-Mong').message).toBe(uiText('core.decision.input.unknownMaterial', 'mn-Mong', { id: 'nope' }));
    expect(problemIn(byPointer['/date']!, 'mn-Mong').message).toBe(uiText('core.decision.input.date', 'mn-Mong', { date: '2025-13-45' }));
    expect(problemIn(byPointer['/division']!, 'mn-Mong').message).toBe(uiText('core.decision.input.division', 'mn-Mong', { division: '999999' }));
    expect(problemIn(byPointer['/creditBlacklisted']!, 'mn-Mong').message).toBe(uiText('core.decision.input.credit', 'mn-Mong'));
    for (const problem of error.problems) expect(problemIn(problem, 'mn-Mong').message, problem.pointer).toMatch(MONGOLIAN);
    // The JSON answer's problems keep their shape: the catalogue key rides along unseen.
    expect(Object.keys(JSON.parse(JSON.stringify(error.problems[0])))).toEqual(['pointer', 'code', 'message']);
  });

  it('renders a request that is no object in Mongolian too', () => {
    const error = refusal('text', {});
    expect(error.message).toBe('评估请求应为对象');
    expect(error.messageIn('mn-Mong')).toBe(uiText('core.decision.input.notObject', 'mn-Mong'));
    expect(problemIn(error.problems[0]!, 'mn-Mong').message).toBe(uiText('core.decision.input.notObjectDetail', 'mn-Mong'));
  });
});

describe('form messages in Mongolian', () => {
  it('gives a Mongolian caller the Mongolian field errors, the Chinese default unchanged', () => {
    const failure = { keyword: 'required', params: { missingProperty: 'name' }, title: '姓名' };
    expect(fieldErrorMessage(failure)).toBe('请填写「姓名」');
    expect(fieldErrorMessage(failure, 'mn-Mong')).toBe(uiText('core.form.required', 'mn-Mong', { title: '姓名' }));
    expect(fieldErrorMessage({ keyword: 'maxLength', params: { limit: 20 }, title: '姓名' }, 'mn-Mong')).toBe(uiText('core.form.maxLength', 'mn-Mong', { title: '姓名', limit: '20' }));
    const format = fieldErrorMessage({ keyword: 'format', params: { format: 'cn-id-number' }, title: '身份证' }, 'mn-Mong');
    expect(format).toBe(uiText('core.form.format', 'mn-Mong', { title: '身份证', format: uiText('core.form.format.cnIdNumber', 'mn-Mong') }));
    const type = fieldErrorMessage({ keyword: 'type', params: { type: 'string,null' }, title: 'x' }, 'mn-Mong');
    expect(type).toBe(uiText('core.form.type', 'mn-Mong', { title: 'x', expected: `${uiText('core.form.type.string', 'mn-Mong')} ᠪᠤᠶᠤ ${uiText('core.form.type.null', 'mn-Mong')}` }));
    expect(fieldErrorMessage({ keyword: 'type', params: { type: 'string,null' }, title: 'x' })).toBe('「x」应为文本或空值');
  });

  it('says in Mongolian what ajv-i18n says only in Chinese: no Chinese left in a Mongolian message', () => {
    const mn = fieldErrorMessage({ keyword: 'multipleOf', params: { multipleOf: 5 }, title: 'amount' }, 'mn-Mong');
    expect(mn).toBe(uiText('core.form.other', 'mn-Mong', { title: 'amount', message: uiText('core.form.ajv.multipleOf', 'mn-Mong', { multipleOf: 5 }) }));
    expect(mn).not.toMatch(CHINESE);
    expect(fieldErrorMessage({ keyword: 'multipleOf', params: { multipleOf: 5 }, title: 'amount' })).toBe('「amount」应当是 5 的整数倍');
    expect(fieldErrorMessage({ keyword: 'propertyNames', params: {}, title: 'a' }, 'mn-Mong')).not.toMatch(CHINESE);
    expect(regexpErrorZh('error parsing regexp: missing closing ]: `[a-z`', 'mn-Mong')).toBe(uiText('core.form.regexp.at', 'mn-Mong', { reason: uiText('core.form.regexp.closingBracket', 'mn-Mong'), part: '[a-z' }));
    expect(regexpErrorZh('error parsing regexp: missing closing ]: `[a-z`')).toBe('缺少右方括号 ]（出错位置：「[a-z」）');
    const meta = metaSchemaProblemZh({ keyword: 'type', params: { type: 'string' }, instancePath: '/properties/age/title', data: 3 }, (n) => n, 'mn-Mong');
    expect(meta).toMatch(MONGOLIAN);
    expect(meta).not.toMatch(CHINESE);
  });

  it('reports a compiled form\'s field errors in Chinese, as the decision records them', () => {
    const validate = compileFormValidator({ type: 'object', properties: { name: { type: 'string', title: '姓名' } }, required: ['name'] });
    expect(validate({}).map((e) => e.message)).toEqual(['请填写「姓名」']);
  });

  it('says a form condition and a rule operator in Mongolian', () => {
    const titleOf = (name: string) => ({ hukou: '户籍所在地', permit: '居住证编号' })[name] ?? name;
    const when = conditionText({ field: 'hukou', operator: 'in', value: ['a', 'b'] }, titleOf, 'mn-Mong');
    expect(when).toBe(uiText('form.condition.is', 'mn-Mong', { field: '「户籍所在地」', value: '「a」 ᠪᠤᠶᠤ 「b」' }));
    const sentence = conditionalFieldText({ name: 'permit', effect: 'require', when: { field: 'hukou', operator: 'equal', value: 'a' } }, titleOf, 'mn-Mong');
    expect(sentence).toBe(uiText('form.condition.require', 'mn-Mong', { when: uiText('form.condition.is', 'mn-Mong', { field: '「户籍所在地」', value: '「a」' }), name: '「居住证编号」' }));
    expect(operatorLabel('ageAtLeast', 'mn-Mong')).toBe(uiText('core.rules.operator.ageAtLeast', 'mn-Mong'));
    expect(operatorLabel('ageAtLeast')).toBe('年龄不小于（周岁）');
    expect(operatorLabel('noSuchOperator', 'mn-Mong')).toBe('noSuchOperator');
  });
});

describe('the working calendar\'s messages in Mongolian', () => {
  it('renders a refused year\'s problems and the missing-year note in Mongolian', async () => {
    const { calendarYearProblems } = await import('../calendar/calendar-year.js');
    const { calendarMissingNote } = await import('../calendar/calendar-missing-note.js');
    const problems = calendarYearProblems({ year: 2027, notice: { issuer: 'x', title: 'x', documentNumber: 'x', published: '2026-11-01' }, holidays: [{ name: '元旦', days: 2, daysOff: ['2027-01-01'], makeUpWorkdays: [] }] });
    const count = problems.find((p) => p.code === 'calendar.count');
    expect(count?.message).toBe('通知写明共 2 天，列出的放假日期有 1 天');
    expect(problemIn(count!, 'mn-Mong').message).toBe(uiText('core.calendar.count', 'mn-Mong', { stated: '2', listed: 1 }));
    expect(calendarMissingNote([2027, 2028])).toBe('2027、2028 年节假日安排尚未载入，期限按周末推算，仅供参考');
    expect(calendarMissingNote([2027, 2028], 'mn-Mong')).toBe(uiText('core.calendar.missingNote', 'mn-Mong', { years: '2027᠂ 2028' }));
  });
});

describe('CSV and access refusals in Mongolian', () => {
  it('renders a malformed CSV\'s place and reason in Mongolian, the Chinese message unchanged', async () => {
    const { parseCsv, CsvSyntaxError } = await import('../csv/csv.js');
    let error: unknown;
    try {
      parseCsv('a,"b"x\n');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvSyntaxError);
    const csv = error as InstanceType<typeof CsvSyntaxError>;
    expect(csv.message).toBe('CSV 第 1 行第 6 列：闭合引号后应为逗号或换行，却是「x」');
    expect(csv.messageIn('mn-Mong')).toBe(uiText('core.csv.at', 'mn-Mong', { line: 1, column: 6, message: uiText('core.csv.afterQuote', 'mn-Mong', { next: 'x' }) }));
    expect(csv.messageIn('mn-Mong')).not.toMatch(CHINESE);
  });

  it('renders a refused role and a missing token in Mongolian', async () => {
    const { authorize } = await import('../access/access-policy.js');
    const principal = { id: 'p1', name: '张三', role: 'operator', organisation: null } as never;
    const forbidden = await authorize({ roles: ['admin'] }, {}, principal).then(() => null, (e: unknown) => e as { message: string; messageIn: (l: 'mn-Mong') => string });
    expect(forbidden?.message).toBe('「张三」的角色无权执行此操作');
    expect(forbidden?.messageIn('mn-Mong')).toBe(uiText('core.access.roleForbidden', 'mn-Mong', { name: '张三' }));
    const anonymous = await authorize({ roles: ['admin'] }, {}, null).then(() => null, (e: unknown) => e as { messageIn: (l: 'mn-Mong') => string });
    expect(anonymous?.messageIn('mn-Mong')).toBe(uiText('core.access.signIn', 'mn-Mong'));
  });
});

describe('the 容缺受理 sentence of a decision in Mongolian', () => {
  it('says it in Mongolian when the materials it names are translated, else keeps the Chinese', async () => {
    const { readFileSync } = await import('node:fs');
    const { compileConfig, evaluateCompiled } = await import('../decision/index.js');
    const { localizedDecision } = await import('./localized-decision.js');
    const { contentKeys } = await import('./content-strings.js');
    const config = JSON.parse(readFileSync(new URL('../../../standards/items/rs-unemployment-registration.json', import.meta.url), 'utf8'));
    const input = { scenario: 'after-termination', formData: {}, materials: ['id-card', 'registration-form'], creditBlacklisted: true };
    const at = { division: '150102', channel: 'comprehensive-window' };
    const decision = await evaluateCompiled(compileConfig(config), input, at);
    expect(decision.deferredAcceptance?.refusal).toBe('credit');
    const untranslated = localizedDecision(config, decision, 'mn-Mong');
    expect(untranslated.deferral).toEqual({ text: decision.deferredAcceptance?.message, lang: 'zh-CN' });

    const proof = 'ᠠᠵᠢᠯ ᠡᠴᠡ ᠭᠠᠷᠤᠭᠰᠠᠨ ᠨᠣᠲᠠᠯᠭ᠎ᠠ';
    const translated = { ...config, translations: { 'mn-Mong': { [contentKeys.material('termination-proof')]: proof } } };
    const mn = localizedDecision(translated, decision, 'mn-Mong');
    expect(mn.deferral).toEqual({ text: uiText('core.decision.deferral.credit', 'mn-Mong', { names: `「${proof}」` }), lang: 'mn-Mong' });
    expect(mn.deferral?.text).not.toMatch(CHINESE);
  });
});
