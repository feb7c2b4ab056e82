import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemConfig } from '../fixtures/item-config.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

describe('claims (认领) and progress reports', () => {
  let t: TestInstallation;
  beforeAll(async () => {
    t = await sqliteInstallation();
    await publishThroughApi(t, itemConfig('CP-1', '事项一'));
    await publishThroughApi(t, itemConfig('CP-2', '事项二'));
    const third = itemConfig('CP-3', '事项三');
    third.standard.department = { name: '内蒙古自治区人力资源和社会保障厅' };
    await publishThroughApi(t, third);
  });
  afterAll(async () => t.close());

  it('accepts only the local fields the standard allows, naming any other field', async () => {
    const res = await request(t.app).put('/api/localities/150102/claims/CP-1').set(t.as.operator)
      .send({ follow: 'latest', local: { windowAddress: '新城区政务服务中心', promisedTimeLimit: '1', rules: '[]' }, standard: { name: 'x' } });
    expect(res.status).toBe(422);
    expect(res.body.error.details.problems.map((p: { pointer: string }) => p.pointer).sort()).toEqual(['/local/promisedTimeLimit', '/local/rules', '/standard']);
    expect((await request(t.app).put('/api/localities/150102/claims/CP-1').set(t.as.operator).send({ follow: 7 })).body.error.details.problems[0].pointer).toBe('/follow');
    expect((await request(t.app).get('/api/localities/150102/claims').set(t.as.operator)).body.claims).toEqual([]);
  });

  it('lets an operator claim for their locality and the stations below it, not for others', async () => {
    expect((await request(t.app).put('/api/localities/150102/claims/CP-1').set(t.as.operator).send({ local: { windowAddress: '新城区政务服务中心', consultPhone: '0471-1234567', openingHours: '工作日 9:00-17:00' } })).status).toBe(200);
    const unregistered = await request(t.app).put('/api/localities/150102003/claims/CP-1').set(t.as.operator).send({});
    expect(unregistered.status).toBe(404);
    expect(unregistered.body.error.message).toContain('服务站');
    expect((await request(t.app).post('/api/divisions/stations').set(t.as.operator).send({ code: '150102003', name: '海拉尔路街道便民服务中心' })).status).toBe(403);
    const added = await request(t.app).post('/api/divisions/stations').set(t.as.admin).send({ code: '150102003', name: '海拉尔路街道便民服务中心' });
    expect(added.status).toBe(201);
    expect((await request(t.app).post('/api/divisions/stations').set(t.as.admin).send({ code: '150102003', name: '重复' })).status).toBe(409);
    expect((await request(t.app).post('/api/divisions/stations').set(t.as.admin).send({ code: '150100001', name: '盟市下不设站' })).body.error.details.problems[0].pointer).toBe('/code');
    const tree = (await request(t.app).get('/api/divisions')).body;
    const xincheng = tree.children.find((c: { code: string }) => c.code === '150100').children.find((c: { code: string }) => c.code === '150102');
    expect(xincheng.children).toEqual([expect.objectContaining({ code: '150102003', name: '海拉尔路街道便民服务中心', level: 'station' })]);
    expect((await request(t.app).put('/api/localities/150102003/claims/CP-1').set(t.as.operator).send({})).status).toBe(200);
    const other = await request(t.app).put('/api/localities/152921/claims/CP-1').set(t.as.operator).send({});
    expect(other.status).toBe(403);
    expect((await request(t.app).put('/api/localities/150103/claims/CP-1').set(t.as.leagueOperator).send({})).status).toBe(200);
    expect((await request(t.app).put('/api/localities/999999/claims/CP-1').set(t.as.admin).send({})).status).toBe(404);
    expect((await request(t.app).put('/api/localities/150102/claims/NOPE-1').set(t.as.admin).send({})).status).toBe(404);
    const station = await request(t.app).get('/api/runtime/150102003/items');
    expect(station.body.items.map((i: { code: string }) => i.code)).toEqual(['CP-1']);
    const audit = (await request(t.app).get('/api/audit?code=CP-1').set(t.as.auditor)).body.events.filter((e: { action: string }) => e.action === 'claim.changed');
    expect(audit.map((e: { actor: string; details: { division: string } }) => `${e.actor}@${e.details.division}`)).toEqual(['operator-xincheng@150102', 'operator-xincheng@150102003', 'operator-hohhot@150103']);
  });

  it('reports progress per league and banner, overdue against the deadline, and per department', async () => {
    await request(t.app).put('/api/localities/152921/claims/CP-2').set(t.as.otherOperator).send({ local: { windowAddress: '巴彦浩特' } });
    await request(t.app).put('/api/localities/150100/claims/CP-1').set(t.as.leagueOperator).send({});
    await request(t.app).put('/api/localities/150100/claims/CP-2').set(t.as.leagueOperator).send({});
    expect((await request(t.app).put('/api/campaign').set(t.as.admin).send({ name: '2024 年认领', deadline: '2024-08-31' })).status).toBe(200);
    await request(t.app).put('/api/items/CP-4/draft').set(t.as.author).send(itemConfig('CP-4'));
    await request(t.app).post('/api/items/CP-4/draft/submit').set(t.as.author);
    const report = (await request(t.app).get('/api/reports/progress').set(t.as.auditor)).body;
    expect(report.campaign).toEqual({ name: '2024 年认领', deadline: '2024-08-31', batches: [] });
    expect(report.localities).toHaveLength(115);
    const row = (code: string) => report.localities.find((l: { division: string }) => l.division === code);
    expect(row('150102')).toMatchObject({ name: '新城区', level: 'banner_county', offered: 3, claimed: 1, localFieldsCompleted: 1, unclaimed: ['CP-2', 'CP-3'], overdue: true });
    expect(row('150103')).toMatchObject({ claimed: 1, localFieldsCompleted: 0, overdue: true });
    expect(row('152921')).toMatchObject({ claimed: 1, localFieldsCompleted: 0, overdue: true });
    expect(row('150100')).toMatchObject({ level: 'league_city', claimed: 2, unclaimed: ['CP-3'] });
    expect(row('152900')).toMatchObject({ claimed: 0, unclaimed: ['CP-1', 'CP-2', 'CP-3'] });
    expect(report.departments).toEqual([expect.objectContaining({ department: '内蒙古自治区人力资源和社会保障厅', published: 3, drafts: 1, inReview: 1, daysSinceLastChange: 0 })]);
    const csv = await request(t.app).get('/api/reports/progress').set(t.as.auditor).set('Accept', 'text/csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('属地,150102,新城区,旗县,150100,3,1,1,是');
    expect((await request(t.app).get('/api/reports/progress').set(t.as.operator)).status).toBe(403);
  });
});
