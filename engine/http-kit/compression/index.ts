import type { IncomingMessage, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import compression from 'compression';
import Negotiator from 'negotiator';
import { knownJsonText } from '../../core/canonical/json-text.js';

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

const SUPPORTED_ENCODINGS = ['br', 'gzip', 'deflate', 'identity'];
const PREFERRED_ENCODINGS = ['br', 'gzip'];
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };

/** Adds a field to Vary unless it is there already (or Vary is `*`), as the `vary` package does. */
export function vary(res: ServerResponse, field: string): void {
  const current = res.getHeader('Vary');
  if (current === undefined) {
    res.setHeader('Vary', field);
    return;
  }
  const text = Array.isArray(current) ? current.join(', ') : String(current);
  const fields = text.split(',').map((f) => f.trim().toLowerCase());
  if (!fields.includes('*') && !fields.includes(field.toLowerCase())) res.setHeader('Vary', `${text}, ${field}`);
}

/** The encoding `compressResponses` would choose for this request, or null for none. */
function negotiatedEncoding(req: IncomingMessage): 'br' | 'gzip' | 'deflate' | null {
  if (!req.headers['accept-encoding']) return null;
  const method = new Negotiator(req).encoding(SUPPORTED_ENCODINGS, PREFERRED_ENCODINGS);
  return method === 'br' || method === 'gzip' || method === 'deflate' ? method : null;
}

/**
 * A JSON answer serialised once and written whole, with its length: what `res.json` sends (same type,
 * charset and bytes), compressed in one call as `compressResponses` would (same threshold, same
 * negotiation, brotli at its quality) rather than through a stream. The answer is complete before
 * it is written, so nothing is gained by streaming it, and the direct routes (no middleware) get
 * the same bytes as the routed ones.
 */
export function answerJson(req: IncomingMessage, res: ServerResponse, body: unknown, status = 200): void {
  // A decision the log has just serialised is not serialised again (json-text.ts).
  const text = knownJsonText(body) ?? JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  vary(res, 'Accept-Encoding');
  const length = Buffer.byteLength(text, 'utf8');
  const encoding = length < COMPRESSION_THRESHOLD || req.method === 'HEAD' || /(?:^|,)\s*no-transform\s*(?:,|$)/i.test(String(res.getHeader('Cache-Control') ?? '')) ? null : negotiatedEncoding(req);
  if (encoding === null) {
    res.setHeader('Content-Length', length);
    res.end(text, 'utf8');
    return;
  }
  const plain = Buffer.from(text, 'utf8');
  const compressed = encoding === 'br' ? zlib.brotliCompressSync(plain, BROTLI_OPTIONS) : encoding === 'gzip' ? zlib.gzipSync(plain) : zlib.deflateSync(plain);
  res.setHeader('Content-Encoding', encoding);
  res.setHeader('Content-Length', compressed.length);
  res.end(compressed);
}
