import type { ApiRequest } from '../../engine/http/index.js';
import { BadRequestError } from '../../engine/errors.js';

/**
 * Who is acting. Until access control lands, the caller names itself in `X-Tongban-Actor`
 * (e.g. the author's account); every write records it in the audit trail.
 */
export function actorOf(req: ApiRequest): string {
  const header = req.headers['x-tongban-actor'];
  const actor = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!actor) return 'anonymous';
  if (actor.length > 100) throw new BadRequestError('X-Tongban-Actor 过长', { header: 'X-Tongban-Actor' });
  return actor;
}

/** The draft revision a caller last saw, from `If-Match: "3"` (quoted or not). */
export function expectedRevisionOf(req: ApiRequest): number | undefined {
  const header = req.headers['if-match'];
  const raw = (Array.isArray(header) ? header[0] : header)?.trim();
  if (raw === undefined || raw === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw);
  if (!match) throw new BadRequestError(`If-Match 应为草稿修订号，例如 "3"，收到「${raw}」`, { header: 'If-Match' }, 'bad_precondition');
  return Number(match[1]);
}
