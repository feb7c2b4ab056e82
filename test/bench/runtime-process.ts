/**
 * The runtime in its own process, either as shipped (`built`: dist/server/runtime.mjs, the bundle
 * `npm run start:runtime` runs with plain node, built from the current sources by
 * `buildBenchProcesses`) or from source through tsx (`source`: runtime-child.ts, what
 * runtime/server/main.ts composes). Both run the decision log, intake store, request logging at
 * info, stores from the environment (SQLite under TONGBAN_DATA_DIR, or MongoDB when MONGODB_URI is
 * set). Its request log goes to a file, as an operator's would. The store is seeded with versions
 * signed by a key made for the run, which the runtime is told to trust.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync, readSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildServers, SERVER_BUNDLE_DIR } from '../../designer/cli/build-servers.js';
import { contentHash, trustedKeyEntry, createSigner, generateSigningKeyPair, signVersion, type ItemConfig, type VersionRecord } from '../../engine/core/index.js';
import { openConfigStore, type StoreSettings } from '../../engine/adapters/index.js';
import { createPrincipal, generateBearerToken, seedEmptyStore } from '../../engine/services/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';

const CHILD = fileURLToPath(new URL('./runtime-child.ts', import.meta.url));

/**
 * The node flags `npm run start:runtime` runs the runtime with (package.json), so the built runtime is
 * measured with the flags it ships with: every word between `node` and the bundle but source maps,
 * which the bench adds itself.
 */
export const SHIPPED_NODE_ARGS: readonly string[] = (() => {
  const manifest = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { scripts: Record<string, string> };
  const words = (manifest.scripts['start:runtime'] ?? '').split(/\s+/).filter(Boolean);
  return words.slice(1, words.findIndex((word) => word.endsWith('.mjs'))).filter((word) => word !== '--enable-source-maps');
})();
const RUNTIME_BUNDLE = join(SERVER_BUNDLE_DIR, 'runtime.mjs');
const BARE = fileURLToPath(new URL('./http-server.ts', import.meta.url));
const BARE_BUNDLE = join(SERVER_BUNDLE_DIR, '..', 'bench', 'bare-server.mjs');

/** How a runtime (and the bare endpoint beside it) is started: the built bundle on plain node, as shipped, or the TypeScript through tsx. */
export type ProcessEntry = 'built' | 'source';

