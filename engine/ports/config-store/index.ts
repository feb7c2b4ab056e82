export type { AuditPage, ConfigReader, ConfigStore, DraftPatch, NewDraft, Publication } from './port.js';
export { CONFIG_WRITE_METHODS } from './port.js';
