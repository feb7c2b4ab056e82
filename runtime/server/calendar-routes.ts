import {
  BadRequestError,
  NotFoundError,
  ValidationFailedError,
  calendarCoverage,
  isIsoDate,
  officialWorkingCalendar,
  systemClock,
  todayInRegion,
  WorkingCalendar,
  catalogueProblem,
  textValue,
  type CatalogueKey,
  type CatalogueMessage,
  type Clock,
} from '../../engine/core/index.js';
import { apiSchemas as s, type ApiRequest, type ApiRoute } from '../../engine/http-kit/index.js';

/** Ten years of working days: far beyond any time limit of a service item, and cheap to compute. */
export const MAX_WORKING_DAYS_ADDED = 3650;

const ERR = { description: 'Error', schema: s.error };
const date = { type: 'string', format: 'date' };
const years = { type: 'array', items: { type: 'integer' } };
const calendarMissing = { ...years, description: 'Years without calendar data the computation touched: there only Saturdays and Sundays were taken as days off' };
const datedHoliday = { type: 'object', required: ['date', 'holiday'], properties: { date, holiday: { type: 'string' } } };

const workingDaysResult = {
  type: 'object',
  required: ['from', 'add', 'date'],
  properties: { from: date, add: { type: 'integer' }, date: { ...date, description: 'The working day `add` working days after `from` (the day of `from` does not count)' }, calendarMissing },
};

const calendarYear = {
  type: 'object',
  required: ['year', 'notice', 'holidays', 'daysOff', 'makeUpWorkdays'],
  properties: {
    year: { type: 'integer' },
    notice: { type: 'object', description: 'The State Council General Office notice the dates come from: issuer, title, documentNumber, published' },
    holidays: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, days: { type: 'integer' }, daysOff: { type: 'array', items: date }, makeUpWorkdays: { type: 'array', items: date } } } },
    daysOff: { type: 'array', items: datedHoliday, description: 'Every public-holiday day off of the year, in order' },
    makeUpWorkdays: { type: 'array', items: datedHoliday, description: 'Every adjusted working weekend day (a weekend day worked in exchange for a day off), in order' },
  },
};

/** One query parameter as a single string; absent, empty or repeated is a malformed request. */
function queryParameter(req: ApiRequest, name: string, shape: RegExp, expected: CatalogueKey): string {
  const raw = req.query[name];
  if (typeof raw !== 'string' || !shape.test(raw)) {
    const received = raw === undefined ? textValue('server.runtime.calendar.parameterMissing') : textValue('server.runtime.calendar.parameterReceived', { value: String(raw) });
    throw new BadRequestError({ key: 'server.runtime.calendar.parameterExpected', values: { name, expected: textValue(expected), received } }, { param: name }, 'bad_parameter');
  }
  return raw;
}

/** A well-formed parameter the calendar cannot use: the reason names it, in the caller's language. */
function unusable(name: string, reason: CatalogueMessage): ValidationFailedError {
  return new ValidationFailedError(
    { key: 'server.runtime.calendar.invalidParameter', values: { name, reason: textValue(reason.key, reason.values) } },
    [catalogueProblem(`/${name}`, `query.${name}`, reason)],
  );
}

/** Where the calendar routes get the working-day calendar: a fixed one, or the effective calendar of the store. */
export type CalendarSource = WorkingCalendar | { calendar(): Promise<WorkingCalendar> };

export async function calendarFrom(source: CalendarSource): Promise<WorkingCalendar> {
  return source instanceof WorkingCalendar ? source : source.calendar();
}

/**
 * The working-day calendar, served by the designer and by every runtime: deadline arithmetic for
 * tools and the years' days off. Public: it is published State Council data. `calendar` is the
 * effective calendar (standards/calendar overlaid by the years region administrators stored);
 * `clock` gives today for the coverage warning.
 */
