import { acceptingEvent, caseDeadlines, latestSupplementDate, regionDate, type CaseEvent, type CaseState, type CaseTerms } from '../../core/cases/index.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import { compareIsoDates } from '../../core/codes/index.js';
import { CaseEventNotAllowedError, ValidationFailedError } from '../../core/errors.js';
import type { CaseEventRequest } from './case-event-input.js';

const names = (materials: readonly { name: string }[]) => materials.map((m) => `「${m.name}」`).join('、');

/** The latest deadline the window may record for a case accepted on commitment, and why. */
export function commitmentLimit(events: readonly CaseEvent[], terms: CaseTerms, calendar: WorkingCalendar, today: string): { date: string; calendarMissing?: number[] } | null {
  const accepting = acceptingEvent(events);
  if (!accepting) return null;
  const promisedDue = caseDeadlines(events, terms, calendar, today).find((stage) => stage.stage === 'decide')?.due ?? regionDate(accepting.at);
  return latestSupplementDate({ acceptedOn: regionDate(accepting.at), promisedDue, promisedTimeLimit: terms.promisedTimeLimit, terms: terms.deferredAcceptance, calendar });
}

/**
 * 容缺受理 checks on an event already allowed by the status: the deadline recorded with the
 * commitment lies between today and the latest the item allows (422); the materials handed in are
 * all the ones promised (422); and the department cannot approve before they have arrived (409).
 * Fills in what the event keeps: the materials, the consequence and whether they came late.
 */
export function checkCommitmentEvent({ caseNumber, request, state, events, terms, calendar, today }: {
  caseNumber: string;
  request: CaseEventRequest;
  state: CaseState;
  events: readonly CaseEvent[];
  terms: CaseTerms;
  calendar: WorkingCalendar;
  today: string;
}): void {
  const commitment = state.commitment;
  if (!commitment) return;
  if (request.type === 'commit') {
    const by = request.details.supplementBy as string;
    const latest = commitmentLimit(events, terms, calendar, today);
    if (compareIsoDates(by, today) < 0) {
      throw new ValidationFailedError('承诺补齐期限有误', [{ pointer: '/supplementBy', code: 'case.commitment.past', message: `补齐期限不能早于今天（${today}）` }]);
    }
    if (latest && compareIsoDates(by, latest.date) > 0) {
      const limit = terms.deferredAcceptance?.supplementLimit;
      const why = limit ? `容缺材料补齐时限 ${limit.value} 个${limit.unit.label}，且不超过承诺办理时限` : '不超过承诺办理时限';
      throw new ValidationFailedError('承诺补齐期限超过本事项允许的期限', [{ pointer: '/supplementBy', code: 'case.commitment.too-late', message: `补齐期限不能晚于 ${latest.date}（${why}）` }]);
    }
    request.details.materials = commitment.materials;
    if (terms.deferredAcceptance?.consequence) request.details.consequence = terms.deferredAcceptance.consequence;
  } else if (request.type === 'fulfil-commitment') {
    const handed = request.details.materials as string[];
    const unknown = handed.filter((id) => !commitment.materials.some((m) => m.id === id));
    const missing = commitment.materials.filter((m) => !handed.includes(m.id));
    const problems = [
      ...unknown.map((id) => ({ pointer: `/materials/${handed.indexOf(id)}`, code: 'case.commitment.unknown-material', message: `「${id}」不是本办件承诺补齐的容缺材料` })),
      ...(missing.length > 0 ? [{ pointer: '/materials', code: 'case.commitment.incomplete', message: `尚未补齐：${names(missing)}` }] : []),
    ];
    if (problems.length > 0) throw new ValidationFailedError('容缺材料未全部补齐', problems);
    request.details.late = commitment.supplementBy !== null && compareIsoDates(today, commitment.supplementBy) > 0;
  } else if (request.type === 'decide' && request.details.result === 'approved' && commitment.state !== 'fulfilled') {
    const consequence = terms.deferredAcceptance?.consequence;
    throw new CaseEventNotAllowedError(
      `办件 ${caseNumber} 为容缺受理，${names(commitment.materials)}尚未补齐，不能准予${consequence ? `；逾期未补齐的：${consequence}` : ''}`,
      { caseNumber, status: state.status, type: request.type, commitment },
    );
  }
}
