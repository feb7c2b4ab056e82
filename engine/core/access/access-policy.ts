import { ForbiddenError, UnauthorizedError } from '../errors.js';
import type { Principal, Role } from './principal.js';
import { ROLES } from '../vocabulary/index.js';

/**
 * Who may call a route. Public routes serve applicants (guides, the online form); everything
 * else needs a bearer token of one of `roles`, and `scope` then checks the organisation
 * (an author's department, an operator's division).
 */
export type Access<Req = unknown> =
  | { public: true }
  | { roles: readonly Role[]; scope?: (req: Req, principal: Principal) => Promise<void> | void };

/** Routes that declare nothing are the most restricted: region administrators only. */
export const DEFAULT_ACCESS: Access = { roles: ['admin'] };

/** Every role may read. */
export const READERS: readonly Role[] = ROLES;

export async function authorize<Req>(access: Access<Req> | undefined, req: Req, principal: Principal | null): Promise<void> {
  const rule = access ?? (DEFAULT_ACCESS as Access<Req>);
  if ('public' in rule) return;
  if (!principal) throw new UnauthorizedError({ key: 'core.access.signIn' }, { scheme: 'Bearer' });
  if (!rule.roles.includes(principal.role)) {
    throw new ForbiddenError({ key: 'core.access.roleForbidden', values: { name: principal.name } }, { role: principal.role, allowed: rule.roles });
  }
  await rule.scope?.(req, principal);
}
