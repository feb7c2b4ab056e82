// Saving over another author's save, and discarding a draft, through the designer API: a stale
// If-Match is refused (409) with the current revision; the client merges three ways (base it loaded,
// its edits, the saved draft) and saves at that revision, so neither author's edit is lost. A draft
// is discarded only by an author of its department, at its current revision, and the audit says who.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeItemConfigs, type ItemConfig } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';

describe('draft merge and discard over HTTP', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a stale save with 409 and accepts the three-way merge at the current revision', async () => {
    const created = await request(t.app).put('/api/items/MERGE-1/draft').set(t.as.author).send(itemConfig('MERGE-1'));
    expect(created.status).toBe(201);
    const base = created.body.config as ItemConfig;

    const theirsEdit = structuredClone(base);
    theirsEdit.rules[0]!.description = '未满十六周岁的，不予登记';
    const theirs = await request(t.app).put('/api/items/MERGE-1/draft').set(t.as.author2).set('If-Match', '"1"').send(theirsEdit);
    expect(theirs.status).toBe(200);

    const mine = structuredClone(base);
    mine.standard.resultName = '灵活就业登记回执';
    const stale = await request(t.app).put('/api/items/MERGE-1/draft').set(t.as.author).set('If-Match', '"1"').send(mine);
    expect(stale.status).toBe(409);
    expect(stale.body.error.details).toMatchObject({ expectedRevision: 1, currentRevision: 2 });

    const current = await request(t.app).get('/api/items/MERGE-1/draft').set(t.as.author);
    expect(current.headers.etag).toBe('"2"');
    const result = mergeItemConfigs(base, mine, current.body.config as ItemConfig);
    expect(result.conflicts).toEqual([]);
    expect(result.fromTheirs.map((c) => c.label)).toEqual(['受理规则「under-16」 · 说明']);
    const merged = await request(t.app).put('/api/items/MERGE-1/draft').set(t.as.author).set('If-Match', '"2"').send(result.merged);
    expect(merged.status).toBe(200);
    expect(merged.body.revision).toBe(3);
    expect(merged.body.config.standard.resultName).toBe('灵活就业登记回执');
    expect(merged.body.config.rules[0].description).toBe('未满十六周岁的，不予登记');
  });

  it('names a same-field conflict in Chinese and saves the author’s choice', async () => {
    const created = await request(t.app).put('/api/items/MERGE-2/draft').set(t.as.author).send(itemConfig('MERGE-2'));
    const base = created.body.config as ItemConfig;
    const theirsEdit = structuredClone(base);
    theirsEdit.standard.materials[0]!.name = '居民身份证或临时身份证';
    expect((await request(t.app).put('/api/items/MERGE-2/draft').set(t.as.author2).set('If-Match', '"1"').send(theirsEdit)).status).toBe(200);
    const mine = structuredClone(base);
    mine.standard.materials[0]!.name = '有效身份证件';
    expect((await request(t.app).put('/api/items/MERGE-2/draft').set(t.as.author).set('If-Match', '"1"').send(mine)).status).toBe(409);

    const current = (await request(t.app).get('/api/items/MERGE-2/draft').set(t.as.author)).body;
    const { conflicts } = mergeItemConfigs(base, mine, current.config);
    expect(conflicts.map((c) => [c.label, c.mineText, c.theirsText])).toEqual([['申请材料「有效身份证件」 · 材料名称', '有效身份证件', '居民身份证或临时身份证']]);
    const chosen = mergeItemConfigs(base, mine, current.config, { [conflicts[0]!.key]: 'theirs' }).merged;
    const saved = await request(t.app).put('/api/items/MERGE-2/draft').set(t.as.author).set('If-Match', `"${current.revision}"`).send(chosen);
    expect(saved.status).toBe(200);
    expect(saved.body.config.standard.materials[0].name).toBe('居民身份证或临时身份证');
  });

  it('discards a draft only for an author of its department, at its revision, and audits who did', async () => {
    expect((await request(t.app).put('/api/items/DISCARD-1/draft').set(t.as.author).send(itemConfig('DISCARD-1'))).status).toBe(201);
    const reviewer = await request(t.app).delete('/api/items/DISCARD-1/draft').set(t.as.reviewer).set('If-Match', '"1"');
    expect(reviewer.status).toBe(403);
    const outsider = await request(t.app).delete('/api/items/DISCARD-1/draft').set(t.as.otherAuthor).set('If-Match', '"1"');
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.code).toBeTypeOf('string');
    expect((await request(t.app).delete('/api/items/DISCARD-1/draft').set(t.as.author)).status).toBe(428);
    const stale = await request(t.app).delete('/api/items/DISCARD-1/draft').set(t.as.author).set('If-Match', '"7"');
    expect(stale.status).toBe(409);
    expect((await request(t.app).get('/api/items/DISCARD-1/draft').set(t.as.author)).status).toBe(200);

    expect((await request(t.app).delete('/api/items/DISCARD-1/draft').set(t.as.author2).set('If-Match', '"1"')).status).toBe(204);
    expect((await request(t.app).get('/api/items/DISCARD-1/draft').set(t.as.author)).status).toBe(404);
    expect((await request(t.app).delete('/api/items/DISCARD-1/draft').set(t.as.author).set('If-Match', '"1"')).status).toBe(404);
    const audit = await request(t.app).get('/api/audit?code=DISCARD-1&limit=100').set(t.as.admin);
    expect(audit.status).toBe(200);
    const discarded = (audit.body.events as { action: string; actor: string; details?: { revision?: number } }[]).filter((e) => e.action === 'draft.discarded');
    expect(discarded).toHaveLength(1);
    expect(discarded[0]).toMatchObject({ actor: 'author-wang', details: { revision: 1 } });
  });
});
