import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

/** A body whose text holds a number beyond double range: JSON.parse makes it Infinity. */
function withOverflow(value: object, placeholder: string): string {
  return JSON.stringify(value).replace(`"${placeholder}"`, '1e400');
}

describe('numbers that overflow to Infinity', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, itemConfig('NF-1'));
    await request(t.app).put('/api/localities/150102/claims/NF-1').set(t.as.admin).send({ follow: 'latest' });
  });
  afterAll(async () => t.close());

  it('are refused with 422 naming every field before a draft is written, leaving no orphan item', async () => {
    const config = itemConfig('NF-2');
    const body = withOverflow({ ...config, standard: { ...config.standard, statutoryTimeLimit: { ...config.standard.statutoryTimeLimit, value: 'OVERFLOW' } } }, 'OVERFLOW');
    const before = (await request(t.app).get('/api/items').set(t.as.author)).body.items.length as number;
    const answer = await request(t.app).put('/api/items/NF-2/draft').set(t.as.author).set('Content-Type', 'application/json').send(body);
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe('validation_failed');
    expect(answer.body.error.details.problems).toEqual([{ pointer: '/standard/statutoryTimeLimit/value', code: 'number.non-finite', message: expect.stringContaining('超出') }]);
    expect((await request(t.app).get('/api/items').set(t.as.author)).body.items).toHaveLength(before);
    expect((await request(t.app).get('/api/items/NF-2').set(t.as.author)).status).toBe(404);
  });

  it('are refused with 422 in an evaluation too, so no decision is made on them', async () => {
    const body = withOverflow({ scenario: 'self', formData: { name: '王五', age: 'OVERFLOW' }, materials: [] }, 'OVERFLOW');
    const answer = await request(t.app).post('/api/runtime/150102/items/NF-1/evaluate').set('Content-Type', 'application/json').send(body);
    expect(answer.status).toBe(422);
    expect(answer.body.error.details.problems[0]).toMatchObject({ pointer: '/formData/age', code: 'number.non-finite' });
  });
});
