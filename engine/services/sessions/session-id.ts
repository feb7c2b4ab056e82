import { sha256Hex } from '../../core/canonical/content-hash.js';

const SESSION_ID = /^tbs_[A-Za-z0-9_-]{43}$/;

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A new random session id (256 bits): it lives only in the person's HttpOnly cookie. */
export function generateSessionId(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return `tbs_${base64Url(bytes)}`;
}

export function isWellFormedSessionId(id: string): boolean {
  return SESSION_ID.test(id);
}

/** What the store keeps and looks sessions up by (never the id itself). */
export function sessionIdHash(id: string): string {
  return sha256Hex(`tongban-session:${id}`);
}
