import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../engine/core/index.js';
import { itemConfig } from '../fixtures/item-config.js';
import { OTHER_DEPARTMENT, TEST_DEPARTMENT, type InstallationFactory, type TestInstallation } from '../support/installation.js';
import { publishThroughApi } from './designer-api.js';

const commitment = { department: TEST_DEPARTMENT, dataItem: '社会保险参保信息', interfaceName: '人社一体化平台参保查询接口', sharingMethod: 'interface', dueDate: '2027-03-31', status: 'in-progress' };

/** The 三清单 and 周调度 / 月通报 API on any store adapter. */
export function describeProgrammeApi(name: string, open: InstallationFactory): void {
  describe(`三清单: 责任清单 and 负面清单, edited by the providing department (${name})`, () => {
    let t: TestInstallation;
    beforeAll(async () => {
      t = await open();
    });
    afterAll(async () => t.close());

    it('lets the department’s authors and administrators write, refuses other departments and other roles', async () => {
      const created = await request(t.app).put('/api/lists/responsibility/rs-001').set(t.as.author).send(commitment);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ kind: 'responsibility', id: 'rs-001', status: 'in-progress', updatedBy: 'author-zhang' });
      expect((await request(t.app).put('/api/lists/responsibility/rs-001').set(t.as.author2).send({ ...commitment, status: 'provided' })).status).toBe(200);
      const other = await request(t.app).put('/api/lists/responsibility/rs-001').set(t.as.otherAuthor).send({ ...commitment, department: OTHER_DEPARTMENT });
      expect(other.status).toBe(403);
      expect(other.body.error.message).toContain(TEST_DEPARTMENT);
      expect((await request(t.app).put('/api/lists/responsibility/mz-001').set(t.as.otherAuthor).send(commitment)).status).toBe(403);
      expect((await request(t.app).put('/api/lists/negative/mz-001').set(t.as.reviewer).send({ department: OTHER_DEPARTMENT, dataItem: '收养登记信息', basis: '《收养登记工作规范》' })).status).toBe(403);
      expect((await request(t.app).put('/api/lists/negative/mz-001').set(t.as.otherAuthor).send({ department: OTHER_DEPARTMENT, dataItem: '收养登记信息', basis: '《收养登记工作规范》第三十条' })).status).toBe(201);
      expect((await request(t.app).delete('/api/lists/negative/mz-001').set(t.as.author)).status).toBe(403);
      expect((await request(t.app).put('/api/lists/negative/gl-001').set(t.as.admin).send({ department: '内蒙古自治区公安厅', dataItem: '出入境记录', basis: '《出境入境管理法》' })).status).toBe(201);
      expect((await request(t.app).delete('/api/lists/negative/gl-001').set(t.as.admin)).status).toBe(204);
      expect((await request(t.app).delete('/api/lists/negative/gl-001').set(t.as.admin)).status).toBe(404);
      const listed = await request(t.app).get('/api/lists/responsibility').set(t.as.auditor);
      expect(listed.body.entries.map((e: { id: string; status: string; updatedBy: string }) => [e.id, e.status, e.updatedBy])).toEqual([['rs-001', 'provided', 'author-wang']]);
      expect((await request(t.app).get('/api/lists/negative').set(t.as.reviewer)).body.entries.map((e: { dataItem: string }) => e.dataItem)).toEqual(['收养登记信息']);
      expect((await request(t.app).get('/api/lists/positive').set(t.as.admin)).status).toBe(404);
    });

    it('reports every problem of an entry at once, naming the field, and writes nothing', async () => {
      const res = await request(t.app).put('/api/lists/responsibility/rs-002').set(t.as.author).send({ department: TEST_DEPARTMENT, dueDate: '2027-13-01', status: 'done', colour: 'red' });
      expect(res.status).toBe(422);
      expect(res.body.error.details.problems.map((p: { pointer: string }) => p.pointer).sort()).toEqual(['/colour', '/dataItem', '/dueDate', '/interfaceName', '/sharingMethod', '/status']);
      expect(res.body.error.details.problems.find((p: { pointer: string }) => p.pointer === '/status').message).toContain('已提供');
      expect((await request(t.app).put('/api/lists/responsibility/bad id').set(t.as.author).send(commitment)).status).toBe(422);
      expect((await request(t.app).get('/api/lists/responsibility').set(t.as.admin)).body.entries).toHaveLength(1);
    });

    it('exports CSV with Chinese headers, status labels and people by name', async () => {
      const res = await request(t.app).get('/api/lists/responsibility').set(t.as.admin).set('Accept', 'text/csv');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/csv/);
      const rows = parseCsvRecords(res.text).map((r) => r.fields);
      expect(rows[0]).toEqual(['条目编号', '数源部门', '数据项', '共享接口', '共享方式', '承诺完成日期', '状态', '备注', '更新时间', '更新人']);
      expect(rows[1]).toEqual(['rs-001', TEST_DEPARTMENT, '社会保险参保信息', '人社一体化平台参保查询接口', 'interface', '2027-03-31', '已提供', '', expect.any(String), '王编制']);
      const negative = parseCsvRecords((await request(t.app).get('/api/lists/negative').set(t.as.admin).set('Accept', 'text/csv')).text).map((r) => r.fields);
      expect(negative[1]?.slice(1, 4)).toEqual([OTHER_DEPARTMENT, '收养登记信息', '《收养登记工作规范》第三十条']);
    });
  });

  describe(`周调度 / 月通报 kept as snapshots, compared with the period before (${name})`, () => {
    let t: TestInstallation;
    let now = Date.parse('2026-11-25T02:00:00Z'); // a Wednesday, week 2026-W48
    beforeAll(async () => {
      t = await open({ clock: () => new Date(now) });
      await publishThroughApi(t, itemConfig('PR-1', '事项一'));
      await publishThroughApi(t, itemConfig('PR-2', '事项二'));
    });
    afterAll(async () => t.close());

    const xincheng = (body: { localities: { division: string }[] }) => body.localities.find((l) => l.division === '150102') as Record<string, unknown>;
    const hohhot = (body: { localities: { division: string }[] }) => body.localities.find((l) => l.division === '150100') as Record<string, unknown>;

    it('takes the current week when it is first asked for, by the server clock, with no change before the first', async () => {
      await request(t.app).put('/api/localities/150102/claims/PR-1').set(t.as.operator).send({});
      const first = await request(t.app).get('/api/reports/periods/week').set(t.as.auditor);
      expect(first.status).toBe(200);
      expect(first.body.snapshot).toMatchObject({ period: 'week', key: '2026-W48', start: '2026-11-23', end: '2026-11-29', takenBy: 'system', takenAt: '2026-11-25T02:00:00.000Z' });
      expect(first.body.previousKey).toBeNull();
      expect(xincheng(first.body)).toMatchObject({ claimed: 1, change: null });
      expect(hohhot(first.body)).toMatchObject({ claimed: 0 });
      // Kept as taken: a later claim in the same week does not change the week's snapshot.
      await request(t.app).put('/api/localities/150102/claims/PR-2').set(t.as.operator).send({});
      expect(xincheng((await request(t.app).get('/api/reports/periods/week').set(t.as.auditor)).body)).toMatchObject({ claimed: 1 });
      expect((await request(t.app).post('/api/reports/periods/week/snapshots').set(t.as.admin)).status).toBe(409);
    });

    it('an administrator takes next week’s snapshot; the report shows the change since the week before, in JSON and CSV', async () => {
      now = Date.parse('2026-12-01T01:00:00Z');
      expect((await request(t.app).post('/api/reports/periods/week/snapshots').set(t.as.auditor)).status).toBe(403);
      const taken = await request(t.app).post('/api/reports/periods/week/snapshots').set(t.as.admin);
      expect(taken.status).toBe(201);
      expect(taken.body).toMatchObject({ key: '2026-W49', start: '2026-11-30', end: '2026-12-06', takenBy: 'admin-test', takenAt: '2026-12-01T01:00:00.000Z' });
      const report = (await request(t.app).get('/api/reports/periods/week').set(t.as.auditor)).body;
      expect(report.previousKey).toBe('2026-W48');
      expect(xincheng(report)).toMatchObject({ claimed: 2, change: { claimed: 1, localFieldsCompleted: 0, casesAccepted: 0 } });
      expect(report.departments.find((d: { department: string }) => d.department === TEST_DEPARTMENT)).toMatchObject({ published: 2, change: { published: 0 } });
      const past = await request(t.app).get('/api/reports/periods/week?key=2026-W48').set(t.as.auditor);
      expect(xincheng(past.body)).toMatchObject({ claimed: 1 });
      expect((await request(t.app).get('/api/reports/periods/week?key=2026-W40').set(t.as.auditor)).status).toBe(404);
      expect((await request(t.app).get('/api/reports/periods/week?key=2026-12').set(t.as.auditor)).status).toBe(400);
      expect((await request(t.app).get('/api/reports/periods/week').set(t.as.operator)).status).toBe(403);
      const history = (await request(t.app).get('/api/reports/periods/week/snapshots').set(t.as.auditor)).body.snapshots;
      expect(history.map((s: { key: string }) => s.key)).toEqual(['2026-W48', '2026-W49']);
      const csv = parseCsvRecords((await request(t.app).get('/api/reports/periods/week').set(t.as.auditor).set('Accept', 'text/csv')).text).map((r) => r.fields);
      expect(csv[0]?.slice(0, 7)).toEqual(['期次', '类别', '代码/部门', '名称', '上级', '已认领', '较上期']);
      expect(csv.find((r) => r[2] === '150102')?.slice(0, 7)).toEqual(['2026-W49', '旗县', '150102', '新城区', '150100', '2', '+1']);
    });

    it('keeps months apart from weeks', async () => {
      const month = await request(t.app).get('/api/reports/periods/month').set(t.as.auditor);
      expect(month.body.snapshot).toMatchObject({ period: 'month', key: '2026-12', start: '2026-12-01', end: '2026-12-31' });
      expect(month.body.previousKey).toBeNull();
      expect((await request(t.app).get('/api/reports/periods/year').set(t.as.auditor)).status).toBe(404);
    });
  });
}
