import { sha256Hex } from '../../core/canonical/content-hash.js';
import { generateSecret, secretShape } from '../principals/index.js';

/** A new random session id (256 bits): it lives only in the person's HttpOnly cookie. */
export function generateSessionId(): string {
  return generateSecret('tbs_');
}

export const isWellFormedSessionId: (id: string) => boolean = secretShape('tbs_');

/** What the store keeps and looks sessions up by (never the id itself). */
export function sessionIdHash(id: string): string {
  return sha256Hex(`tongban-session:${id}`);
}
