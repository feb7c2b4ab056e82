/**
 * Intake records (办件): what a window accepted, with the server's decision, the exact version it
 * used, and the attachments handed in; and the case each opens, as an append-only list of events.
 * The runtime's own writable store, apart from the configs.
 *
 * @module
 */
export type {
  Attachment, AttachmentMeta, BrowserMismatch, CaseOpening, CaseProjection, CaseQuery, CaseRow, IntakeQuery, IntakeRecord, IntakeStore, NewAttachment, NewIntakeRecord,
} from './port.js';
export { divisionPrefix, MAX_PAGE as MAX_INTAKE_PAGE, normalizeCaseQuery, normalizeIntakeQuery, prepareAttachment, prepareIntakeRecord, type NormalizedCaseQuery } from './records.js';
