import { systemClock, type Clock } from '../../core/clock/index.js';
import { isKnownLocality } from '../../core/divisions/index.js';
import { requireServedLocality } from '../stations/stations.js';
import { catalogueProblem, ForbiddenError, InvalidStateError, ValidationFailedError, type Problem } from '../../core/errors.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
import type { ConfigStore } from '../../ports/config-store/port.js';
import { generateBearerToken, isWellFormedToken, tokenHash } from './bearer-token.js';
import type { Principal } from '../../core/access/principal.js';
import { ROLES, isRole, labelOf, roles, type Role } from '../../core/vocabulary/index.js';

export interface NewPrincipal {
  id?: string;
  name: string;
  role: Role;
  department?: string;
  division?: string;
}

const ID = /^[a-z0-9][a-z0-9._-]{1,63}$/;

function parse(input: unknown): NewPrincipal {
  const problems: Problem[] = [];
  const body = (input ?? {}) as Record<string, unknown>;
  const { id, name, role, department, division } = body;
  if (id !== undefined && (typeof id !== 'string' || !ID.test(id))) problems.push(catalogueProblem('/id', 'principal.id', { key: 'services.principals.idFormat' }));
  if (typeof name !== 'string' || name.trim() === '') problems.push(catalogueProblem('/name', 'principal.name', { key: 'services.principals.nameMissing' }));
  if (!isRole(role)) problems.push(catalogueProblem('/role', 'principal.role', { key: 'services.principals.roleOneOf', values: { roles: ROLES.join(uiText('server.listSeparator')) } }));
  // Authors write for their department; handlers (审批部门) decide for their department at one locality.
  const withDepartment = role === 'author' || role === 'handler';
  const withDivision = role === 'operator' || role === 'handler';
  if (withDepartment && (typeof department !== 'string' || department.trim() === '')) {
    problems.push(catalogueProblem('/department', 'principal.department', { key: role === 'handler' ? 'services.principals.handlerDepartment' : 'services.principals.authorDepartment' }));
  }
  if (withDivision && (typeof division !== 'string' || !isKnownLocality(division))) {
    problems.push(catalogueProblem('/division', 'principal.division', { key: role === 'handler' ? 'services.principals.handlerDivision' : 'services.principals.operatorDivision' }));
  }
  if (!withDepartment && department !== undefined) problems.push(catalogueProblem('/department', 'principal.department', { key: 'services.principals.departmentNotAllowed' }));
  if (!withDivision && division !== undefined) problems.push(catalogueProblem('/division', 'principal.division', { key: 'services.principals.divisionNotAllowed' }));
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.principals.invalid' }, problems);
  return {
    ...(typeof id === 'string' ? { id } : {}),
    name: (name as string).trim(),
    role: role as Role,
    ...(typeof department === 'string' ? { department: department.trim() } : {}),
    ...(typeof division === 'string' ? { division } : {}),
  };
}

function newId(role: Role): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return `${role}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Creates a principal and returns its bearer token — the only time the token is ever seen; the
 * store keeps its hash. `token` lets an installation adopt a token it was configured with.
 */
export async function createPrincipal({ store, clock = systemClock, input, actor, token = generateBearerToken() }: { store: ConfigStore; clock?: Clock; input: unknown; actor: string; token?: string }): Promise<{ principal: Principal; token: string }> {
  const now = clock().toISOString();
  const parsed = parse(input);
  if (parsed.division) await requireServedLocality({ store, division: parsed.division });
  const principal: Principal = {
    id: parsed.id ?? newId(parsed.role),
    name: parsed.name,
    role: parsed.role,
    department: parsed.department ?? null,
    division: parsed.division ?? null,
    createdAt: now,
    createdBy: actor,
    revokedAt: null,
    revokedBy: null,
  };
  await store.createPrincipal({ ...principal, tokenHash: tokenHash(token) });
  await store.appendAudit({ at: now, actor, action: 'principal.created', code: null, version: null, reason: null, details: { id: principal.id, role: principal.role, department: principal.department, division: principal.division } });
  return { principal, token };
}

/**
 * Revocations on one store run one at a time in this process, so two administrators revoking
 * each other at the same moment cannot both pass the last-administrator check. (The designer API
 * is one process; the CLI revokes from a second one only by hand.)
 */
const revocationsInFlight = new WeakMap<ConfigStore, Promise<unknown>>();

export async function revokePrincipal({ store, clock = systemClock, id, actor }: { store: ConfigStore; clock?: Clock; id: string; actor: string }): Promise<Principal> {
  const previous = revocationsInFlight.get(store) ?? Promise.resolve();
  const revocation = previous.catch(() => undefined).then(() => revokeChecked({ store, clock, id, actor }));
  revocationsInFlight.set(store, revocation);
  return revocation;
}

async function revokeChecked({ store, clock, id, actor }: { store: ConfigStore; clock: Clock; id: string; actor: string }): Promise<Principal> {
  if (id === actor) {
    throw new ForbiddenError({ key: 'services.principals.revokeSelf' }, { id });
  }
  const principals = await store.listPrincipals();
  const target = principals.find((p) => p.id === id);
  if (target?.role === 'admin' && target.revokedAt === null) {
    const activeAdmins = principals.filter((p) => p.role === 'admin' && p.revokedAt === null);
    if (activeAdmins.length <= 1) {
      throw new InvalidStateError({ key: 'services.principals.lastAdmin', values: { name: target.name } }, { id, activeAdmins: activeAdmins.length });
    }
  }
  const now = clock().toISOString();
  const { tokenHash: _hash, ...principal } = await store.revokePrincipal(id, now, actor);
  await store.appendAudit({ at: now, actor, action: 'principal.revoked', code: null, version: null, reason: null, details: { id } });
  return principal;
}

export const BOOTSTRAP_ADMIN_ID = 'admin';

/**
 * On first start there is nobody to create principals; the first administrator's token comes
 * from TONGBAN_ADMIN_TOKEN when set, otherwise it is generated and handed back to be printed once.
 */
/** Refuses a malformed TONGBAN_ADMIN_TOKEN; a first start calls it before it writes anything. */
export function checkBootstrapToken(configuredToken: string | undefined): void {
  if (configuredToken !== undefined && !isWellFormedToken(configuredToken)) {
    throw new ValidationFailedError({ key: 'services.principals.bootstrapTokenMalformed' }, [catalogueProblem('', 'bootstrap.token', { key: 'services.principals.bootstrapTokenShape' })]);
  }
}

export async function ensureBootstrapAdmin({ store, clock = systemClock, configuredToken }: { store: ConfigStore; clock?: Clock; configuredToken?: string | undefined }): Promise<{ created: boolean; token?: string }> {
  if ((await store.listPrincipals()).length > 0) return { created: false };
  checkBootstrapToken(configuredToken);
  const { token } = await createPrincipal({ store, clock, input: { id: BOOTSTRAP_ADMIN_ID, name: labelOf(roles, 'admin'), role: 'admin' }, actor: 'system:bootstrap', token: configuredToken ?? generateBearerToken() });
  return { created: true, ...(configuredToken ? {} : { token }) };
}
