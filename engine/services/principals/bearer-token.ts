import { createHash } from 'node:crypto';
import { generateSecret, secretShape } from './random-secret.js';

/** A new random bearer token (256 bits), shown once to its holder and never stored. */
export function generateBearerToken(): string {
  return generateSecret('tb_');
}

export const isWellFormedToken: (token: string) => boolean = secretShape('tb_');

/** What the store keeps and looks tokens up by. */
export function tokenHash(token: string): string {
  // Node's native SHA-256 (the same digest as the core's sha256Hex): it runs on every authenticated request.
  return createHash('sha256').update(`tongban-token:${token}`).digest('hex');
}
