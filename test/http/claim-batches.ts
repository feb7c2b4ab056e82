import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

/** Claim deadlines per batch of items (分批认领), on any store adapter. */
export function describeClaimBatches(name: string, open: InstallationFactory): void {
  describe(`claim deadlines per batch of items (${name})`, () => {
    let t: TestInstallation;
    let now = Date.parse('2026-11-25T02:00:00Z'); // region date 2026-11-25
    beforeAll(async () => {
      t = await open({ clock: () => new Date(now) });
      for (const code of ['CB-1', 'CB-2', 'CB-3']) await publishThroughApi(t, itemConfig(code));
    });
    afterAll(async () => t.close());

    const row = (report: { localities: { division: string }[] }, division: string) => report.localities.find((l) => l.division === division) as Record<string, unknown>;
    const batches = [{ name: '第一批', codes: ['CB-1'], deadline: '2026-11-20' }, { name: '第二批', codes: ['CB-2'], deadline: '2026-11-30' }];

    it('an admin sets batches (kept in the config store, audited); every problem is reported at once and nothing is written', async () => {
      const before = await request(t.app).put('/api/campaign/batches').set(t.as.admin).send({ batches });
      expect(before.status).toBe(422);
      expect(before.body.error.details.problems[0].message).toContain('请先设置认领活动');
      expect((await request(t.app).put('/api/campaign').set(t.as.admin).send({ name: '2026 年认领', deadline: '2026-12-31' })).status).toBe(200);

      const bad = await request(t.app).put('/api/campaign/batches').set(t.as.admin).send({ batches: [{ name: '', codes: ['CB-1', 'NOPE-9'], deadline: '2026-13-01' }, { name: '乙', codes: ['CB-1'], deadline: '2026-12-01' }] });
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.problems.map((p: { pointer: string; code: string }) => `${p.pointer} ${p.code}`)).toEqual([
        '/batches/0/name batch.name', '/batches/0/deadline batch.deadline', '/batches/0/codes/1 batch.unknown-item', '/batches/1/codes/0 batch.item-twice',
      ]);
      expect(bad.body.error.details.problems[3].message).toContain('一个事项只能属于一个批次');
      expect((await t.store.getCampaign())?.batches).toBeUndefined();
      expect((await request(t.app).put('/api/campaign/batches').set(t.as.operator).send({ batches })).status).toBe(403);

      const set = await request(t.app).put('/api/campaign/batches').set(t.as.admin).send({ batches });
      expect(set.status).toBe(200);
      expect(set.body.campaign).toMatchObject({ name: '2026 年认领', deadline: '2026-12-31', batches, updatedBy: 'admin-test' });
      expect((await t.store.getCampaign())?.batches).toEqual(batches);
      // Renaming the campaign keeps its batches.
      expect((await request(t.app).put('/api/campaign').set(t.as.admin).send({ name: '2026 年事项认领', deadline: '2026-12-31' })).status).toBe(200);
      expect((await request(t.app).get('/api/campaign').set(t.as.operator)).body.campaign.batches).toEqual(batches);
      const events = (await t.store.listAudit({})).filter((e) => e.action === 'campaign.changed');
      expect(events.map((e) => e.details?.batches)).toContainEqual(batches);
    });

    it('the progress report counts a locality late per batch: each batch by its own deadline, items in no batch by the campaign’s (server clock)', async () => {
      expect((await request(t.app).put('/api/localities/150103/claims/CB-1').set(t.as.leagueOperator).send({})).status).toBe(200);
      const report = (await request(t.app).get('/api/reports/progress').set(t.as.auditor)).body;
      expect(report.campaign.batches).toEqual(batches);
      expect(row(report, '150102')).toMatchObject({ unclaimed: ['CB-1', 'CB-2', 'CB-3'], late: ['CB-1'], lateBatches: ['第一批'], overdue: true });
      expect(row(report, '150103')).toMatchObject({ unclaimed: ['CB-2', 'CB-3'], late: [], lateBatches: [], overdue: false });
      const csv = parseCsvRecords((await request(t.app).get('/api/reports/progress').set(t.as.auditor).set('Accept', 'text/csv')).text).map((r) => r.fields);
      const header = csv[0] ?? [];
      const line = csv.find((r) => r[1] === '150102') ?? [];
      expect(line[header.indexOf('逾期事项数')]).toBe('1');
      expect(line[header.indexOf('逾期批次')]).toBe('第一批');

      now = Date.parse('2027-01-05T02:00:00Z');
      const later = (await request(t.app).get('/api/reports/progress').set(t.as.auditor)).body;
      expect(row(later, '150102')).toMatchObject({ late: ['CB-1', 'CB-2', 'CB-3'], lateBatches: ['第一批', '第二批', '2026 年事项认领'] });
      expect(row(later, '150103')).toMatchObject({ late: ['CB-2', 'CB-3'], lateBatches: ['第二批', '2026 年事项认领'] });
    });

    it('the 周调度 snapshot keeps the late claims and their batches per locality, also in its CSV', async () => {
      now = Date.parse('2026-12-02T02:00:00Z'); // week 2026-W49: 第一批 past, 第二批 past, the campaign not yet
      const week = await request(t.app).get('/api/reports/periods/week').set(t.as.auditor);
      expect(week.status).toBe(200);
      expect(row(week.body, '150102')).toMatchObject({ claimsLate: 2, lateBatches: ['第一批', '第二批'] });
      expect(row(week.body, '150103')).toMatchObject({ claimsLate: 1, lateBatches: ['第二批'] });
      const csv = parseCsvRecords((await request(t.app).get('/api/reports/periods/week').set(t.as.auditor).set('Accept', 'text/csv')).text).map((r) => r.fields);
      const header = csv[0] ?? [];
      const line = csv.find((r) => r[2] === '150103') ?? [];
      expect(line[header.indexOf('逾期未认领')]).toBe('1');
      expect(line[header.indexOf('逾期批次')]).toBe('第二批');
    });
  });
}
