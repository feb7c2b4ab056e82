import { compareIsoDates, todayInRegion } from '../codes/index.js';
import type { CalendarDateResult, WorkingCalendar } from '../calendar/index.js';
import type { DeferredAcceptance, TimeLimit } from '../config/types.js';
import type { CaseStage } from '../vocabulary/index.js';
import type { CaseEvent } from './case-event.js';
import { acceptingEvent, termsAfterSupplement } from './case-supplement.js';

/** What the item's standard says about time, fixed when the case is opened. */
export interface CaseTerms {
  /** 承诺办理时限, counted from the acceptance date. */
  promisedTimeLimit: TimeLimit;
  /** The paper originals the 受理地 keeps and mails to the 办理地 (names), empty when none. */
  keptOriginals: string[];
  /** 审批结果名称, named on the department's decision. */
  resultName: string;
  /** 容缺受理 terms of the item (the 清单's consequence, basis and 补齐时限), when it allows it. */
  deferredAcceptance?: DeferredAcceptance;
}

/** One time-limited stage of a case: when it opened, when it is due, whether it was done in time. */
export interface CaseStageDeadline {
  stage: CaseStage;
  /** The date (Asia/Shanghai) the stage started. */
  opensOn: string;
  /** The last day (inclusive) to complete it. */
  due: string;
  /** When it was done (ISO time), or null while open. */
  doneAt: string | null;
  /** Closed because the case was voided before the stage was done. */
  cancelled: boolean;
  overdue: boolean;
  calendarMissing?: number[];
}

/** The region's date of an event time. */
export const regionDate = (at: string): string => todayInRegion(new Date(at));

/**
 * Working days the flow itself takes when the case is handled elsewhere (收受分离): 1 for the 受理地
 * to push it, 1 for the 办理地 to push it to the department. The department's 承诺办理时限 runs
 * after them, so an 即办件 accepted at another centre is not overdue before it has arrived.
 */
export const TRANSIT_WORKING_DAYS = 2;

/**
 * The last day of the 承诺办理时限 from the acceptance time; 0 (即办) is the acceptance day itself.
 * `transitWorkingDays` moves the start past the flow's own time limits.
 */
export function promisedDueDate(acceptedAt: string, limit: TimeLimit, calendar: WorkingCalendar, transitWorkingDays = 0): CalendarDateResult {
  const value = Math.max(0, Math.ceil(limit.value));
  const accepted = limit.unit.code === 'H' ? regionDate(new Date(Date.parse(acceptedAt) + value * 3_600_000).toISOString()) : regionDate(acceptedAt);
  const transit = transitWorkingDays > 0 ? calendar.addWorkingDays(accepted, transitWorkingDays) : { date: accepted };
  const from = transit.date;
  const counted = (() => {
    switch (limit.unit.code) {
      case 'CD': return calendar.addNaturalDays(from, value);
      case 'M': return calendar.addMonths(from, value);
      case 'H': return { date: from };
      default: return value === 0 ? { date: from } : calendar.addWorkingDays(from, value);
    }
  })();
  const missing = [...new Set([...(transit.calendarMissing ?? []), ...(counted.calendarMissing ?? [])])].sort();
  return missing.length > 0 ? { date: counted.date, calendarMissing: missing } : { date: counted.date };
}

/**
 * Every time-limited stage of a case, in the order they opened, from its events. A returned case
 * opens its stage again from the day it came back.
 */
export function caseDeadlines(events: readonly CaseEvent[], terms: CaseTerms, calendar: WorkingCalendar, today: string): CaseStageDeadline[] {
  const stages: CaseStageDeadline[] = [];
  const open = (stage: CaseStage, at: string, due: CalendarDateResult) =>
    stages.push({ stage, opensOn: regionDate(at), due: due.date, doneAt: null, cancelled: false, overdue: false, ...(due.calendarMissing ? { calendarMissing: due.calendarMissing } : {}) });
  const close = (stage: CaseStage, at: string, cancelled = false) => {
    for (const entry of stages) if (entry.stage === stage && entry.doneAt === null) Object.assign(entry, { doneAt: at, cancelled });
  };
  const inWorkingDays = (at: string, n: number) => calendar.addWorkingDays(regionDate(at), n);
  // The flow starts at the opening that accepted, or at the 补正 that did (then its terms apply).
  const first = acceptingEvent(events);
  if (!first) return stages;
  const flowTerms = termsAfterSupplement(terms, events);
  const samePlace = first.details.samePlace === true;
  // 视为受理 (a late 补正 notice): the 承诺办理时限 runs from the day the materials were received.
  const acceptedFrom = typeof first.details.deemedAcceptedFrom === 'string' ? first.details.deemedAcceptedFrom : first.at;
  open(samePlace ? 'forward' : 'dispatch', first.at, inWorkingDays(first.at, 1));
  if (!samePlace && flowTerms.keptOriginals.length > 0) open('mail-originals', first.at, inWorkingDays(first.at, 2));
  open('decide', first.at, promisedDueDate(acceptedFrom, flowTerms.promisedTimeLimit, calendar, samePlace ? 0 : TRANSIT_WORKING_DAYS));
  let holderBeforeReturn: CaseEvent['type'] | null = null;
  for (const event of events.slice(events.indexOf(first) + 1)) {
    switch (event.type) {
      case 'dispatch':
        close('dispatch', event.at);
        if (typeof event.details.trackingNumber === 'string') close('mail-originals', event.at);
        open('forward', event.at, inWorkingDays(event.at, 1));
        break;
      case 'forward': close('forward', event.at); break;
      // 容缺受理: the applicant's deadline for the materials that may follow. The department cannot
      // be due to decide before they may arrive (an 即办件 accepted on commitment).
      case 'commit':
        if (typeof event.details.supplementBy === 'string') {
          open('commitment', event.at, { date: event.details.supplementBy });
          const supplementBy = event.details.supplementBy;
          for (const entry of stages) if (entry.stage === 'decide' && entry.doneAt === null && compareIsoDates(entry.due, supplementBy) < 0) entry.due = supplementBy;
        }
        break;
      case 'fulfil-commitment': close('commitment', event.at); break;
      case 'decide':
        close('decide', event.at);
        open('deliver', event.at, inWorkingDays(event.at, 1));
        break;
      case 'deliver': close('deliver', event.at); break;
      case 'return':
        // Back to the 受理地 it must be sent on again; back to the 办理地 it must be forwarded again.
        close('forward', event.at, true);
        open(holderBeforeReturn === 'forward' ? 'forward' : samePlace ? 'forward' : 'dispatch', event.at, inWorkingDays(event.at, 1));
        break;
      case 'void': for (const entry of stages) if (entry.doneAt === null) Object.assign(entry, { doneAt: event.at, cancelled: true }); break;
      default: break;
    }
    if (event.type === 'forward' || event.type === 'dispatch' || event.type === 'receive') holderBeforeReturn = event.type;
  }
  for (const entry of stages) {
    const doneOn = entry.doneAt === null ? null : regionDate(entry.doneAt);
    // Done after its last day, or still open after it.
    entry.overdue = !entry.cancelled && compareIsoDates(doneOn ?? today, entry.due) > 0;
  }
  return stages;
}

/** The open stage due first: what a work queue sorts and filters on. */
export function nextDeadline(stages: readonly CaseStageDeadline[]): CaseStageDeadline | null {
  let next: CaseStageDeadline | null = null;
  for (const entry of stages) if (entry.doneAt === null && (next === null || compareIsoDates(entry.due, next.due) < 0)) next = entry;
  return next;
}
