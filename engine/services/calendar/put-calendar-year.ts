import { systemClock, type Clock } from '../../core/clock/index.js';
import {
  calendarYearChanges,
  calendarYearInputProblems,
  officialCalendarYears,
  parseCalendarYear,
  type CalendarYear,
  type CalendarYearChanges,
  type CalendarYearRecord,
  type CalendarYearSource,
} from '../../core/calendar/index.js';
import { catalogueProblem, ValidationFailedError, type Problem } from '../../core/errors.js';
import type { AuditEvent } from '../../core/model/records.js';
import type { ConfigStore } from '../../ports/config-store/port.js';

export interface StoredCalendarYear {
  /** created: the year was not in the effective calendar; replaced: it was (from a file or stored earlier). */
  status: 'created' | 'replaced';
  /** What the year replaced, when it replaced one. */
  replaced: CalendarYearSource | null;
  record: CalendarYearRecord;
  changes: CalendarYearChanges;
  event: AuditEvent;
}

const MAX_REASON = 500;

/**
 * A region administrator adds or replaces one year of the working-day calendar. Every problem of
 * the data is reported at once (schema and calendar rules); `year`, when given (the URL's), must
 * be the data's. The stored year replaces the file's year of that number, and the change — with
 * the dates it adds and removes — is an event in the hash-chained audit trail.
 */
export async function putCalendarYear({ store, clock = systemClock, body, year, actor, reason = null, files = officialCalendarYears }: {
  store: ConfigStore;
  clock?: Clock;
  body: unknown;
  year?: number;
  actor: string;
  reason?: string | null;
  files?: readonly CalendarYear[];
}): Promise<StoredCalendarYear> {
  const problems: Problem[] = calendarYearInputProblems(body);
  const bodyYear = (body as { year?: unknown } | null)?.year;
  if (year !== undefined && Number.isInteger(bodyYear) && bodyYear !== year) {
    problems.push(catalogueProblem('/year', 'calendar.path-year', { key: 'services.calendar.pathYear', values: { bodyYear: String(bodyYear), year } }));
  }
  const why = reason === null ? null : reason.trim() || null;
  if (why !== null && why.length > MAX_REASON) problems.push(catalogueProblem('/reason', 'calendar.reason', { key: 'services.calendar.reasonTooLong', values: { max: MAX_REASON } }));
  if (problems.length > 0) throw new ValidationFailedError({ key: 'services.calendar.invalid', values: { year: String(year ?? bodyYear ?? ''), count: problems.length } }, problems);
  const calendar = parseCalendarYear(body);
  const now = clock().toISOString();
  const record: CalendarYearRecord = { year: calendar.year, calendar, storedAt: now, storedBy: actor, reason: why };
  const previous = await store.putCalendarYear(record);
  const file = files.find((f) => f.year === calendar.year) ?? null;
  const replaced: CalendarYearSource | null = previous ? 'stored' : file ? 'file' : null;
  const changes = calendarYearChanges(previous?.calendar ?? file, calendar);
  const event = await store.appendAudit({
    at: now, actor, action: 'calendar.year-stored', code: null, version: null, reason: why,
    details: { year: calendar.year, replaced, documentNumber: calendar.notice.documentNumber, changes: { ...changes } },
  });
  return { status: replaced ? 'replaced' : 'created', replaced, record, changes, event };
}
