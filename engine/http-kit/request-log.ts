import type { ServerResponse } from 'node:http';
import { maskPersonalDataDeep } from '../core/masking/index.js';
import type { ApiRequest } from './mount.js';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** JSON lines on a stream; every key and value of a line goes through the core's masking. */
export function createLogger(write: (line: string) => void = (line) => process.stdout.write(line + '\n'), level: 'info' | 'warn' | 'error' | 'silent' = 'info'): Logger {
  const order = { info: 0, warn: 1, error: 2, silent: 3 };
  const emit = (lvl: 'info' | 'warn' | 'error') => (message: string, fields: Record<string, unknown> = {}) => {
    if (order[lvl] < order[level]) return;
    // Masked as a value, not as text: a mobile logged as a JSON number must stay valid JSON once masked.
    const plain: unknown = JSON.parse(JSON.stringify({ time: new Date().toISOString(), level: lvl, message, ...fields }));
    write(JSON.stringify(maskPersonalDataDeep(plain)));
  };
  return { info: emit('info'), warn: emit('warn'), error: emit('error') };
}

/** One line per request: method, path, status, duration — never the body, so never form data. */
export function requestLog(logger: Logger) {
  return (req: ApiRequest, res: ServerResponse, next: () => void): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info('request', {
        method: req.method,
        path: req.url?.split('?')[0],
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
      });
    });
    next();
  };
}
