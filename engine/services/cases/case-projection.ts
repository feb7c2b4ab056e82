import { caseDeadlines, caseState, nextDeadline, placesAfterSupplement, type CaseEvent, type CaseTerms } from '../../core/cases/index.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import type { CaseProjection, IntakeRecord } from '../../ports/intake-store/port.js';

export interface ApplicantIndex {
  applicantKey: string | null;
  applicantLabel: string | null;
}

/** What a case list filters on, from the events: recomputed at every append, never edited by hand. */
export function projectCase(
  record: Pick<IntakeRecord, 'receivingDivision' | 'handling'>,
  events: readonly CaseEvent[],
  terms: CaseTerms,
  calendar: WorkingCalendar,
  today: string,
  applicant: ApplicantIndex,
): CaseProjection {
  const state = caseState(events);
  const stages = caseDeadlines(events, terms, calendar, today);
  const next = nextDeadline(stages);
  // The 受理地 of record may be the centre where a 补正 completed the case.
  const receivingDivision = placesAfterSupplement({ receivingDivision: record.receivingDivision, handlingDivision: record.handling.division, department: record.handling.department }, events).receivingDivision;
  const holderDivision = state.holder === null ? null : state.holder === 'receiving' ? receivingDivision : record.handling.division;
  return {
    status: state.status, holderDivision, dueStage: next?.stage ?? null, dueDate: next?.due ?? null,
    promisedDue: stages.find((stage) => stage.stage === 'decide')?.due ?? null,
    applicantKey: applicant.applicantKey, applicantLabel: applicant.applicantLabel, updatedAt: state.updatedAt,
  };
}
