import { sha256Hex } from '../../core/canonical/content-hash.js';
import { generateSecret, secretShape } from './random-secret.js';

/** A new random bearer token (256 bits), shown once to its holder and never stored. */
export function generateBearerToken(): string {
  return generateSecret('tb_');
}

export const isWellFormedToken: (token: string) => boolean = secretShape('tb_');

/** What the store keeps and looks tokens up by. */
export function tokenHash(token: string): string {
  return sha256Hex(`tongban-token:${token}`);
}
