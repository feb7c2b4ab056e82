import { defineVocabulary, isCodeOf } from './vocabulary.js';

/**
 * The stages of a case that have a time limit (内政办发〔2023〕39号): the 受理地 pushes the case to the
 * 办理地 within 1 working day and mails the paper originals it keeps within 2; the 办理地 pushes it to
 * the department within 1; the department decides within the item's 承诺办理时限 and sends the
 * result within 1. A case accepted on commitment (容缺受理) also has the applicant's deadline to
 * hand in the materials that may follow.
 */
export const CASE_STAGES = ['commitment', 'dispatch', 'mail-originals', 'forward', 'decide', 'deliver'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const caseStages = defineVocabulary('case stage', CASE_STAGES, {
  commitment: { 'zh-CN': '容缺材料补齐', 'mn-Mong': 'ᠳᠤᠲᠠᠭᠤ ᠮᠠᠲᠡᠷᠢᠶᠠᠯ ᠢ ᠨᠥᠭᠥᠵᠦ ᠬᠦᠷᠭᠡᠬᠦ' },
  dispatch: { 'zh-CN': '推送办理地', 'mn-Mong': 'ᠪᠠᠷᠢᠬᠤ ᠣᠷᠣᠨ ᠳᠤ ᠢᠯᠡᠭᠡᠬᠦ' },
  'mail-originals': { 'zh-CN': '寄递纸质原件', 'mn-Mong': 'ᠴᠠᠭᠠᠰᠤᠨ ᠡᠬᠡ ᠪᠢᠴᠢᠭ ᠢ ᠰᠢᠤᠳᠠᠨ ᠢᠶᠠᠷ ᠢᠯᠡᠭᠡᠬᠦ' },
  forward: { 'zh-CN': '推送审批部门', 'mn-Mong': 'ᠬᠢᠨᠠᠨ ᠪᠠᠲᠤᠯᠠᠬᠤ ᠠᠯᠪᠠᠨ ᠲᠠᠰᠤᠭ ᠲᠤ ᠢᠯᠡᠭᠡᠬᠦ' },
  decide: { 'zh-CN': '审批办结', 'mn-Mong': 'ᠬᠢᠨᠠᠨ ᠪᠠᠲᠤᠯᠠᠵᠤ ᠳᠠᠭᠤᠰᠬᠠᠬᠤ' },
  deliver: { 'zh-CN': '送达结果', 'mn-Mong': 'ᠦᠷ᠎ᠡ ᠳᠦᠩ ᠢ ᠬᠦᠷᠭᠡᠬᠦ' },
});

export const isCaseStage = (value: unknown): value is CaseStage => isCodeOf(caseStages, value);
