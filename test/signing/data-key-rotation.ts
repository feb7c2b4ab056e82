import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { openDecisionLog, openDecisionLogReader, openIntakeStore, storeSettingsFromEnv } from '../../engine/adapters/index.js';
import { newDecision } from '../decision-log/fixtures.js';
import { ID_NUMBER, MOBILE, newIntake } from '../intake/fixtures.js';

const root = new URL('../..', import.meta.url).pathname;
const CIPHERTEXT = /enc:v(\d):(?:([0-9a-f]{16}):)?/g;

/** One store for a rotation: where it lives, and its stored text as the driver holds it (never through the codec). */
export interface RotationTarget {
  env: Record<string, string>;
  dataDir: string;
  /** Every stored text that holds personal data: decision records, then intake records. */
  storedTexts(): Promise<string[]>;
  /** What must hold after a killed run besides readability (the SQLite decision log is still append-only). */
  checkIntact?(): Promise<void>;
}

/** Runs the CLI; with `kill`, SIGKILLs it `afterMs` after its rotation marker appears, or as soon as `when()` holds after that. */
function cli(args: string[], env: Record<string, string>, kill: { afterMs?: number; when?: () => Promise<boolean> } | null, dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string; killed: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'designer/cli/tongban.ts', ...args], {
    cwd: root, env: { ...process.env, MONGODB_URI: '', RUNTIME_MONGODB_URI: '', TONGBAN_DATA_KEY: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let killed = false;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let timer: NodeJS.Timeout | null = null;
  let exited = false;
  const marker = join(dataDir, 'data-key-rotation.json');
  const killNow = () => { killed = child.exitCode === null; child.kill('SIGKILL'); };
  if (kill) {
    void (async () => {
      while (!exited && !existsSync(marker)) await new Promise((r) => setTimeout(r, 1));
      if (exited) return;
      if (kill.when) {
        while (!exited && !(await kill.when().catch(() => false))) await new Promise((r) => setTimeout(r, 5));
        if (!exited) killNow();
      } else timer = setTimeout(killNow, kill.afterMs ?? 0);
    })();
  }
  return new Promise((resolve) => child.on('exit', (code) => {
    exited = true;
    if (timer) clearTimeout(timer);
    resolve({ code, stdout, stderr, killed });
  }));
}

function keyIdsIn(texts: string[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const text of texts) for (const match of text.matchAll(CIPHERTEXT)) {
    const id = match[1] === '1' ? 'v1' : (match[2] ?? '?');
    ids.set(id, (ids.get(id) ?? 0) + 1);
  }
  return ids;
}

async function readEverything(env: Record<string, string>) {
  const settings = storeSettingsFromEnv(env);
  const log = await openDecisionLogReader(settings);
  const intakes = await openIntakeStore(settings);
  try {
    const decisions = await log.list({ limit: 100_000 });
    const records = await Promise.all((await intakes.list({ limit: 100_000 })).map((r) => intakes.get(r.caseNumber)));
    return { decisions, records };
  } finally {
    await log.close();
    await intakes.close();
  }
}

/** A small seeded generator, so every run kills at the same moments. */
function delays(seed: number, count: number, from: number, to: number): number[] {
  let state = seed;
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return from + (state % (to - from));
  });
}

/**
 * `tongban key rotate-data` on one store: the decision log and the intake store end wholly under a
 * new key, read back exactly as before; a run killed with SIGKILL part-way leaves everything
 * readable and the next run finishes the same rotation (no second new key); a second run changes
 * nothing; with TONGBAN_DATA_KEY the command refuses to make a key and says what to do.
 */
