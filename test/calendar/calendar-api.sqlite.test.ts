import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../engine/http-kit/index.js';
import { createRuntimeApp } from '../../runtime/server/runtime-app.js';
import { sqliteInstallation, type TestInstallation } from '../support/installation.js';

describe('calendar API on a SQLite installation', () => {
  let t: TestInstallation;
  const get = (url: string) => request(t.app).get(url);
  beforeAll(async () => {
    t = await sqliteInstallation();
  });
  afterAll(async () => t.close());

  it('adds working days on the official calendar, without signing in', async () => {
    const res = await get('/api/calendar/working-days?from=2026-09-30&add=1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ from: '2026-09-30', add: 1, date: '2026-10-08' });
    expect((await get('/api/calendar/working-days?from=2026-02-13&add=1')).body.date).toBe('2026-02-14');
    expect((await get('/api/calendar/working-days?from=2025-12-31&add=3')).body.date).toBe('2026-01-06');
    expect((await get('/api/calendar/working-days?from=2026-10-03&add=0')).body.date).toBe('2026-10-08');
  });

  it('says when a year has no calendar data', async () => {
    const res = await get('/api/calendar/working-days?from=2026-12-28&add=5');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ from: '2026-12-28', add: 5, date: '2027-01-04', calendarMissing: [2027] });
  });

  it.each([
    ['add=1', 400, 'from'],
    ['from=2026-09-30', 400, 'add'],
    ['from=20260930&add=1', 400, 'from'],
    ['from=2026-09-30&add=one', 400, 'add'],
    ['from=2026-09-30&from=2026-10-01&add=1', 400, 'from'],
    ['from=2026-09-30&add=1.5', 400, 'add'],
  ])('refuses a malformed request (%s) with 400 naming the parameter', async (query, status, param) => {
    const res = await get(`/api/calendar/working-days?${query}`);
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code: 'bad_parameter', details: { param } });
    expect(res.body.error.message).toContain(param);
  });

  it.each([
    ['from=2026-02-30&add=1', 'from'],
    ['from=2026-09-30&add=-1', 'add'],
    ['from=2026-09-30&add=3651', 'add'],
    ['from=9999-12-30&add=5', 'from'],
  ])('refuses a value it cannot use (%s) with 422 naming the parameter', async (query, param) => {
    const res = await get(`/api/calendar/working-days?${query}`);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.problems).toEqual([expect.objectContaining({ pointer: `/${param}`, code: `query.${param}` })]);
  });

  it('lists a year’s days off and make-up working days, with its notice', async () => {
    const res = await get('/api/calendar/2026');
    expect(res.status).toBe(200);
    expect(res.body.notice).toMatchObject({ documentNumber: '国办发明电〔2025〕7号', published: '2025-11-04' });
    expect(res.body.daysOff).toHaveLength(33);
    expect(res.body.daysOff.slice(0, 4)).toEqual([
      { date: '2026-01-01', holiday: '元旦' }, { date: '2026-01-02', holiday: '元旦' }, { date: '2026-01-03', holiday: '元旦' }, { date: '2026-02-15', holiday: '春节' },
    ]);
    expect(res.body.makeUpWorkdays).toEqual([
      { date: '2026-01-04', holiday: '元旦' }, { date: '2026-02-14', holiday: '春节' }, { date: '2026-02-28', holiday: '春节' },
      { date: '2026-05-09', holiday: '劳动节' }, { date: '2026-09-20', holiday: '国庆节' }, { date: '2026-10-10', holiday: '国庆节' },
    ]);
    expect(res.body.holidays.map((h: { name: string }) => h.name)).toEqual(['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
  });

  it('answers 404 for a year not loaded and 400 for a malformed one', async () => {
    const missing = await get('/api/calendar/2027');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found', details: { year: 2027, loadedYears: [2024, 2025, 2026] } });
    const malformed = await get('/api/calendar/26');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details).toEqual({ param: 'year' });
  });

  it('lists the loaded years and the coverage of today', async () => {
    const res = await get('/api/calendar');
    expect(res.status).toBe(200);
    expect(res.body.years).toEqual([2024, 2025, 2026]);
    expect(res.body.coverage.loadedYears).toEqual([2024, 2025, 2026]);
    expect(res.body.coverage.missing).toEqual(expect.any(Array));
  });

  it('is answered by a standalone runtime too', async () => {
    const runtime = createRuntimeApp({ reader: t.reader, logger: createLogger(() => undefined), windowApp: false });
    expect((await request(runtime).get('/api/calendar/working-days?from=2026-09-30&add=1')).body.date).toBe('2026-10-08');
    expect((await request(runtime).get('/api/calendar/2025')).body.notice.documentNumber).toBe('国办发明电〔2024〕12号');
  });
});
