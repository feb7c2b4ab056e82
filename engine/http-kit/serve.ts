import type { Express } from 'express';
import { createServer, type Server } from 'node:http';
import type { Logger } from './index.js';

export interface ServeOptions {
  logger: Logger;
  /** Lines printed once listening, given the base URL. */
  banner: (url: string) => string[];
  /** Releases stores after the last in-flight request has finished. */
  close: () => Promise<void>;
  /** How long in-flight requests may take to finish on SIGTERM before the process exits anyway. */
  graceMs?: number;
  /** The address to listen on (TONGBAN_HOST); loopback unless the operator opens it up. */
  host?: string;
}


/**
 * Listens, and on SIGTERM/SIGINT stops accepting connections, lets in-flight requests finish,
 * then closes the stores cleanly (no half-written SQLite WAL, no dangling Mongo sockets).
 */
export async function serveUntilSignalled(app: Express, port: number, options: ServeOptions): Promise<Server> {
  const host = options.host ?? '127.0.0.1';
  // Not app.listen: Express 5 calls its callback on a listen error too, so a port in use printed
  // the "running" banner and exited 0.
  const server = createServer(app);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        const reason = error.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use` : error.code === 'EADDRNOTAVAIL' ? `address ${host} is not available here` : error.message;
        reject(new Error(`Tongban cannot listen: ${reason} (set PORT / TONGBAN_HOST)`));
      });
      server.listen(port, host, () => resolve());
    });
  } catch (error) {
    // A server that cannot listen must not pretend to run: say why, release the stores, exit 1.
    process.stderr.write(`${(error as Error).message}\n`);
    await options.close().catch(() => undefined);
    process.exit(1);
  }
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const shown = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  process.stdout.write(options.banner(`http://${shown}:${actualPort}`).join('\n') + '\n');
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
