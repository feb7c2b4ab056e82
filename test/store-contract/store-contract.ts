import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkpointPolicy, checkpointTrusted, contentHash, ConflictError, createSigner, fixedClock, generateSigningKeyPair, NotFoundError, trustedKeyEntry, verifyAuditChain, type NewAuditEvent, type VersionRecord } from '../../engine/core/index.js';
import { CONFIG_WRITE_METHODS, type ConfigReader, type ConfigStore } from '../../engine/ports/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { calendarYearContract } from './calendar-contract.js';
import { sessionContract } from './session-contract.js';
import { programmeContract, templateFileContract } from './programme-contract.js';

export interface StoreHarness {
  store: ConfigStore;
  /** The read-only store a runtime would get over the same data. */
  openReader(): Promise<ConfigReader>;
  /** Edits an audit event behind the store's back, as an intruder with database access would. */
  tamperAuditEvent(seq: number, newReason: string): Promise<void>;
  close(): Promise<void>;
}

const at = (n: number) => new Date(Date.UTC(2025, 0, 1, 0, 0, n)).toISOString();

function versionRecord(code: string, version: number, config = itemConfig(code)): VersionRecord {
  return {
    code, version, hash: contentHash(config), baseVersion: version > 1 ? version - 1 : null,
    publishedAt: at(version), publishedBy: 'reviewer-a', author: 'author-a', reviewer: 'reviewer-a',
    reason: `第 ${version} 版`, legalBasis: '《行政许可法》第三十二条', changeKind: version === 1 ? 'establish' : 'amend', config,
  };
}

function auditEvent(n: number, overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return { at: at(n), actor: `actor-${n % 3}`, action: 'draft.saved', code: `ITEM-${n % 2}`, version: null, reason: null, details: { n }, ...overrides };
}

