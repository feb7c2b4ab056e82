// Region administrators add and replace calendar years over HTTP on a real installation:
// validated (every problem at once), admin-only, audited on the hash chain, and what every
// runtime counts deadlines on at once (working days, coverage warning, printed notices).
import request from 'supertest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock, verifyAuditChain } from '../../engine/core/index.js';
import { createLogger } from '../../engine/http-kit/index.js';
import { effectiveCalendar } from '../../engine/services/index.js';
import { createDesignerApp } from '../../designer/server/designer-app.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { openClaimedRuntime } from '../http/runtime-api.js';
import { publishThroughApi } from '../http/designer-api.js';
import { itemConfig } from '../fixtures/item-config.js';
import type { InstallationFactory, TestInstallation } from '../support/installation.js';
import year2026 from '../../standards/calendar/2026.json' with { type: 'json' };

const notice = { issuer: '国务院办公厅', title: '国务院办公厅关于2027年部分节假日安排的通知', documentNumber: '测试〔2026〕27号', published: '2026-11-10' };
/** A test year (not the real notice): 元旦 1–3 January 2027, a Friday to a Sunday. */
const year2027 = { year: 2027, notice, holidays: [{ name: '元旦', days: 3, daysOff: ['2027-01-01', '2027-01-02', '2027-01-03'], makeUpWorkdays: [] }] };

