import { sha256Hex } from '../../core/canonical/content-hash.js';

const TOKEN = /^tb_[A-Za-z0-9_-]{43}$/;

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A new random bearer token (256 bits), shown once to its holder and never stored. */
export function generateBearerToken(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return `tb_${base64Url(bytes)}`;
}

export function isWellFormedToken(token: string): boolean {
  return TOKEN.test(token);
}

/** What the store keeps and looks tokens up by. */
export function tokenHash(token: string): string {
  return sha256Hex(`tongban-token:${token}`);
}
