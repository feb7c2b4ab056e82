import type { IncomingMessage } from 'node:http';
import { TongbanError } from '../../core/errors.js';
import { uiText } from '../../core/i18n/index.js';

/** A request signed by the browser's cookie came from another site (CSRF): refused. */
export class CrossSiteRequestError extends TongbanError {
  readonly status = 403;
  readonly code = 'cross_site_request';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function changesState(req: IncomingMessage): boolean {
  return !SAFE_METHODS.has(req.method ?? 'GET');
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * What the browser says about where a request came from. `strict` (a cookie-signed change) wants
 * positive proof of the same origin — Sec-Fetch-Site: same-origin, or an Origin naming this host;
 * otherwise (signing in) only a request the browser marks as from elsewhere is refused.
 */
export function requireSameOrigin(req: IncomingMessage, { strict }: { strict: boolean }): void {
  const site = header(req, 'sec-fetch-site');
  const origin = header(req, 'origin');
  const host = header(req, 'x-forwarded-host') ?? header(req, 'host');
  const refuse = (why: string) => {
    throw new CrossSiteRequestError({ key: 'server.http.crossSite', values: { why } }, { secFetchSite: site ?? null, origin: origin ?? null });
  };
  if (site !== undefined && site !== 'same-origin') refuse(`Sec-Fetch-Site: ${site}`);
  if (origin !== undefined && origin !== 'null' && originHost(origin) !== host) refuse(`Origin: ${origin}`);
  if (origin === 'null') refuse('Origin: null');
  if (strict && site === undefined && origin === undefined) refuse(uiText('server.http.noOriginHeaders'));
}
