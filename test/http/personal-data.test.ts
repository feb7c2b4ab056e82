import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

describe('personal data in logs', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, itemConfig('PD-1'));
    await request(t.app).put('/api/localities/150102/claims/PD-1').set(t.as.admin).send({ follow: 'latest' });
  });
  afterAll(async () => t.close());

  it('never writes an ID number or phone number unmasked, and never logs form data', async () => {
    const decision = await request(t.app).post('/api/runtime/150102/items/PD-1/evaluate').send({ scenario: 'self', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678' }, materials: [] });
    expect(decision.status).toBe(200);
    await request(t.app).get('/api/items/11010519491231002X').set(t.as.auditor);
    await request(t.app).get('/api/runtime/150102/items/13912345678/guide');
    const logs = t.logs.join('\n');
    expect(logs).toContain('/api/runtime/150102/items/PD-1/evaluate');
    expect(logs).not.toContain('11010519491231002X');
    expect(logs).not.toContain('13912345678');
    expect(logs).toContain('1101**********002X');
    expect(logs).not.toContain('王五');
  });

  it('masks ID and mobile numbers wherever they appear in a line', () => {
    expect(maskPersonalData('id=150102200803150027 tel 13800001111.')).toBe('id=1501**********0027 tel 138****1111.');
  });
});
