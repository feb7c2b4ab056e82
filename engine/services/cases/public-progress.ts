import { caseDeadlines, caseState, nextDeadline, type CaseTerms } from '../../core/cases/index.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import { findDivision } from '../../core/divisions/index.js';
import { NotFoundError } from '../../core/errors.js';
import { caseStages, caseStatuses, labelOf } from '../../core/vocabulary/index.js';
import type { CaseEvent } from '../../core/cases/index.js';
import type { IntakeRecord } from '../../ports/intake-store/port.js';
import { applicantOf, type ApplicantFields } from '../intakes/intake-summary.js';

/** What an applicant sees of their case without signing in: where it is and when it is due, nothing personal. */
export interface PublicProgress {
  caseNumber: string;
  itemName: string;
  status: string;
  statusLabel: string;
  stage: string | null;
  stageDue: string | null;
  promisedDue: string | null;
  handlingPlace: string;
  department: string;
  updatedAt: string;
  calendarMissing?: number[];
}

const SECOND_FACTOR_LENGTH = 4;

/** The message of an unknown case and of a wrong second factor, alike on purpose. */
export const unknownCase = (caseNumber: string): NotFoundError =>
  new NotFoundError({ key: 'services.cases.progress.unknownCase', values: { caseNumber } }, { caseNumber });

/**
 * Whether the applicant's second factor matches: the last 4 characters of the ID number, or of the
 * phone number when the form has no ID number. Compared in constant time over equal lengths.
 */
export function secondFactorMatches(record: Pick<IntakeRecord, 'formData'>, fields: ApplicantFields, factor: string): boolean {
  const applicant = applicantOf(record, fields);
  const held = (applicant.idNumber ?? applicant.phone ?? '').trim().toUpperCase();
  const given = factor.trim().toUpperCase();
  if (held.length < SECOND_FACTOR_LENGTH || given.length !== SECOND_FACTOR_LENGTH) return false;
  const tail = held.slice(-SECOND_FACTOR_LENGTH);
  let difference = 0;
  for (let i = 0; i < SECOND_FACTOR_LENGTH; i++) difference |= tail.charCodeAt(i) ^ given.charCodeAt(i);
  return difference === 0;
}

export function publicProgressOf({ record, events, terms, calendar, today }: {
  record: IntakeRecord;
  events: readonly CaseEvent[];
  terms: CaseTerms;
  calendar: WorkingCalendar;
  today: string;
}): PublicProgress {
  const state = caseState(events);
  const stages = caseDeadlines(events, terms, calendar, today);
  const next = nextDeadline(stages);
  const missing = [...new Set(stages.flatMap((stage) => stage.calendarMissing ?? []))].sort();
  return {
    caseNumber: record.caseNumber,
    itemName: record.item.name,
    status: state.status,
    statusLabel: labelOf(caseStatuses, state.status),
    stage: next ? labelOf(caseStages, next.stage) : null,
    stageDue: next?.due ?? null,
    promisedDue: stages.find((stage) => stage.stage === 'decide')?.due ?? null,
    handlingPlace: findDivision(record.handling.division)?.name ?? record.handling.division,
    department: record.handling.department,
    updatedAt: state.updatedAt,
    ...(missing.length ? { calendarMissing: missing } : {}),
  };
}
