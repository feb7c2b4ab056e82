// Builds and runs a real MongoDB-protocol server for the test suite:
// FerretDB 1.24 (SQLite backend) embedded in the tiny Go program in
// test/mongo-server. Node built-ins only.

import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { constants as fsConstants, rmSync } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Directory holding go.mod, go.sum and main.go of the FerretDB wrapper. */
export const MONGO_SERVER_SRC_DIR = fileURLToPath(new URL('../mongo-server/', import.meta.url));

/** Files whose contents (concatenated in this order) key the binary cache. build.sh hashes the same. */
const HASHED_FILES = ['go.mod', 'go.sum', 'main.go'] as const;

const BINARY_NAME = 'ferretdb-sqlite';
const READY_TIMEOUT_MS = 60_000;
const BUILD_TIMEOUT_MS = 15 * 60_000;
const STOP_GRACE_MS = 5_000;
const MAX_OUTPUT_CHARS = 64 * 1024;

/** Returns the cache path of the binary for the current sources (does not build). */
export async function ferretBinaryPath(): Promise<string> {
  const override = process.env.TONGBAN_FERRETDB_BIN;
  if (override) return path.resolve(override);

  const hash = createHash('sha256');
  for (const name of HASHED_FILES) {
    hash.update(await readFile(path.join(MONGO_SERVER_SRC_DIR, name)));
  }
  const key = hash.digest('hex').slice(0, 12);
  const cacheHome = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cacheHome, 'tongban', `ferretdb-${key}`, BINARY_NAME);
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Appends to a bounded buffer (keeps the tail). */
function appendBounded(buf: string, chunk: string): string {
  const next = buf + chunk;
  return next.length > MAX_OUTPUT_CHARS ? next.slice(next.length - MAX_OUTPUT_CHARS) : next;
}

function runGoBuild(outFile: string): Promise<void> {
  // The machine default is GOTOOLCHAIN=local (never fetch a toolchain); keep it unless the caller overrides.
  const env: NodeJS.ProcessEnv = { ...process.env, GOTOOLCHAIN: process.env.GOTOOLCHAIN || 'local' };
  const args = ['build', '-buildvcs=false', '-trimpath', '-o', outFile, '.'];

  return new Promise((resolve, reject) => {
    let output = '';
    let child: ChildProcess;
    try {
      child = spawn('go', args, { cwd: MONGO_SERVER_SRC_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      reject(new Error(`cannot run "go build": ${(err as Error).message}`));
      return;
    }
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`"go build" of FerretDB timed out after ${BUILD_TIMEOUT_MS / 1000}s\n${output}`));
    }, BUILD_TIMEOUT_MS);
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (output = appendBounded(output, d)));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (output = appendBounded(output, d)));
    child.on('error', (err) => {
      clearTimeout(timer);
      const hint = (err as NodeJS.ErrnoException).code === 'ENOENT' ? ' (is Go installed and on PATH?)' : '';
      reject(new Error(`cannot run "go build"${hint}: ${err.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `"go build" of FerretDB in ${MONGO_SERVER_SRC_DIR} failed (exit ${code ?? signal}):\n${output.trim()}`,
          ),
        );
    });
  });
}

let buildPromise: Promise<string> | undefined;

/**
 * Returns the path of the FerretDB+SQLite server binary, building it once into a cache directory
 * outside the repository (TONGBAN_FERRETDB_BIN overrides the path). The build writes to a temp
 * file next to the target and renames it into place, so concurrent builders never expose a
 * half-written binary.
 */
export function ensureFerretBinary(): Promise<string> {
  buildPromise ??= (async () => {
    const bin = await ferretBinaryPath();
    if (await isExecutable(bin)) return bin;

    await mkdir(path.dirname(bin), { recursive: true });
    const tmp = `${bin}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      await runGoBuild(tmp);
      await rename(tmp, bin);
    } finally {
      await rm(tmp, { force: true });
    }
    return bin;
  })();
  // Do not cache failures: a later call may succeed (e.g. after fixing the toolchain).
  buildPromise.catch(() => (buildPromise = undefined));
  return buildPromise;
}

export interface MongoServer {
  /** mongodb://127.0.0.1:PORT/ */
  uri: string;
  /** SIGTERM, wait (SIGKILL after a few seconds), remove the data directory. Idempotent. */
  stop(): Promise<void>;
}

export interface StartMongoServerOptions {
  /** Binary to run; defaults to ensureFerretBinary(). */
  binary?: string;
  /** TCP port on 127.0.0.1; defaults to 0 (the server binds a free port itself, no race). */
  port?: number;
}

/** Starts a FerretDB server on a free loopback port with a fresh temporary SQLite data directory. */
export async function startMongoServer(options: StartMongoServerOptions = {}): Promise<MongoServer> {
  const binary = options.binary ?? (await ensureFerretBinary());
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-ferretdb-'));

  let output = '';
  let exited = false;
  const child = spawn(binary, ['-listen', `127.0.0.1:${options.port ?? 0}`, '-data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  // If the test process dies without calling stop(), do not leave the server behind.
  const killOnExit = (): void => {
    if (!exited) child.kill('SIGKILL');
    try {
      rmSync(dataDir, { recursive: true, force: true });
    } catch {
      // best effort while the process is exiting
    }
  };
  process.once('exit', killOnExit);

  const exitPromise = new Promise<void>((resolve) => {
    const done = (): void => {
      exited = true;
      process.off('exit', killOnExit);
      resolve();
    };
    child.once('close', done);
    // A failed spawn (e.g. ENOENT) emits 'error' and may never emit 'close'.
    child.once('error', () => {
      if (child.pid === undefined) done();
    });
  });

  const cleanup = async (): Promise<void> => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (!exited) child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      await exitPromise;
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  let uri: string;
  try {
    uri = await new Promise<string>((resolve, reject) => {
      let stdoutLine = '';
      const fail = (why: string): void => {
        reject(new Error(`FerretDB (${binary}) ${why}\n--- server output ---\n${output.trim()}`));
      };
      const timer = setTimeout(() => fail(`did not print READY within ${READY_TIMEOUT_MS / 1000}s`), READY_TIMEOUT_MS);

      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        output = appendBounded(output, d);
        stdoutLine += d;
        const m = /^READY (\S+)\s*$/m.exec(stdoutLine);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.stderr!.setEncoding('utf8').on('data', (d: string) => (output = appendBounded(output, d)));
      child.once('error', (err) => {
        clearTimeout(timer);
        fail(`could not be started: ${err.message}`);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(`exited before it was ready (exit ${code ?? signal})`);
      });
    });
  } catch (err) {
    await cleanup();
    throw err;
  }

  let stopping: Promise<void> | undefined;
  return {
    uri,
    stop: () => (stopping ??= cleanup()),
  };
}
