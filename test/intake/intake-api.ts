import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskIdNumber, maskPhone } from '../../engine/core/index.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { itemConfig } from '../fixtures/item-config.js';
import { publishThroughApi } from '../http/designer-api.js';
import { openClaimedRuntime } from '../http/runtime-api.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';
import { PDF, PNG } from './fixtures.js';

const ADULT = '11010519491231002X';
const CHILD = '150102201501010015';
const PHONE = '13912345678';
const form = (extra: Record<string, unknown> = {}) => ({ name: '王五', idNumber: ADULT, phone: PHONE, employmentType: '个体经营', ...extra });
const ACCEPT = { code: 'RT-1', scenario: 'self', formData: form() , materials: ['id-card'] };
const SUPPLEMENT = { code: 'RT-1', scenario: 'agent', formData: form(), materials: [] };
const REJECT = { code: 'RT-1', scenario: 'self', formData: form({ idNumber: CHILD, name: '小明' }), materials: ['id-card'] };
/** When the saves below happen by the server's clock (the acceptance date is never the request's). */
const SAVED_AT = '2025-06-06T02:00:00Z';

/** The window clerk's intake records (办件) over HTTP, on any store adapter. */
export function describeIntakeApi(name: string, open: InstallationFactory): void {
  describe(`intake API on ${name}`, () => {
    let t: TestInstallation;
    // The server's clock stands still at `at` during a save only: publications are signed at the real time.
    let frozenAt: Date | null = null;
    const clock = () => frozenAt ?? new Date();
    const save = async (body: object, division = '150102', as: keyof TestInstallation['as'] = 'operator', at = SAVED_AT) => {
      frozenAt = new Date(at);
      try {
        return await request(t.app).post(`/api/runtime/${division}/intakes`).set(t.as[as]).send(body);
      } finally {
        frozenAt = null;
      }
    };
    const upload = (caseNumber: string, data: Buffer, type: string, filename?: string) => {
      const req = request(t.app).post(`/api/runtime/150102/intakes/${caseNumber}/attachments`).set(t.as.operator).set('Content-Type', type);
      if (filename) req.set('X-Filename', encodeURIComponent(filename));
      return req.send(data);
    };

    beforeEach(async () => {
      t = await openClaimedRuntime((options) => open({ ...options, clock }));
    });
    afterEach(async () => {
      await t.close();
    });

    it('saves an intake with the server’s decision and a case number, lists it masked and returns it in full', async () => {
      const saved = await save(ACCEPT);
      expect(saved.status).toBe(201);
      const { intake, decision } = saved.body;
      expect(intake.caseNumber).toMatch(/^TB150102\d{8}-000001$/);
      expect(saved.headers.location).toBe(`/api/runtime/150102/intakes/${intake.caseNumber}`);
      expect(decision).toMatchObject({ outcome: 'accept', division: '150102', item: { code: 'RT-1', version: 1 } });
      expect(saved.body).not.toHaveProperty('mismatch');
      expect(intake).toMatchObject({
        createdBy: 'operator-xincheng', receivingDivision: '150102',
        handling: { department: '新城区人力资源和社会保障局', division: '150102' },
        item: { code: 'RT-1', version: 1, hash: decision.item.hash, name: '灵活就业人员登记（测试）' },
        scenario: 'self', materials: ['id-card'], browserMismatch: null, attachments: [], decision,
      });
      expect(intake.decisionId).toMatch(/^D/);
      // The decision log keeps the decision without its explanation (replay recomputes it).
      const { explanation: _explanation, ...recorded } = decision as Record<string, unknown>;
      expect((await t.decisionLog.get(intake.decisionId))?.decision).toEqual(recorded);
      expect(saved.headers['x-tongban-hash']).toBe(decision.item.hash);

      const second = await save({ ...SUPPLEMENT, handlingDivision: '152921' });
      expect(second.status).toBe(201);
      expect(second.body.intake.caseNumber).toMatch(/-000002$/);
      expect(second.body.intake.handling.division).toBe('152921');

      const list = await request(t.app).get('/api/runtime/150102/intakes').set(t.as.operator);
      expect(list.status).toBe(200);
      expect(list.body.intakes.map((i: { caseNumber: string }) => i.caseNumber)).toEqual([second.body.intake.caseNumber, intake.caseNumber]);
      expect(list.body.intakes[1]).toMatchObject({
        caseNumber: intake.caseNumber, outcome: 'accept', createdAt: intake.createdAt, item: { code: 'RT-1', name: '灵活就业人员登记（测试）' },
        applicant: { name: '王*', idNumber: maskIdNumber(ADULT), phone: maskPhone(PHONE) }, attachments: 0, mismatch: false,
      });
      const text = JSON.stringify(list.body);
      expect(text).not.toContain(ADULT);
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain('个体经营');
      expect(list.body.intakes[1]).not.toHaveProperty('formData');
      expect((await request(t.app).get('/api/runtime/150102/intakes?limit=1').set(t.as.operator)).body.intakes).toHaveLength(1);
      const page2 = await request(t.app).get(`/api/runtime/150102/intakes?limit=1&after=${second.body.intake.caseNumber}`).set(t.as.operator);
      expect(page2.body.intakes.map((i: { caseNumber: string }) => i.caseNumber)).toEqual([intake.caseNumber]);
      // Handled at 152921 (收受分离): that window sees it too.
      expect((await request(t.app).get('/api/runtime/152921/intakes').set(t.as.otherOperator)).body.intakes.map((i: { caseNumber: string }) => i.caseNumber)).toEqual([second.body.intake.caseNumber]);

      const full = await request(t.app).get(`/api/runtime/150102/intakes/${intake.caseNumber}`).set(t.as.operator);
      expect(full.status).toBe(200);
      expect(full.body).toEqual(intake);
      expect(full.body.formData.idNumber).toBe(ADULT);
      expect((await request(t.app).get('/api/runtime/150102/intakes/TB15010220250606-999999').set(t.as.operator)).status).toBe(404);
      expect((await request(t.app).get('/api/runtime/150102/intakes/nonsense').set(t.as.operator)).status).toBe(404);
      expect(t.logs.join('\n')).not.toContain(ADULT);
    });

    it('takes PDF and PNG attachments as raw bytes, refuses oversized and other files, and serves them back', async () => {
      const { caseNumber } = (await save(ACCEPT)).body.intake;
      const pdf = await upload(caseNumber, PDF, 'application/pdf', '身份证 正反面.pdf');
      expect(pdf.status).toBe(201);
      expect(pdf.body).toMatchObject({ name: '身份证 正反面.pdf', contentType: 'application/pdf', size: PDF.length });
      expect(pdf.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      const png = await upload(caseNumber, PNG, 'image/png');
      expect(png.status).toBe(201);
      expect(png.body.name).toBe('附件.png');

      const back = await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/attachments/${pdf.body.id}`).set(t.as.operator).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
      expect(back.status).toBe(200);
      expect(back.headers['content-type']).toBe('application/pdf');
      expect(Buffer.compare(back.body as Buffer, PDF)).toBe(0);
      expect(back.headers['content-disposition']).toContain(encodeURIComponent('身份证 正反面.pdf'));
      expect((await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/attachments/A0`).set(t.as.operator)).status).toBe(404);
      const record = (await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}`).set(t.as.operator)).body;
      expect(record.attachments).toEqual([pdf.body, png.body]);
      expect((await request(t.app).get('/api/runtime/150102/intakes').set(t.as.operator)).body.intakes[0].attachments).toBe(2);

      const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
      const tooLarge = await upload(caseNumber, big, 'application/pdf', 'big.pdf');
      expect(tooLarge.status).toBe(413);
      expect(tooLarge.body.error.code).toBe('payload_too_large');
      expect(tooLarge.body.error.message).toMatch(/^附件过大：.*（上限 5 MB）$/);

      const exe = await upload(caseNumber, Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode', 'latin1'), 'application/octet-stream', 'setup.exe');
      expect(exe.status).toBe(415);
      expect(exe.body.error.message).toContain('application/pdf');
      expect(exe.body.error.message).toContain('image/png');
      const disguised = await upload(caseNumber, Buffer.from('MZ\x90\x00', 'latin1'), 'application/pdf', 'setup.pdf');
      expect(disguised.status).toBe(415);
      const empty = await upload(caseNumber, Buffer.alloc(0), 'image/jpeg');
      expect(empty.status).toBe(400);
      expect((await upload('TB15010220250606-999999', PDF, 'application/pdf')).status).toBe(404);
      expect((await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}`).set(t.as.operator)).body.attachments).toHaveLength(2);
      // Every other route keeps its JSON parser.
      expect((await request(t.app).post('/api/runtime/150102/intakes').set(t.as.operator).set('Content-Type', 'text/plain').send('hello')).status).toBe(415);
    });

    it('records a browser/server mismatch, still saves, and logs it as an error', async () => {
      const first = await save(ACCEPT);
      const hash = first.body.decision.item.hash;
      const agreeing = await save({ ...ACCEPT, browserDecision: { outcome: 'accept', hash } });
      expect(agreeing.body).not.toHaveProperty('mismatch');
      expect(agreeing.body.intake.browserMismatch).toBeNull();
      const differing = await save({ ...SUPPLEMENT, browserDecision: { outcome: 'accept', hash: 'f'.repeat(64) } });
      expect(differing.status).toBe(201);
      const expected = { browserOutcome: 'accept', browserHash: 'f'.repeat(64), serverOutcome: 'supplement', serverHash: hash };
      expect(differing.body.mismatch).toEqual(expected);
      expect(differing.body.intake.browserMismatch).toEqual(expected);
      expect((await request(t.app).get(`/api/runtime/150102/intakes/${differing.body.intake.caseNumber}`).set(t.as.operator)).body.browserMismatch).toEqual(expected);
      const line = t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.message === 'browser and server decisions differ');
      expect(line).toMatchObject({ level: 'error', caseNumber: differing.body.intake.caseNumber, ...expected });
      expect((await request(t.app).get('/api/runtime/150102/intakes').set(t.as.operator)).body.intakes[0].mismatch).toBe(true);
    });

    it('refuses a date in the intake save (422): the acceptance date and time are the server’s', async () => {
      const dated = await save({ ...ACCEPT, date: '2030-06-01' });
      expect(dated.status).toBe(422);
      expect(dated.body.error.details.problems).toEqual([expect.objectContaining({ pointer: '/date', code: 'intake.date' })]);
      expect(dated.body.error.message).toContain('服务器时间');
      expect((await save({ ...ACCEPT, date: '2025-06-01' })).status).toBe(422);
      const saved = await save(ACCEPT, '150102', 'operator', '2025-12-01T17:30:00Z'); // 01:30 on 2 December in Asia/Shanghai
      expect(saved.status).toBe(201);
      expect(saved.body.intake.caseNumber).toMatch(/^TB15010220251202-/);
      expect(saved.body.decision.date).toBe('2025-12-02');
      expect(saved.body.intake.createdAt).toBe('2025-12-01T17:30:00.000Z');
    });

    it('prints the standard’s 补正期限 on the official holiday calendar (none when the standard states none), and says so when a year has no calendar data', async () => {
      const withPeriod = itemConfig('RT-SUP');
      withPeriod.standard.supplementPeriod = { value: 5, unit: { code: 'WD', label: '工作日' } };
      await publishThroughApi(t, withPeriod);
      expect((await request(t.app).put('/api/localities/150102/claims/RT-SUP').set(t.as.admin).send({ follow: 'latest' })).status).toBe(200);
      const doc = async (date: string, code = 'RT-SUP') => {
        const saved = (await save({ ...SUPPLEMENT, code }, '150102', 'operator', `${date}T02:00:00Z`)).body;
        return (await request(t.app).get(`/api/runtime/150102/intakes/${saved.intake.caseNumber}/documents/supplement-notice`).set(t.as.operator)).text;
      };
      const none = await doc('2025-09-30', 'RT-1');
      expect(none).toContain('请一次性补正上述全部内容');
      expect(none).not.toContain('请于');
      expect(none).not.toContain('个工作日内');
      const nationalDay = await doc('2025-09-30'); // 国庆节、中秋节 1–8 October, Saturday 11th worked
      expect(nationalDay).toContain('5 个工作日内');
      expect(nationalDay).toContain('请于2025年10月14日前');
      expect(nationalDay).not.toContain('尚未载入');
      const intoNextYear = await doc('2026-12-28');
      expect(intoNextYear).toContain('请于2027年1月4日前');
      expect(intoNextYear).toContain('2027 年节假日安排尚未载入，期限按周末推算，仅供参考');
    });

    it('prints the acceptance, supplement and rejection notices from the recorded decision and version', async () => {
      const doc = (caseNumber: string, kind: string) => request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/documents/${kind}`).set(t.as.operator);
      const accepted = (await save(ACCEPT)).body;
      const supplement = (await save(SUPPLEMENT)).body;
      const rejected = (await save(REJECT)).body;
      expect([accepted.decision.outcome, supplement.decision.outcome, rejected.decision.outcome]).toEqual(['accept', 'supplement', 'reject']);
      const hash = accepted.decision.item.hash;

      const acceptance = await doc(accepted.intake.caseNumber, 'acceptance-notice');
      expect(acceptance.status).toBe(200);
      expect(acceptance.headers['content-type']).toMatch(/^text\/html; charset=utf-8/);
      for (const text of ['<h1>受理通知书</h1>', accepted.intake.caseNumber, '予以受理', '灵活就业人员登记（测试）', '居民身份证', '5 个工作日', '呼和浩特市新城区政务服务中心', '2025年6月6日', 'size:A4', '@media print', 'RT-1', '版本 1', hash]) {
        expect(acceptance.text, text).toContain(text);
      }
      expect(acceptance.text).not.toContain(ADULT);

      const notice = await doc(supplement.intake.caseNumber, 'supplement-notice');
      expect(notice.status).toBe(200);
      expect(supplement.decision.missingMaterials.map((m: { name: string }) => m.name)).toEqual(['居民身份证', '授权委托书', '代理人身份证']);
      // A 公共服务 item cites its own basis, never 行政许可法第三十二条.
      expect(notice.text).not.toContain('行政许可法');
      for (const text of ['<h1>补正材料通知书</h1>', '一次性告知', '根据《中华人民共和国就业促进法》第三十五条的规定', '居民身份证', '授权委托书', '代理人身份证', '2025年6月6日', '版本 1', hash]) {
        expect(notice.text, text).toContain(text);
      }
      // RT-1's standard states no 补正期限: the notice sets the applicant none.
      expect(notice.text).not.toContain('2025年6月13日');

      const rejection = await doc(rejected.intake.caseNumber, 'rejection-decision');
      expect(rejection.status).toBe(200);
      for (const text of ['<h1>不予受理决定书</h1>', '小明', '申请人未满16周岁，不属于灵活就业登记对象', '《中华人民共和国劳动法》第十五条', '《中华人民共和国就业促进法》第三十五条', '六十日内', '行政复议', '六个月内', '行政诉讼', hash]) {
        expect(rejection.text, text).toContain(text);
      }

      const wrong = await doc(rejected.intake.caseNumber, 'acceptance-notice');
      expect(wrong.status).toBe(409);
      expect(wrong.body.error.message).toContain('不能出具受理通知书');
      expect(wrong.body.error.message).toContain('不予受理决定书');
      expect((await doc(accepted.intake.caseNumber, 'supplement-notice')).status).toBe(409);
      expect((await doc(supplement.intake.caseNumber, 'rejection-decision')).status).toBe(409);
      expect((await doc(accepted.intake.caseNumber, 'receipt')).status).toBe(404);
      expect((await doc('TB15010220250606-999999', 'acceptance-notice')).status).toBe(404);

      // A later version does not change an old record's notice: it is printed from the version it used.
      const v2 = itemConfig('RT-1');
      v2.standard.promisedTimeLimit.value = 2;
      await publishThroughApi(t, v2, { reason: '压缩时限', legalBasis: '测试', changeKind: 'amend' });
      const again = await doc(accepted.intake.caseNumber, 'acceptance-notice');
      expect(again.text).toContain('5 个工作日');
      expect(again.text).toContain(hash);
    });

    it('keeps a window to its own locality: 403 for another banner’s operator, 401 without a token', async () => {
      const { caseNumber } = (await save(ACCEPT)).body.intake;
      const foreign = await save(ACCEPT, '150102', 'otherOperator');
      expect(foreign.status).toBe(403);
      expect(foreign.body.error.details).toMatchObject({ division: '150102', own: '152921' });
      expect((await request(t.app).get('/api/runtime/150102/intakes').set(t.as.otherOperator)).status).toBe(403);
      expect((await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}`).set(t.as.otherOperator)).status).toBe(403);
      expect((await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}/documents/acceptance-notice`).set(t.as.otherOperator)).status).toBe(403);
      expect((await request(t.app).post(`/api/runtime/150102/intakes/${caseNumber}/attachments`).set(t.as.otherOperator).set('Content-Type', 'application/pdf').send(PDF)).status).toBe(403);
      // Its own locality does not reveal another's record either.
      expect((await request(t.app).get(`/api/runtime/152921/intakes/${caseNumber}`).set(t.as.otherOperator)).status).toBe(404);
      // The league's window acts for the banners below it; an auditor does not take intakes.
      expect((await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}`).set(t.as.leagueOperator)).status).toBe(200);
      expect((await save(ACCEPT, '150102', 'auditor')).status).toBe(403);
      expect((await request(t.app).post('/api/runtime/150102/intakes').send(ACCEPT)).status).toBe(401);
      expect((await request(t.app).get('/api/runtime/150102/intakes')).status).toBe(401);
      expect((await request(t.app).post(`/api/runtime/150102/intakes/${caseNumber}/attachments`).set('Content-Type', 'application/pdf').send(PDF)).status).toBe(401);
    });

    it('refuses redirects and bad requests without saving anything', async () => {
      const redirect = await save({ code: 'SAMPLE-GA-0001', scenario: 'in-person', formData: {}, materials: [] });
      expect(redirect.status).toBe(422);
      expect(redirect.body.error.message).toContain('公安派出所');
      expect((await save({ ...ACCEPT, scenario: 'nope' })).status).toBe(422);
      expect((await save({ ...ACCEPT, handlingDivision: '110105' })).body.error.details.problems[0].pointer).toBe('/handlingDivision');
      expect((await save({ ...ACCEPT, code: 'NOPE-9' })).status).toBe(404);
      expect((await save({ ...ACCEPT, extra: 1 })).status).toBe(422);
      expect((await save({ ...ACCEPT, browserDecision: { outcome: 'accept' } })).status).toBe(422);
      expect((await save(ACCEPT, '150203', 'admin')).body.error.message).toContain('尚未认领');
      expect((await request(t.app).get('/api/runtime/150102/intakes').set(t.as.operator)).body.intakes).toEqual([]);
    });

    it('gives the same decision at two banners apart from the division, each with its own case numbers', async () => {
      const a = (await save(SUPPLEMENT, '150102')).body;
      const b = (await save(SUPPLEMENT, '152921', 'otherOperator')).body;
      expect(b.decision.division).toBe('152921');
      expect({ ...b.decision, division: a.decision.division }).toEqual(a.decision);
      expect(a.intake.caseNumber).toMatch(/^TB150102\d{8}-000001$/);
      expect(b.intake.caseNumber).toMatch(/^TB152921\d{8}-000001$/);
    });

    it('is served by a runtime on its own as well, with uploads through the raw-body reader', async () => {
      const runtime = createRuntimeApp({ reader: t.reader, intakeStore: t.intakes, logger: createLogger(() => undefined), uploadLimit: 1024 });
      const saved = await request(runtime).post('/api/runtime/150102/intakes').set(t.as.operator).send(ACCEPT);
      expect(saved.status).toBe(201);
      const { caseNumber } = saved.body.intake;
      const up = await request(runtime).post(`/api/runtime/150102/intakes/${caseNumber}/attachments`).set(t.as.operator).set('Content-Type', 'application/pdf').send(PDF);
      expect(up.status).toBe(201);
      const big = await request(runtime).post(`/api/runtime/150102/intakes/${caseNumber}/attachments`).set(t.as.operator).set('Content-Type', 'application/pdf').send(Buffer.concat([PDF, Buffer.alloc(2048)]));
      expect(big.status).toBe(413);
      expect(big.body.error.message).toContain('（上限 1 KB）');
      // The designer's embedded runtime sees the same store.
      expect((await request(t.app).get(`/api/runtime/150102/intakes/${caseNumber}`).set(t.as.operator)).body.attachments).toEqual([up.body]);
      const without = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined) });
      expect((await request(without).get('/api/runtime/150102/intakes').set(t.as.operator)).status).toBe(404);
    });
  });
}
