import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** Where an item's draft stands between the author and the reviewer. */
export const DRAFT_STATUSES = ['editing', 'submitted', 'approved', 'returned'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

export const draftStatuses = defineVocabulary('draft status', DRAFT_STATUSES, {
  editing: { 'zh-CN': '编辑中' },
  submitted: { 'zh-CN': '待审核' },
  approved: { 'zh-CN': '审核通过' },
  returned: { 'zh-CN': '已退回' },
});

export const isDraftStatus = (value: unknown): value is DraftStatus => isCodeOf(draftStatuses, value);
