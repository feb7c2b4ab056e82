import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** Where an item's draft stands between the author and the reviewer. */
export const DRAFT_STATUSES = ['editing', 'submitted', 'approved', 'returned'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const draftStatuses = defineVocabulary('draft status', DRAFT_STATUSES, {
  editing: { 'zh-CN': '编辑中', 'mn-Mong': 'ᠨᠠᠶᠢᠷᠠᠭᠤᠯᠵᠤ ᠪᠠᠶᠢᠨ᠎ᠠ' },
  submitted: { 'zh-CN': '待审核', 'mn-Mong': 'ᠬᠢᠨᠠᠯᠲᠠ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠶᠢᠨ᠎ᠠ' },
  approved: { 'zh-CN': '审核通过', 'mn-Mong': 'ᠬᠢᠨᠠᠯᠲᠠ ᠳᠤ ᠲᠡᠩᠴᠡᠪᠡ' },
  returned: { 'zh-CN': '已退回', 'mn-Mong': 'ᠪᠤᠴᠠᠭᠠᠭᠰᠠᠨ' },
});

export const isDraftStatus = (value: unknown): value is DraftStatus => isCodeOf(draftStatuses, value);
