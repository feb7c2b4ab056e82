import { defineVocabulary, isCodeOf } from './vocabulary.js';

/**
 * Where a case (办件) stands, derived from its events (内政办发〔2023〕39号: 受理地 → 办理地 → 审批部门).
 * An application answered 需补正 or 不予受理 is a case too: the supplement loop continues it.
 */
export const CASE_STATUSES = [
  'accepted', 'dispatched', 'received', 'with-department', 'decided', 'delivered', 'returned', 'voided',
  'supplement-requested', 'not-accepted',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const caseStatuses = defineVocabulary('case status', CASE_STATUSES, {
  accepted: { 'zh-CN': '已受理', 'mn-Mong': 'ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ' },
  dispatched: { 'zh-CN': '流转中', 'mn-Mong': 'ᠢᠯᠡᠭᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ' },
  received: { 'zh-CN': '办理地已接收', 'mn-Mong': 'ᠪᠠᠷᠢᠬᠤ ᠣᠷᠣᠨ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ' },
  'with-department': { 'zh-CN': '审批中', 'mn-Mong': 'ᠬᠢᠨᠠᠨ ᠪᠠᠲᠤᠯᠠᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ' },
  decided: { 'zh-CN': '已办结', 'mn-Mong': 'ᠪᠠᠷᠢᠵᠤ ᠳᠠᠭᠤᠰᠬᠠᠭᠰᠠᠨ' },
  delivered: { 'zh-CN': '已送达', 'mn-Mong': 'ᠬᠦᠷᠭᠡᠭᠰᠡᠨ' },
  returned: { 'zh-CN': '已退回', 'mn-Mong': 'ᠪᠤᠴᠠᠭᠠᠭᠰᠠᠨ' },
  voided: { 'zh-CN': '已作废', 'mn-Mong': 'ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠭᠠᠭᠰᠠᠨ' },
  'supplement-requested': { 'zh-CN': '待补正', 'mn-Mong': 'ᠨᠥᠬᠥᠵᠦ ᠵᠠᠰᠠᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ' },
  'not-accepted': { 'zh-CN': '不予受理', 'mn-Mong': 'ᠬᠦᠪᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠦᠭᠡᠢ' },
});

export const isCaseStatus = (value: unknown): value is CaseStatus => isCodeOf(caseStatuses, value);

/** Statuses after which nothing more happens to a case. */
export const FINAL_CASE_STATUSES: readonly CaseStatus[] = ['delivered', 'voided', 'not-accepted'];
