import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contentHash,
  createSigner,
  fixedClock,
  ForbiddenError,
  generateSigningKeyPair,
  signVersion,
  trustedKeyEntry,
  type ItemConfig,
  type VersionRecord,
} from '../../engine/core/index.js';
import { exportBundle, importBundle, ItemLifecycle, seedEmptyStore, type CatalogueBundle } from '../../engine/services/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { itemConfig } from '../fixtures/item-config.js';
import { tempStore, type TempStore } from '../catalogue/helpers.js';

const region = createSigner(generateSigningKeyPair());
const trustedKeys = [trustedKeyEntry(region.publicKey, '2020-01-01T00:00:00.000Z')];
const [sample] = loadSampleCatalogue() as [ItemConfig];

/** A one-item bundle whose versions are given as they would be exported. */
function bundleOf(config: ItemConfig, versions: VersionRecord[]): CatalogueBundle {
  return {
    format: 'tongban-bundle', formatVersion: 1, exportedAt: '2026-01-01T00:00:00.000Z',
    items: [{ code: config.code, name: config.standard.name, department: config.standard.department.name, withdrawn: null, versions }],
  };
}

function version(config: ItemConfig, number = 1, changes: Partial<VersionRecord> = {}): VersionRecord {
  return {
    code: config.code, version: number, hash: contentHash(config), baseVersion: number > 1 ? number - 1 : null, publishedAt: '2026-01-01T00:00:00.000Z',
    publishedBy: 'region-author', author: 'region-author', reviewer: 'region-reviewer', reason: '发布', legalBasis: '依据', changeKind: 'establish', config, ...changes,
  };
}

const signed = (record: VersionRecord): VersionRecord => ({ ...record, signature: signVersion(record, region) });

