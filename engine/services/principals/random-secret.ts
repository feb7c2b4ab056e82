/**
 * Bearer tokens and session ids are the same kind of thing: 256 random bits, base64url, behind a
 * prefix that tells them apart in a log or a support call (tb_ / tbs_). One generator and one shape.
 */
function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function generateSecret(prefix: string): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  return `${prefix}${base64Url(bytes)}`;
}

/** The test for a secret with this prefix: 43 base64url characters after it. */
export function secretShape(prefix: string): (value: string) => boolean {
  const shape = new RegExp(`^${prefix}[A-Za-z0-9_-]{43}$`);
  return (value) => shape.test(value);
}
