import {
  allowedCaseEvents, caseDeadlines, caseState, nextDeadline, principalPlaces, placesFor, verifyCaseEvents,
  type CaseActorPlace, type CaseEvent, type CasePlaces, type CaseStageDeadline, type CaseState, type CaseTerms,
} from '../../core/cases/index.js';
import type { ChainVerification } from '../../core/audit/index.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import type { Principal } from '../../core/access/principal.js';
import { findDivision } from '../../core/divisions/index.js';
import { caseEventTypes, caseStages, caseStatuses, labelOf, outcomes, type CaseEventType } from '../../core/vocabulary/index.js';
import type { IntakeRecord } from '../../ports/intake-store/port.js';

export interface PlaceView {
  division: string;
  name: string;
}

export interface CaseTimelineEntry extends CaseEvent {
  typeLabel: string;
  divisionName: string;
}

export interface CaseStageView extends CaseStageDeadline {
  label: string;
}

/** A case as a window, a department or a supervisor sees it. */
export interface CaseView {
  caseNumber: string;
  status: CaseState['status'];
  statusLabel: string;
  item: IntakeRecord['item'];
  acceptance: { outcome: IntakeRecord['decision']['outcome']; outcomeLabel: string; at: string };
  receiving: PlaceView;
  handling: PlaceView & { department: string };
  /** Who must act next. */
  holder: (PlaceView & { place: CaseActorPlace }) | null;
  returnedFrom: CaseState['returnedFrom'];
  departmentDecision: CaseState['decision'];
  delivery: CaseState['delivery'];
  promisedTimeLimit: CaseTerms['promisedTimeLimit'];
  promisedDue: string | null;
  keptOriginals: string[];
  stages: CaseStageView[];
  /** The open stage due first. */
  nextDue: CaseStageView | null;
  overdue: boolean;
  /** The events the current status allows, and those of them this principal may record. */
  allowedEvents: CaseEventType[];
  yourEvents: CaseEventType[];
  timeline: CaseTimelineEntry[];
  integrity: ChainVerification;
  calendarMissing?: number[];
}

export const placeOf = (division: string): PlaceView => ({ division, name: findDivision(division)?.name ?? division });

export const casePlaces = (record: Pick<IntakeRecord, 'receivingDivision' | 'handling'>): CasePlaces => ({
  receivingDivision: record.receivingDivision, handlingDivision: record.handling.division, department: record.handling.department,
});

const withLabel = (stage: CaseStageDeadline): CaseStageView => ({ ...stage, label: labelOf(caseStages, stage.stage) });

export function describeCase({ record, events, terms, calendar, today, principal }: {
  record: IntakeRecord;
  events: readonly CaseEvent[];
  terms: CaseTerms;
  calendar: WorkingCalendar;
  today: string;
  principal?: Pick<Principal, 'role' | 'division' | 'department'> | undefined;
}): CaseView {
  const places = casePlaces(record);
  const state = caseState(events);
  const stages = caseDeadlines(events, terms, calendar, today).map(withLabel);
  const next = nextDeadline(stages);
  const allowed = allowedCaseEvents(state, places);
  const mine = principal ? principalPlaces(principal, places) : [];
  const holderDivision = state.holder === null ? null : state.holder === 'receiving' ? record.receivingDivision : record.handling.division;
  const missing = [...new Set(stages.flatMap((stage) => stage.calendarMissing ?? []))].sort();
  return {
    caseNumber: record.caseNumber,
    status: state.status,
    statusLabel: labelOf(caseStatuses, state.status),
    item: record.item,
    acceptance: { outcome: record.decision.outcome, outcomeLabel: labelOf(outcomes, record.decision.outcome), at: events[0]?.at ?? record.createdAt },
    receiving: placeOf(record.receivingDivision),
    handling: { ...placeOf(record.handling.division), department: record.handling.department },
    holder: holderDivision === null || state.holder === null ? null : { ...placeOf(holderDivision), place: state.holder },
    returnedFrom: state.returnedFrom,
    departmentDecision: state.decision,
    delivery: state.delivery,
    promisedTimeLimit: terms.promisedTimeLimit,
    promisedDue: stages.find((stage) => stage.stage === 'decide')?.due ?? null,
    keptOriginals: terms.keptOriginals,
    stages,
    nextDue: next ? withLabel(next) : null,
    overdue: stages.some((stage) => stage.overdue && stage.doneAt === null),
    allowedEvents: allowed,
    yourEvents: allowed.filter((type) => placesFor(type, state).some((place) => mine.includes(place))),
    timeline: events.map((event) => ({ ...event, typeLabel: labelOf(caseEventTypes, event.type), divisionName: findDivision(event.division)?.name ?? event.division })),
    integrity: verifyCaseEvents(record.caseNumber, events),
    ...(missing.length > 0 ? { calendarMissing: missing } : {}),
  };
}
