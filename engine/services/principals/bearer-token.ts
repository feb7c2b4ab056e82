import { sha256Hex } from '../../core/canonical/content-hash.js';
import { generateSecret, secretShape } from './random-secret.js';

/** A new random bearer token (256 bits), shown once to its holder and never stored. */
export function generateBearerToken(): string {
  return generateSecret('tb_');
}

export const isWellFormedToken: (token: string) => boolean = secretShape('tb_');

/**
 * What the store keeps and looks tokens up by. `sha256` may be a native implementation of the same
 * digest (the HTTP kit passes Node's: the hash runs on every authenticated request).
 */
export function tokenHash(token: string, sha256: (text: string) => string = sha256Hex): string {
  return sha256(`tongban-token:${token}`);
}
