import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialWorkingCalendar, todayInRegion, type Clock } from '../../engine/core/index.js';
import { openClaimedRuntime } from '../http/runtime-api.js';
import type { InstallationFactory, TestInstallation, TestPrincipal } from '../support/installation.js';

const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';
const APPLICATION = { code: 'RT-1', scenario: 'self', formData: { name: '王五', idNumber: ID_NUMBER, phone: PHONE, employmentType: '个体经营' }, materials: ['id-card'] };
const DAY = 86_400_000;

/** A clock the test moves forward, starting at the real time (publications are signed at it). */
function movableClock(): { clock: Clock; advanceDays(days: number): void } {
  let offset = 0;
  return { clock: () => new Date(Date.now() + offset), advanceDays: (days) => { offset += days * DAY; } };
}

/** Case flow (办件流转) over HTTP as windows, departments, supervisors and applicants use it, on any store. */
export function describeCaseApi(name: string, open: InstallationFactory, tamper: (t: TestInstallation, caseNumber: string) => Promise<void>): void {
  describe(`case API on ${name}`, () => {
    let t: TestInstallation;
    const time = movableClock();
    const save = async (body: object = {}, as: TestPrincipal = 'operator', division = '150102') => {
      const res = await request(t.app).post(`/api/runtime/${division}/intakes`).set(t.as[as]).send({ ...APPLICATION, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { intake: { caseNumber: string }; case: Record<string, any> };
    };
    const act = (caseNumber: string, as: TestPrincipal, body: object) => request(t.app).post(`/api/cases/${caseNumber}/events`).set(t.as[as]).send(body);
    const view = (caseNumber: string, as: TestPrincipal = 'admin') => request(t.app).get(`/api/cases/${caseNumber}`).set(t.as[as]);

    beforeAll(async () => {
      t = await openClaimedRuntime((options) => open({ ...options, clock: time.clock }));
    });
    afterAll(async () => t?.close());

    it('carries a case from a window at 150102 to 阿拉善左旗 and its department, to 送达, with who, where and when on each step', async () => {
      const saved = await save({ handlingDivision: '152921' });
      const caseNumber = saved.intake.caseNumber;
      const today = todayInRegion(time.clock());
      expect(saved.case).toMatchObject({
        status: 'accepted', statusLabel: '已受理', receiving: { division: '150102', name: '新城区' },
        handling: { division: '152921', name: '阿拉善左旗', department: '阿拉善左旗人力资源和社会保障局' },
        allowedEvents: ['dispatch', 'void'], yourEvents: ['dispatch', 'void'], promisedDue: officialWorkingCalendar.addWorkingDays(officialWorkingCalendar.addWorkingDays(today, 2).date, 5).date,
        nextDue: { stage: 'dispatch', label: '推送办理地', due: officialWorkingCalendar.addWorkingDays(today, 1).date, overdue: false },
      });

      expect((await act(caseNumber, 'operator', { type: 'dispatch', comment: '原件已核验' })).status).toBe(201);
      const received = await act(caseNumber, 'otherOperator', { type: 'receive' });
      expect(received.status).toBe(201);
      expect(received.body.case).toMatchObject({ status: 'received', holder: { division: '152921', place: 'handling' }, yourEvents: ['forward', 'return'] });
      expect((await act(caseNumber, 'otherOperator', { type: 'forward' })).status).toBe(201);
      const decided = await act(caseNumber, 'otherHandler', { type: 'decide', result: 'approved', resultNumber: 'ALS-2026-0001' });
      expect(decided.status, JSON.stringify(decided.body)).toBe(201);
      expect(decided.body.case.departmentDecision).toMatchObject({ result: 'approved', resultName: '登记信息', resultNumber: 'ALS-2026-0001' });
      const delivered = await act(caseNumber, 'otherHandler', { type: 'deliver', method: 'post', trackingNumber: 'EMS1234567890' });
      expect(delivered.status).toBe(201);

      const final = await view(caseNumber);
      expect(final.status).toBe(200);
      expect(final.body).toMatchObject({ status: 'delivered', statusLabel: '已送达', allowedEvents: [], integrity: { ok: true, checked: 6 } });
      expect(final.body.timeline.map((e: any) => [e.type, e.actor.name, e.divisionName])).toEqual([
        ['open', '新城区窗口', '新城区'], ['dispatch', '新城区窗口', '新城区'], ['receive', '阿拉善左旗窗口', '阿拉善左旗'],
        ['forward', '阿拉善左旗窗口', '阿拉善左旗'], ['decide', '吴审批', '阿拉善左旗'], ['deliver', '吴审批', '阿拉善左旗'],
      ]);
      expect(final.body.timeline[4].department).toBe('阿拉善左旗人力资源和社会保障局');
      expect(final.body.timeline.every((e: any) => Math.abs(Date.parse(e.at) - time.clock().getTime()) < 60_000)).toBe(true);
      expect(final.body.stages.filter((s: any) => s.doneAt === null)).toEqual([]);
    });

    it('answers 403 to the wrong place or role and 409 naming the status and the events allowed now', async () => {
      const { intake: { caseNumber } } = await save({ handlingDivision: '152921' });
      const early = await act(caseNumber, 'otherOperator', { type: 'dispatch' });
      expect(early.status).toBe(403);
      expect(early.body.error.message).toContain('受理地 新城区');
      expect((await act(caseNumber, 'leagueOperator', { type: 'dispatch' })).status).toBe(403);
      expect((await act(caseNumber, 'handler', { type: 'decide', result: 'approved' })).status).toBe(403);
      expect((await act(caseNumber, 'admin', { type: 'dispatch' })).status).toBe(403);
      expect((await act(caseNumber, 'operator', { type: 'dispatch' })).status).toBe(201);
      const twice = await act(caseNumber, 'operator', { type: 'dispatch' });
      expect(twice.status).toBe(409);
      expect(twice.body.error).toMatchObject({ code: 'case_event_not_allowed', details: { status: 'dispatched', allowed: ['receive', 'return'] } });
      expect(twice.body.error.message).toContain('流转中');
      const voidLate = await act(caseNumber, 'operator', { type: 'void', reason: '申请人撤回' });
      expect(voidLate.status).toBe(409);
      // 办理地 refuses it back to the 受理地, which may void it then.
      expect((await act(caseNumber, 'otherOperator', { type: 'return', reason: '不属于本地管辖' })).status).toBe(201);
      const voided = await act(caseNumber, 'operator', { type: 'void', reason: '申请人撤回' });
      expect(voided.status).toBe(201);
      expect(voided.body.case).toMatchObject({ status: 'voided', allowedEvents: [] });
      expect(voided.body.case.stages.every((s: any) => s.doneAt !== null)).toBe(true);
    });

    it('reports every problem of an event at once (422), and masks ID numbers and phones typed into comments', async () => {
      const { intake: { caseNumber } } = await save();
      const bad = await act(caseNumber, 'operator', { type: 'void', comment: 'x'.repeat(501) });
      expect(bad.status).toBe(422);
      const unknown = await act(caseNumber, 'operator', { type: 'teleport' });
      expect(unknown.status).toBe(422);
      expect(JSON.stringify(unknown.body)).toContain('/type');
      expect((await act(caseNumber, 'operator', { type: 'forward', comment: `申请人 ${ID_NUMBER} 电话 ${PHONE} 已核验` })).status).toBe(201);
      const refusedBare = await act(caseNumber, 'handler', { type: 'decide', result: 'refused' });
      expect(refusedBare.status).toBe(422);
      expect(refusedBare.body.error.details.problems.map((p: any) => p.pointer)).toEqual(['/reason']);
      const timeline = (await view(caseNumber)).body.timeline;
      const comment = timeline[1].comment as string;
      expect(comment).not.toContain(ID_NUMBER);
      expect(comment).not.toContain(PHONE);
      expect(comment).toContain('已核验');
    });

    it('skips dispatch for a case handled where it was accepted: forward, decide by the local department, hand over at the window', async () => {
      const saved = await save();
      const caseNumber = saved.intake.caseNumber;
      expect(saved.case).toMatchObject({ allowedEvents: ['forward', 'void'], handling: { department: '新城区人力资源和社会保障局' }, nextDue: { stage: 'forward' } });
      expect((await act(caseNumber, 'operator', { type: 'forward' })).status).toBe(201);
      expect((await act(caseNumber, 'otherHandler', { type: 'decide', result: 'approved' })).status).toBe(403);
      expect((await act(caseNumber, 'handler', { type: 'return', reason: '请补充核验' })).status).toBe(201);
      expect((await view(caseNumber, 'operator')).body).toMatchObject({ status: 'returned', returnedFrom: 'with-department', yourEvents: ['forward', 'void'] });
      expect((await act(caseNumber, 'operator', { type: 'forward' })).status).toBe(201);
      expect((await act(caseNumber, 'handler', { type: 'decide', result: 'refused', reason: '不符合登记条件' })).status).toBe(201);
      const handed = await act(caseNumber, 'operator', { type: 'deliver', method: 'window', recipient: '王五' });
      expect(handed.status).toBe(201);
      expect(handed.body.case).toMatchObject({ status: 'delivered', delivery: { method: 'window' }, departmentDecision: { result: 'refused', reason: '不符合登记条件' } });
    });

    it('lets exactly one of two racing events win; the other gets 409', async () => {
      const { intake: { caseNumber } } = await save({ handlingDivision: '152921' });
      expect((await act(caseNumber, 'operator', { type: 'dispatch' })).status).toBe(201);
      const answers = await Promise.all([act(caseNumber, 'otherOperator', { type: 'receive' }), act(caseNumber, 'otherOperator', { type: 'receive' }), act(caseNumber, 'otherOperator', { type: 'receive' })]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
      const final = (await view(caseNumber)).body;
      expect(final.timeline).toHaveLength(3);
      expect(final.integrity.ok).toBe(true);
    });

    it('lists cases for a window, a league, a department and the region, filtered and paged, applicants masked', async () => {
      const a = (await save({ handlingDivision: '152921' })).intake.caseNumber;
      const list = async (as: TestPrincipal, query: string) => {
        const res = await request(t.app).get(`/api/cases${query}`).set(t.as[as]);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body as { cases: any[]; next: string | null };
      };
      const alxa = await list('otherOperator', '?division=152921');
      expect(alxa.cases.map((c) => c.caseNumber)).toContain(a);
      const entry = alxa.cases.find((c) => c.caseNumber === a);
      expect(entry).toMatchObject({ status: 'accepted', statusLabel: '已受理', receivingName: '新城区', handlingName: '阿拉善左旗', dueStage: 'dispatch', applicantLabel: '王*（1101**********002X）' });
      expect(JSON.stringify(alxa)).not.toContain(ID_NUMBER);
      expect(entry).not.toHaveProperty('applicantKey');
      expect((await list('leagueOperator', '')).cases.map((c) => c.caseNumber)).toContain(a);
      expect((await request(t.app).get('/api/cases?division=150102').set(t.as.otherOperator)).status).toBe(403);
      expect((await list('otherOperator', '?mine=true')).cases.map((c) => c.caseNumber)).not.toContain(a);
      expect((await list('operator', '?mine=true')).cases.map((c) => c.caseNumber)).toContain(a);
      expect((await list('admin', `?q=${a}`)).cases.map((c) => c.caseNumber)).toEqual([a]);
      expect((await list('admin', '?q=nonsense')).cases).toEqual([]);
      const byApplicant = await list('operator', `?applicant=${ID_NUMBER.toLowerCase()}`);
      expect(byApplicant.cases.length).toBeGreaterThan(3);
      expect((await list('operator', '?applicant=150102199001011234')).cases).toEqual([]);
      const statuses = await list('admin', '?status=delivered,voided');
      expect(statuses.cases.length).toBeGreaterThanOrEqual(3);
      expect(statuses.cases.every((c) => ['delivered', 'voided'].includes(c.status))).toBe(true);
      expect((await request(t.app).get('/api/cases?status=lost').set(t.as.admin)).status).toBe(422);
      // The department sees its own cases only.
      const department = await list('otherHandler', '');
      expect(department.cases.length).toBeGreaterThan(0);
      expect(department.cases.every((c) => c.department === '阿拉善左旗人力资源和社会保障局' && c.handlingDivision === '152921')).toBe(true);
      // Paging walks every case once, due first.
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page: { cases: any[]; next: string | null } = await list('admin', `?limit=2${after ? `&after=${after}` : ''}`);
        seen.push(...page.cases.map((c) => c.caseNumber));
        after = page.next;
      } while (after);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen).toContain(a);
      const dues = (await list('admin', '?limit=1000')).cases.map((c) => c.dueDate ?? '9999-12-31');
      expect([...dues].sort()).toEqual(dues);
    });

    it('lets the applicant look up progress with the last 4 characters of the ID number, telling nothing personal', async () => {
      const { intake: { caseNumber } } = await save({ handlingDivision: '152921' });
      const found = await request(t.app).get(`/api/public/cases/${caseNumber}?idTail=002x`);
      expect(found.status).toBe(200);
      expect(found.body).toMatchObject({ caseNumber, status: 'accepted', statusLabel: '已受理', stage: '推送办理地', handlingPlace: '阿拉善左旗' });
      expect(JSON.stringify(found.body)).not.toMatch(/王五|11010519491231002X|13912345678/);
      const wrong = await request(t.app).get(`/api/public/cases/${caseNumber}?idTail=1234`);
      const unknown = await request(t.app).get(`/api/public/cases/TB15010220200101-000001?idTail=002X`);
      expect(wrong.status).toBe(404);
      expect(unknown.status).toBe(404);
      expect(wrong.body.error.message.replace(caseNumber, '#')).toBe(unknown.body.error.message.replace('TB15010220200101-000001', '#'));
    });

    it('flags overdue stages as days pass and reports them per division, department and stage (JSON and CSV)', async () => {
      const { intake: { caseNumber } } = await save({ handlingDivision: '152921' });
      const start = todayInRegion(time.clock());
      const due = officialWorkingCalendar.addWorkingDays(start, 1).date;
      while (todayInRegion(time.clock()) <= due) time.advanceDays(1);
      const late = (await view(caseNumber)).body;
      expect(late).toMatchObject({ overdue: true, nextDue: { stage: 'dispatch', due, overdue: true } });
      const overdue = await request(t.app).get('/api/cases?overdue=true&division=150102').set(t.as.operator);
      expect(overdue.body.cases.map((c: any) => c.caseNumber)).toContain(caseNumber);
      expect(overdue.body.cases.every((c: any) => c.overdue)).toBe(true);
      const within = await request(t.app).get('/api/cases?dueWithin=0').set(t.as.admin);
      expect(within.body.cases.map((c: any) => c.caseNumber)).toContain(caseNumber);
      const report = await request(t.app).get('/api/cases/overdue-report?division=150100').set(t.as.leagueOperator);
      expect(report.status).toBe(200);
      const group = report.body.groups.find((g: any) => g.caseNumbers.includes(caseNumber));
      expect(group).toMatchObject({ division: '150102', divisionName: '新城区', department: '阿拉善左旗人力资源和社会保障局', stage: 'dispatch', stageLabel: '推送办理地' });
      const csv = await request(t.app).get('/api/cases/overdue-report?format=csv').set(t.as.admin);
      expect(csv.status).toBe(200);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      expect(csv.text).toContain('超期环节');
      expect(csv.text).toContain(caseNumber);
      // Once dispatched late, the stage stays flagged but the case is no longer waiting on the 受理地.
      expect((await act(caseNumber, 'operator', { type: 'dispatch' })).status).toBe(201);
      const after = (await view(caseNumber)).body;
      expect(after.stages.find((s: any) => s.stage === 'dispatch')).toMatchObject({ overdue: true });
      expect(after.nextDue.stage).toBe('forward');
    });

    it('detects a rewritten case event and stops the flow of that case', async () => {
      const { intake: { caseNumber } } = await save({ handlingDivision: '152921' });
      expect((await act(caseNumber, 'operator', { type: 'dispatch', comment: '正常推送' })).status).toBe(201);
      await tamper(t, caseNumber);
      const seen = (await view(caseNumber)).body;
      expect(seen.integrity).toMatchObject({ ok: false, firstBroken: { seq: 2 } });
      const blocked = await act(caseNumber, 'otherOperator', { type: 'receive' });
      expect(blocked.status).toBe(409);
      expect(blocked.body.error.code).toBe('drift_detected');
    });

    it('creates handlers like other principals: a department and its division are required', async () => {
      const bad = await request(t.app).post('/api/principals').set(t.as.admin).send({ name: '郑审批', role: 'handler' });
      expect(bad.status).toBe(422);
      expect(bad.body.error.details.problems.map((p: any) => p.pointer).sort()).toEqual(['/department', '/division']);
      const good = await request(t.app).post('/api/principals').set(t.as.admin).send({ name: '郑审批', role: 'handler', department: '新城区民政局', division: '150102' });
      expect(good.status).toBe(201);
      expect(good.body.principal).toMatchObject({ role: 'handler', department: '新城区民政局', division: '150102' });
    });
  });
}
