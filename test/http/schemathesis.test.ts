import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBearerToken } from '../../engine/services/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { findSchemathesis, runSchemathesis, SCHEMATHESIS_CHECKS } from '../support/schemathesis.js';

const root = new URL('../..', import.meta.url).pathname;
/** Enough to reach every declared answer of each operation, few enough to stay near a minute on two cores. */
const MAX_EXAMPLES = Number(process.env.TONGBAN_SCHEMATHESIS_EXAMPLES ?? 8);
const SEED = Number(process.env.TONGBAN_SCHEMATHESIS_SEED ?? 19);

/** `npm start` as a region runs it: a fresh SQLite data directory, loopback only, an administrator token from configuration. */
async function startServer(dataDir: string, adminToken: string): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'designer/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env, PORT: '0', TONGBAN_HOST: '127.0.0.1', TONGBAN_DATA_DIR: dataDir, TONGBAN_ADMIN_TOKEN: adminToken,
      MONGODB_URI: '', RUNTIME_MONGODB_URI: '', TONGBAN_LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Designer API\s+http:\/\/[^:\s]+:(\d+)\//.exec(output);
      if (match) resolve(match[1] as string);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening:\n${output}`)));
  });
  child.stdout!.removeAllListeners('data');
  // Keep reading so the server never blocks on a full pipe; unexpected errors stay visible.
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  child.stdout!.resume();
  return { child, base: `http://127.0.0.1:${port}` };
}

/** The failure sections of schemathesis's report: what to fix, without the progress lines. */
function failures(output: string): string {
  const start = output.search(/^=+ FAILURES =+$/m);
  return start >= 0 ? output.slice(start) : output.slice(-8000);
}

const found = await findSchemathesis();

describe('the OpenAPI document against the server, by schemathesis', () => {
  if ('missing' in found) {
    it('needs schemathesis', () => {
      console.warn(`[schemathesis] not run: ${found.missing}`);
      expect(process.env.CI, `schemathesis is required under CI: ${found.missing}`).not.toBe('true');
    });
    return;
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-schemathesis-'));
  const adminToken = generateBearerToken();
  let server: { child: ChildProcess; base: string };
  beforeAll(async () => {
    server = await startServer(dataDir, adminToken);
  }, 60_000);
  afterAll(async () => {
    if (server?.child.exitCode === null) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`finds no mismatch as an administrator (${SCHEMATHESIS_CHECKS.join(', ')})`, async () => {
    const run = await runSchemathesis(found.binary, `${server.base}/api/openapi.json`, {
      headers: { Authorization: `Bearer ${adminToken}` }, maxExamples: MAX_EXAMPLES, seed: SEED,
      // The seeded catalogue and the windows that claim it, so cases reach the rules, guides and drafts.
      pathValues: { code: loadSampleCatalogue().map((c) => c.code), division: ['150102', '152921', '150000'], year: ['2025', '2026'] },
    });
    // A run that generated nothing proves nothing: the document must have been read and exercised.
    expect(run.generated, run.output.slice(-4000)).toBeGreaterThan(500);
    expect(run.exitCode, failures(run.output)).toBe(0);
    expect(server.child.exitCode, 'the server must still be running').toBeNull();
  }, 240_000);
});
