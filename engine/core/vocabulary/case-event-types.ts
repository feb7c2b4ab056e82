import { defineVocabulary, isCodeOf } from './vocabulary.js';

/**
 * What can happen to a case; `open` is written by the intake save, the others by `POST …/events`.
 * 容缺受理: `commit` records the applicant's written commitment and the deadline to hand in the
 * 容缺后补 materials; `fulfil-commitment` records that they arrived.
 * 补正: `supplement` adds the materials handed in later and the decision re-run on them;
 * `supplement-notice` is written by the first print of the 补正材料通知书 (the moment it is issued).
 */
export const CASE_EVENT_TYPES = ['open', 'commit', 'fulfil-commitment', 'dispatch', 'receive', 'forward', 'decide', 'deliver', 'return', 'void', 'supplement', 'supplement-notice'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

export const caseEventTypes = defineVocabulary('case event type', CASE_EVENT_TYPES, {
  open: { 'zh-CN': '窗口登记', 'mn-Mong': 'ᠴᠣᠩᠬᠣ ᠳᠤ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ' },
  commit: { 'zh-CN': '登记容缺承诺', 'mn-Mong': 'ᠳᠤᠲᠠᠭᠤ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠤᠨ ᠠᠮᠠᠯᠠᠯᠲᠠ ᠶᠢ ᠪᠦᠷᠢᠳᠬᠡᠬᠦ' },
  'fulfil-commitment': { 'zh-CN': '容缺材料补齐', 'mn-Mong': 'ᠳᠤᠲᠠᠭᠤ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠢ ᠨᠥᠭᠥᠵᠦ ᠬᠦᠷᠭᠡᠬᠦ' },
  dispatch: { 'zh-CN': '推送办理地', 'mn-Mong': 'ᠪᠠᠷᠢᠬᠤ ᠣᠷᠣᠨ ᠳᠤ ᠢᠯᠡᠭᠡᠬᠦ' },
  receive: { 'zh-CN': '办理地接收', 'mn-Mong': 'ᠪᠠᠷᠢᠬᠤ ᠣᠷᠣᠨ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ' },
  forward: { 'zh-CN': '推送审批部门', 'mn-Mong': 'ᠬᠢᠨᠠᠨ ᠪᠠᠲᠤᠯᠠᠬᠤ ᠠᠯᠪᠠᠨ ᠲᠠᠰᠤᠭ ᠲᠤ ᠢᠯᠡᠭᠡᠬᠦ' },
  decide: { 'zh-CN': '审批办结', 'mn-Mong': 'ᠬᠢᠨᠠᠨ ᠪᠠᠲᠤᠯᠠᠵᠤ ᠳᠠᠭᠤᠰᠬᠠᠬᠤ' },
  deliver: { 'zh-CN': '送达', 'mn-Mong': 'ᠬᠦᠷᠭᠡᠬᠦ' },
  return: { 'zh-CN': '退回', 'mn-Mong': 'ᠪᠤᠴᠠᠭᠠᠬᠤ' },
  void: { 'zh-CN': '作废', 'mn-Mong': 'ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠬᠤ' },
  supplement: { 'zh-CN': '补正', 'mn-Mong': 'ᠨᠥᠬᠥᠵᠦ ᠵᠠᠰᠠᠬᠤ' },
  'supplement-notice': { 'zh-CN': '出具补正材料通知书', 'mn-Mong': 'ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠨᠥᠬᠥᠵᠦ ᠵᠠᠰᠠᠬᠤ ᠮᠡᠳᠡᠭᠳᠡᠯ ᠭᠠᠷᠭᠠᠬᠤ' },
});

/** Which version a 补正 is decided on: the one the case was opened with, or the one now in force at the supplementing window. */
export const SUPPLEMENT_VERSIONS = ['opened', 'current'] as const;
export type SupplementVersion = (typeof SUPPLEMENT_VERSIONS)[number];

export const supplementVersions = defineVocabulary('supplement version', SUPPLEMENT_VERSIONS, {
  opened: { 'zh-CN': '按受理时的版本', 'mn-Mong': 'ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠦᠶᠡ ᠶᠢᠨ ᠬᠤᠪᠢᠯᠪᠤᠷ ᠢᠶᠠᠷ' },
  current: { 'zh-CN': '按现行版本', 'mn-Mong': 'ᠣᠳᠣ ᠬᠡᠷᠡᠭᠵᠢᠵᠦ ᠪᠠᠶᠢᠭ᠎ᠠ ᠬᠤᠪᠢᠯᠪᠤᠷ ᠢᠶᠠᠷ' },
});

export const isSupplementVersion = (value: unknown): value is SupplementVersion => isCodeOf(supplementVersions, value);

export const isCaseEventType = (value: unknown): value is CaseEventType => isCodeOf(caseEventTypes, value);

/** The department's decision (办结结果). */
export const DECISION_RESULTS = ['approved', 'refused'] as const;
export type DecisionResult = (typeof DECISION_RESULTS)[number];

export const decisionResults = defineVocabulary('decision result', DECISION_RESULTS, {
  approved: { 'zh-CN': '准予', 'mn-Mong': 'ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ' },
  refused: { 'zh-CN': '不予', 'mn-Mong': 'ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠦᠭᠡᠢ' },
});

export const isDecisionResult = (value: unknown): value is DecisionResult => isCodeOf(decisionResults, value);

/** How a result reaches the applicant: a case's delivery and the item standard's 送达方式 (the schema's titles are held equal). */
export const DELIVERY_METHODS = ['post', 'window', 'electronic'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const deliveryMethods = defineVocabulary('delivery method', DELIVERY_METHODS, {
  post: { 'zh-CN': '邮寄送达', 'mn-Mong': 'ᠰᠢᠤᠳᠠᠨ ᠢᠶᠠᠷ ᠬᠦᠷᠭᠡᠬᠦ' },
  window: { 'zh-CN': '窗口领取', 'mn-Mong': 'ᠴᠣᠩᠬᠣ ᠡᠴᠡ ᠠᠪᠬᠤ' },
  electronic: { 'zh-CN': '电子送达', 'mn-Mong': 'ᠴᠠᠬᠢᠯᠭᠠᠨ ᠬᠡᠯᠪᠡᠷᠢ ᠪᠡᠷ ᠬᠦᠷᠭᠡᠬᠦ' },
});

export const isDeliveryMethod = (value: unknown): value is DeliveryMethod => isCodeOf(deliveryMethods, value);
