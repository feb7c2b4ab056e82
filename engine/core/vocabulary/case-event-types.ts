import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** What can happen to a case; `open` is written by the intake save, the others by `POST …/events`. */
export const CASE_EVENT_TYPES = ['open', 'dispatch', 'receive', 'forward', 'decide', 'deliver', 'return', 'void'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export const caseEventTypes = defineVocabulary('case event type', CASE_EVENT_TYPES, {
  open: { 'zh-CN': '窗口登记' },
  dispatch: { 'zh-CN': '推送办理地' },
  receive: { 'zh-CN': '办理地接收' },
  forward: { 'zh-CN': '推送审批部门' },
  decide: { 'zh-CN': '审批办结' },
  deliver: { 'zh-CN': '送达' },
  return: { 'zh-CN': '退回' },
  void: { 'zh-CN': '作废' },
});

export const isCaseEventType = (value: unknown): value is CaseEventType => isCodeOf(caseEventTypes, value);

/** The department's decision (办结结果). */
export const DECISION_RESULTS = ['approved', 'refused'] as const;
export type DecisionResult = (typeof DECISION_RESULTS)[number];

export const decisionResults = defineVocabulary('decision result', DECISION_RESULTS, {
  approved: { 'zh-CN': '准予' },
  refused: { 'zh-CN': '不予' },
});

export const isDecisionResult = (value: unknown): value is DecisionResult => isCodeOf(decisionResults, value);

/** How a result reaches the applicant. */
export const DELIVERY_METHODS = ['post', 'window'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const deliveryMethods = defineVocabulary('delivery method', DELIVERY_METHODS, {
  post: { 'zh-CN': '邮寄送达' },
  window: { 'zh-CN': '窗口领取' },
});

export const isDeliveryMethod = (value: unknown): value is DeliveryMethod => isCodeOf(deliveryMethods, value);
