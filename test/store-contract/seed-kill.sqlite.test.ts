import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { listDivisions } from '../../engine/core/index.js';
import { generateBearerToken } from '../../engine/services/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';

const root = new URL('../..', import.meta.url).pathname;
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-seed-kill-'));
  dirs.push(dir);
  return dir;
}

/** Runs the first start as `npm start` does; kills it with SIGKILL `killAfterMs` after its store file appears, or lets it come up and stops it. */
function firstStart(dir: string, env: Record<string, string>, killAfterMs: number | null): Promise<{ code: number | null; output: string; listened: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'designer/server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: '0', TONGBAN_DATA_DIR: dir, MONGODB_URI: '', RUNTIME_MONGODB_URI: '', TONGBAN_LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let listened = false;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (!listened && /Designer API\s+http/.test(output)) {
      listened = true;
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  // The kill is timed from this start's first write (the write-ahead log changes): seeding follows at once.
  const wal = join(dir, 'tongban.db-wal');
  const walSize = () => (existsSync(wal) ? statSync(wal).size : -1);
  const before = walSize();
  let timer: NodeJS.Timeout | null = null;
  const watch = killAfterMs === null ? null : setInterval(() => {
    if (walSize() === before || timer) return;
    timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  }, 2);
  return new Promise((resolve) => child.on('exit', (code) => {
    if (watch) clearInterval(watch);
    if (timer) clearTimeout(timer);
    resolve({ code, output, listened });
  }));
}

function storeContents(dir: string) {
  const file = join(dir, 'tongban.db');
  if (!existsSync(file)) return { items: 0, versions: 0, claims: 0, seededEvents: 0, admins: 0, orphans: 0 };
  const db = new Database(file, { readonly: true });
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const contents = {
    items: count('SELECT COUNT(*) AS n FROM items'),
    versions: count('SELECT COUNT(*) AS n FROM versions'),
    claims: count('SELECT COUNT(*) AS n FROM claims'),
    seededEvents: count("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'store.seeded'"),
    admins: count("SELECT COUNT(*) AS n FROM principals WHERE json_extract(record_json, '$.role') = 'admin'"),
    orphans: count('SELECT COUNT(*) AS n FROM items i WHERE NOT EXISTS (SELECT 1 FROM versions v WHERE v.code = i.code)'),
  };
  db.close();
  return contents;
}

/** A small seeded generator, so every run kills at the same moments. */
function delays(seed: number, count: number, from: number, to: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return from + (state % (to - from));
  });
}

describe('first start', () => {
  const catalogue = loadSampleCatalogue();
  const localities = listDivisions().filter((d) => d.level !== 'region').length;

  it('killed with SIGKILL at random points, completes on the next start: the whole catalogue, then the admin', async () => {
    const dir = dataDir();
    const token = generateBearerToken();
    const partial: number[] = [];
    for (const delay of delays(19, 6, 0, 600)) {
      const run = await firstStart(dir, { TONGBAN_ADMIN_TOKEN: token }, delay);
      const seen = storeContents(dir);
      if (!run.listened && seen.items > 0 && seen.admins === 0) partial.push(seen.items);
      if (run.listened) break;
    }
    const last = await firstStart(dir, { TONGBAN_ADMIN_TOKEN: token }, null);
    expect(last.listened, last.output).toBe(true);
    console.info(`first starts killed with a partial store of ${partial.join(', ') || 'no'} items`);
    expect(storeContents(dir)).toEqual({
      items: catalogue.length, versions: catalogue.length, claims: catalogue.length * localities,
      seededEvents: catalogue.length, admins: 1, orphans: 0,
    });
  }, 240_000);

  it('checks the configuration before it writes anything', async () => {
    for (const env of [{ TONGBAN_ADMIN_TOKEN: 'not-a-token' }, { TONGBAN_PUBLIC_RATE_LIMIT: 'lots' }] as Record<string, string>[]) {
      const dir = dataDir();
      const run = await firstStart(dir, env, null);
      expect(run.code, run.output).toBe(1);
      expect(run.listened).toBe(false);
      expect(run.output).toMatch(/TONGBAN_ADMIN_TOKEN|TONGBAN_PUBLIC_RATE_LIMIT/);
      expect(existsSync(join(dir, 'tongban.db'))).toBe(false);
    }
  }, 120_000);
});
