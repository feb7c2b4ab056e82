/** RFC 6901 JSON pointers, built from tokens so that keys with `/` or `~` stay unambiguous. */

export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `pointer('/standard', 'materials', 2)` → `/standard/materials/2`. */
export function pointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => `/${escapeToken(t)}`).join('');
}

export function pointerTokens(p: string): string[] {
  return p === '' ? [] : p.slice(1).split('/').map(unescapeToken);
}