export function describeDataKeyRotation(storeName: string, target: () => Promise<RotationTarget>, { decisions, intakes, killWindowMs }: { decisions: number; intakes: number; killWindowMs: number }): void {
  it(`${storeName}: key rotate-data re-encrypts the decision log and the intake store with a new key, resumes after kill -9, and is idempotent`, async () => {
    const t = await target();
    const env = { TONGBAN_DATA_DIR: t.dataDir, ...t.env };
    const settings = storeSettingsFromEnv(env);
    const log = await openDecisionLog(settings);
    const intakeStore = await openIntakeStore(settings);
    await Promise.all(Array.from({ length: decisions }, (_, n) => log.record(newDecision({ n }))));
    for (let n = 0; n < intakes; n++) await intakeStore.create(newIntake({ n }));
    await log.close();
    await intakeStore.close();
    const before = await readEverything(env);
    expect(before.decisions).toHaveLength(decisions);
    expect(before.records).toHaveLength(intakes);
    const [oldKeyId] = [...keyIdsIn(await t.storedTexts()).keys()];
    expect(keyIdsIn(await t.storedTexts()).size).toBe(1);

    let killedRuns = 0;
    let killedMidway = 0;
    // The first run is killed once some records are under the new key and some still under the old; the next ones at seeded moments.
    const mixed = async () => keyIdsIn(await t.storedTexts()).size > 1;
    for (const kill of [{ when: mixed }, ...delays(7, 2, 5, killWindowMs).map((afterMs) => ({ afterMs }))]) {
      const run = await cli(['key', 'rotate-data'], env, kill, t.dataDir);
      if (!run.killed) {
        expect(run.code, run.stderr).toBe(0);
        break;
      }
      killedRuns++;
      if (keyIdsIn(await t.storedTexts()).size > 1) killedMidway++;
      // Killed anywhere: every record still reads back as written, with the keys data.key now holds.
      expect(await readEverything(env)).toEqual(before);
      await t.checkIntact?.();
    }
    const finished = await cli(['key', 'rotate-data', '--reencrypt'], env, null, t.dataDir);
    expect(finished.code, finished.stderr).toBe(0);
    const rotation = JSON.parse(finished.stdout) as { keyId: string; created: boolean; previousKeyIds: string[]; decisions: { scanned: number }; intakes: { scanned: number } };
    console.info(`${storeName}: ${killedRuns} rotation run(s) killed before finishing, ${killedMidway} of them with records under both keys`);
    expect(killedMidway, 'a run killed part-way through re-encryption').toBeGreaterThan(0);

    const keyLines = readFileSync(join(t.dataDir, 'data.key'), 'utf8').trim().split('\n');
    // One new key however often the run was killed: a rerun finishes the same rotation.
    expect(keyLines).toHaveLength(2);
    expect(statSync(join(t.dataDir, 'data.key')).mode & 0o777).toBe(0o600);
    expect(existsSync(join(t.dataDir, 'data-key-rotation.json'))).toBe(false);
    expect(rotation.keyId).not.toBe(oldKeyId);
    expect(rotation.previousKeyIds).toEqual([oldKeyId]);
    expect(rotation.decisions.scanned).toBe(decisions);
    expect(rotation.intakes.scanned).toBe(intakes);

    const texts = await t.storedTexts();
    expect(Object.fromEntries(keyIdsIn(texts))).toEqual({ [rotation.keyId]: expect.any(Number) });
    for (const text of texts) {
      expect(text).not.toContain(ID_NUMBER);
      expect(text).not.toContain(MOBILE);
    }
    expect(await readEverything(env)).toEqual(before);
    await t.checkIntact?.();

    // Idempotent: nothing left to re-encrypt, no key made.
    const again = await cli(['key', 'rotate-data', '--reencrypt'], env, null, t.dataDir);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ keyId: rotation.keyId, created: false, decisions: { reencrypted: 0 }, intakes: { reencrypted: 0 } });

    // A key from the environment is the operator's to change: no key is made, the message says how.
    const configured = await cli(['key', 'rotate-data'], { ...env, TONGBAN_DATA_KEY: keyLines.join(',') }, null, t.dataDir);
    expect(configured.code).toBe(1);
    expect(configured.stderr).toMatch(/TONGBAN_DATA_KEY/);
    expect(readFileSync(join(t.dataDir, 'data.key'), 'utf8').trim().split('\n')).toEqual(keyLines);
  }, 240_000);
}