describe('importing bundles: no way around review', () => {
  let source: TempStore;
  let target: TempStore;
  beforeEach(async () => {
    source = await tempStore();
    target = await tempStore();
  });
  afterEach(async () => {
    await source.close();
    await target.close();
  });

  it('publishes a version signed by a trusted key, keeping its provenance and marking it imported', async () => {
    await seedEmptyStore({ store: source.store, catalogue: [sample], signer: region });
    const bundle = await exportBundle({ store: source.store });
    expect(bundle.items[0]?.versions[0]?.signature?.keyId).toBe(region.keyId);
    const report = await importBundle({ store: target.store, bundle, actor: 'migrator', trustedKeys, clock: fixedClock('2026-02-01T00:00:00.000Z') });
    expect(report).toMatchObject({ ok: true, counts: { imported: 1, draft: 0 }, items: [{ status: 'imported', imported: [1], refused: [], draft: null }] });
    const stored = await target.store.getVersion(sample.code, 1);
    expect(stored).toEqual({ ...bundle.items[0]?.versions[0], imported: { at: '2026-02-01T00:00:00.000Z', by: 'migrator' } });
    expect(stored?.publishedBy).toBe('system:seed');
  });

  it('lands a version with a fabricated reviewer (hash recomputed, signature kept) as a draft the importer cannot approve', async () => {
    const config = itemConfig('IMP-1');
    const genuine = signed(version(config));
    const report = await importBundle({ store: target.store, bundle: bundleOf(config, [{ ...genuine, reviewer: 'nobody-fabricated' }]), actor: 'migrator', trustedKeys });
    expect(report).toMatchObject({
      ok: false, counts: { imported: 0, draft: 1 },
      items: [{ status: 'draft', imported: [], refused: [{ version: 1, reason: 'bad-signature' }], draft: { fromVersion: 1, status: 'submitted', baseVersion: null } }],
    });
    expect(await target.store.listVersions('IMP-1')).toEqual([]);
    const draft = await target.store.getDraft('IMP-1');
    expect(draft).toMatchObject({ status: 'submitted', createdBy: 'migrator', submittedBy: 'migrator', hash: contentHash(config), baseVersion: null });
    expect((await target.store.getItem('IMP-1'))?.department).toBe(config.standard.department.name);
    const lifecycle = new ItemLifecycle({ store: target.store });
    await expect(lifecycle.approve('IMP-1', 'migrator', '同意')).rejects.toBeInstanceOf(ForbiddenError);
    // Someone else reviews it here; only then is it published (signed by this installation).
    await lifecycle.approve('IMP-1', 'reviewer-here', '同意');
    expect((await lifecycle.publish('IMP-1', 'author-here', { reason: '导入后审核', legalBasis: '依据' })).reviewer).toBe('reviewer-here');
  });

  it('publishes the trusted prefix and leaves the newest content for review when a later version is unsigned or signed by a stranger', async () => {
    const v1 = itemConfig('IMP-2');
    const v2 = itemConfig('IMP-2');
    v2.standard.promisedTimeLimit.value = 4;
    const v3 = itemConfig('IMP-2');
    v3.standard.promisedTimeLimit.value = 3;
    const stranger = createSigner(generateSigningKeyPair());
    const second = version(v2, 2, { changeKind: 'amend' });
    const bundle = bundleOf(v1, [signed(version(v1)), { ...second, signature: signVersion(second, stranger) }, signed(version(v3, 3, { changeKind: 'amend' }))]);
    const report = await importBundle({ store: target.store, bundle, actor: 'migrator', trustedKeys });
    expect(report.items[0]).toMatchObject({
      status: 'draft', imported: [1],
      refused: [{ version: 2, reason: 'unknown-key' }, { version: 3, reason: 'after-refused' }],
      draft: { fromVersion: 3, status: 'submitted', baseVersion: 1 },
    });
    expect((await target.store.listVersions('IMP-2')).map((v) => v.version)).toEqual([1]);
    expect((await target.store.getDraft('IMP-2'))?.hash).toBe(contentHash(v3));
    const event = (await target.store.listAudit({ code: 'IMP-2' })).find((e) => e.action === 'draft.created');
    expect(event?.details).toMatchObject({ imported: true, fromVersion: 3, refused: [{ version: 2, reason: 'unknown-key' }, { version: 3, reason: 'after-refused' }] });
  });

  it('runs the examples on import: a signed version whose examples fail is not published, and lands as a draft to fix, failures reported', async () => {
    const config = itemConfig('IMP-3');
    config.examples[0]!.expect.outcome = 'reject';
    const report = await importBundle({ store: target.store, bundle: bundleOf(config, [signed(version(config))]), actor: 'migrator', trustedKeys });
    expect(report.items[0]).toMatchObject({ status: 'draft', refused: [{ version: 1, reason: 'examples-failed' }], draft: { status: 'editing' } });
    expect(report.items[0]?.failedExamples).toEqual([expect.objectContaining({ version: 1, name: config.examples[0]!.name })]);
    expect(await target.store.listVersions('IMP-3')).toEqual([]);
    expect((await target.store.getDraft('IMP-3'))?.status).toBe('editing');
  });

  it('writes nothing on a dry run, and reports an item that already has a draft here as a conflict', async () => {
    const config = itemConfig('IMP-4');
    const bundle = bundleOf(config, [version(config)]);
    const dry = await importBundle({ store: target.store, bundle, actor: 'migrator', trustedKeys, dryRun: true });
    expect(dry.items[0]).toMatchObject({ status: 'draft', refused: [{ version: 1, reason: 'unsigned' }] });
    expect(await target.store.getDraft('IMP-4')).toBeNull();
    await importBundle({ store: target.store, bundle, actor: 'migrator', trustedKeys });
    const again = await importBundle({ store: target.store, bundle, actor: 'migrator', trustedKeys });
    expect(again.items[0]).toMatchObject({ status: 'conflict', conflicts: [{ reason: 'draft-exists' }] });
  });
});
