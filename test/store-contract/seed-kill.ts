import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { listDivisions, verifyAuditChain } from '../../engine/core/index.js';
import { openConfigStore, storeSettingsFromEnv } from '../../engine/adapters/index.js';
import { AuditTrailAuditor, generateBearerToken } from '../../engine/services/index.js';
import { loadTrustedKeys } from '../../engine/adapters/key-files/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';

const root = new URL('../..', import.meta.url).pathname;

/** What a first start left in the store, counted straight from the store's own files or collections. */
export interface SeededContents {
  items: number;
  versions: number;
  claims: number;
  seededEvents: number;
  admins: number;
  /** Items without any version: what a half-written seed looks like. */
  orphans: number;
}

/** One store to run first starts on: its environment, how to count what it holds, and when its first write happened. */
export interface SeedKillTarget {
  /** A fresh, empty store for each call (a new data directory, a new database). */
  fresh(): Promise<SeedKillStore>;
}

export interface SeedKillStore {
  env: Record<string, string>;
  dataDir: string;
  contents(): Promise<SeededContents>;
  /** Anything at all written to the store (a file, a collection): configuration errors must leave none. */
  written(): Promise<boolean>;
  /** A cheap probe that changes once the start writes its first record; the kill is timed from then. */
  writeMarker(): Promise<number>;
  drop(): Promise<void>;
}

/** Runs the first start as `npm start` does; kills it with SIGKILL `killAfterMs` after its first write, or lets it come up and stops it. */
async function firstStart(store: SeedKillStore, env: Record<string, string>, killAfterMs: number | null): Promise<{ code: number | null; output: string; listened: boolean }> {
  const before = await store.writeMarker();
  const child = spawn(process.execPath, ['--import', 'tsx', 'designer/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', TONGBAN_DATA_DIR: store.dataDir, MONGODB_URI: '', RUNTIME_MONGODB_URI: '', TONGBAN_LOG_LEVEL: 'silent', ...store.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let listened = false;
  let exited = false;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (!listened && /Designer API\s+http/.test(output)) {
      listened = true;
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => { exited = true; resolve(code); }));
  let timer: NodeJS.Timeout | null = null;
  if (killAfterMs !== null) {
    // Seeding follows the first write at once, so the kill is timed from it.
    void (async () => {
      while (!exited && !timer) {
        if ((await store.writeMarker().catch(() => before)) !== before) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        else await new Promise((r) => setTimeout(r, 2));
      }
    })();
  }
  const code = await exit;
  if (timer) clearTimeout(timer);
  return { code, output, listened };
}

/** A small seeded generator, so every run kills at the same moments. */
function delays(seed: number, count: number, from: number, to: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return from + (state % (to - from));
  });
}

export function freshDataDir(dirs: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-seed-kill-'));
  dirs.push(dir);
  return dir;
}

/**
 * The first-start contract on one store: a start killed with SIGKILL at any point leaves a store
 * the next start completes (the whole catalogue, then the administrator — never a half-seeded
 * catalogue that looks complete), and a start refused on configuration writes nothing.
 */
export function describeSeedKill(storeName: string, target: SeedKillTarget, { kills, killWindowMs }: { kills: number; killWindowMs: number }): void {
  const catalogue = loadSampleCatalogue();
  const localities = listDivisions().filter((d) => d.level !== 'region').length;
  const opened: SeedKillStore[] = [];
  afterAll(async () => {
    for (const store of opened) await store.drop();
  });
  const fresh = async () => {
    const store = await target.fresh();
    opened.push(store);
    return store;
  };

  it(`${storeName}: killed with SIGKILL at random points, the first start completes on the next start: the whole catalogue, then the admin`, async () => {
    const store = await fresh();
    const token = generateBearerToken();
    const partial: number[] = [];
    for (const delay of delays(19, kills, 0, killWindowMs)) {
      const run = await firstStart(store, { TONGBAN_ADMIN_TOKEN: token }, delay);
      const seen = await store.contents();
      if (!run.listened) {
        // A killed start never looks finished: either no admin yet, or everything is there.
        if (seen.admins > 0) expect(seen).toMatchObject({ items: catalogue.length, versions: catalogue.length, orphans: 0 });
        if (seen.items > 0 && seen.admins === 0) partial.push(seen.items);
      }
      if (run.listened) break;
    }
    const last = await firstStart(store, { TONGBAN_ADMIN_TOKEN: token }, null);
    expect(last.listened, last.output).toBe(true);
    console.info(`${storeName}: first starts killed with a partial store of ${partial.join(', ') || 'no'} items`);
    expect(await store.contents()).toEqual({
      items: catalogue.length, versions: catalogue.length, claims: catalogue.length * localities,
      seededEvents: catalogue.length, admins: 1, orphans: 0,
    });
    // What the killed starts wrote chains like the rest: the trail verifies — the chain, its signed
    // checkpoints, and every seeded version with its event (none without, none twice).
    const opened = await openConfigStore(storeSettingsFromEnv({ TONGBAN_DATA_DIR: store.dataDir, ...store.env }));
    try {
      expect(verifyAuditChain(await opened.listAudit({ limit: 100_000 })).ok).toBe(true);
      const { trustedKeys } = loadTrustedKeys({ env: {}, dataDir: store.dataDir });
      const report = await new AuditTrailAuditor({ reader: opened, trustedKeys }).verify();
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
    } finally {
      await opened.close();
    }
  }, 300_000);

  it(`${storeName}: the first start checks the configuration before it writes anything`, async () => {
    for (const env of [{ TONGBAN_ADMIN_TOKEN: 'not-a-token' }, { TONGBAN_PUBLIC_RATE_LIMIT: 'lots' }] as Record<string, string>[]) {
      const store = await fresh();
      const run = await firstStart(store, env, null);
      expect(run.code, run.output).toBe(1);
      expect(run.listened).toBe(false);
      expect(run.output).toMatch(/TONGBAN_ADMIN_TOKEN|TONGBAN_PUBLIC_RATE_LIMIT/);
      expect(await store.written()).toBe(false);
      // Not even the publishing key a first start would generate under the data directory.
      expect(readdirSync(store.dataDir)).toEqual([]);
    }
  }, 120_000);
}

export function removeDirs(dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
