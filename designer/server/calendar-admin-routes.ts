import { type Clock, BadRequestError, calendarCoverage, todayInRegion } from '../../engine/core/index.js';
import { apiSchemas as s, type ApiRequest, type ApiRoute } from '../../engine/http-kit/index.js';
import { putCalendarYear, type EffectiveCalendar } from '../../engine/services/index.js';
import type { ConfigStore } from '../../engine/ports/index.js';
import { actorOf, everyone } from './actor.js';

const ERR = { description: 'Error', schema: s.error };
const str = { type: 'string' };
const years = { type: 'array', items: { type: 'integer' } };
const dates = { type: 'array', items: { type: 'string', format: 'date' } };
const coverage = { type: 'object', required: ['today', 'loadedYears', 'missing'], properties: { today: { type: 'string', format: 'date' }, loadedYears: years, missing: years, warning: str } };
const changes = {
  type: 'object',
  description: 'What the year changes against the one it replaces (everything, for a new year)',
  properties: {
    notice: { type: 'array', items: str, description: 'notice fields that differ' },
    holidaysAdded: { type: 'array', items: str }, holidaysRemoved: { type: 'array', items: str },
    daysOffAdded: dates, daysOffRemoved: dates, makeUpWorkdaysAdded: dates, makeUpWorkdaysRemoved: dates,
  },
};
const effectiveYear = {
  type: 'object',
  required: ['year', 'source', 'notice', 'holidays'],
  properties: {
    year: { type: 'integer' },
    source: { enum: ['file', 'stored'], description: 'file: standards/calendar; stored: put by a region administrator, replacing the file’s year' },
    storedAt: str, storedBy: str, reason: { type: ['string', 'null'] },
    notice: { type: 'object' },
    holidays: { type: 'array', items: { type: 'object' } },
  },
};

const MAX_REASON_QUERY = 500;

function reasonOf(req: ApiRequest): string | null {
  const raw = req.query.reason;
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || raw.length > MAX_REASON_QUERY) throw new BadRequestError({ key: 'server.designer.calendar.reasonTooLong', values: { max: MAX_REASON_QUERY } }, { param: 'reason' }, 'bad_parameter');
  return raw;
}

/**
 * The region's administration of the working-day calendar: add or replace a year (admin only,
 * audited), the effective calendar with each year's source, and the coverage warning of the
 * dashboard (from 1 December, when next year is missing) on the server's clock.
 */
export function calendarAdminRoutes({ store, calendar, clock }: { store: ConfigStore; calendar: EffectiveCalendar; clock: Clock }): ApiRoute[] {
  return [
    {
      method: 'get', path: '/api/calendar/years', summary: 'The effective working-day calendar: each year with its source (file, or stored: by whom, when, why)', tags: ['calendar'], access: everyone,
      responses: { 200: { description: 'Years and coverage', schema: { type: 'object', required: ['years', 'coverage'], properties: { years: { type: 'array', items: effectiveYear }, coverage } } } },
      handler: async (_req, res) => {
        const effective = await calendar.years();
        const working = await calendar.calendar();
        res.json({
          years: effective.map(({ calendar: { notice, holidays }, ...year }) => ({ ...year, notice, holidays })),
          coverage: calendarCoverage(todayInRegion(clock()), working),
        });
      },
    },
    {
      method: 'get', path: '/api/calendar/coverage', summary: 'Whether deadlines computed today need a year the calendar lacks (warned from 1 December of the year before), on the server’s clock', tags: ['calendar'], access: everyone,
      responses: { 200: { description: 'Coverage', schema: coverage } },
      handler: async (_req, res) => res.json(calendarCoverage(todayInRegion(clock()), await calendar.calendar())),
    },
    {
      method: 'put', path: '/api/calendar/:year', summary: 'Add or replace a year of the working-day calendar (region administrators); it replaces the file’s year of that number', tags: ['calendar'], access: { roles: ['admin'] },
      query: [{ name: 'reason', description: 'why (recorded in the audit trail), e.g. the General Office of the State Council published the 2027 holiday schedule', schema: str }],
      body: { schema: { type: 'object', description: 'One calendar year as in standards/calendar/calendar-year.schema.json (every problem is reported at once)' }, required: true },
      responses: {
        200: { description: 'Replaced a year of the files or one stored earlier', schema: { type: 'object' } },
        201: { description: 'Added a year the calendar did not have', schema: { type: 'object', required: ['year', 'status', 'changes'], properties: { year: { type: 'integer' }, status: { enum: ['created', 'replaced'] }, replaced: { enum: ['file', 'stored', null] }, changes, storedAt: str, storedBy: str, reason: { type: ['string', 'null'] }, audit: { type: 'object', properties: { seq: { type: 'integer' }, hash: str } } } } },
        400: ERR, 403: ERR, 422: ERR,
      },
      handler: async (req, res) => {
        const raw = req.params.year ?? '';
        if (!/^\d{4}$/.test(raw)) throw new BadRequestError({ key: 'server.runtime.calendar.yearFormat', values: { year: raw } }, { param: 'year' }, 'bad_parameter');
        const stored = await putCalendarYear({ store, clock, body: req.body, year: Number(raw), actor: actorOf(req), reason: reasonOf(req) });
        await calendar.refresh();
        const { record, event } = stored;
        res.status(stored.status === 'created' ? 201 : 200).json({
          year: record.year, status: stored.status, replaced: stored.replaced, changes: stored.changes,
          storedAt: record.storedAt, storedBy: record.storedBy, reason: record.reason, audit: { seq: event.seq, hash: event.hash },
        });
      },
    },
  ];
}
