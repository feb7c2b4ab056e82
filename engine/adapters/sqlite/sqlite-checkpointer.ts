import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the WAL is copied back into the database file. */
export const CHECKPOINT_INTERVAL_MS = 1000;

export interface Checkpointer {
  stop(): Promise<void>;
}

/*
 * Plain CommonJS run with `eval`, so the worker needs no loader for TypeScript (tsx, vitest) and
 * no build step. It opens its own connection: a checkpoint then blocks neither the writer's event
 * loop nor its commits (PASSIVE never waits for readers or writers).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db = null;
const checkpoint = () => {
  try {
    if (!db) { db = new Database(workerData.file, { fileMustExist: true }); db.pragma('busy_timeout = 1000'); }
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  if (db) db.close();
  parentPort.close();
});
`;

/**
 * Runs WAL checkpoints of `file` every `intervalMs` on a worker thread. Failures are not fatal (the
 * WAL only grows until the next checkpoint succeeds).
 */
export function startCheckpointer(file: string, intervalMs = CHECKPOINT_INTERVAL_MS): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver, intervalMs } });
  worker.unref();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', () => undefined);
  return {
    stop: async () => {
      worker.postMessage('stop');
      const timeout = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timeout);
    },
  };
}
