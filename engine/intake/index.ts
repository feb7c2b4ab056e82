/**
 * Intake records (办件): what a window accepted, with the server's decision, the exact version it
 * used, and the attachments handed in. The runtime's own writable store, apart from the configs.
 *
 * @module
 */
export type { Attachment, AttachmentMeta, BrowserMismatch, IntakeQuery, IntakeRecord, IntakeStore, NewAttachment, NewIntakeRecord } from './port.js';
export { caseNumberPrefix, CASE_NUMBER_PATTERN, isCaseNumber } from './case-number.js';
export { MAX_PAGE as MAX_INTAKE_PAGE, normalizeIntakeQuery, prepareAttachment, prepareIntakeRecord } from './records.js';
export { applicantOf, maskName, summarizeIntake, type ApplicantFields, type IntakeSummary } from './summary.js';
export { addWorkingDays, weekday } from './working-days.js';
export { intakeFile, openIntakeStore } from './open-intake-store.js';
