import { fixedClock, contentHash, type ItemConfig, BadRequestError, ConflictError, NotFoundError, ValidationFailedError, verifyAuditChain } from '../../engine/core/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportBundle, importBundle, parseBundle, type CatalogueBundle, seedEmptyStore } from '../../engine/services/index.js';
import { type ConfigStore } from '../../engine/ports/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { itemConfig } from '../fixtures/item-config.js';
import { publish, tempStore, versionHashes, type TempStore } from './helpers.js';

const samples = loadSampleCatalogue();
const first = samples[0] as ItemConfig;
const second = samples[1] as ItemConfig;

function amended(config: ItemConfig, condition = '经修订新增的受理条件'): ItemConfig {
  const copy = structuredClone(config);
  copy.standard.acceptanceConditions.push(condition);
  // A bilingual item's new text comes with its Mongolian (the completeness gate).
  const mongolian = copy.translations?.['mn-Mong'];
  if (mongolian) mongolian[`standard.acceptanceConditions[${condition}]`] = 'ᠰᠢᠨ᠎ᠡ ᠪᠣᠯᠵᠣᠯ';
  return copy;
}

/** The catalogue's own audit events (the fixture's principals are created beforehand). */
async function allAudit(store: ConfigStore) {
  return (await store.listAudit({ limit: 10_000 })).filter((e) => !e.action.startsWith('principal.'));
}

