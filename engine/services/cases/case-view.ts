import {
  allowedCaseEvents, caseDeadlines, caseState, nextDeadline, principalPlaces, placesFor, verifyCaseEvents,
  acceptingEvent, placesAfterSupplement, supplementNoticeTiming, termsAfterSupplement, type SupplementNoticeTiming,
  type CaseActorPlace, type CaseEvent, type CasePlaces, type CaseStageDeadline, type CaseState, type CaseTerms,
} from '../../core/cases/index.js';
import type { ChainVerification } from '../../core/audit/index.js';
import type { CaseCommitment } from '../../core/cases/index.js';
import { compareIsoDates } from '../../core/codes/index.js';
import { commitmentLimit } from './commitment-checks.js';
import type { WorkingCalendar } from '../../core/calendar/index.js';
import type { Principal } from '../../core/access/principal.js';
import { findDivision } from '../../core/divisions/index.js';
import { caseEventTypes, caseStages, caseStatuses, labelOf, outcomes, type CaseEventType } from '../../core/vocabulary/index.js';
import type { IntakeRecord } from '../../ports/intake-store/port.js';
import { recordOnEvents } from './case-supplement.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';

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
  /** 容缺受理: the applicant's commitment, the latest deadline allowed and what missing it means. */
  commitment: CommitmentView | null;
  integrity: ChainVerification;
  calendarMissing?: number[];
  /** 补正: for a case answered 需补正 at intake, what is missing now and the agency's 5-day limit (视为受理 when missed). */
  supplement?: CaseSupplementView;
}

export interface CaseSupplementView extends SupplementNoticeTiming {
  /** What is missing now (the last decision's list). */
  missingMaterials: { id: string; name: string; deferrable: boolean }[];
  /** The materials on record, with their names where the decisions name them. */
  materials: { id: string; name: string }[];
  /** The corrections the last decision asks for (form fields and rule messages). */
  corrections: string[];
}

export interface CommitmentView extends CaseCommitment {
  stateLabel: string;
  /** The latest deadline the window may record (the item's 补齐时限, within the 承诺办理时限). */
  latestSupplementBy: string | null;
  /** The deadline passed and the materials have not all arrived. */
  overdue: boolean;
  /** The standard's consequence of missing the deadline, e.g. 终止办理. */
  consequence: string | null;
  basis: string | null;
}

const COMMITMENT_STATE_LABELS = {
  awaiting: 'services.cases.commitmentState.awaiting', pending: 'services.cases.commitmentState.pending', fulfilled: 'services.cases.commitmentState.fulfilled',
} as const satisfies Record<CaseCommitment['state'], string>;

function commitmentView(commitment: CaseCommitment | null, events: readonly CaseEvent[], terms: CaseTerms, calendar: WorkingCalendar, today: string): CommitmentView | null {
  if (!commitment) return null;
  const overdue = commitment.state === 'pending' && commitment.supplementBy !== null && compareIsoDates(today, commitment.supplementBy) > 0;
  return {
    ...commitment, stateLabel: uiText(overdue ? 'services.cases.commitmentState.overdue' : COMMITMENT_STATE_LABELS[commitment.state]),
    latestSupplementBy: commitmentLimit(events, terms, calendar, today)?.date ?? null, overdue,
    consequence: terms.deferredAcceptance?.consequence ?? null, basis: terms.deferredAcceptance?.basis ?? null,
  };
}

export const placeOf = (division: string): PlaceView => ({ division, name: findDivision(division)?.name ?? division });

/** The case's places; with its events, the 受理地 of record is the window that accepted it (it may be the supplementing centre). */
export const casePlaces = (record: Pick<IntakeRecord, 'receivingDivision' | 'handling'>, events: readonly CaseEvent[] = []): CasePlaces => placesAfterSupplement({
  receivingDivision: record.receivingDivision, handlingDivision: record.handling.division, department: record.handling.department,
}, events);

const withLabel = (stage: CaseStageDeadline): CaseStageView => ({ ...stage, label: labelOf(caseStages, stage.stage) });

export function describeCase({ record, events, terms, calendar, today, principal }: {
  record: IntakeRecord;
  events: readonly CaseEvent[];
  terms: CaseTerms;
  calendar: WorkingCalendar;
  today: string;
  principal?: Pick<Principal, 'role' | 'division' | 'department'> | undefined;
}): CaseView {
  const places = casePlaces(record, events);
  terms = termsAfterSupplement(terms, events);
  const state = caseState(events);
  const stages = caseDeadlines(events, terms, calendar, today).map(withLabel);
  const next = nextDeadline(stages);
  const allowed = allowedCaseEvents(state, places);
  const mine = principal ? principalPlaces(principal, places) : [];
  const holderDivision = state.holder === null ? null : state.holder === 'receiving' ? places.receivingDivision : record.handling.division;
  const onRecord = recordOnEvents(record, events);
  const accepting = acceptingEvent(events);
  const timing = supplementNoticeTiming(events, calendar, today);
  const missing = [...new Set(stages.flatMap((stage) => stage.calendarMissing ?? []))].sort();
  return {
    caseNumber: record.caseNumber,
    status: state.status,
    statusLabel: labelOf(caseStatuses, state.status),
    item: record.item,
    acceptance: { outcome: onRecord.decision.outcome, outcomeLabel: labelOf(outcomes, onRecord.decision.outcome), at: accepting?.at ?? events[0]?.at ?? record.createdAt },
    receiving: placeOf(places.receivingDivision),
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
    commitment: commitmentView(state.commitment, events, terms, calendar, today),
    timeline: events.map((event) => ({ ...withoutFormValues(event), typeLabel: labelOf(caseEventTypes, event.type), divisionName: findDivision(event.division)?.name ?? event.division })),
    integrity: verifyCaseEvents(record.caseNumber, events),
    ...(missing.length > 0 ? { calendarMissing: missing } : {}),
    ...(timing ? { supplement: supplementView(onRecord, timing) } : {}),
  };
}

/** A timeline shows which form fields a 补正 corrected, never their values (the timeline is seen by every party). */
function withoutFormValues(event: CaseEvent): CaseEvent {
  const formData = event.details.formData;
  if (event.type !== 'supplement' || formData === null || typeof formData !== 'object') return event;
  const { formData: _values, ...details } = event.details;
  return { ...event, details: { ...details, formFields: Object.keys(formData) } };
}

function supplementView(onRecord: IntakeRecord, timing: SupplementNoticeTiming): CaseSupplementView {
  const d = onRecord.decision;
  const names = new Map<string, string>([...d.requiredMaterials, ...d.missingMaterials].map((m) => [m.id, m.name]));
  return {
    ...timing,
    missingMaterials: d.missingMaterials.map((m) => ({ id: m.id, name: m.name, deferrable: m.deferrable })),
    materials: onRecord.materials.map((id) => ({ id, name: names.get(id) ?? id })),
    corrections: [...d.fieldErrors.map((e) => e.message), ...d.reasons.filter((r) => r.type === 'supplement' || r.type === 'undecided').map((r) => r.message)],
  };
}
