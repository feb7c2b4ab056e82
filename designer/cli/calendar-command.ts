import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { calendarCoverage, todayInRegion, type CalendarYearChanges } from '../../engine/core/index.js';
import { parseJsonText } from '../../engine/http-kit/index.js';
import { effectiveCalendar, putCalendarYear } from '../../engine/services/index.js';
import type { ConfigStore } from '../../engine/ports/index.js';
import { renderTable } from './table.js';

export const CALENDAR_USAGE = `  calendar put FILE [--reason TEXT]
      Add or replace one year of the working-day calendar from FILE (JSON as
      standards/calendar/calendar-year.schema.json); it replaces the file's year of that
      number. Every problem of the data is listed at once; the change is audited.
  calendar list
      The effective calendar: each year with its source (file, or stored: by whom, when),
      and the warning shown from 1 December when next year is not loaded.
`;

export interface CalendarIo {
  stdout: (text: string) => void;
  cwd: string;
  actor: string;
  withStore: <T>(work: (store: ConfigStore) => Promise<T>) => Promise<T>;
  usage: (message: string) => Error;
}

function describeChanges(c: CalendarYearChanges): string[] {
  const line = (label: string, values: string[]) => (values.length > 0 ? [`  ${label}: ${values.join(', ')}`] : []);
  return [
    ...line('notice fields changed', c.notice),
    ...line('holidays added', c.holidaysAdded), ...line('holidays removed', c.holidaysRemoved),
    ...line('days off added', c.daysOffAdded), ...line('days off removed', c.daysOffRemoved),
    ...line('make-up working days added', c.makeUpWorkdaysAdded), ...line('make-up working days removed', c.makeUpWorkdaysRemoved),
  ];
}

/** `calendar put|list`: the region administrator's working-day calendar from a terminal. */
export async function calendarCommand(args: string[], io: CalendarIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'put') {
    const { values, positionals } = parseArgs({ args: rest, options: { reason: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1) throw io.usage('calendar put takes exactly one FILE');
    const body = parseJsonText(readFileSync(resolve(io.cwd, positionals[0] as string), 'utf8').replace(/^\uFEFF/, ''));
    const stored = await io.withStore((store) => putCalendarYear({ store, body, actor: io.actor, reason: values.reason ?? null }));
    const what = stored.status === 'created' ? 'added' : `replaced the ${stored.replaced === 'file' ? 'year of standards/calendar' : 'year stored earlier'}`;
    io.stdout(`calendar ${stored.record.year} ${what} (audit event #${stored.event.seq})\n`);
    for (const line of describeChanges(stored.changes)) io.stdout(`${line}\n`);
    return 0;
  }
  if (sub === 'list') {
    if (rest.length > 0) throw io.usage('calendar list takes no arguments');
    const { years, coverage } = await io.withStore(async (store) => {
      const calendar = effectiveCalendar({ reader: store });
      return { years: await calendar.years(), coverage: calendarCoverage(todayInRegion(), await calendar.calendar()) };
    });
    io.stdout(renderTable(
      ['year', 'source', 'notice', 'holidays', 'stored at', 'stored by', 'reason'],
      years.map((y) => [String(y.year), y.source, y.calendar.notice.documentNumber, String(y.calendar.holidays.length), y.storedAt ?? '', y.storedBy ?? '', y.reason ?? '']),
    ) + '\n');
    if (coverage.warning) io.stdout(`warning: ${coverage.warning}\n`);
    return 0;
  }
  throw io.usage(`unknown calendar subcommand "${sub ?? ''}"`);
}
