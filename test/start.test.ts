import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { generateBearerToken } from '../engine/services/index.js';
import { buildServers } from '../designer/cli/build-servers.js';
import packageJson from '../package.json' with { type: 'json' };
import { exitOf, startBuiltServer, type BuiltServer } from './support/built-server.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const dataDir = mkdtempSync(join(tmpdir(), 'tongban-start-'));
const adminToken = generateBearerToken();
const asAdmin = { headers: { Authorization: `Bearer ${adminToken}` } };

/** `npm start`'s command (node on the built bundle, after its prestart built it), with this node. */
const [startProgram, ...startArgs] = packageJson.scripts.start.split(' ');

/** Starts the product exactly as `npm start` does and resolves with its base URL once it listens. */
function start(): Promise<BuiltServer> {
  return startBuiltServer(startArgs, { PORT: '0', TONGBAN_DATA_DIR: dataDir, MONGODB_URI: '', RUNTIME_MONGODB_URI: '', TONGBAN_ADMIN_TOKEN: adminToken }, /Designer API\s+(http:\/\/localhost:\d+)/);
}

const exited = exitOf;

describe('npm start', () => {
  // The server part of `npm start`'s prestart (the web apps are not needed here).
  beforeAll(async () => {
    expect(startProgram).toBe('node');
    await buildServers();
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the sample catalogue on first start only, serves it, and shuts down cleanly on SIGTERM', async () => {
    const first = await start();
    const items = await (await fetch(`${first.url}/api/items`, asAdmin)).json() as { items: { code: string; latestVersion: number }[] };
    expect(items.items.length).toBeGreaterThanOrEqual(3);
    expect(items.items.every((i) => i.latestVersion === 1)).toBe(true);
    expect(items.items.map((i) => i.code)).toContain('SAMPLE-GA-0001');
    expect(first.output()).toMatch(/Runtime API\s+http/);
    expect(first.output()).toContain('TONGBAN_ADMIN_TOKEN');
    expect((await fetch(`${first.url}/api/items`)).status).toBe(401);
    const offered = await (await fetch(`${first.url}/api/runtime/152921/items`)).json() as { items: unknown[] };
    expect(offered.items).toHaveLength(items.items.length);
    const health = await (await fetch(`${first.url}/api/health`)).json() as { status: string };
    expect(health.status).toBe('ok');
    // No configured key: one is generated under the data directory (private key 0600) and trusted, so the seeded catalogue is signed and served.
    expect(statSync(join(dataDir, 'keys', 'signing-key.json')).mode & 0o777).toBe(0o600);
    expect(first.output()).toContain('tongban key init');
    expect((await fetch(`${first.url}/api/runtime/152921/items/SAMPLE-GA-0001`)).status).toBe(200);
    // A request in flight when SIGTERM arrives still gets its answer.
    const inFlight = fetch(`${first.url}/api/runtime/150102/items`);
    first.child.kill('SIGTERM');
    expect((await inFlight).status).toBe(200);
    expect(await exited(first.child)).toBe(0);

    const second = await start();
    const again = await (await fetch(`${second.url}/api/items`, asAdmin)).json() as { items: unknown[] };
    expect(again.items).toHaveLength(items.items.length);
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);

    const db = new Database(join(dataDir, 'tongban.db'), { readonly: true });
    const seeded = db.prepare("SELECT COUNT(*) AS n FROM audit_events WHERE action = 'store.seeded'").get() as { n: number };
    const versions = db.prepare('SELECT COUNT(*) AS n FROM versions').get() as { n: number };
    expect(seeded.n).toBe(items.items.length);
    expect(versions.n).toBe(items.items.length);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
  it('exits non-zero with a clear message when its port is taken, instead of claiming to run', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const child = spawn(process.execPath, startArgs, {
        cwd: root,
        env: { ...process.env, PORT: String(port), TONGBAN_DATA_DIR: dataDir, MONGODB_URI: '', RUNTIME_MONGODB_URI: '', TONGBAN_ADMIN_TOKEN: adminToken },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      expect(await exited(child)).toBe(1);
      expect(output).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(output).not.toContain('is running on');
    } finally {
      blocker.close();
    }
  }, 30_000);
});
