import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkVersionSignature,
  contentHash,
  createSigner,
  generateSigningKeyPair,
  trustedKeyEntry,
  type ItemConfig,
  type Signer,
  type TrustedKey,
  type VersionRecord,
} from '../../engine/core/index.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { adoptionReport, ItemLifecycle, seedEmptyStore } from '../../engine/services/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { itemConfig } from '../fixtures/item-config.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';

/** What each store needs to let a test act as an attacker with write access to the store itself. */
export interface StoreTampering {
  /** Rewrites a stored version's record (meta fields, config, hash) behind the store's back. */
  rewriteVersion(t: TestInstallation, code: string, version: number, edit: (record: VersionRecord) => VersionRecord): Promise<void>;
  /** Writes a version straight into the store: no review, no audit event, no publication. */
  insertRawVersion(t: TestInstallation, record: VersionRecord): Promise<void>;
}

const DIVISION = '150102';

function regionKey(): { signer: Signer; trusted: TrustedKey } {
  const signer = createSigner(generateSigningKeyPair());
  return { signer, trusted: trustedKeyEntry(signer.publicKey, '2020-01-01T00:00:00.000Z') };
}

export function describeSignedPublication(name: string, open: InstallationFactory, tamper: StoreTampering): void {
  describe(`signed publication on ${name}`, () => {
    const region = regionKey();
    let t: TestInstallation;
    let lifecycle: ItemLifecycle;
    let runtime: ReturnType<typeof createRuntimeApp>;

    const publish = async (config: ItemConfig) => {
      const draft = await t.store.getDraft(config.code);
      await lifecycle.saveDraft(config.code, config, 'author-zhang', draft?.revision);
      await lifecycle.submit(config.code, 'author-zhang');
      await lifecycle.approve(config.code, 'reviewer-li', '同意');
      const version = await lifecycle.publish(config.code, 'author-zhang', { reason: '测试', legalBasis: '测试依据' });
      const at = new Date().toISOString();
      await t.store.putClaim({ division: DIVISION, code: config.code, follow: 'latest', local: {}, claimedAt: at, claimedBy: 'test', updatedAt: at, updatedBy: 'test' });
      return version;
    };
    const served = (code: string, app = runtime) => request(app).get(`/api/runtime/${DIVISION}/items/${code}`);

    beforeAll(async () => {
      t = await open();
      lifecycle = new ItemLifecycle({ store: t.store, signer: region.signer });
      runtime = createRuntimeApp({ reader: t.reader, trustedKeys: [region.trusted], logger: createLogger(() => undefined), windowApp: false });
    });
    afterAll(async () => t.close());

    it('signs every publication with the region key, stored with the version and named in its audit event', async () => {
      const published = await publish(itemConfig('SIG-1'));
      const stored = await t.store.getVersion('SIG-1', 1);
      expect(stored?.signature).toEqual({ keyId: region.signer.keyId, signature: expect.stringMatching(/^[0-9a-f]{128}$/) });
      expect(stored?.signature).toEqual(published.signature);
      expect(checkVersionSignature(stored as VersionRecord, [region.trusted])).toEqual({ trusted: true, keyId: region.signer.keyId });
      expect((await t.store.listVersions('SIG-1'))[0]?.signature).toEqual(published.signature);
      const event = (await t.store.listAudit({ code: 'SIG-1' })).find((e) => e.action === 'version.published');
      expect(event?.details).toMatchObject({ keyId: region.signer.keyId, hash: published.hash, reviewer: 'reviewer-li' });
      const res = await served('SIG-1');
      expect(res.status).toBe(200);
      expect(res.body.item).toMatchObject({ version: 1, hash: published.hash });
    });

    it('signs the seeded catalogue, so a fresh installation serves it', async () => {
      const other = await open();
      try {
        const samples = loadSampleCatalogue().slice(0, 2);
        await seedEmptyStore({ store: other.store, catalogue: samples, claimFor: [DIVISION], signer: region.signer });
        const app = createRuntimeApp({ reader: other.reader, trustedKeys: [region.trusted], logger: createLogger(() => undefined), windowApp: false });
        for (const sample of samples) {
          expect((await other.store.getVersion(sample.code, 1))?.signature?.keyId).toBe(region.signer.keyId);
          expect((await served(sample.code, app)).status).toBe(200);
        }
        expect((await request(app).get('/api/health')).body.stores.signatures).toMatchObject({ ok: true, details: { refusedVersions: [] } });
      } finally {
        await other.close();
      }
    });

    it('a runtime that does not trust the signing key refuses the version with 409, naming it and why', async () => {
      await publish(itemConfig('SIG-2'));
      const stranger = createRuntimeApp({ reader: t.reader, trustedKeys: [regionKey().trusted], logger: createLogger(() => undefined), windowApp: false });
      const res = await served('SIG-2', stranger);
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'untrusted_version', details: { code: 'SIG-2', version: 1, reason: 'unknown-key', keyId: region.signer.keyId } });
      expect(res.body.error.message).toContain('事项 SIG-2 第 1 版的签名密钥');
      const evaluated = await request(stranger).post(`/api/runtime/${DIVISION}/items/SIG-2/evaluate`).send({ scenario: 'self', formData: {}, materials: [] });
      expect(evaluated.status).toBe(409);
    });

    it('refuses a version written straight into the store without review or signature, and raises the alarm in health', async () => {
      const v1 = await publish(itemConfig('SIG-3'));
      const forged = itemConfig('SIG-3');
      forged.rules = [];
      const { signature: _none, ...unsigned } = { ...v1, version: 2, baseVersion: 1, config: forged, hash: contentHash(forged), reviewer: 'nobody-fabricated' };
      await tamper.insertRawVersion(t, unsigned);
      expect((await t.reader.getItem('SIG-3'))?.latestVersion).toBe(2);
      const res = await served('SIG-3');
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: 'untrusted_version', details: { code: 'SIG-3', version: 2, reason: 'unsigned' } });
      expect(res.body.error.message).toBe('事项 SIG-3 第 2 版没有发布签名（未经签名发布，或签名已被删除），拒绝使用');
      const health = await request(runtime).get('/api/health');
      expect(health.status).toBe(503);
      expect(health.body.status).toBe('degraded');
      expect(health.body.stores.signatures.ok).toBe(false);
      expect(health.body.stores.signatures.details.refusedVersions).toContainEqual(expect.objectContaining({ code: 'SIG-3', version: 2, reason: 'unsigned' }));
      const adoption = await adoptionReport({ store: t.reader, trustedKeys: [region.trusted] });
      expect(adoption.untrusted).toEqual([expect.objectContaining({ code: 'SIG-3', version: 2, reason: 'unsigned', servedAt: [DIVISION] })]);
    });

    it('refuses a stored version whose reviewer, or whose config and hash together, were rewritten after signing', async () => {
      await publish(itemConfig('SIG-4'));
      await publish(itemConfig('SIG-5'));
      await tamper.rewriteVersion(t, 'SIG-4', 1, (record) => ({ ...record, reviewer: 'nobody-fabricated' }));
      await tamper.rewriteVersion(t, 'SIG-5', 1, (record) => {
        const config = structuredClone(record.config);
        config.rules = [];
        return { ...record, config, hash: contentHash(config) };
      });
      // A fresh runtime, as after a restart: nothing compiled before the tampering.
      const fresh = createRuntimeApp({ reader: t.reader, trustedKeys: [region.trusted], logger: createLogger(() => undefined), windowApp: false });
      for (const code of ['SIG-4', 'SIG-5']) {
        const res = await served(code, fresh);
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({ code: 'untrusted_version', details: { code, version: 1, reason: 'bad-signature' } });
        expect(res.body.error.message).toContain(`事项 ${code} 第 1 版的签名无效`);
      }
      const alarms = (await request(fresh).get('/api/health')).body.stores.signatures.details.refusedVersions.map((a: { code: string }) => a.code);
      expect(alarms).toEqual(expect.arrayContaining(['SIG-4', 'SIG-5']));
    });
  });
}
