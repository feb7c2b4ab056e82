import { fixedClock, type ItemConfig } from '../../engine/core/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrincipal, ItemLifecycle, seedEmptyStore } from '../../engine/services/index.js';
import type { ConfigStore } from '../../engine/ports/index.js';
import { openSqliteStore } from '../../engine/adapters/sqlite/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';

/** A real SQLite store in a temp directory (the layout TONGBAN_DATA_DIR expects). */
export interface TempStore {
  dir: string;
  store: ConfigStore;
  lifecycle: ItemLifecycle;
  /** Bearer tokens of two region administrators, `ops-wang` and `dept-li`. */
  tokens: Record<'ops-wang' | 'dept-li', string>;
  close(): Promise<void>;
}

export async function tempStore(options: { seed?: boolean } = {}): Promise<TempStore> {
  const dir = mkdtempSync(join(tmpdir(), 'tongban-catalogue-'));
  const store = openSqliteStore({ file: join(dir, 'tongban.db') });
  if (options.seed) await seedEmptyStore({ store, catalogue: loadSampleCatalogue() });
  const at = new Date().toISOString();
  const tokens = {
    'ops-wang': (await createPrincipal({ store, input: { id: 'ops-wang', name: '王运维', role: 'admin' }, actor: 'test', clock: fixedClock(at) })).token,
    'dept-li': (await createPrincipal({ store, input: { id: 'dept-li', name: '李处长', role: 'admin' }, actor: 'test', clock: fixedClock(at) })).token,
  };
  return {
    dir,
    store,
    tokens,
    lifecycle: new ItemLifecycle({ store }),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Publishes `config` as the item's next version through the real lifecycle. */
export async function publish(lifecycle: ItemLifecycle, store: ConfigStore, config: ItemConfig, reason = '修订'): Promise<number> {
  const draft = await store.getDraft(config.code);
  await lifecycle.saveDraft(config.code, config, 'author', draft?.revision);
  await lifecycle.submit(config.code, 'author');
  await lifecycle.approve(config.code, 'reviewer', '同意');
  return (await lifecycle.publish(config.code, 'reviewer', { reason, legalBasis: '测试依据' })).version;
}

/** Every (code, version, hash) of a store, for comparing installations. */
export async function versionHashes(store: ConfigStore): Promise<string[]> {
  const out: string[] = [];
  for (const item of await store.listItems()) {
    for (const v of await store.listVersions(item.code)) out.push(`${v.code}@${v.version}:${v.hash}`);
  }
  return out;
}