describe('catalogue bundles', () => {
  let source: TempStore;
  let target: TempStore;
  beforeEach(async () => {
    source = await tempStore({ seed: true });
    target = await tempStore();
  });
  afterEach(async () => {
    await source.close();
    await target.close();
  });

  it('round-trips the whole catalogue into a fresh store with identical hashes, audited per version', async () => {
    await publish(source.lifecycle, source.store, amended(first));
    await source.store.setWithdrawn(second.code, { at: '2025-01-01T00:00:00.000Z', by: 'admin', reason: '法规废止' });
    const bundle = await exportBundle({ store: source.store, clock: fixedClock('2025-06-01T00:00:00.000Z') });
    expect(bundle).toMatchObject({ format: 'tongban-bundle', formatVersion: 1, exportedAt: '2025-06-01T00:00:00.000Z' });
    expect(bundle.items).toHaveLength(samples.length);
    expect(bundle.items.find((i) => i.code === first.code)?.versions.map((v) => v.version)).toEqual([1, 2]);
    for (const item of bundle.items) for (const v of item.versions) expect(contentHash(v.config)).toBe(v.hash);

    // Through JSON, as a file or an HTTP body would carry it.
    const report = await importBundle({ store: target.store, bundle: JSON.parse(JSON.stringify(bundle)), actor: 'migrator', clock: fixedClock('2025-07-01T00:00:00.000Z') });
    expect(report.ok).toBe(true);
    expect(report.counts).toEqual({ imported: samples.length, identical: 0, conflict: 0, invalid: 0, failed: 0, draft: 0 });
    expect(await versionHashes(target.store)).toEqual(await versionHashes(source.store));
    const v2 = await target.store.getVersion(first.code, 2);
    const original = await source.store.getVersion(first.code, 2);
    // Provenance: the original publisher, reviewer and signature, marked as imported here.
    expect(original?.signature).toBeDefined();
    expect(v2).toEqual({ ...original, imported: { at: '2025-07-01T00:00:00.000Z', by: 'migrator' } });
    expect((await target.store.getItem(second.code))?.withdrawn).toMatchObject({ reason: '法规废止' });
    expect((await target.store.getItem(first.code))?.name).toBe(first.standard.name);

    const events = await allAudit(target.store);
    const imported = events.filter((e) => e.action === 'item.imported');
    expect(imported).toHaveLength(samples.length + 1);
    expect(imported.every((e) => e.actor === 'migrator')).toBe(true);
    expect(imported.find((e) => e.code === first.code && e.version === 2)?.details).toMatchObject({ hash: original?.hash });
    expect(verifyAuditChain(await target.store.listAudit({ limit: 10_000 })).ok).toBe(true);

    // The target now exports the very same items.
    const again = await exportBundle({ store: target.store, clock: fixedClock(bundle.exportedAt) });
    expect(again).toEqual({ ...bundle, items: bundle.items.map((i) => ({ ...i, versions: i.versions.map((v) => ({ ...v, imported: { at: '2025-07-01T00:00:00.000Z', by: 'migrator' } })) })) });
  });

  it('is idempotent: importing the same bundle again skips every item as identical and writes nothing', async () => {
    const bundle = await exportBundle({ store: source.store });
    await importBundle({ store: target.store, bundle, actor: 'migrator' });
    const before = (await allAudit(target.store)).length;
    const progress: string[] = [];
    const report = await importBundle({ store: target.store, bundle, actor: 'migrator', onProgress: (p) => progress.push(`[${p.index}/${p.total}] ${p.code} ${p.status}`) });
    expect(report.ok).toBe(true);
    expect(report.counts.identical).toBe(samples.length);
    expect(report.items.every((i) => i.status === 'identical' && i.imported.length === 0 && i.identical.length === 1)).toBe(true);
    expect((await allAudit(target.store)).length).toBe(before);
    expect(progress[0]).toBe(`[1/${samples.length}] ${first.code} identical`);
  });

  it('never overwrites a published version: a conflicting item changes nothing and is reported, the others import', async () => {
    const theirs = amended(first, '目标库自行修改的条件');
    await seedEmptyStore({ store: target.store, catalogue: [theirs] });
    const targetBefore = await target.store.getVersion(first.code, 1);
    const auditBefore = await target.store.listAudit({ code: first.code });

    await publish(source.lifecycle, source.store, amended(first));
    const report = await importBundle({ store: target.store, bundle: await exportBundle({ store: source.store }), actor: 'migrator' });
    expect(report.ok).toBe(false);
    const conflict = report.items.find((i) => i.code === first.code);
    expect(conflict).toMatchObject({ status: 'conflict', imported: [], identical: [] });
    expect(conflict?.conflicts).toEqual([expect.objectContaining({ version: 1, reason: 'hash-differs', targetHash: contentHash(theirs), bundleHash: contentHash(first) })]);
    expect(report.counts).toMatchObject({ conflict: 1, imported: samples.length - 1 });

    // Neither version 1 nor the new version 2 of the conflicting item was written.
    expect(await target.store.getVersion(first.code, 1)).toEqual(targetBefore);
    expect(await target.store.listVersions(first.code)).toHaveLength(1);
    expect(await target.store.listAudit({ code: first.code })).toEqual(auditBefore);
    expect((await target.store.latestVersionRef(second.code))?.hash).toBe(contentHash(second));
  });

  it('refuses a tampered bundle (config edited, hash unchanged) as a whole, writing nothing', async () => {
    const bundle = await exportBundle({ store: source.store });
    const tampered = structuredClone(bundle) as CatalogueBundle;
    const victim = tampered.items[1]?.versions[0];
    if (!victim) throw new Error('no version');
    victim.config.standard.promisedTimeLimit.value += 1;
    const error = await importBundle({ store: target.store, bundle: tampered, actor: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).problems).toEqual([expect.objectContaining({ pointer: '/items/1/versions/0/hash', code: 'bundle.hash-mismatch' })]);
    expect(await target.store.listItems()).toEqual([]);
    expect(await allAudit(target.store)).toEqual([]);
  });

  it('refuses bundles that are not bundles, naming the problem', () => {
    expect(() => parseBundle({ format: 'zip', items: [] })).toThrow(ValidationFailedError);
    const problems = (() => {
      try {
        parseBundle({ format: 'tongban-bundle', formatVersion: 1, exportedAt: 'now', items: [{ code: 'A1', name: 'x', department: '', withdrawn: null, versions: [] }], extra: 1 });
        return [];
      } catch (error) {
        return (error as ValidationFailedError).problems;
      }
    })();
    expect(problems.map((p) => p.pointer)).toEqual(expect.arrayContaining(['', '/items/0/versions']));
  });

  it('does not import an item with an invalid version at all, and reports every problem', async () => {
    const bundle = structuredClone(await exportBundle({ store: source.store })) as CatalogueBundle;
    const bad = bundle.items[0]?.versions[0];
    if (!bad) throw new Error('no version');
    bad.config.standard.scenarios[0]!.materialIds.push('no-such-material');
    bad.hash = contentHash(bad.config); // intact, but not a valid config
    const report = await importBundle({ store: target.store, bundle, actor: 'migrator' });
    const item = report.items[0];
    expect(item?.status).toBe('invalid');
    expect(item?.problems[0]).toMatchObject({ code: 'standard.unknown-material' });
    expect(item?.problems[0]?.pointer).toMatch(/^\/versions\/0\/config\/standard\/scenarios\/0\/materialIds\//);
    expect(await target.store.getItem(first.code)).toBeNull();
    expect(report.counts.imported).toBe(samples.length - 1);
  });

  it('extends an installation only from a version both hold; one-version bundles obey the same rule', async () => {
    await publish(source.lifecycle, source.store, amended(first));
    const onlyV1 = await exportBundle({ store: source.store, code: first.code, version: 1 });
    const onlyV2 = await exportBundle({ store: source.store, code: first.code, version: 2 });
    const full = await exportBundle({ store: source.store, code: first.code });
    expect(onlyV2.items[0]?.versions.map((v) => v.version)).toEqual([2]);

    // Nothing of the item yet: v2 alone would leave a gap.
    expect((await importBundle({ store: target.store, bundle: onlyV2, actor: 'm' })).items[0]?.conflicts[0]?.reason).toBe('version-gap');
    expect((await importBundle({ store: target.store, bundle: onlyV1, actor: 'm' })).items[0]?.status).toBe('imported');
    // Target holds v1 but the bundle does not: the histories cannot be compared.
    expect((await importBundle({ store: target.store, bundle: onlyV2, actor: 'm' })).items[0]?.conflicts[0]?.reason).toBe('base-unverified');
    const report = await importBundle({ store: target.store, bundle: full, actor: 'm' });
    expect(report.items[0]).toMatchObject({ status: 'imported', identical: [1], imported: [2] });
    expect(await versionHashes(target.store)).toEqual((await versionHashes(source.store)).filter((v) => v.startsWith(`${first.code}@`)));
  });

  it('writes nothing on a dry run but reports what it would do', async () => {
    const report = await importBundle({ store: target.store, bundle: await exportBundle({ store: source.store }), actor: 'm', dryRun: true });
    expect(report).toMatchObject({ ok: true, dryRun: true, counts: { imported: samples.length } });
    expect(report.items[0]?.imported).toEqual([1]);
    expect(await target.store.listItems()).toEqual([]);
    expect(await allAudit(target.store)).toEqual([]);
  });

  it('reports an item as failed, with a gapless prefix written, when another writer publishes in between', async () => {
    await publish(source.lifecycle, source.store, amended(first));
    await publish(source.lifecycle, source.store, amended(amended(first), '第三版条件'));
    const bundle = await exportBundle({ store: source.store, code: first.code });
    // A store where someone else publishes version 2 right after our check.
    const racing = new Proxy(target.store, {
      get(store, key, receiver) {
        if (key === 'insertVersion') {
          return async (version: { version: number }) => {
            if (version.version === 2) throw new ConflictError('第 2 版已由他人发布');
            return store.insertVersion(version as never);
          };
        }
        const value = Reflect.get(store, key, receiver);
        return typeof value === 'function' ? value.bind(store) : value;
      },
    });
    const report = await importBundle({ store: racing, bundle, actor: 'm' });
    expect(report.ok).toBe(false);
    expect(report.items[0]).toMatchObject({ status: 'failed', imported: [1] });
    expect(report.items[0]?.conflicts[0]).toMatchObject({ version: 2, reason: 'concurrent-write' });
    expect((await target.store.listVersions(first.code)).map((v) => v.version)).toEqual([1]);
  });

  it('exports one item, one version, and explains what cannot be exported', async () => {
    const one = await exportBundle({ store: source.store, code: second.code });
    expect(one.items.map((i) => i.code)).toEqual([second.code]);
    await expect(exportBundle({ store: source.store, code: 'NOPE-1' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportBundle({ store: source.store, code: second.code, version: 9 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(exportBundle({ store: source.store, version: 1 })).rejects.toBeInstanceOf(BadRequestError);
    await source.lifecycle.saveDraft('DRAFT-ONLY', itemConfig('DRAFT-ONLY'), 'author', undefined);
    await expect(exportBundle({ store: source.store, code: 'DRAFT-ONLY' })).rejects.toBeInstanceOf(NotFoundError);
    expect((await exportBundle({ store: source.store })).items.map((i) => i.code)).not.toContain('DRAFT-ONLY');
  });
});
