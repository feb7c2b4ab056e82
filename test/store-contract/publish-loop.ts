// A child process that publishes versions of one item as fast as it can until it is killed.
// Argument: a JSON StoreSettings. Prints "ready" once the first publication is in.
import { contentHash } from '../../engine/core/index.js';
import { openConfigStore, type StoreSettings } from '../../engine/adapters/index.js';
import { itemConfig } from '../fixtures/item-config.js';

const settings = JSON.parse(process.argv[2] ?? '{}') as StoreSettings;
const store = await openConfigStore(settings);
const code = 'KILL-1';
const first = ((await store.latestVersionRef(code))?.version ?? 0) + 1;
for (let n = first; ; n++) {
  const config = { ...itemConfig(code), examples: itemConfig(code).examples.slice(0, 1 + (n % 2)) };
  const at = new Date().toISOString();
  const draft = await store.createDraft({ code, baseVersion: n - 1 || null, status: 'approved', config, hash: contentHash(config), createdAt: at, createdBy: 'a', updatedAt: at, updatedBy: 'a' });
  await store.publishVersion({
    version: {
      code, version: n, hash: contentHash(config), baseVersion: n - 1 || null, publishedAt: at, publishedBy: 'a', author: 'a', reviewer: 'r',
      reason: `第 ${n} 版`, legalBasis: '测试', changeKind: n === 1 ? 'establish' : 'amend', config,
    },
    draftRevision: draft.revision,
    item: { code, name: config.standard.name, department: config.standard.department.name, createdAt: at },
    event: { at, actor: 'a', action: 'version.published', code, version: n, reason: `第 ${n} 版`, details: { hash: contentHash(config) } },
  });
  if (n === first) process.stdout.write('ready\n');
}
