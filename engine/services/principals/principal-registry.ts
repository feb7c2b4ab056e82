import { systemClock, type Clock } from '../../core/clock/index.js';
import { isKnownLocality } from '../../core/divisions/index.js';
import { requireServedLocality } from '../stations/stations.js';
import { ForbiddenError, InvalidStateError, ValidationFailedError, type Problem } from '../../core/errors.js';
import type { ConfigStore } from '../../ports/config-store/port.js';
import { generateBearerToken, isWellFormedToken, tokenHash } from './bearer-token.js';
import type { Principal } from '../../core/access/principal.js';
import { ROLES, isRole, type Role } from '../../core/vocabulary/index.js';

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
  if (id !== undefined && (typeof id !== 'string' || !ID.test(id))) problems.push({ pointer: '/id', code: 'principal.id', message: '用户标识应为 2–64 位小写字母、数字、点、下划线或连字符' });
  if (typeof name !== 'string' || name.trim() === '') problems.push({ pointer: '/name', code: 'principal.name', message: '请填写姓名' });
  if (!isRole(role)) problems.push({ pointer: '/role', code: 'principal.role', message: `角色应为 ${ROLES.join('、')} 之一` });
  // Authors write for their department; handlers (审批部门) decide for their department at one locality.
  const withDepartment = role === 'author' || role === 'handler';
  const withDivision = role === 'operator' || role === 'handler';
  if (withDepartment && (typeof department !== 'string' || department.trim() === '')) {
    problems.push({ pointer: '/department', code: 'principal.department', message: role === 'handler' ? '审批部门工作人员须绑定一个部门（如 新城区人力资源和社会保障局）' : '编制人员须绑定一个部门' });
  }
  if (withDivision && (typeof division !== 'string' || !isKnownLocality(division))) {
    problems.push({ pointer: '/division', code: 'principal.division', message: role === 'handler' ? '审批部门工作人员须绑定部门所在的行政区划代码' : '窗口工作人员须绑定本区的行政区划代码' });
  }
  if (!withDepartment && department !== undefined) problems.push({ pointer: '/department', code: 'principal.department', message: '只有编制人员和审批部门工作人员绑定部门' });
  if (!withDivision && division !== undefined) problems.push({ pointer: '/division', code: 'principal.division', message: '只有窗口工作人员和审批部门工作人员绑定行政区划' });
  if (problems.length > 0) throw new ValidationFailedError('用户信息有误', problems);
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
    throw new ForbiddenError('不能吊销自己的令牌；请由另一名管理员操作', { id });
  }
  const principals = await store.listPrincipals();
  const target = principals.find((p) => p.id === id);
  if (target?.role === 'admin' && target.revokedAt === null) {
    const activeAdmins = principals.filter((p) => p.role === 'admin' && p.revokedAt === null);
    if (activeAdmins.length <= 1) {
      throw new InvalidStateError(`「${target.name}」是最后一名有效的管理员，不能吊销；请先添加另一名管理员`, { id, activeAdmins: activeAdmins.length });
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
    throw new ValidationFailedError('TONGBAN_ADMIN_TOKEN 格式不正确', [{ pointer: '', code: 'bootstrap.token', message: 'TONGBAN_ADMIN_TOKEN 应形如 tb_ 加 43 位 base64url 字符（可用 npm run tongban -- token 生成）' }]);
  }
}

export async function ensureBootstrapAdmin({ store, clock = systemClock, configuredToken }: { store: ConfigStore; clock?: Clock; configuredToken?: string | undefined }): Promise<{ created: boolean; token?: string }> {
  if ((await store.listPrincipals()).length > 0) return { created: false };
  checkBootstrapToken(configuredToken);
  const { token } = await createPrincipal({ store, clock, input: { id: BOOTSTRAP_ADMIN_ID, name: '自治区管理员', role: 'admin' }, actor: 'system:bootstrap', token: configuredToken ?? generateBearerToken() });
  return { created: true, ...(configuredToken ? {} : { token }) };
}
