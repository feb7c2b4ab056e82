export { defineVocabulary, labelOf, labelTable, isCodeOf, type Labels, type Language, type Vocabulary } from './vocabulary.js';
export { OUTCOMES, outcomes, isOutcome, type Outcome } from './outcomes.js';
export { RULE_EVENT_TYPES, ruleEventTypes, isRuleEventType, type RuleEventType } from './rule-event-types.js';
export { ROLES, roles, isRole, type Role } from './roles.js';
export { DRAFT_STATUSES, draftStatuses, isDraftStatus, type DraftStatus } from './draft-statuses.js';
export { LEGAL_CHANGE_KINDS, legalChangeKinds, isLegalChangeKind, type LegalChangeKind } from './legal-change-kinds.js';
export { DOCUMENT_KINDS, DOCUMENT_OUTCOMES, documentKinds, documentKindFor, documentKindsFor, isDocumentKind, type DocumentKind } from './document-kinds.js';
export { CHANNELS, channels, channelPlaces, isChannel, type Channel } from './channels.js';
export { ITEM_CODE, ITEM_CODE_HINT, ITEM_CODE_PATTERN, isItemCode } from './item-code.js';
export { CASE_STATUSES, caseStatuses, FINAL_CASE_STATUSES, isCaseStatus, type CaseStatus } from './case-statuses.js';
export {
  CASE_EVENT_TYPES, caseEventTypes, isCaseEventType, type CaseEventType,
  DECISION_RESULTS, decisionResults, isDecisionResult, type DecisionResult,
  DELIVERY_METHODS, deliveryMethods, isDeliveryMethod, type DeliveryMethod,
  SUPPLEMENT_VERSIONS, supplementVersions, isSupplementVersion, type SupplementVersion,
} from './case-event-types.js';
export { CONTEXT_FACTS, contextFacts, isContextFact, type ContextFact } from './context-facts.js';
export { CASE_STAGES, caseStages, isCaseStage, type CaseStage } from './case-stages.js';
export { DATA_LIST_KINDS, dataListKinds, isDataListKind, COMMITMENT_STATUSES, commitmentStatuses, isCommitmentStatus, REPORT_PERIODS, reportPeriods, isReportPeriod, type DataListKind, type CommitmentStatus, type ReportPeriod } from './data-lists.js';
