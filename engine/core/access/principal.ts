import type { Role } from '../vocabulary/index.js';

export type { Role };

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