/** The calendar administration over HTTP, on any store adapter. */
export function describeCalendarAdmin(name: string, open: InstallationFactory): void {
  describe(`calendar administration on ${name}`, () => {
    let t: TestInstallation;
    const put = (year: number | string, body: unknown, who: keyof TestInstallation['as'] = 'admin', reason?: string) =>
      request(t.app).put(`/api/calendar/${year}${reason ? `?reason=${encodeURIComponent(reason)}` : ''}`).set(t.as[who]).send(body as object);
    const workingDays = (app = t.app, from = '2026-12-31', add = 1) => request(app).get(`/api/calendar/working-days?from=${from}&add=${add}`);

    beforeEach(async () => {
      t = await open();
    });
    afterEach(async () => t.close());

    it('adds a year (201) that every runtime then counts on, and audits it on the hash chain', async () => {
      const standalone = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined), windowApp: false, calendar: effectiveCalendar({ reader: t.reader, maxAgeMs: 0 }) });
      expect((await workingDays()).body).toEqual({ from: '2026-12-31', add: 1, date: '2027-01-01', calendarMissing: [2027] });
      expect((await workingDays(standalone)).body.calendarMissing).toEqual([2027]);

      const res = await put(2027, year2027, 'admin', '国务院办公厅发布 2027 年放假安排');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        year: 2027, status: 'created', replaced: null, storedBy: 'admin-test', reason: '国务院办公厅发布 2027 年放假安排',
        changes: { holidaysAdded: ['元旦'], daysOffAdded: ['2027-01-01', '2027-01-02', '2027-01-03'], daysOffRemoved: [], makeUpWorkdaysAdded: [] },
      });

      // The embedded runtime at once, a runtime in its own process on its next read.
      expect((await workingDays()).body).toEqual({ from: '2026-12-31', add: 1, date: '2027-01-04' });
      expect((await workingDays(standalone)).body).toEqual({ from: '2026-12-31', add: 1, date: '2027-01-04' });
      expect((await request(t.app).get('/api/calendar/2027')).body.daysOff).toEqual(year2027.holidays[0]!.daysOff.map((date) => ({ date, holiday: '元旦' })));
      expect((await request(t.app).get('/api/calendar')).body.years).toEqual([2024, 2025, 2026, 2027]);

      const events = await t.store.listAudit({ limit: 1000 });
      const event = events.find((e) => e.action === 'calendar.year-stored');
      expect(event).toMatchObject({ seq: res.body.audit.seq, hash: res.body.audit.hash, actor: 'admin-test', reason: '国务院办公厅发布 2027 年放假安排', details: { year: 2027, replaced: null, documentNumber: '测试〔2026〕27号' } });
      expect(verifyAuditChain(events).ok).toBe(true);
      const audit = await request(t.app).get('/api/audit?limit=1000').set(t.as.auditor);
      expect(audit.body.events.some((e: { action: string }) => e.action === 'calendar.year-stored')).toBe(true);
    });

    it('replaces a year of the files (200) and one stored earlier (200), naming what changed and each year’s source', async () => {
      // A corrected notice: 国庆节 without the make-up Saturday of 10 October.
      const corrected = structuredClone(year2026) as typeof year2026;
      const nationalDay = corrected.holidays.find((h) => h.name === '国庆节')!;
      nationalDay.makeUpWorkdays = ['2026-09-20'];
      corrected.notice.documentNumber = '测试〔2026〕1号';
      const replaced = await put(2026, corrected);
      expect(replaced.status).toBe(200);
      expect(replaced.body).toMatchObject({ status: 'replaced', replaced: 'file', changes: { notice: ['documentNumber'], makeUpWorkdaysRemoved: ['2026-10-10'], daysOffAdded: [], holidaysAdded: [] } });
      expect((await workingDays(t.app, '2026-10-09', 1)).body.date).toBe('2026-10-12');

      expect((await put(2027, year2027)).status).toBe(201);
      const again = await put(2027, { ...year2027, holidays: [{ name: '元旦', days: 1, daysOff: ['2027-01-01'], makeUpWorkdays: [] }] }, 'admin', '更正');
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ status: 'replaced', replaced: 'stored', changes: { notice: [], daysOffRemoved: ['2027-01-02', '2027-01-03'], holidaysAdded: [], holidaysRemoved: [] } });

      const years = await request(t.app).get('/api/calendar/years').set(t.as.reviewer);
      expect(years.status).toBe(200);
      expect(years.body.years.map((y: { year: number; source: string; storedBy?: string; reason?: string | null }) => [y.year, y.source, y.storedBy ?? null, y.reason ?? null])).toEqual([
        [2024, 'file', null, null], [2025, 'file', null, null], [2026, 'stored', 'admin-test', null], [2027, 'stored', 'admin-test', '更正'],
      ]);
      expect(years.body.years[2].notice.documentNumber).toBe('测试〔2026〕1号');
      expect(years.body.years[3].storedAt).toEqual(expect.any(String));
    });

    it('refuses bad data with 422 listing every problem at once, and writes nothing', async () => {
      const bad = {
        year: 2027,
        notice: { issuer: '国务院办公厅', title: '', documentNumber: '测试', published: '2026-11' },
        holidays: [
          { name: '元旦', days: 2, daysOff: ['2027-01-01'], makeUpWorkdays: ['2027-01-06'] },
          { name: '春节', days: 2, daysOff: ['2027-02-06', '2027-02-08'], makeUpWorkdays: [], note: '多余字段' },
          { name: '又一个', days: 1, daysOff: ['2026-12-31'], makeUpWorkdays: [] },
        ],
        source: '不认识的字段',
      };
      const res = await put(2027, bad);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation_failed');
      const problems = res.body.error.details.problems.map((p: { pointer: string; code: string }) => `${p.pointer} ${p.code}`);
      expect(problems).toEqual(expect.arrayContaining([
        '/notice/title calendar.notice',
        '/notice/published calendar.notice',
        '/holidays/0/days calendar.count',
        '/holidays/0/makeUpWorkdays/0 calendar.make-up-weekday',
        '/holidays/1/daysOff/1 calendar.consecutive',
        '/holidays/2/daysOff/0 calendar.year',
        '/holidays/1/note schema.additionalProperties',
        '/source schema.additionalProperties',
      ]));
      expect(res.body.error.details.problems.every((p: { message: string }) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
      const mismatch = await put(2028, year2027);
      expect(mismatch.status).toBe(422);
      expect(mismatch.body.error.details.problems).toEqual([expect.objectContaining({ pointer: '/year', code: 'calendar.path-year' })]);
      expect((await put('27', year2027)).status).toBe(400);
      expect(await t.store.calendarYears()).toEqual([]);
      expect((await t.store.listAudit({ limit: 1000 })).some((e) => e.action === 'calendar.year-stored')).toBe(false);
    });

    it('lets only region administrators store a year', async () => {
      for (const who of ['author', 'reviewer', 'auditor', 'operator'] as const) {
        const res = await put(2027, year2027, who);
        expect(res.status, who).toBe(403);
      }
      expect((await request(t.app).put('/api/calendar/2027').send(year2027)).status).toBe(401);
      expect(await t.store.calendarYears()).toEqual([]);
    });

    it('warns on the dashboard from 1 December, on the server’s clock, until next year is loaded', async () => {
      const at = (instant: string) => createDesignerApp({ store: t.store, logger: createLogger(() => undefined), clock: fixedClock(instant), designerWeb: false });
      // 1 December 2026, 08:00 in Asia/Shanghai is still 30 November in UTC: the region's day counts.
      const december = at('2026-12-01T00:30:00.000Z');
      const warned = await request(december).get('/api/calendar/coverage').set(t.as.admin);
      expect(warned.status).toBe(200);
      expect(warned.body).toMatchObject({ today: '2026-12-01', missing: [2027] });
      expect(warned.body.warning).toContain('2027 年节假日安排尚未载入');
      expect((await request(december).get('/api/calendar/years').set(t.as.admin)).body.coverage.missing).toEqual([2027]);
      expect((await request(at('2026-11-30T15:00:00.000Z')).get('/api/calendar/coverage').set(t.as.admin)).body).toEqual({ today: '2026-11-30', loadedYears: [2024, 2025, 2026], missing: [] });

      expect((await put(2027, year2027)).status).toBe(201);
      const quiet = await request(at('2026-12-02T02:00:00.000Z')).get('/api/calendar/coverage').set(t.as.admin);
      expect(quiet.body).toEqual({ today: '2026-12-02', loadedYears: [2024, 2025, 2026, 2027], missing: [] });
    });
  });

  describe(`printed notices count on the effective calendar (${name})`, () => {
    it('prints a 补正 deadline across New Year on the stored 2027 year, without the missing-data note', async () => {
      // The server's clock stands at 2026-12-28 during the saves only (publications are signed at the real time).
      let frozenAt: Date | null = null;
      const t = await openClaimedRuntime((options) => open({ ...options, clock: () => frozenAt ?? new Date() }));
      try {
        const withPeriod = itemConfig('RT-CAL');
        withPeriod.standard.supplementPeriod = { value: 5, unit: { code: 'WD', label: '工作日' } };
        await publishThroughApi(t, withPeriod);
        expect((await request(t.app).put('/api/localities/150102/claims/RT-CAL').set(t.as.admin).send({ follow: 'latest' })).status).toBe(200);
        const notice = async () => {
          frozenAt = new Date('2026-12-28T02:00:00Z');
          const saved = await Promise.resolve(request(t.app).post('/api/runtime/150102/intakes').set(t.as.operator)
            .send({ code: 'RT-CAL', scenario: 'agent', formData: { name: '王五', idNumber: '11010519491231002X', phone: '13912345678', employmentType: '个体经营' }, materials: [] }))
            .finally(() => { frozenAt = null; });
          expect(saved.status).toBe(201);
          return (await request(t.app).get(`/api/runtime/150102/intakes/${saved.body.intake.caseNumber}/documents/supplement-notice`).set(t.as.operator)).text;
        };
        const before = await notice();
        expect(before).toContain('请于2027年1月4日前');
        expect(before).toContain('2027 年节假日安排尚未载入');
        expect((await request(t.app).put('/api/calendar/2027').set(t.as.admin).send(year2027)).status).toBe(201);
        const after = await notice();
        expect(after).toContain('请于2027年1月5日前'); // 29, 30, 31 December, then 4 and 5 January
        expect(after).not.toContain('尚未载入');
      } finally {
        await t.close();
      }
    });
  });
}
