export type { ConfigReader, ConfigStore, DraftPatch, NewDraft } from './port.js';
export { CONFIG_WRITE_METHODS } from './port.js';
export type * from './records.js';
export { auditEventHash, chainAuditEvent, GENESIS_HASH, verifyAuditChain, type ChainVerification } from './audit-chain.js';
