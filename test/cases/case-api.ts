import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialWorkingCalendar, todayInRegion, type Clock } from '../../engine/core/index.js';
import { openClaimedRuntime } from '../http/runtime-api.js';
import { publishThroughApi } from '../http/designer-api.js';
import { itemConfig } from '../fixtures/item-config.js';
import { PDF } from '../intake/fixtures.js';
import type { InstallationFactory, TestInstallation, TestPrincipal } from '../support/installation.js';
import { movableClock } from '../support/movable-clock.js';

const ID_NUMBER = '11010519491231002X';
const PHONE = '13912345678';
const APPLICATION = { code: 'RT-1', scenario: 'self', formData: { name: '王五', idNumber: ID_NUMBER, phone: PHONE, employmentType: '个体经营' }, materials: ['id-card'] };

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

    describe('the supplement loop (补正)', () => {
      const AGENT = { scenario: 'agent', materials: ['id-card'] };
      const list = async (as: TestPrincipal, query: string) => {
        const res = await request(t.app).get(`/api/cases${query}`).set(t.as[as]);
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        return res.body.cases as any[];
      };
      const attach = (division: string, caseNumber: string, as: TestPrincipal, material?: string) => {
        const req = request(t.app).post(`/api/runtime/${division}/intakes/${caseNumber}/attachments`).set(t.as[as]).set('Content-Type', 'application/pdf');
        if (material) req.set('X-Material-Id', material);
        return req.send(PDF);
      };

      it('finds a 需补正 case at another banner by case number and by ID number (masked), adds the materials with their files, and accepts it there under the same number', async () => {
        const saved = await save(AGENT);
        const caseNumber = saved.intake.caseNumber;
        expect(saved.case).toMatchObject({ status: 'supplement-requested', statusLabel: '待补正', supplement: { missingMaterials: [{ id: 'proxy-letter' }, { id: 'agent-id' }] } });
        // 阿拉善左旗 finds it although it was received at 新城区: rows only, the applicant masked.
        const byNumber = await list('otherOperator', `?q=${caseNumber}`);
        expect(byNumber.map((c) => c.caseNumber)).toEqual([caseNumber]);
        expect(byNumber[0]).toMatchObject({ status: 'supplement-requested', applicantLabel: '王*（1101**********002X）' });
        const byId = await list('otherOperator', `?applicant=${ID_NUMBER}`);
        expect(byId.map((c) => c.caseNumber)).toContain(caseNumber);
        expect(byId.every((c) => c.status === 'supplement-requested' || c.receivingDivision === '152921' || c.handlingDivision === '152921')).toBe(true);
        expect(JSON.stringify(byId)).not.toContain(ID_NUMBER);
        // The case page, but not the unmasked intake record.
        expect((await view(caseNumber, 'otherOperator')).body).toMatchObject({ status: 'supplement-requested', yourEvents: ['supplement'] });
        expect((await request(t.app).get(`/api/runtime/152921/intakes/${caseNumber}`).set(t.as.otherOperator)).status).toBe(404);
        // A case accepted at once is not open to other banners.
        const accepted = (await save()).intake.caseNumber;
        expect(await list('otherOperator', `?q=${accepted}`)).toEqual([]);
        expect((await view(accepted, 'otherOperator')).status).toBe(404);

        // Files linked to the standard's material ids.
        const letter = await attach('152921', caseNumber, 'otherOperator', 'proxy-letter');
        expect(letter.status, JSON.stringify(letter.body)).toBe(201);
        expect(letter.body.materialId).toBe('proxy-letter');
        expect((await attach('152921', caseNumber, 'otherOperator', 'no-such-material')).status).toBe(422);
        const plain = await attach('150102', caseNumber, 'operator');
        expect(plain.status).toBe(201);
        expect(plain.body).not.toHaveProperty('materialId');

        // Still missing: stays 待补正 with the new list.
        const partial = await act(caseNumber, 'otherOperator', { type: 'supplement', materials: ['proxy-letter'], comment: '补交授权委托书' });
        expect(partial.status, JSON.stringify(partial.body)).toBe(201);
        expect(partial.body.event).toMatchObject({ type: 'supplement', division: '152921', details: { version: 'opened', outcome: 'supplement', materials: ['proxy-letter'], attachments: [{ id: letter.body.id, materialId: 'proxy-letter' }] } });
        expect(partial.body.case).toMatchObject({ status: 'supplement-requested', receiving: { division: '150102' }, supplement: { missingMaterials: [{ id: 'agent-id' }] } });
        expect(partial.body.event.details.decisionId).toMatch(/^D/);
        expect((await t.decisionLog.get(partial.body.event.details.decisionId))?.outcome).toBe('supplement');

        // Complete: accepted, the supplementing centre becomes the 受理地 of record and moves it on.
        const done = await act(caseNumber, 'otherOperator', { type: 'supplement', materials: ['agent-id'] });
        expect(done.status, JSON.stringify(done.body)).toBe(201);
        expect(done.body.event.details).toMatchObject({ outcome: 'accept', receivingDivision: '152921', materialsOnRecord: ['id-card', 'proxy-letter', 'agent-id'] });
        expect(done.body.case).toMatchObject({
          caseNumber, status: 'accepted', acceptance: { outcome: 'accept' }, receiving: { division: '152921', name: '阿拉善左旗' }, handling: { division: '150102' },
          yourEvents: ['dispatch', 'void'], nextDue: { stage: 'dispatch' },
        });
        expect((await act(caseNumber, 'otherOperator', { type: 'supplement', materials: ['agent-id'] })).status).toBe(409);
        expect((await act(caseNumber, 'otherOperator', { type: 'dispatch', trackingNumber: 'EMS-BZ-1' })).status).toBe(201);
        expect((await act(caseNumber, 'operator', { type: 'receive' })).status).toBe(201);
        const final = (await view(caseNumber)).body;
        expect(final.timeline.map((e: any) => [e.type, e.divisionName])).toEqual([['open', '新城区'], ['supplement', '阿拉善左旗'], ['supplement', '阿拉善左旗'], ['dispatch', '阿拉善左旗'], ['receive', '新城区']]);
        expect(final.integrity.ok).toBe(true);
        // The acceptance notice now fits, printed by the accepting centre.
        const notice = await request(t.app).get(`/api/runtime/152921/intakes/${caseNumber}/documents/acceptance-notice`).set(t.as.otherOperator);
        expect(notice.status, notice.text).toBe(200);
        expect(notice.text).toContain('代理人身份证');
      });

      it('refuses a 补正 by a department, of unknown materials, or with nothing handed in; ends a 补正 that turns out 不予受理', async () => {
        const { intake: { caseNumber } } = await save(AGENT);
        expect((await act(caseNumber, 'handler', { type: 'supplement', materials: ['agent-id'] })).status).toBe(403);
        const unknown = await act(caseNumber, 'operator', { type: 'supplement', materials: ['passport'] });
        expect(unknown.status).toBe(422);
        expect(unknown.body.error.details.problems[0].message).toContain('passport');
        expect((await act(caseNumber, 'operator', { type: 'supplement', materials: [] })).status).toBe(422);
        expect((await act(caseNumber, 'operator', { type: 'supplement', materials: ['agent-id'], version: 'newest' })).status).toBe(422);
        const rejected = await act(caseNumber, 'operator', { type: 'supplement', materials: ['proxy-letter', 'agent-id'], formData: { idNumber: '150102201501010015' } });
        expect(rejected.status, JSON.stringify(rejected.body)).toBe(201);
        expect(rejected.body.case).toMatchObject({ status: 'not-accepted', allowedEvents: [] });
        // The timeline names the corrected field, never its value.
        expect(rejected.body.case.timeline[1].details).toMatchObject({ formFields: ['idNumber'] });
        expect(JSON.stringify(rejected.body.case.timeline)).not.toContain('150102201501010015');
      });

      it('re-decides on the version the case was opened with, or on the one now in force when the clerk chooses it, and records the choice', async () => {
        const v1 = itemConfig('RT-BZ');
        await publishThroughApi(t, v1);
        for (const division of ['150102', '152921']) expect((await request(t.app).put(`/api/localities/${division}/claims/RT-BZ`).set(t.as.admin).send({ follow: 'latest' })).status).toBe(200);
        const opened = (await save({ code: 'RT-BZ', ...AGENT })).intake.caseNumber;
        const current = (await save({ code: 'RT-BZ', ...AGENT })).intake.caseNumber;
        const v2 = itemConfig('RT-BZ');
        v2.standard.scenarios = v2.standard.scenarios.map((s) => (s.id === 'agent' ? { ...s, materialIds: ['id-card', 'agent-id'] } : s));
        v2.examples = v2.examples.filter((e) => e.input.scenario !== 'agent');
        await publishThroughApi(t, v2, { reason: '取消授权委托书', legalBasis: '测试', changeKind: 'amend' });
        const keep = await act(opened, 'otherOperator', { type: 'supplement', materials: ['agent-id'] });
        expect(keep.status, JSON.stringify(keep.body)).toBe(201);
        expect(keep.body.event.details).toMatchObject({ version: 'opened', outcome: 'supplement', decision: { item: { version: 1 } } });
        expect(keep.body.case.supplement.missingMaterials.map((m: any) => m.id)).toEqual(['proxy-letter']);
        // The runtime serves a new version within a second (TONGBAN_POINTER_TTL_MS where the store has no change marker).
        const started = Date.now();
        while ((await request(t.app).get('/api/runtime/152921/items/RT-BZ')).body.item?.version !== 2 && Date.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 100));
        const now = await act(current, 'otherOperator', { type: 'supplement', materials: ['agent-id'], version: 'current' });
        expect(now.status, JSON.stringify(now.body)).toBe(201);
        expect(now.body.event.details).toMatchObject({ version: 'current', outcome: 'accept', decision: { item: { version: 2 } } });
        expect(now.body.case).toMatchObject({ status: 'accepted', item: { version: 1 }, receiving: { division: '152921' } });
      });

      it('flags a case 视为受理 when the 补正 notice is issued more than 5 working days after the materials were received', async () => {
        const print = (caseNumber: string) => request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/documents/supplement-notice`).set(t.as.operator);
        const prompt = (await save(AGENT)).intake.caseNumber;
        const late = (await save(AGENT)).intake.caseNumber;
        const received = todayInRegion(time.clock());
        expect((await print(prompt)).status).toBe(200);
        expect((await print(prompt)).status).toBe(200);
        const inTime = (await view(prompt)).body;
        expect(inTime.timeline.map((e: any) => e.type)).toEqual(['open', 'supplement-notice']);
        expect(inTime.supplement).toMatchObject({ late: false, deemedAcceptedFrom: null, noticeDue: officialWorkingCalendar.addWorkingDays(received, 5).date });
        expect(inTime.supplement.noticeIssuedAt).toBe(inTime.timeline[1].at);
        const due = officialWorkingCalendar.addWorkingDays(received, 5).date;
        while (todayInRegion(time.clock()) <= due) time.advanceDays(1);
        const waiting = (await view(late)).body;
        expect(waiting.supplement).toMatchObject({ late: true, noticeIssuedAt: null });
        expect((await print(late)).status).toBe(200);
        const flagged = (await view(late)).body;
        expect(flagged.supplement).toMatchObject({ late: true, deemedAcceptedFrom: flagged.timeline[0].at });
        expect((await view(prompt)).body.supplement.late).toBe(false);
        // Completed later, its 承诺办理时限 runs from the day the materials were received.
        const done = await act(late, 'operator', { type: 'supplement', materials: ['proxy-letter', 'agent-id'] });
        expect(done.status, JSON.stringify(done.body)).toBe(201);
        expect(done.body.event.details.deemedAcceptedFrom).toBe(flagged.timeline[0].at);
        expect(done.body.case.promisedDue).toBe(officialWorkingCalendar.addWorkingDays(received, 5).date);
      });

      it('refuses a date in the intake save (422)', async () => {
        const res = await request(t.app).post('/api/runtime/150102/intakes').set(t.as.operator).send({ ...APPLICATION, date: '2030-06-01' });
        expect(res.status).toBe(422);
        expect(res.body.error.details.problems[0]).toMatchObject({ pointer: '/date', code: 'intake.date' });
      });
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
