import type { IncomingMessage, ServerResponse } from 'node:http';
import { BadRequestError, catalogueProblem, TongbanError, ValidationFailedError, type Problem } from '../core/errors.js';
import { uiText } from '../core/i18n/index.js';

/** Keys that could reach an object's prototype if any code ever merged a body into an object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class PayloadTooLargeError extends TongbanError {
  readonly status = 413;
  readonly code = 'payload_too_large';
}

export class UnsupportedMediaTypeError extends TongbanError {
  readonly status = 415;
  readonly code = 'unsupported_media_type';
}

/** Every number JSON.parse turned into ±Infinity (e.g. 1e400), by JSON pointer. */
function nonFiniteNumbers(value: unknown, pointer = '', out: Problem[] = []): Problem[] {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    out.push(catalogueProblem(pointer, 'number.non-finite', { key: 'server.http.numberOutOfRange', values: { pointer: pointer || uiText('server.http.requestBody') } }));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) nonFiniteNumbers(item, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, out);
  }
  return out;
}

/**
 * The longest string (value or key) a request body may carry, in UTF-16 code units. Every string
 * a form pattern could be run on arrives through a body, so none is unbounded; 64 Ki is far above
 * any field, legal text or rule a config holds, and far below what would stall a pattern.
 */
export const MAX_REQUEST_STRING_LENGTH = 64 * 1024;

function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Every string value or key longer than `max`, by JSON pointer. */
function overlongStrings(value: unknown, max: number, pointer = '', out: Problem[] = []): Problem[] {
  if (typeof value === 'string' && value.length > max) {
    out.push(catalogueProblem(pointer, 'string.too-long', { key: 'server.http.stringTooLong', values: { pointer: pointer || uiText('server.http.requestBody'), length: value.length, max } }));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = `${pointer}/${escapeToken(key)}`;
      if (key.length > max) out.push(catalogueProblem(at, 'string.too-long', { key: 'server.http.keyTooLong', values: { pointer: pointer || uiText('server.http.requestBody'), length: key.length, max } }));
      else overlongStrings(item, max, at, out);
    }
  }
  return out;
}

/** What one pass over a parsed body found: the first forbidden key, any overflowed number, any overlong string or key. */
interface BodyScan {
  forbidden: string | null;
  overflow: boolean;
  overlong: boolean;
}

/**
 * One iterative pass over a parsed document (no reviver: JSON.parse with one calls back for every
 * value, which costs more than the parse itself; no recursion: a deeply nested body cannot
 * overflow the stack).
 */
function scanParsed(root: unknown, max: number): BodyScan {
  const scan: BodyScan = { forbidden: null, overflow: false, overlong: false };
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (value.length > max) scan.overlong = true;
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value)) scan.overflow = true;
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) pending.push(value[i]);
    } else if (value !== null && typeof value === 'object') {
      const keys = Object.keys(value);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        if (scan.forbidden === null && FORBIDDEN_KEYS.has(key)) scan.forbidden = key;
        if (key.length > max) scan.overlong = true;
        pending.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return scan;
}

/**
 * Parses JSON text, refusing prototype-polluting keys anywhere in the document, numbers that
 * overflow to Infinity (no store, hash or rule can take them; refusing them here leaves no orphan)
 * and, when `maxStringLength` is given, any string or key longer than that (422 naming the field).
 */
export function parseJsonText(text: string, { maxStringLength }: { maxStringLength?: number } = {}): unknown {
  const max = maxStringLength ?? Number.POSITIVE_INFINITY;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BadRequestError({ key: 'server.http.malformedJson', values: { error: (error as Error).message } }, { parser: (error as Error).message }, 'malformed_json');
  }
  const { forbidden, overflow, overlong } = scanParsed(value, max);
  if (forbidden !== null) {
    throw new BadRequestError({ key: 'server.http.forbiddenKey', values: { key: forbidden } }, { key: forbidden }, 'forbidden_key');
  }
  if (overflow) throw new ValidationFailedError({ key: 'server.http.numbersOutOfRange' }, nonFiniteNumbers(value));
  if (overlong) {
    const problems = overlongStrings(value, max);
    throw new ValidationFailedError(uiText('server.http.stringsTooLong', 'zh-CN', { max, pointers: problems.map((p) => p.pointer || uiText('server.http.requestBody')).join(uiText('server.listSeparator')) }), problems);
  }
  return value;
}

type Next = (error?: unknown) => void;

/**
 * Collects a request body up to `limitBytes`, and stops collecting the moment the limit is passed,
 * so an oversized upload never sits in memory. Exactly one of the callbacks is called, once.
 */
export function collectBody(
  req: IncomingMessage,
  limitBytes: number,
  callbacks: { tooLarge: () => void; error: (error: unknown) => void; done: (body: Buffer) => void },
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let settled = false;
  req.on('data', (chunk: Buffer) => {
    if (settled) return;
    size += chunk.length;
    if (size > limitBytes) {
      settled = true;
      chunks.length = 0;
      callbacks.tooLarge();
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', (error) => {
    if (settled) return;
    settled = true;
    callbacks.error(error);
  });
  req.on('end', () => {
    if (settled) return;
    settled = true;
    // Most bodies arrive in one chunk: no second copy of it.
    callbacks.done(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
  });
}

/** Nothing but JSON whitespace (what `trim() === ''` said, without copying the text). */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xfeff && !/\s/.test(text[i] as string)) return false;
  }
  return true;
}

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b/i;
/** Clients send the same Content-Type on every call: the last answer is kept. */
let lastType = '';
let lastTypeIsJson = false;
function isJsonType(type: string): boolean {
  if (type !== lastType) {
    lastType = type;
    lastTypeIsJson = JSON_TYPE.test(type);
  }
  return lastTypeIsJson;
}

/**
 * Reads a JSON body up to `limitBytes` and stops reading the moment it is exceeded (413), so an
 * oversized upload never sits in memory. Other content types are refused with 415.
 */
export function jsonBody(limitBytes: number, maxStringLength = MAX_REQUEST_STRING_LENGTH) {
  return (req: IncomingMessage & { body?: unknown }, _res: ServerResponse, next: Next): void => {
    const method = req.method ?? 'GET';
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || method === 'DELETE') {
      req.resume();
      next();
      return;
    }
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limitBytes) {
      req.resume();
      next(new PayloadTooLargeError({ key: 'server.http.payloadTooLarge', values: { size: declared, limit: limitBytes } }, { limit: limitBytes }));
      return;
    }
    const type = String(req.headers['content-type'] ?? '');
    collectBody(req, limitBytes, {
      tooLarge: () => next(new PayloadTooLargeError({ key: 'server.http.payloadOverLimit', values: { limit: limitBytes } }, { limit: limitBytes })),
      error: next,
      done: (bytes) => {
        const text = bytes.toString('utf8');
        if (isBlank(text)) {
          req.body = undefined;
          next();
          return;
        }
        if (!isJsonType(type)) {
          next(new UnsupportedMediaTypeError({ key: 'server.http.notJson' }, { contentType: type || null }));
          return;
        }
        try {
          req.body = parseJsonText(text, { maxStringLength });
          next();
        } catch (error) {
          next(error);
        }
      },
    });
  };
}
