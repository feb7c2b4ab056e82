import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';

/** Answers smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Only text we generate or ship: pages, scripts, styles, JSON. Attachment bytes (PDF, JPEG, PNG)
 * are already compressed and keep their exact Content-Length, so they are never touched.
 */
const COMPRESSIBLE = /^(?:text\/(?:html|css|plain|javascript)|application\/(?:json|javascript|[a-z.+-]+\+json)|image\/svg\+xml)\s*(?:;|$)/i;

export function isCompressible(contentType: string): boolean {
  return COMPRESSIBLE.test(contentType);
}

/**
 * gzip or brotli (whichever the client prefers; brotli when it accepts both), chosen per response
 * by Accept-Encoding; Vary: Accept-Encoding is set so caches keep the variants apart.
 */
export function compressResponses() {
  return compression({
    threshold: COMPRESSION_THRESHOLD,
    filter: (_req: IncomingMessage, res: ServerResponse) => isCompressible(String(res.getHeader('Content-Type') ?? '')),
  });
}
