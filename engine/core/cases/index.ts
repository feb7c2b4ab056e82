export { caseNumberPrefix, CASE_NUMBER_PATTERN, formatCaseNumber, isCaseNumber, MAX_SEQUENCE, nextSequence } from './case-number.js';
export { caseEventHash, chainCaseEvent, verifyCaseEvents, type CaseActor, type CaseEvent, type NewCaseEvent } from './case-event.js';
export { allowedCaseEvents, caseState, samePlace, type CaseDepartmentDecision, type CaseHolder, type CasePlaces, type CaseState } from './case-state.js';
export { placeMissing, placesFor, principalPlaces, type CaseActorPlace } from './case-permissions.js';
export { caseDeadlines, nextDeadline, promisedDueDate, regionDate, TRANSIT_WORKING_DAYS, type CaseStageDeadline, type CaseTerms } from './case-deadlines.js';
export { keptPaperOriginals } from './kept-originals.js';
export { localDepartmentName } from './local-department.js';
export {
  acceptingEvent, decisionOnRecord, formDataOnRecord, materialsOnRecord, placesAfterSupplement, startsFlow, supplementNoticeTiming, termsAfterSupplement,
  SUPPLEMENT_NOTICE_WORKING_DAYS, type SupplementDecision, type SupplementDetails, type SupplementNoticeTiming,
} from './case-supplement.js';
export { caseCommitment, latestSupplementDate, withCommitmentEvents, type CaseCommitment } from './case-commitment.js';