/** Builds the server bundles from the current sources, and the bare endpoint the same way, so both sides of a ratio start alike. */
export async function buildBenchProcesses(): Promise<void> {
  await buildServers();
  await build({ entryPoints: [BARE], outfile: BARE_BUNDLE, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
}

/** The publishing key of this run: seeded versions are signed with it, the runtime trusts it. */
const publishingKey = generateSigningKeyPair();
const signer = createSigner(publishingKey);

export const BENCH_DIVISION = '150102';

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

export function environmentFor(settings: StoreSettings): NodeJS.ProcessEnv {
  return {
    TONGBAN_DATA_DIR: settings.dataDir,
    MONGODB_DB: settings.mongodbDatabase,
    ...(settings.mongodbUri ? { MONGODB_URI: settings.mongodbUri } : {}),
  };
}

const BENCH_OPERATOR_ID = 'operator-bench';
/** The bearer token of the bench's window operator (this process's; the runtime reads its hash from the store). */
export const BENCH_OPERATOR_TOKEN = generateBearerToken();

/** A fresh installation's config store: the sample catalogue claimed at the bench locality, plus `extra` items. */
export async function seedInstallation(settings: StoreSettings, extra: readonly ItemConfig[] = []): Promise<void> {
  const store = await openConfigStore(settings);
  try {
    await seedEmptyStore({ store, catalogue: loadSampleCatalogue(), claimFor: [BENCH_DIVISION], signer });
    // A signed-in window: only its evaluations are recorded (anonymous ones are answered and forgotten).
    if (!(await store.listPrincipals()).some((p) => p.id === BENCH_OPERATOR_ID)) {
      await createPrincipal({ store, input: { id: BENCH_OPERATOR_ID, name: '基准测试窗口', role: 'operator', division: BENCH_DIVISION }, actor: 'bench', token: BENCH_OPERATOR_TOKEN });
    }
    const at = new Date().toISOString();
    for (const config of extra) {
      await store.upsertItem({ code: config.code, name: config.standard.name, department: config.standard.department.name, createdAt: at });
      await store.putClaim({ division: BENCH_DIVISION, code: config.code, follow: 'latest', local: {}, claimedAt: at, claimedBy: 'bench', updatedAt: at, updatedBy: 'bench' });
      const version: VersionRecord = { code: config.code, version: 1, hash: contentHash(config), baseVersion: null, publishedAt: at, publishedBy: 'bench', author: 'bench', reviewer: null, reason: 'bench', legalBasis: 'bench', changeKind: 'establish', config };
      await store.insertVersion({ ...version, signature: signVersion(version, signer) });
    }
  } finally {
    await store.close();
  }
}

export interface RuntimeProcess {
  url: string;
  child: ChildProcess;
  /** When the process was spawned (performance.now()). */
  spawnedAt: number;
  /** SIGTERM, and resolves once it has exited. */
  stop(): Promise<void>;
}

/** How long a runtime may take to answer its first /api/health (through tsx, on a loaded box), and one attempt at it. */
const START_TIMEOUT_MS = 60_000;
const HEALTH_ATTEMPT_MS = 2_000;

/** Whether the log, from `offset` on, matches `banner` (the start's banner: within its first 64 KiB). */
function announces(logFile: string, offset: number, banner: RegExp): boolean {
  const fd = openSync(logFile, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const read = readSync(fd, buffer, 0, buffer.length, offset);
    return banner.test(buffer.subarray(0, read).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** Spawns the runtime and resolves once its banner names its port and /api/health answers (at all: a refused version makes it 503). */
export async function startRuntime(settings: StoreSettings, logFile: string, env: NodeJS.ProcessEnv = {}, nodeArgs: readonly string[] = [], entry: ProcessEntry = 'source'): Promise<RuntimeProcess> {
  const port = await freePort();
  // The shipped runtime reads its trusted keys as an operator configures them: a file named by TONGBAN_TRUSTED_KEYS.
  const trustedKeysFile = join(settings.dataDir, 'bench-trusted-keys.json');
  if (entry === 'built') writeFileSync(trustedKeysFile, JSON.stringify([trustedKeyEntry(publishingKey.publicKey, '2000-01-01T00:00:00.000Z')]));
  // The log may hold earlier starts (the bench restarts on one file): only what this start writes counts.
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const log = openSync(logFile, 'a');
  const spawnedAt = performance.now();
  const args = entry === 'built' ? [...SHIPPED_NODE_ARGS, ...nodeArgs, '--enable-source-maps', RUNTIME_BUNDLE] : [...SHIPPED_NODE_ARGS, ...nodeArgs, '--import', 'tsx', CHILD];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...environmentFor(settings), PORT: String(port), TONGBAN_HOST: '127.0.0.1', TONGBAN_LOG_LEVEL: 'info',
      ...(entry === 'built' ? { TONGBAN_TRUSTED_KEYS: trustedKeysFile } : {}),
      // One load generator is one client address: the public limit stays on (its cost is counted) but out of reach.
      TONGBAN_PUBLIC_RATE_LIMIT: '1000000000',
      BENCH_TRUSTED_PUBLIC_KEY: publishingKey.publicKey, ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  let dead = false;
  void exited.then(() => (dead = true));
  const banner = new RegExp(`//localhost:${port}[/\\n]`);
  for (;;) {
    if (dead) throw new Error(`the runtime exited before answering (log: ${logFile})`);
    if (performance.now() - spawnedAt > START_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(`the runtime did not answer /api/health within ${START_TIMEOUT_MS / 1000} s (log: ${logFile})`);
    }
    // Not before its banner says it listens on the port: until then another test's server may hold
    // the port freePort() found (a moment free is no reservation), and would answer the health check.
    if (announces(logFile, logStart, banner)) {
      try {
        // Each attempt is bounded: one that hangs is given up and tried again.
        await (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(HEALTH_ATTEMPT_MS) })).arrayBuffer();
        break;
      } catch {
        // not answering yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    url, child, spawnedAt,
    stop: async () => {
      if (!dead) child.kill('SIGTERM');
      await exited;
    },
  };
}

export interface Application {
  code: string;
  body: { scenario: string; formData: Record<string, unknown>; materials: string[]; date: string };
}

/** An application to a sample item as its own example gives it (an accepted one where there is one). */
export function sampleApplication(): Application {
  const config = loadSampleCatalogue().find((c) => c.standard.channel === 'comprehensive-window' && c.examples.length > 0);
  if (!config) throw new Error('the sample catalogue has no comprehensive-window item with an example');
  const example = config.examples.find((e) => e.expect.outcome === 'accept') ?? config.examples[0];
  const { division: _division, channel: _channel, ...input } = (example?.input ?? {}) as { division?: string; channel?: string; scenario: string; formData: Record<string, unknown>; materials: string[]; date?: string };
  return { code: config.code, body: { ...input, date: input.date ?? '2025-06-01' } };
}

/** Publishes `config` as version `version` of its item, signed with this run's key (for the propagation measurement). */
export async function publishSigned(settings: StoreSettings, config: ItemConfig, version: number): Promise<void> {
  const store = await openConfigStore(settings);
  try {
    const fields: VersionRecord = { code: config.code, version, hash: contentHash(config), baseVersion: version - 1, publishedAt: new Date().toISOString(), publishedBy: 'bench', author: 'bench', reviewer: null, reason: 'bench', legalBasis: 'bench', changeKind: 'amend', config };
    await store.insertVersion({ ...fields, signature: signVersion(fields, signer) });
  } finally {
    await store.close();
  }
}

/** The bare Express endpoint in its own process, started as the runtime beside it is (built: plain node on its bundle; source: through tsx). */
export async function startBare(entry: ProcessEntry = 'source'): Promise<RuntimeProcess> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, entry === 'built' ? [BARE_BUNDLE] : ['--import', 'tsx', BARE], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /LISTENING (\d+)/.exec(chunk.toString());
      if (match) resolve(Number(match[1]));
    });
    void exited.then(() => reject(new Error('the bare server exited')));
  });
  return {
    url: `http://127.0.0.1:${port}`, child, spawnedAt,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
