import type { Express } from 'express';
import type { Server } from 'node:http';
import type { Logger } from './index.js';

export interface ServeOptions {
  logger: Logger;
  /** Lines printed once listening, given the base URL. */
  banner: (url: string) => string[];
  /** Releases stores after the last in-flight request has finished. */
  close: () => Promise<void>;
  /** How long in-flight requests may take to finish on SIGTERM before the process exits anyway. */
  graceMs?: number;
}

/**
 * Listens, and on SIGTERM/SIGINT stops accepting connections, lets in-flight requests finish,
 * then closes the stores cleanly (no half-written SQLite WAL, no dangling Mongo sockets).
 */
export async function serveUntilSignalled(app: Express, port: number, options: ServeOptions): Promise<Server> {
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, () => resolve(s));
    s.on('error', reject);
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  process.stdout.write(options.banner(`http://localhost:${actualPort}`).join('\n') + '\n');
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    options.logger.info('shutting down', { signal });
    const timer = setTimeout(() => {
      options.logger.warn('in-flight requests did not finish in time; closing anyway', {});
      server.closeAllConnections();
    }, options.graceMs ?? 10_000);
    timer.unref();
    server.close(() => {
      options.close().then(
        () => process.exit(0),
        (error) => {
          options.logger.error('error while closing stores', { error: String(error) });
          process.exit(1);
        },
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  return server;
}