export function calendarRoutes({ calendar: source = officialWorkingCalendar, clock = systemClock }: { calendar?: CalendarSource; clock?: Clock } = {}): ApiRoute[] {
  return [
    {
      method: 'get', path: '/api/calendar', summary: 'Years of the working-day calendar loaded, and whether deadlines computed today need a year that is missing (warned from 1 December)', tags: ['calendar'], access: { public: true }, rateLimit: 'public',
      responses: {
        200: {
          description: 'Loaded years and coverage',
          schema: { type: 'object', required: ['years', 'coverage'], properties: { years, coverage: { type: 'object', required: ['today', 'loadedYears', 'missing'], properties: { today: date, loadedYears: years, missing: years, warning: { type: 'string' } } } } },
        },
      },
      handler: async (_req, res) => {
        const calendar = await calendarFrom(source);
        res.json({ years: calendar.years(), coverage: calendarCoverage(todayInRegion(clock()), calendar) });
      },
    },
    {
      method: 'get', path: '/api/calendar/working-days', summary: 'The date N working days after a date, on the official holiday calendar (public holidays and adjusted working weekends)', tags: ['calendar'], access: { public: true }, rateLimit: 'public',
      query: [
        { name: 'from', description: 'Start date, YYYY-MM-DD (e.g. the day of acceptance; it does not count)', schema: date },
        { name: 'add', description: `Working days to add, 0–${MAX_WORKING_DAYS_ADDED} (0: the day itself when it is a working day, else the next one)`, schema: { type: 'integer', minimum: 0, maximum: MAX_WORKING_DAYS_ADDED } },
      ],
      responses: { 200: { description: 'The working day', schema: workingDaysResult }, 400: ERR, 422: ERR },
      handler: async (req, res) => {
        const from = queryParameter(req, 'from', /^\d{4}-\d{2}-\d{2}$/, 'server.runtime.calendar.expectedDate');
        const addText = queryParameter(req, 'add', /^-?\d{1,9}$/, 'server.runtime.calendar.expectedWorkingDays');
        if (!isIsoDate(from)) throw unusable('from', { key: 'server.runtime.calendar.notADate', values: { from } });
        const add = Number(addText);
        if (add < 0 || add > MAX_WORKING_DAYS_ADDED) throw unusable('add', { key: 'server.runtime.calendar.workingDaysRange', values: { max: MAX_WORKING_DAYS_ADDED, add } });
        const calendar = await calendarFrom(source);
        let result;
        try {
          result = calendar.addWorkingDays(from, add);
        } catch (error) {
          if (error instanceof RangeError) throw unusable('from', { key: 'server.runtime.calendar.outOfRange', values: { from, add } });
          throw error;
        }
        res.json({ from, add, date: result.date, ...(result.calendarMissing ? { calendarMissing: result.calendarMissing } : {}) });
      },
    },
    {
      method: 'get', path: '/api/calendar/:year', summary: 'A year’s public-holiday days off and adjusted working weekends, with the notice they come from', tags: ['calendar'], access: { public: true }, rateLimit: 'public',
      responses: { 200: { description: 'The year', schema: calendarYear }, 400: ERR, 404: ERR },
      handler: async (req, res) => {
        const raw = req.params.year ?? '';
        if (!/^\d{4}$/.test(raw)) throw new BadRequestError({ key: 'server.runtime.calendar.yearFormat', values: { year: raw } }, { param: 'year' }, 'bad_parameter');
        const calendar = await calendarFrom(source);
        const year = calendar.year(Number(raw));
        if (!year) throw new NotFoundError({ key: 'server.runtime.calendar.yearNotLoaded', values: { year: raw } }, { year: Number(raw), loadedYears: calendar.years() });
        const dated = (pick: 'daysOff' | 'makeUpWorkdays') =>
          year.holidays.flatMap((h) => h[pick].map((d) => ({ date: d, holiday: h.name }))).sort((a, b) => (a.date < b.date ? -1 : 1));
        res.json({ year: year.year, notice: year.notice, holidays: year.holidays, daysOff: dated('daysOff'), makeUpWorkdays: dated('makeUpWorkdays') });
      },
    },
  ];
}
