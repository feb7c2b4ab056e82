import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { verifyAuditChain } from '../../engine/core/index.js';
import { openConfigStore, type StoreSettings } from '../../engine/adapters/index.js';

const LOOP = fileURLToPath(new URL('./publish-loop.ts', import.meta.url));

/** Starts the publish loop, kills it with SIGKILL at a random moment, and returns once it is dead. */
async function killMidPublish(settings: StoreSettings, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', LOOP, JSON.stringify(settings)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) setTimeout(() => child.kill('SIGKILL'), afterMs);
    });
    child.on('exit', () => resolve());
    child.on('error', reject);
  });
}

/**
 * kill -9 during a stream of publications, several times: after each, every version has exactly
 * one `version.published` event, every such event its version, and the chain verifies.
 */
export async function expectPublicationsSurviveKills(settings: StoreSettings, kills: number): Promise<number> {
  let versions = 0;
  for (let round = 0; round < kills; round++) {
    await killMidPublish(settings, 50 + Math.floor(Math.random() * 400));
    const store = await openConfigStore(settings);
    try {
      const published = (await store.listVersions('KILL-1')).map((v) => v.version);
      const events = await store.listAudit({ limit: 100_000 });
      const eventVersions = events.filter((e) => e.action === 'version.published').map((e) => e.version);
      expect(eventVersions).toEqual(published);
      expect(published).toEqual(published.map((_, i) => i + 1));
      expect(verifyAuditChain(events).ok).toBe(true);
      versions = published.length;
      // The next round continues the item: a draft the killed loop left behind is discarded.
      const draft = await store.getDraft('KILL-1');
      if (draft) await store.deleteDraft('KILL-1', draft.revision);
    } finally {
      await store.close();
    }
  }
  return versions;
}
