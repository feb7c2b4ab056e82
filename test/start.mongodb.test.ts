import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildServers } from '../designer/cli/build-servers.js';
import { generateBearerToken } from '../engine/services/index.js';
import { loadSampleCatalogue } from '../standards/sample-catalogue.js';
import packageJson from '../package.json' with { type: 'json' };
import { exitOf, scriptArgs, startBuiltServer, type BuiltServer } from './support/built-server.js';

const uri = inject('mongoUri') ?? '';
const skipReason = inject('mongoSkipReason') ?? 'global setup did not provide mongoUri';
const dataDir = mkdtempSync(join(tmpdir(), 'tongban-start-mongodb-'));
const adminToken = generateBearerToken();
const database = `tongban_start_${Date.now()}`;

/** Spawns a built server as its script does, on MongoDB, once its banner names its URL. */
function startBuilt(script: string, banner: RegExp, env: NodeJS.ProcessEnv): Promise<BuiltServer> {
  return startBuiltServer(scriptArgs(script), { PORT: '0', TONGBAN_DATA_DIR: dataDir, MONGODB_URI: uri, MONGODB_DB: database, TONGBAN_ADMIN_TOKEN: adminToken, ...env }, banner);
}

function stop(child: ChildProcess): Promise<number | null> {
  const exited = exitOf(child);
  child.kill('SIGTERM');
  return exited;
}

/**
 * The built bundles load the MongoDB adapters and the driver as a chunk of their own, only when
 * MongoDB is configured: this runs both shipped servers on it, as an operator would.
 */
describe('the built servers on MongoDB', () => {
  beforeAll(async () => {
    if (!uri) throw new Error(`no MongoDB server for this suite: ${skipReason}`);
    await buildServers();
  }, 60_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('npm start seeds the catalogue there, and a stand-alone runtime on the same database decides and records a signed-in window’s application', async () => {
    const designer = await startBuilt(packageJson.scripts.start, /Designer API\s+(http:\/\/localhost:\d+)/, {});
    try {
      expect(designer.output()).toContain(`Tongban is running on MongoDB (database ${database})`);
      const created = await fetch(`${designer.url}/api/principals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'operator-start-mongodb', name: '新城区窗口', role: 'operator', division: '150102' }),
      });
      expect(created.status).toBe(201);
      const { token } = (await created.json()) as { token: string };

      // The runtime trusts the key `npm start` generated under the same data directory.
      const runtime = await startBuilt(packageJson.scripts['start:runtime'], /Window\s+(http:\/\/localhost:\d+)\/window\//, { RUNTIME_MONGODB_URI: uri });
      try {
        expect(runtime.output()).toContain('Tongban runtime (read-only, mongodb)');
        const health = (await (await fetch(`${runtime.url}/api/health`)).json()) as { status: string; store: { adapter: string } };
        expect(health).toMatchObject({ status: 'ok', store: { adapter: 'mongodb' } });
        const item = loadSampleCatalogue().find((c) => c.code === 'SAMPLE-GA-0001');
        const { division: _division, ...input } = (item?.examples[0]?.input ?? {}) as Record<string, unknown>;
        const answer = await fetch(`${runtime.url}/api/runtime/150102/items/SAMPLE-GA-0001/evaluate`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(input),
        });
        expect(answer.status).toBe(200);
        expect(((await answer.json()) as { outcome: string }).outcome).toBe(item?.examples[0]?.expect.outcome);
        expect(answer.headers.get('x-tongban-decision-id')).toMatch(/^D[0-9A-Z]{26}$/);
      } finally {
        expect(await stop(runtime.child)).toBe(0);
      }
    } finally {
      expect(await stop(designer.child)).toBe(0);
    }
  }, 90_000);
});
