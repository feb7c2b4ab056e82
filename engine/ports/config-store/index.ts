export type { AuditPage, ConfigReader, ConfigStore, DraftPatch, NewDraft, Publication, SessionKeeper } from './port.js';
export { CONFIG_WRITE_METHODS } from './port.js';
export { sortDataListEntries } from './data-list-order.js';
