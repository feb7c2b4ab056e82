import { describe, expect, it } from 'vitest';
import {
  InvalidStateError,
  ValidationFailedError,
  catalogueProblem,
  catalogueText,
  labelValue,
  listValue,
  problemIn,
  textValue,
  type ComposedMessage,
} from './index.js';
import { uiText } from './i18n/index.js';
import { draftStatuses, labelOf, LEGAL_CHANGE_KINDS, legalChangeKinds } from './vocabulary/index.js';

const HAN = /[\u4e00-\u9fff]/;
const changeKinds = (): ComposedMessage => ({
  key: 'services.items.changeKindOneOf',
  values: { kinds: listValue(LEGAL_CHANGE_KINDS.map((kind) => textValue('designer.references.quoted', { name: labelValue(legalChangeKinds, kind) }))) },
});

describe('catalogue values written in the reader’s language', () => {
  it('a vocabulary label: Chinese as before, the Mongolian label for a Mongolian reader', () => {
    const message: ComposedMessage = { key: 'services.items.cannotSubmit', values: { status: labelValue(draftStatuses, 'submitted') } };
    expect(catalogueText(message)).toBe(`草稿当前状态为「${labelOf(draftStatuses, 'submitted')}」，不能提交审核`);
    const mn = catalogueText(message, 'mn-Mong');
    expect(mn).toBe(uiText('services.items.cannotSubmit', 'mn-Mong', { status: labelOf(draftStatuses, 'submitted', 'mn-Mong') }));
    expect(mn).not.toMatch(HAN);
  });

  it('a catalogue phrase as a value, and plain values untouched', () => {
    const message: ComposedMessage = { key: 'server.runtime.intake.operatorScope', values: { name: 'wang', division: textValue('server.runtime.intake.unbound') } };
    expect(catalogueText(message)).toBe('「wang」只能办理 （未绑定） 及其下级的办件');
    expect(catalogueText(message, 'mn-Mong')).toContain(uiText('server.runtime.intake.unbound', 'mn-Mong'));
    expect(catalogueText(message, 'mn-Mong')).toContain('wang');
    expect(catalogueText(message, 'mn-Mong')).not.toMatch(HAN);
  });

  it('a nested list: each item quoted and labelled in the language, joined by its separator', () => {
    const zh = LEGAL_CHANGE_KINDS.map((kind) => `「${labelOf(legalChangeKinds, kind)}」`).join('、');
    expect(catalogueText(changeKinds())).toBe(`变更类型应为${zh}之一`);
    const mn = catalogueText(changeKinds(), 'mn-Mong');
    expect(mn).not.toMatch(HAN);
    expect(mn).not.toContain('、');
    const separator = uiText('server.listSeparator', 'mn-Mong');
    expect(mn).toContain(LEGAL_CHANGE_KINDS.map((kind) => `「${labelOf(legalChangeKinds, kind, 'mn-Mong')}」`).join(separator));
    expect(listValue([1, 'b', textValue('server.runtime.intake.unbound')])('zh-CN')).toBe('1、b、（未绑定）');
  });

  it('an error renders its Chinese message once and its answer in the caller’s language; nothing of the functions is enumerable', () => {
    const error = new InvalidStateError({ key: 'services.items.cannotSubmit', values: { status: labelValue(draftStatuses, 'approved') } }, { status: 'approved' });
    expect(error.message).toBe(`草稿当前状态为「${labelOf(draftStatuses, 'approved')}」，不能提交审核`);
    expect(error.messageIn('zh-CN')).toBe(error.message);
    expect(error.messageIn('mn-Mong')).toContain(labelOf(draftStatuses, 'approved', 'mn-Mong'));
    expect(error.messageIn('mn-Mong')).not.toMatch(HAN);
    expect(Object.keys(error)).not.toContain('catalogueMessage');
    expect(JSON.parse(JSON.stringify(error))).toEqual({ name: 'InvalidStateError', details: { status: 'approved' }, status: 409, code: 'invalid_state' });
  });

  it('a problem carries the rendered Chinese, keeps its shape in JSON, and renders again in Mongolian', () => {
    const problem = catalogueProblem('/changeKind', 'publish.changeKind', changeKinds());
    expect(JSON.parse(JSON.stringify(problem))).toEqual({ pointer: '/changeKind', code: 'publish.changeKind', message: catalogueText(changeKinds()) });
    const mn = problemIn(problem, 'mn-Mong');
    expect(mn.message).toBe(catalogueText(changeKinds(), 'mn-Mong'));
    expect(Object.keys(mn).sort()).toEqual(['code', 'message', 'pointer']);
    expect(problemIn(problem, 'zh-CN')).toBe(problem);
    const error = new ValidationFailedError({ key: 'services.items.publishIncomplete' }, [problem]);
    expect(JSON.stringify(error.details)).not.toContain('function');
  });
});
