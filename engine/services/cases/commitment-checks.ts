import { acceptingEvent, caseDeadlines, latestSupplementDate, regionDate, type CaseEvent, type CaseState, type CaseTerms } from '../../core/cases/index.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import { compareIsoDates } from '../../core/codes/index.js';
import { CaseEventNotAllowedError, catalogueProblem, ValidationFailedError } from '../../core/errors.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
import type { CaseEventRequest } from './case-event-input.js';

const names = (materials: readonly { name: string }[]) => materials.map((m) => uiText('services.cases.commitment.materialName', 'zh-CN', { name: m.name })).join(uiText('server.listSeparator'));

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
      throw new ValidationFailedError({ key: 'services.cases.commitment.invalidDate' }, [
        catalogueProblem('/supplementBy', 'case.commitment.past', { key: 'services.cases.commitment.past', values: { today } }),
      ]);
    }
    if (latest && compareIsoDates(by, latest.date) > 0) {
      const limit = terms.deferredAcceptance?.supplementLimit;
      const why = limit
        ? uiText('services.cases.commitment.limitWhy', 'zh-CN', { value: limit.value, unit: limit.unit.label })
        : uiText('services.cases.commitment.promisedLimit');
      throw new ValidationFailedError({ key: 'services.cases.commitment.beyondLimit' }, [
        catalogueProblem('/supplementBy', 'case.commitment.too-late', { key: 'services.cases.commitment.tooLate', values: { date: latest.date, why } }),
      ]);
    }
    request.details.materials = commitment.materials;
    if (terms.deferredAcceptance?.consequence) request.details.consequence = terms.deferredAcceptance.consequence;
  } else if (request.type === 'fulfil-commitment') {
    const handed = request.details.materials as string[];
    const unknown = handed.filter((id) => !commitment.materials.some((m) => m.id === id));
    const missing = commitment.materials.filter((m) => !handed.includes(m.id));
    const problems = [
      ...unknown.map((id) => catalogueProblem(`/materials/${handed.indexOf(id)}`, 'case.commitment.unknown-material', { key: 'services.cases.commitment.unknownMaterial', values: { id } })),
      ...(missing.length > 0 ? [catalogueProblem('/materials', 'case.commitment.incomplete', { key: 'services.cases.commitment.missing', values: { materials: names(missing) } })] : []),
    ];
    if (problems.length > 0) throw new ValidationFailedError({ key: 'services.cases.commitment.incomplete' }, problems);
    request.details.late = commitment.supplementBy !== null && compareIsoDates(today, commitment.supplementBy) > 0;
  } else if (request.type === 'decide' && request.details.result === 'approved' && commitment.state !== 'fulfilled') {
    const consequence = terms.deferredAcceptance?.consequence;
    throw new CaseEventNotAllowedError(
      {
        key: 'services.cases.commitment.notFulfilled',
        values: { caseNumber, materials: names(commitment.materials), consequence: consequence ? uiText('services.cases.commitment.consequence', 'zh-CN', { consequence }) : '' },
      },
      { caseNumber, status: state.status, type: request.type, commitment },
    );
  }
}
