/**
 * Intake records (办件): what a window accepted, with the server's decision, the exact version it
 * used, and the attachments handed in. The runtime's own writable store, apart from the configs.
 *
 * @module
 */
export type { Attachment, AttachmentMeta, BrowserMismatch, IntakeQuery, IntakeRecord, IntakeStore, NewAttachment, NewIntakeRecord } from './port.js';
export { MAX_PAGE as MAX_INTAKE_PAGE, normalizeIntakeQuery, prepareAttachment, prepareIntakeRecord } from './records.js';
