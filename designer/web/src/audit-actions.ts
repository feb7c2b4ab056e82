import type { AuditAction } from '../../../engine/core/index.js';

/** Every audit action by its Chinese name, for the version history and the auditor workspace alike. */
export const AUDIT_ACTION_LABELS = {
  'draft.created': '创建草稿',
  'draft.saved': '保存草稿',
  'draft.discarded': '放弃草稿',
  'draft.submitted': '提交审核',
  'draft.approved': '审核通过',
  'draft.returned': '退回修改',
  'version.published': '发布版本',
  'item.withdrawn': '撤销事项',
  'item.imported': '导入',
  'store.seeded': '初始化样例',
  'principal.created': '新增用户',
  'principal.revoked': '吊销用户',
  'claim.changed': '认领变更',
  'campaign.changed': '认领活动变更',
  'station.added': '新增服务站',
  'calendar.year-stored': '更新工作日历',
} satisfies Record<AuditAction, string>;

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
