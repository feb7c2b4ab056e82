import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash, ephemeralProcessSigning, signVersion, type ItemConfig } from '../../engine/core/index.js';
import { MAX_REQUEST_STRING_LENGTH } from '../../engine/http-kit/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

/** The pattern: linear on RE2, but 6,003 instructions a character. */
const COSTLY = '[\\s\\S]{0,1000}[\\s\\S]{0,1000}[\\s\\S]{0,1000}$';

function withNote(code: string, note: Record<string, unknown>): ItemConfig {
  const config = itemConfig(code);
  (config.form.schema.properties as Record<string, unknown>).note = { type: 'string', title: '备注', ...note };
  return config;
}

const problemsOf = async (t: TestInstallation, config: ItemConfig) =>
  ((await request(t.app).post('/api/validate').set(t.as.author).send(config)).body.problems as { pointer: string; code: string; message: string }[]).filter((p) => p.pointer.startsWith('/form'));

describe('patterns under a time budget', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, itemConfig('BUDGET-1'));
    await request(t.app).put('/api/localities/150102/claims/BUDGET-1').set(t.as.admin).send({ follow: 'latest' });
    // A version from before maxLength was required: the costly pattern over an unbounded field.
    const legacy = withNote('BUDGET-1', { pattern: COSTLY });
    const unsigned = { code: 'BUDGET-1', version: 2, hash: contentHash(legacy), baseVersion: 1, publishedAt: new Date().toISOString(), publishedBy: 'admin-test', author: 'author-zhang', reviewer: 'reviewer-li', reason: '旧版', legalBasis: '旧版', changeKind: 'amend' as const, config: legacy };
    await t.store.insertVersion({ ...unsigned, signature: signVersion(unsigned, ephemeralProcessSigning().signer) });
  });
  afterAll(async () => t.close());

  it('authoring requires maxLength with a pattern, within what the pattern can check in time', async () => {
    const unbounded = await problemsOf(t, withNote('BUDGET-2', { pattern: COSTLY }));
    expect(unbounded).toEqual([expect.objectContaining({ pointer: '/form/schema/properties/note/maxLength', code: 'form.pattern-unbounded', message: expect.stringContaining('字段「备注」'), location: expect.objectContaining({ tab: 'form', section: '字段「备注」' }) })]);
    const tooLong = await problemsOf(t, withNote('BUDGET-2', { pattern: COSTLY, maxLength: 100_000 }));
    expect(tooLong).toEqual([expect.objectContaining({ pointer: '/form/schema/properties/note/maxLength', code: 'form.pattern-too-costly', message: expect.stringMatching(/「备注」.*100000.*165 个字符/) })]);
    expect(await problemsOf(t, withNote('BUDGET-2', { pattern: COSTLY, maxLength: 100 }))).toEqual([]);
    expect(await problemsOf(t, withNote('BUDGET-2', { pattern: '^[0-9]{12,19}$', maxLength: 19 }))).toEqual([]);
  });

  it('refuses a 100,000-character value at the edge, by size, before any evaluation', async () => {
    const started = performance.now();
    const answer = await request(t.app).post('/api/runtime/150102/items/BUDGET-1/evaluate').send({ scenario: 'self', formData: { name: '王五', note: 'x'.repeat(100_000) }, materials: ['id-card'] });
    const elapsed = performance.now() - started;
    expect(answer.status).toBe(422);
    expect(answer.body.error.details.problems).toEqual([{ pointer: '/formData/note', code: 'string.too-long', message: expect.stringContaining(`上限 ${MAX_REQUEST_STRING_LENGTH}`) }]);
    // Running the pattern would take about 40 s (6,003 steps × 100,000 characters).
    expect(elapsed).toBeLessThan(3_000);
  });

  it('answers a value under the edge cap without running the pattern, and keeps other requests flowing', async () => {
    const value = 'x'.repeat(MAX_REQUEST_STRING_LENGTH - 1);
    const started = performance.now();
    const slow = request(t.app).post('/api/runtime/150102/items/BUDGET-1/evaluate').send({ scenario: 'self', formData: { name: '王五', note: value }, materials: ['id-card'] }).then((r) => ({ r, at: performance.now() - started }));
    const other = request(t.app).get('/api/health').then((r) => ({ r, at: performance.now() - started }));
    const [evaluated, health] = await Promise.all([slow, other]);
    expect(evaluated.r.status).toBe(200);
    // Over budget: refused as not matching, without the ~25 s a run over 65,535 characters would take.
    expect(evaluated.r.body.fieldErrors).toContainEqual(expect.objectContaining({ path: '/note', keyword: 'pattern' }));
    expect(evaluated.at).toBeLessThan(3_000);
    expect(health.r.status).toBe(200);
    expect(health.at).toBeLessThan(3_000);
  });
});
