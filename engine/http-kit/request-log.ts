import type { ServerResponse } from 'node:http';
import { maskPersonalData, maskPersonalDataDeep } from '../core/masking/index.js';
import { stdoutLines } from './log-lines.js';
import type { ApiRequest } from './mount.js';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /**
   * The per-request line (`info` "request" with method, path, status, ms), written without
   * building and masking a fields object: only the path can carry personal data, and it is masked.
   * Loggers without it get `info('request', …)`.
   */
  request?(method: string, path: string, status: number, ms: number): void;
}

type Level = 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<Level, number> = { info: 0, warn: 1, error: 2, silent: 3 };

/** The line's time: one ISO string per millisecond, however many lines share it. */
let lastMs = -1;
let lastIso = '';
function isoNow(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastIso = new Date(now).toISOString();
  }
  return lastIso;
}

/** Paths seen without personal data, already in their JSON form (bounded: item codes and divisions repeat). */
const cleanPaths = new Map<string, string>();
const MAX_CLEAN_PATHS = 2048;

function pathJson(path: string): string {
  const known = cleanPaths.get(path);
  if (known !== undefined) return known;
  const masked = maskPersonalData(path);
  const json = JSON.stringify(masked);
  // Only a path that masking left as it was is remembered: nothing personal is ever kept.
  if (masked === path) {
    if (cleanPaths.size >= MAX_CLEAN_PATHS) cleanPaths.clear();
    cleanPaths.set(path, json);
  }
  return json;
}

const METHODS = new Map(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map((m) => [m, JSON.stringify(m)]));

/** JSON lines on a stream (stdout: written once per turn of the event loop); every key and value of a line goes through the core's masking. */
export function createLogger(write: (line: string) => void = stdoutLines(), level: Level = 'info'): Logger {
  const emit = (lvl: 'info' | 'warn' | 'error') => (message: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[lvl] < ORDER[level]) return;
    // Masked as a value, not as text: a mobile logged as a JSON number must stay valid JSON once masked.
    const plain: unknown = JSON.parse(JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...fields }));
    write(JSON.stringify(maskPersonalDataDeep(plain)));
  };
  const info = emit('info');
  return {
    info, warn: emit('warn'), error: emit('error'),
    request: (method, path, status, ms) => {
      if (ORDER.info < ORDER[level]) return;
      // The same line `info('request', { method, path, status, ms })` writes, keys in the same order.
      const methodJson = METHODS.get(method) ?? JSON.stringify(maskPersonalData(method));
      write(`{"time":"${isoNow()}","level":"info","message":"request","method":${methodJson},"path":${pathJson(path)},"status":${status},"ms":${ms}}`);
    },
  };
}

const STARTED = Symbol('request started');
type TimedResponse = ServerResponse & { [STARTED]?: number; req?: ApiRequest & { originalUrl?: string } };

function pathOf(url: string | undefined): string {
  if (url === undefined) return '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** One line per request: method, path, status, duration — never the body, so never form data. */
export function requestLog(logger: Logger) {
  // One listener for every response (no closure per request): `this` is the response.
  function finished(this: TimedResponse): void {
    const ms = Math.round((performance.now() - (this[STARTED] ?? 0)) * 1000) / 1000;
    const req = this.req;
    const method = req?.method ?? '';
    const path = pathOf(req?.originalUrl ?? req?.url);
    if (logger.request) logger.request(method, path, this.statusCode, ms);
    else logger.info('request', { method, path, status: this.statusCode, ms });
  }
  return (req: ApiRequest, res: ServerResponse, next: () => void): void => {
    (res as TimedResponse)[STARTED] = performance.now();
    res.on('finish', finished);
    next();
  };
}
