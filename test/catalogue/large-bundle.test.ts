import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, type ItemConfig } from '../../engine/core/index.js';
import { exportBundle, seedEmptyStore } from '../../engine/services/index.js';
import { loadSampleCatalogue } from '../../standards/sample-catalogue.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';

describe('a whole catalogue bundle over HTTP', () => {
  let source: TestInstallation;
  let target: TestInstallation;
  beforeAll(async () => {
    source = await sqliteInstallation();
    target = await sqliteInstallation();
    // 150 items, as many as the region's list: the 12 samples, each cloned under new codes.
    const samples = loadSampleCatalogue();
    const catalogue: ItemConfig[] = Array.from({ length: 150 }, (_, i) => {
      const sample = samples[i % samples.length] as ItemConfig;
      if (i < samples.length) return sample;
      const code = `${sample.code}-${String(i).padStart(3, '0')}`;
      return { ...sample, code, standard: { ...sample.standard, code } };
    });
    await seedEmptyStore({ store: source.store, catalogue });
  }, 120_000);
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('imports a 150-item bundle larger than the general 1 MiB body limit, while other routes keep that limit', async () => {
    const bundle = await exportBundle({ store: source.store });
    const text = JSON.stringify(bundle);
    expect(bundle.items).toHaveLength(150);
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024);
    const imported = await request(target.app).post('/api/catalogue/import').set(target.as.admin).set('Content-Type', 'application/json').send(text);
    expect(imported.status).toBe(200);
    expect(imported.body.items.filter((i: { status: string }) => i.status === 'imported')).toHaveLength(150);
    const version = await target.store.getVersion('SAMPLE-GA-0001', 1);
    expect(version && contentHash(version.config)).toBe(version?.hash);

    const tooLarge = await request(target.app).put('/api/items/BIG-1/draft').set(target.as.admin).set('Content-Type', 'application/json').send(text);
    expect(tooLarge.status).toBe(413);
  }, 120_000);
});