/** The behaviours every ConfigStore adapter must share, so that SQLite and MongoDB cannot drift. */
export function describeStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`config store contract: ${name}`, () => {
    let h: StoreHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.close();
    });

    calendarYearContract(() => h);
    sessionContract(() => h);
    programmeContract(() => h);
    templateFileContract(() => h);

    it('creates a draft at revision 1 and refuses a second draft for the same item', async () => {
      const config = itemConfig('D-1');
      const draft = await h.store.createDraft({ code: 'D-1', baseVersion: null, status: 'editing', config, hash: contentHash(config), createdAt: at(1), createdBy: 'a', updatedAt: at(1), updatedBy: 'a' });
      expect(draft.revision).toBe(1);
      expect(await h.store.getDraft('D-1')).toEqual(draft);
      await expect(h.store.createDraft({ ...draft })).rejects.toBeInstanceOf(ConflictError);
    });

    it('updates a draft only from the revision the writer saw (optimistic concurrency)', async () => {
      const config = itemConfig('D-2');
      await h.store.createDraft({ code: 'D-2', baseVersion: null, status: 'editing', config, hash: 'h1', createdAt: at(1), createdBy: 'a', updatedAt: at(1), updatedBy: 'a' });
      const second = await h.store.updateDraft('D-2', 1, { status: 'submitted', updatedBy: 'b', updatedAt: at(2) });
      expect(second).toMatchObject({ revision: 2, status: 'submitted', updatedBy: 'b', createdBy: 'a' });
      await expect(h.store.updateDraft('D-2', 1, { status: 'editing' })).rejects.toBeInstanceOf(ConflictError);
      await expect(h.store.updateDraft('NO-SUCH', 1, { status: 'editing' })).rejects.toBeInstanceOf(ConflictError);
      const racers = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => h.store.updateDraft('D-2', 2, { updatedBy: `w${i}` })));
      expect(racers.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(racers.filter((r) => r.status === 'rejected' && r.reason instanceof ConflictError)).toHaveLength(9);
      expect((await h.store.getDraft('D-2'))?.revision).toBe(3);
    });

    it('deletes a draft only at the expected revision', async () => {
      const config = itemConfig('D-3');
      await h.store.createDraft({ code: 'D-3', baseVersion: null, status: 'editing', config, hash: 'h', createdAt: at(1), createdBy: 'a', updatedAt: at(1), updatedBy: 'a' });
      await expect(h.store.deleteDraft('D-3', 7)).rejects.toBeInstanceOf(ConflictError);
      await h.store.deleteDraft('D-3', 1);
      expect(await h.store.getDraft('D-3')).toBeNull();
      await expect(h.store.deleteDraft('D-3', 1)).rejects.toBeInstanceOf(ConflictError);
      await expect(h.store.updateDraft('D-3', 1, { status: 'editing' })).rejects.toBeInstanceOf(ConflictError);
      // A new draft never reuses an old revision, so an If-Match from the discarded draft cannot match it.
      const again = await h.store.createDraft({ code: 'D-3', baseVersion: null, status: 'editing', config, hash: 'h2', createdAt: at(2), createdBy: 'b', updatedAt: at(2), updatedBy: 'b' });
      expect(again.revision).toBeGreaterThan(1);
      expect(await h.store.getDraft('D-3')).toEqual(again);
    });

    it('returns a published version exactly as it was published (same canonical hash)', async () => {
      const config = itemConfig('V-1', '测试事项“引号”与 emoji 🚀');
      Object.assign(config.meta ?? {}, { note: '嵌套数组与数字' });
      (config.form.schema as Record<string, unknown>).examples = [[1, 2.5, -3, 1e21, 0.1], { 深层: { 键: ['值', null, true] } }];
      const record = versionRecord('V-1', 1, config);
      await h.store.upsertItem({ code: 'V-1', name: config.standard.name, department: config.standard.department.name, createdAt: at(0) });
      await h.store.insertVersion(record);
      const read = await h.store.getVersion('V-1', 1);
      expect(read).not.toBeNull();
      expect(contentHash(read?.config)).toBe(record.hash);
      expect(read).toEqual(record);
      expect(await h.store.latestVersionRef('V-1')).toEqual({ version: 1, hash: record.hash });
      expect(await h.store.getVersion('V-1', 2)).toBeNull();
    });

    it('refuses a second version with the same number', async () => {
      await h.store.insertVersion(versionRecord('V-2', 1));
      await expect(h.store.insertVersion(versionRecord('V-2', 1))).rejects.toBeInstanceOf(ConflictError);
    });

    it('lets exactly one of 20 concurrent publishers of the next version win; numbers stay gapless', async () => {
      await h.store.upsertItem({ code: 'V-3', name: 'n', department: 'd', createdAt: at(0) });
      await h.store.insertVersion(versionRecord('V-3', 1));
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => {
          const config = itemConfig('V-3', `第二版候选 ${i}`);
          return h.store.insertVersion({ ...versionRecord('V-3', 2, config), publishedBy: `publisher-${i}` });
        }),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof ConflictError)).toHaveLength(19);
      const versions = await h.store.listVersions('V-3');
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      expect(versions[0]).not.toHaveProperty('config');
    });

    it('publishes a version, its audit event, the draft retirement and the item refresh in one step', async () => {
      const config = itemConfig('P-1');
      const draft = await h.store.createDraft({ code: 'P-1', baseVersion: null, status: 'approved', config, hash: contentHash(config), createdAt: at(1), createdBy: 'a', updatedAt: at(1), updatedBy: 'a' });
      await h.store.upsertItem({ code: 'P-1', name: '旧名称', department: '旧部门', createdAt: at(1) });
      await h.store.setWithdrawn('P-1', { at: at(2), by: 'admin', reason: '暂停' });
      const publication = (n: number, revision: number) => ({
        version: versionRecord('P-1', n, config),
        draftRevision: revision,
        item: { code: 'P-1', name: config.standard.name, department: config.standard.department.name, createdAt: at(n) },
        event: { at: at(n), actor: 'author-a', action: 'version.published' as const, code: 'P-1', version: n, reason: '首次发布', details: { hash: contentHash(config) } },
      });
      const event = await h.store.publishVersion(publication(1, draft.revision));
      expect(event).toMatchObject({ action: 'version.published', code: 'P-1', version: 1 });
      expect(await h.store.getVersion('P-1', 1)).toEqual(versionRecord('P-1', 1, config));
      expect(await h.store.getDraft('P-1')).toBeNull();
      expect(await h.store.getItem('P-1')).toMatchObject({ name: config.standard.name, withdrawn: null, latestVersion: 1 });
      const events = await h.store.listAudit({ limit: 100 });
      expect(events.filter((e) => e.action === 'version.published')).toHaveLength(1);
      expect(verifyAuditChain(events).ok).toBe(true);

      // A number already taken, or a draft that moved on: a conflict, and nothing is written.
      const again = await h.store.createDraft({ code: 'P-1', baseVersion: 1, status: 'approved', config, hash: contentHash(config), createdAt: at(3), createdBy: 'a', updatedAt: at(3), updatedBy: 'a' });
      await expect(h.store.publishVersion(publication(1, again.revision))).rejects.toBeInstanceOf(ConflictError);
      await expect(h.store.publishVersion(publication(2, again.revision - 1))).rejects.toBeInstanceOf(ConflictError);
      expect(await h.store.getVersion('P-1', 2)).toBeNull();
      expect((await h.store.listVersions('P-1')).map((v) => v.version)).toEqual([1]);
      expect(await h.store.getDraft('P-1')).toEqual(again);
      expect(await h.store.listAudit({ limit: 100 })).toEqual(events);
    });

    it('lists items with their latest version, draft state and withdrawal', async () => {
      await h.store.upsertItem({ code: 'I-1', name: '旧名', department: '部门甲', createdAt: at(0) });
      await h.store.upsertItem({ code: 'I-1', name: '新名', department: '部门乙', createdAt: at(5) });
      await h.store.insertVersion(versionRecord('I-1', 1));
      await h.store.insertVersion(versionRecord('I-1', 2));
      const config = itemConfig('I-1');
      await h.store.createDraft({ code: 'I-1', baseVersion: 2, status: 'editing', config, hash: 'h', createdAt: at(9), createdBy: 'a', updatedAt: at(9), updatedBy: 'a' });
      await h.store.upsertItem({ code: 'I-2', name: '二', department: '部门甲', createdAt: at(0) });
      const items = await h.store.listItems();
      expect(items.map((i) => i.code)).toEqual(['I-1', 'I-2']);
      expect(items[0]).toMatchObject({ name: '新名', department: '部门乙', createdAt: at(0), latestVersion: 2, withdrawn: null, draft: { revision: 1, status: 'editing' } });
      expect(items[0]?.latestHash).toBe(versionRecord('I-1', 2).hash);
      expect(items[1]).toMatchObject({ latestVersion: null, latestHash: null, draft: null });
      await h.store.setWithdrawn('I-1', { at: at(10), by: 'admin', reason: '法规废止' });
      expect((await h.store.getItem('I-1'))?.withdrawn).toEqual({ at: at(10), by: 'admin', reason: '法规废止' });
      await h.store.setWithdrawn('I-1', null);
      expect((await h.store.getItem('I-1'))?.withdrawn).toBeNull();
      await expect(h.store.setWithdrawn('NOPE', null)).rejects.toBeInstanceOf(NotFoundError);
      expect(await h.store.getItem('NOPE')).toBeNull();
    });

    it('chains audit events, also under concurrent appends, and filters and pages them', async () => {
      for (let n = 1; n <= 5; n++) await h.store.appendAudit(auditEvent(n));
      await Promise.all(Array.from({ length: 20 }, (_, i) => h.store.appendAudit(auditEvent(6 + i))));
      const all = await h.store.listAudit({ limit: 1000 });
      expect(all.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
      expect(verifyAuditChain(all)).toEqual({ ok: true, checked: 25, firstBroken: null });
      const page = await h.store.listAudit({ afterSeq: 10, limit: 5 });
      expect(page.map((e) => e.seq)).toEqual([11, 12, 13, 14, 15]);
      const byActor = await h.store.listAudit({ actor: 'actor-1', limit: 1000 });
      expect(byActor.length).toBeGreaterThan(0);
      expect(byActor.every((e) => e.actor === 'actor-1')).toBe(true);
      const byCode = await h.store.listAudit({ code: 'ITEM-0', limit: 1000 });
      expect(byCode.every((e) => e.code === 'ITEM-0')).toBe(true);
      const byTime = await h.store.listAudit({ from: at(3), to: at(4), limit: 1000 });
      expect(byTime.map((e) => e.details)).toEqual([{ n: 3 }, { n: 4 }]);
    });

    it('writes signed audit checkpoints at every publication and every N events, and lists them, their index and the versions', async () => {
      const signer = createSigner(generateSigningKeyPair());
      const trusted = [trustedKeyEntry(signer.publicKey, at(0))];
      h.store.useCheckpoints(checkpointPolicy({ signer, clock: fixedClock(at(30)), every: 3 }));
      await Promise.all(Array.from({ length: 7 }, (_, i) => h.store.appendAudit(auditEvent(1 + i))));
      const config = itemConfig('CP-1');
      const draft = await h.store.createDraft({ code: 'CP-1', baseVersion: null, status: 'approved', config, hash: contentHash(config), createdAt: at(1), createdBy: 'a', updatedAt: at(1), updatedBy: 'a' });
      const published = await h.store.publishVersion({
        version: versionRecord('CP-1', 1, config), draftRevision: draft.revision,
        item: { code: 'CP-1', name: config.standard.name, department: config.standard.department.name, createdAt: at(8) },
        event: { at: at(8), actor: 'author-a', action: 'version.published', code: 'CP-1', version: 1, reason: '首次发布', details: { hash: contentHash(config) } },
      });
      expect(published.seq).toBe(8);
      const events = await h.store.listAudit({ limit: 100 });
      const checkpoints = await h.store.listCheckpoints();
      expect(checkpoints.map((c) => [c.count, c.trigger])).toEqual([[3, 'interval'], [6, 'interval'], [8, 'publication']]);
      for (const checkpoint of checkpoints) {
        expect(checkpoint.headHash).toBe(events[checkpoint.count - 1]?.hash);
        expect(checkpoint).toMatchObject({ at: at(30), keyId: signer.keyId });
        expect(checkpointTrusted(checkpoint, trusted)).toBe(true);
      }
      expect(await h.store.latestCheckpoint()).toEqual(checkpoints[2]);
      expect((await h.store.listCheckpoints({ after: 3, limit: 1 })).map((c) => c.count)).toEqual([6]);
      const index = await h.store.listAuditIndex({ after: 6 });
      expect(index).toEqual(events.slice(6).map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, action: e.action, code: e.code, version: e.version, hash: e.hash, prevHash: e.prevHash })));
      await h.store.insertVersion(versionRecord('CP-2', 1));
      expect(await h.store.listVersionRefs()).toEqual([
        { code: 'CP-1', version: 1, hash: contentHash(config) }, { code: 'CP-2', version: 1, hash: versionRecord('CP-2', 1).hash },
      ]);
      h.store.useCheckpoints(null);
      await h.store.appendAudit(auditEvent(9));
      expect((await h.store.latestCheckpoint())?.count).toBe(8);
      const reader = await h.openReader();
      try {
        expect(await reader.latestCheckpoint()).toEqual(checkpoints[2]);
      } finally {
        await reader.close();
      }
    });

    it('makes tampering with an audit event detectable', async () => {
      for (let n = 1; n <= 4; n++) await h.store.appendAudit(auditEvent(n));
      await h.tamperAuditEvent(3, '篡改后的理由');
      const events = await h.store.listAudit({ limit: 100 });
      expect(events[2]?.reason).toBe('篡改后的理由');
      expect(verifyAuditChain(events)).toMatchObject({ ok: false, firstBroken: { seq: 3 } });
    });

    it('gives runtimes a read-only store with no write methods that sees published data', async () => {
      await h.store.upsertItem({ code: 'R-1', name: 'n', department: 'd', createdAt: at(0) });
      await h.store.insertVersion(versionRecord('R-1', 1));
      const reader = await h.openReader();
      try {
        for (const method of CONFIG_WRITE_METHODS) expect(method in reader, `${method} on the read-only store`).toBe(false);
        expect((await reader.getVersion('R-1', 1))?.hash).toBe(versionRecord('R-1', 1).hash);
        expect(await reader.latestVersionRef('R-1')).toEqual({ version: 1, hash: versionRecord('R-1', 1).hash });
        expect((await reader.health()).ok).toBe(true);
      } finally {
        await reader.close();
      }
    });

    it('keeps principals by token hash, refuses duplicates and revokes once', async () => {
      const principal = { id: 'p-1', name: '张三', role: 'author' as const, department: '内蒙古自治区人力资源和社会保障厅', division: null, createdAt: at(1), createdBy: 'admin', revokedAt: null, revokedBy: null, tokenHash: 'a'.repeat(64) };
      await h.store.createPrincipal(principal);
      await expect(h.store.createPrincipal({ ...principal, tokenHash: 'b'.repeat(64) })).rejects.toBeInstanceOf(ConflictError);
      await expect(h.store.createPrincipal({ ...principal, id: 'p-2' })).rejects.toBeInstanceOf(ConflictError);
      expect(await h.store.findPrincipalByTokenHash('a'.repeat(64))).toEqual(principal);
      expect(await h.store.findPrincipalByTokenHash('c'.repeat(64))).toBeNull();
      const revoked = await h.store.revokePrincipal('p-1', at(2), 'admin');
      expect(revoked).toMatchObject({ revokedAt: at(2), revokedBy: 'admin' });
      expect((await h.store.revokePrincipal('p-1', at(3), 'other')).revokedAt).toBe(at(2));
      expect((await h.store.findPrincipalByTokenHash('a'.repeat(64)))?.revokedAt).toBe(at(2));
      await expect(h.store.revokePrincipal('nobody', at(3), 'admin')).rejects.toBeInstanceOf(NotFoundError);
      expect((await h.store.listPrincipals()).map((p) => p.id)).toEqual(['p-1']);
    });

    it('keeps one claim per locality and item, with its first claimer', async () => {
      const claim = { division: '150102', code: 'C-1', follow: 'latest' as const, local: { windowAddress: '新城区政务服务中心 2 楼' }, claimedAt: at(1), claimedBy: 'op-a', updatedAt: at(1), updatedBy: 'op-a' };
      expect(await h.store.putClaim(claim)).toEqual(claim);
      const pinned = await h.store.putClaim({ ...claim, follow: 2, local: { consultPhone: '0471-1234567' }, claimedAt: at(5), claimedBy: 'op-b', updatedAt: at(5), updatedBy: 'op-b' });
      expect(pinned).toMatchObject({ follow: 2, claimedAt: at(1), claimedBy: 'op-a', updatedBy: 'op-b', local: { consultPhone: '0471-1234567' } });
      await h.store.putClaim({ ...claim, division: '152921' });
      await h.store.putClaim({ ...claim, code: 'C-2' });
      expect((await h.store.listClaims()).map((c) => `${c.division}/${c.code}`)).toEqual(['150102/C-1', '150102/C-2', '152921/C-1']);
      expect((await h.store.listClaims({ code: 'C-1' })).map((c) => c.division)).toEqual(['150102', '152921']);
      expect(await h.store.listClaims({ division: '150102', code: 'C-1' })).toEqual([pinned]);
      expect(await h.store.deleteClaim('150102', 'C-2')).toBe(true);
      expect(await h.store.deleteClaim('150102', 'C-2')).toBe(false);
      await h.store.insertClaims([{ ...claim, division: '150203' }, { ...claim, division: '150204' }]);
      await expect(h.store.insertClaims([{ ...claim, division: '150205' }, { ...claim, division: '150203' }])).rejects.toBeInstanceOf(ConflictError);
      expect((await h.store.listClaims({ code: 'C-1' })).map((c) => c.division)).toEqual(expect.arrayContaining(['150203', '150204']));
      await h.store.addStation({ code: '150102003', name: '街道便民服务中心', parentCode: '150102', addedAt: at(1), addedBy: 'admin' });
      await expect(h.store.addStation({ code: '150102003', name: '重复', parentCode: '150102', addedAt: at(2), addedBy: 'admin' })).rejects.toBeInstanceOf(ConflictError);
      expect(await h.store.listStations()).toEqual([{ code: '150102003', name: '街道便民服务中心', parentCode: '150102', addedAt: at(1), addedBy: 'admin' }]);
      expect(await h.store.getCampaign()).toBeNull();
      await h.store.setCampaign({ name: '2024 全区通办认领', deadline: '2024-08-31', updatedAt: at(1), updatedBy: 'admin' });
      await h.store.setCampaign({ name: '2024 全区通办认领', deadline: '2024-09-30', updatedAt: at(2), updatedBy: 'admin' });
      expect(await h.store.getCampaign()).toEqual({ name: '2024 全区通办认领', deadline: '2024-09-30', updatedAt: at(2), updatedBy: 'admin' });
    });

    it('reports its health', async () => {
      const health = await h.store.health();
      expect(health).toMatchObject({ ok: true, adapter: h.store.adapter, readOnly: false });
    });
  });
}
