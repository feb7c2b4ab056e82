import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** Who may do what: the region's roles of DESIGN.md §2. */
export const ROLES = ['admin', 'author', 'reviewer', 'operator', 'auditor', 'handler'] as const;
export type Role = (typeof ROLES)[number];

export const roles = defineVocabulary('role', ROLES, {
  admin: { 'zh-CN': '自治区管理员', 'mn-Mong': 'ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠤᠨ ᠤ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ' },
  author: { 'zh-CN': '部门编制人员', 'mn-Mong': 'ᠠᠯᠪᠠᠨ ᠲᠠᠰᠤᠭ ᠤᠨ ᠨᠠᠶᠢᠷᠠᠭᠤᠯᠤᠭᠴᠢ' },
  reviewer: { 'zh-CN': '合法性审核人员', 'mn-Mong': 'ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ' },
  operator: { 'zh-CN': '窗口工作人员', 'mn-Mong': 'ᠴᠣᠩᠬᠣ ᠶᠢᠨ ᠠᠵᠢᠯᠲᠠᠨ' },
  auditor: { 'zh-CN': '审计人员', 'mn-Mong': 'ᠬᠢᠨᠠᠨ ᠪᠠᠶᠢᠴᠠᠭᠠᠭᠴᠢ' },
  handler: { 'zh-CN': '审批部门工作人员', 'mn-Mong': 'ᠬᠢᠨᠠᠨ ᠪᠠᠲᠤᠯᠠᠬᠤ ᠠᠯᠪᠠᠨ ᠲᠠᠰᠤᠭ ᠤᠨ ᠠᠵᠢᠯᠲᠠᠨ' },
});

export const isRole = (value: unknown): value is Role => isCodeOf(roles, value);
