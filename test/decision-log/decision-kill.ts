import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openDecisionLogReader, type StoreSettings } from '../../engine/adapters/index.js';
import { BENCH_DIVISION, BENCH_OPERATOR_TOKEN, sampleApplication, seedInstallation, startRuntime } from '../bench/runtime-process.js';

/**
 * One round: the shipped runtime under `concurrency` requests in flight, killed with SIGKILL at a
 * random moment; returns the decision ids it had answered with (X-Tongban-Decision-Id).
 */
async function answeredBeforeKill(settings: StoreSettings, concurrency: number, logFile: string): Promise<string[]> {
  const runtime = await startRuntime(settings, logFile);
  const { code, body } = sampleApplication();
  const url = `${runtime.url}/api/runtime/${BENCH_DIVISION}/items/${code}/evaluate`;
  const payload = JSON.stringify(body);
  const answered: string[] = [];
  let killed = false;
  let failure: unknown;
  const client = async () => {
    while (!killed && failure === undefined) {
      try {
        const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_OPERATOR_TOKEN}` }, body: payload });
        await res.arrayBuffer();
        const id = res.headers.get('x-tongban-decision-id');
        expect(res.status).toBe(200);
        expect(id, 'an answered decision names its record').toMatch(/^D[0-9A-Z]{26}$/);
        // An answer received in full counts even if the kill is already on its way.
        if (id) answered.push(id);
      } catch (error) {
        // Requests cut off by the kill were never answered.
        if (!killed) failure ??= error;
      }
    }
  };
  const clients = Array.from({ length: concurrency }, client);
  // Let the load build up, then kill at a moment the process cannot prepare for; a client that
  // failed before the kill fails the round at once, with its reason, instead of waiting for answers.
  while (answered.length < 200 && failure === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
  if (failure !== undefined) {
    await runtime.stop();
    await Promise.all(clients);
    throw new Error(`a request failed before the kill (runtime log: ${logFile})`, { cause: failure });
  }
  await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 300)));
  killed = true;
  runtime.child.kill('SIGKILL');
  await new Promise<void>((resolve) => runtime.child.once('exit', () => resolve()));
  await Promise.all(clients);
  return answered;
}

/**
 * kill -9 under load, `rounds` times: after each, every decision id a client got an answer for is
 * in the log. Returns how many answered decisions were checked.
 */
export async function expectAnsweredDecisionsSurviveKills(settings: StoreSettings, rounds: number): Promise<number> {
  const logDir = mkdtempSync(join(tmpdir(), 'tongban-kill-log-'));
  await seedInstallation(settings);
  let checked = 0;
  for (let round = 0; round < rounds; round++) {
    const answered = await answeredBeforeKill(settings, 32, join(logDir, `runtime-${round}.log`));
    const reader = await openDecisionLogReader(settings);
    try {
      const missing: string[] = [];
      for (const id of answered) if (!(await reader.get(id))) missing.push(id);
      expect(missing, `answered but not in the log (round ${round + 1})`).toEqual([]);
      checked += answered.length;
    } finally {
      await reader.close();
    }
  }
  return checked;
}
