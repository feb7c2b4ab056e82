export { CaseBook, actorOf, type CaseBookOptions } from './case-book.js';
export { describeCase, placeOf, type CaseStageView, type CaseTimelineEntry, type CaseView, type PlaceView } from './case-view.js';
export { caseQueryFor, listingScope, overdueReportCsv, toListEntry, type CaseListEntry, type CaseListRequest, type OverdueGroup } from './case-lists.js';
export { parseCaseEventRequest, type CaseEventRequest } from './case-event-input.js';
export { caseTermsOf } from './case-terms.js';
export { applicantKey } from './applicant-key.js';
export { secondFactorMatches, type PublicProgress } from './public-progress.js';
export { CaseVerifier, type CaseProblem, type CaseVerificationReport } from './case-verification.js';
