import { defineVocabulary, isCodeOf } from './vocabulary.js';

/** Who may do what: the region's roles of DESIGN.md §2. */
export const ROLES = ['admin', 'author', 'reviewer', 'operator', 'auditor', 'handler'] as const;
export type Role = (typeof ROLES)[number];

export const roles = defineVocabulary('role', ROLES, {
  admin: { 'zh-CN': '自治区管理员' },
  author: { 'zh-CN': '部门编制人员' },
  reviewer: { 'zh-CN': '合法性审核人员' },
  operator: { 'zh-CN': '窗口工作人员' },
  auditor: { 'zh-CN': '审计人员' },
  handler: { 'zh-CN': '审批部门工作人员' },
});

export const isRole = (value: unknown): value is Role => isCodeOf(roles, value);
