/** Who may do what: the region's roles of DESIGN.md §2. */
export type Role = 'admin' | 'author' | 'reviewer' | 'operator' | 'auditor';

export const ROLES: readonly Role[] = ['admin', 'author', 'reviewer', 'operator', 'auditor'];

export const roleLabels: Record<Role, string> = {
  admin: '自治区管理员',
  author: '部门编制人员',
  reviewer: '合法性审核人员',
  operator: '窗口工作人员',
  auditor: '审计人员',
};

export interface Principal {
  id: string;
  name: string;
  role: Role;
  /** An author's department (the standard's 实施部门 name). */
  department: string | null;
  /** An operator's locality (GB/T 2260 code). */
  division: string | null;
  createdAt: string;
  createdBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** As stored: the token itself is never kept, only its SHA-256. */
export interface PrincipalRecord extends Principal {
  tokenHash: string;
}
