import { type Access, type CatalogueMessage, type Principal, READERS, BadRequestError, ForbiddenError, UnauthorizedError } from '../../engine/core/index.js';
import type { ApiRequest } from '../../engine/http-kit/index.js';
import type { ConfigReader } from '../../engine/ports/index.js';

/**
 * Who is acting: the authenticated person's principal id (signed in by session cookie or bearer
 * token alike), as recorded in the audit trail; GET /api/people names them.
 */
export function actorOf(req: ApiRequest): string {
  if (!req.principal) throw new UnauthorizedError({ key: 'server.designer.auth.signInFirst' }, { scheme: 'Bearer' });
  return req.principal.id;
}

/** The draft revision a caller last saw, from `If-Match: "3"` (quoted or not). */
export function expectedRevisionOf(req: ApiRequest): number | undefined {
  const header = req.headers['if-match'];
  const raw = (Array.isArray(header) ? header[0] : header)?.trim();
  if (raw === undefined || raw === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw);
  if (!match) throw new BadRequestError({ key: 'server.designer.params.badRevision', values: { value: raw } }, { header: 'If-Match' }, 'bad_precondition');
  return Number(match[1]);
}

function departmentOfBody(body: unknown): string | undefined {
  const name = (body as { standard?: { department?: { name?: unknown } } } | undefined)?.standard?.department?.name;
  return typeof name === 'string' ? name : undefined;
}

/**
 * An author works only on the items of their own department: the item as stored (its latest
 * version or draft) and, when saving, the department the body names.
 */
export function ownDepartment(store: ConfigReader) {
  return async (req: ApiRequest, principal: Principal): Promise<void> => {
    if (principal.role !== 'author') return;
    const code = req.params.code ?? '';
    const item = await store.getItem(code);
    const draft = item?.department ? null : await store.getDraft(code);
    const stored = item?.department || draft?.config.standard?.department?.name;
    // An item or draft stored without a department (before one was required) belongs to no
    // author's department: only an administrator may give it one, so no author can claim it.
    if ((item || draft) && (typeof stored !== 'string' || stored.trim() === '')) {
      throw new ForbiddenError({ key: 'server.designer.items.noDepartment', values: { code } }, { code, department: principal.department, itemDepartment: null });
    }
    const claimed = req.method === 'PUT' ? departmentOfBody(req.body) : undefined;
    for (const department of [stored, claimed]) {
      if (department !== undefined && department.trim() !== '' && department !== principal.department) {
        const message: CatalogueMessage = principal.department === null
          ? { key: 'server.designer.items.otherDepartmentUnassigned', values: { name: principal.name, itemDepartment: department } }
          : { key: 'server.designer.items.otherDepartment', values: { name: principal.name, department: principal.department, itemDepartment: department } };
        throw new ForbiddenError(message, {
          department: principal.department,
          itemDepartment: department,
        });
      }
    }
  };
}

export const everyone: Access = { roles: READERS };
export const reviewers: Access = { roles: ['admin', 'reviewer'] };
export const auditors: Access = { roles: ['admin', 'auditor', 'reviewer'] };
export const publicAccess: Access = { public: true };
export function authors(store: ConfigReader): Access<ApiRequest> {
  return { roles: ['admin', 'author'], scope: ownDepartment(store) };
}
