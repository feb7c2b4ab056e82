import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialWorkingCalendar, todayInRegion, type Clock } from '../../engine/core/index.js';
import { openClaimedRuntime } from '../http/runtime-api.js';
import type { InstallationFactory, TestInstallation, TestPrincipal } from '../support/installation.js';
import { movableClock } from '../support/movable-clock.js';

/** 失业登记 (sample): 解除或终止劳动关系证明 is 容缺后补 and the item is on the 容缺受理事项清单. */
const UNEMPLOYMENT = {
  code: 'SAMPLE-RS-0001',
  scenario: 'after-termination',
  formData: {
    applicantName: '王建国', applicantIdNumber: '150102198506151234', phone: '13904710001', householdRegistration: '本自治区户籍', residenceDivision: '150102',
    residenceAddress: '呼和浩特市新城区海拉尔东路街道某小区3号楼2单元501室', education: '大学专科', unemploymentReason: '与用人单位解除或终止劳动关系',
    formerEmployer: '呼和浩特市某机械制造有限公司', terminationDate: '2025-02-28',
  },
  materials: ['id-card', 'registration-form'],
};

const chinese = (iso: string) => `${iso.slice(0, 4)}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** 容缺受理 over HTTP: intake → case awaiting the commitment → 承诺书 and 通知书 → fulfilled in time, or overdue. */
export function describeDeferredAcceptance(name: string, open: InstallationFactory): void {
  describe(`容缺受理 on ${name}`, () => {
    let t: TestInstallation;
    const time = movableClock();
    const save = async (body: object = {}) => {
      const res = await request(t.app).post('/api/runtime/150102/intakes').set(t.as.operator).send({ ...UNEMPLOYMENT, ...body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { intake: { caseNumber: string }; decision: Record<string, any>; case: Record<string, any> };
    };
    const act = (caseNumber: string, as: TestPrincipal, body: object) => request(t.app).post(`/api/cases/${caseNumber}/events`).set(t.as[as]).send(body);
    const print = (caseNumber: string, kind: string) => request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/documents/${kind}`).set(t.as.operator);
    const today = () => todayInRegion(time.clock());
    /** 失业登记 is an 即办件: the 清单's 10 working days alone bound the deadline. */
    const latest = () => officialWorkingCalendar.addWorkingDays(today(), 10).date;

    beforeAll(async () => {
      t = await openClaimedRuntime((options) => open({ ...options, clock: time.clock }));
    });
    afterAll(async () => t?.close());

    it('accepts on commitment, holds the case until the commitment is recorded, prints both documents, and completes once the material arrives', async () => {
      const saved = await save();
      const { caseNumber } = saved.intake;
      expect(saved.decision).toMatchObject({
        outcome: 'accept-on-commitment', missingMaterials: [{ id: 'termination-proof', deferrable: true }],
        deferredAcceptance: { granted: true, materials: [{ id: 'termination-proof', name: '解除或终止劳动关系证明' }], consequence: '逾期未补齐的，视为撤回申请，终止办理' },
      });
      expect(saved.case).toMatchObject({
        status: 'accepted', acceptance: { outcome: 'accept-on-commitment', outcomeLabel: '容缺受理' }, allowedEvents: ['commit', 'void'],
        commitment: { state: 'awaiting', stateLabel: '待登记承诺', supplementBy: null, latestSupplementBy: latest(), overdue: false, consequence: '逾期未补齐的，视为撤回申请，终止办理' },
      });
      // Nothing moves, and nothing is printed, before the applicant's commitment is on record.
      expect((await act(caseNumber, 'operator', { type: 'forward' })).status).toBe(409);
      expect((await print(caseNumber, 'commitment-letter')).status).toBe(409);
      expect((await print(caseNumber, 'acceptance-notice')).status).toBe(409);

      const tooLate = await act(caseNumber, 'operator', { type: 'commit', supplementBy: officialWorkingCalendar.addWorkingDays(latest(), 1).date });
      expect(tooLate.status).toBe(422);
      expect(tooLate.body.error.details.problems).toEqual([expect.objectContaining({ pointer: '/supplementBy', message: expect.stringContaining(latest()) })]);
      const past = await act(caseNumber, 'operator', { type: 'commit', supplementBy: '2020-01-01' });
      expect(past.status).toBe(422);
      expect((await act(caseNumber, 'operator', { type: 'commit' })).status).toBe(422);
      expect((await act(caseNumber, 'otherOperator', { type: 'commit', supplementBy: latest() })).status).toBe(403);

      const committed = await act(caseNumber, 'operator', { type: 'commit', supplementBy: latest() });
      expect(committed.status, JSON.stringify(committed.body)).toBe(201);
      expect(committed.body.event.details).toMatchObject({ supplementBy: latest(), materials: [{ id: 'termination-proof', name: '解除或终止劳动关系证明' }] });
      expect(committed.body.case).toMatchObject({ status: 'accepted', allowedEvents: ['forward', 'void', 'fulfil-commitment'], commitment: { state: 'pending', supplementBy: latest() } });
      expect(committed.body.case.stages.find((s: any) => s.stage === 'commitment')).toMatchObject({ label: '容缺材料补齐', due: latest(), doneAt: null, overdue: false });
      // The 即办件's decision cannot fall due before the material may arrive.
      expect(committed.body.case.promisedDue).toBe(latest());

      const letter = await print(caseNumber, 'commitment-letter');
      expect(letter.status).toBe(200);
      expect(letter.text).toContain('容缺受理承诺书');
      expect(letter.text).toContain('解除或终止劳动关系证明');
      expect(letter.text).toContain(`${chinese(latest())}前补齐`);
      expect(letter.text).toContain('视为撤回申请，终止办理');
      expect(letter.text).toContain('承诺人（签名或盖章）');
      expect(letter.text).not.toContain('150102198506151234');
      const notice = await print(caseNumber, 'deferred-acceptance-notice');
      expect(notice.status).toBe(200);
      expect(notice.text).toContain('容缺受理通知书');
      expect(notice.text).toContain('现决定予以容缺受理');
      expect(notice.text).toContain(`${chinese(latest())}前`);
      expect(notice.text).toContain('逾期未补齐的处理');
      expect(notice.text).toContain('《内蒙古自治区政务服务容缺受理事项清单》（示例）');
      expect(notice.headers['content-security-policy']).toMatch(/style-src[^;]*'sha256-/);
      expect((await print(caseNumber, 'acceptance-notice')).status).toBe(409);

      expect((await act(caseNumber, 'operator', { type: 'forward' })).status).toBe(201);
      const early = await act(caseNumber, 'handler', { type: 'decide', result: 'approved' });
      expect(early.status).toBe(409);
      expect(early.body.error.message).toContain('尚未补齐');
      const partial = await act(caseNumber, 'operator', { type: 'fulfil-commitment', materials: ['id-card'] });
      expect(partial.status).toBe(422);
      expect(partial.body.error.details.problems.map((p: any) => p.pointer)).toEqual(['/materials/0', '/materials']);
      const fulfilled = await act(caseNumber, 'operator', { type: 'fulfil-commitment', materials: ['termination-proof'] });
      expect(fulfilled.status, JSON.stringify(fulfilled.body)).toBe(201);
      expect(fulfilled.body.event.details).toMatchObject({ late: false });
      expect(fulfilled.body.case).toMatchObject({ status: 'with-department', commitment: { state: 'fulfilled', stateLabel: '容缺材料已补齐', overdue: false }, overdue: false });
      expect(fulfilled.body.case.stages.find((s: any) => s.stage === 'commitment')).toMatchObject({ overdue: false, cancelled: false });
      expect(fulfilled.body.case.stages.find((s: any) => s.stage === 'commitment').doneAt).not.toBeNull();
      expect((await act(caseNumber, 'operator', { type: 'fulfil-commitment', materials: ['termination-proof'] })).status).toBe(409);
      expect((await act(caseNumber, 'handler', { type: 'decide', result: 'approved' })).status).toBe(201);
      const final = await request(t.app).get(`/api/cases/${caseNumber}`).set(t.as.admin);
      expect(final.body.timeline.map((e: any) => e.typeLabel)).toEqual(['窗口登记', '登记容缺承诺', '推送审批部门', '容缺材料补齐', '审批办结']);
      expect(final.body.integrity.ok).toBe(true);
    });

    it('refuses 容缺 to an applicant marked 失信 at intake, and when a material that may not follow is missing too', async () => {
      const credit = await save({ creditBlacklisted: true });
      expect(credit.decision).toMatchObject({ outcome: 'supplement', deferredAcceptance: { granted: false, refusal: 'credit' } });
      expect(credit.case).toMatchObject({ status: 'supplement-requested', commitment: null });
      expect((await act(credit.intake.caseNumber, 'operator', { type: 'commit', supplementBy: today() })).status).toBe(409);
      const record = await request(t.app).get(`/api/runtime/150102/intakes/${credit.intake.caseNumber}`).set(t.as.operator);
      expect(record.body.creditBlacklisted).toBe(true);
      // The 补正 notice of a 失信 applicant asks for every material now: nothing is offered as 容缺后补.
      const creditNotice = await print(credit.intake.caseNumber, 'supplement-notice');
      expect(creditNotice.status).toBe(200);
      expect(creditNotice.text).not.toContain('可容缺后补');
      const both = await save({ materials: ['id-card'] });
      expect(both.decision).toMatchObject({ outcome: 'supplement', deferredAcceptance: { granted: false, refusal: 'not-deferrable' } });
      // Once the other material is in, the deferrable one may follow on a commitment: the notice says so.
      expect((await print(both.intake.caseNumber, 'supplement-notice')).text).toContain('可容缺后补');
      expect((await request(t.app).post('/api/runtime/150102/intakes').set(t.as.operator).send({ ...UNEMPLOYMENT, creditBlacklisted: 'yes' })).status).toBe(422);
    });

    it('flags a case whose material did not arrive by the deadline, naming the standard’s consequence', async () => {
      const { intake: { caseNumber } } = await save();
      expect((await act(caseNumber, 'operator', { type: 'commit', supplementBy: today() })).status).toBe(201);
      const due = today();
      time.advanceDays(3);
      const late = await request(t.app).get(`/api/cases/${caseNumber}`).set(t.as.operator);
      expect(late.body).toMatchObject({
        overdue: true, commitment: { state: 'pending', stateLabel: '逾期未补齐', overdue: true, supplementBy: due, consequence: '逾期未补齐的，视为撤回申请，终止办理' },
      });
      expect(late.body.stages.find((s: any) => s.stage === 'commitment')).toMatchObject({ due, overdue: true, doneAt: null });
      const listed = await request(t.app).get('/api/cases?overdue=true').set(t.as.operator);
      expect(listed.status).toBe(200);
      expect(listed.body.cases.find((c: any) => c.caseNumber === caseNumber)).toBeDefined();
      // Handed in after all: recorded as late; the stage stays overdue.
      const fulfilled = await act(caseNumber, 'operator', { type: 'fulfil-commitment', materials: ['termination-proof'] });
      expect(fulfilled.status).toBe(201);
      expect(fulfilled.body.event.details.late).toBe(true);
      expect(fulfilled.body.case.stages.find((s: any) => s.stage === 'commitment')).toMatchObject({ overdue: true });
    });
  });
}
