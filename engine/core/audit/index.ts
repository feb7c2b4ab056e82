export { auditEventHash, chainAuditEvent, GENESIS_HASH, verifyAuditChain, type ChainVerification } from './audit-chain.js';
export {
  checkpointPolicy, checkpointStatement, checkpointTrusted, CHECKPOINT_STATEMENT_PURPOSE, DEFAULT_CHECKPOINT_INTERVAL, rollbackFrom, signCheckpoint,
  type AuditCheckpoint, type ChainHead, type CheckpointPolicy, type CheckpointTrigger, type RollbackFinding,
} from './checkpoint.js';
export { verifyAuditTrail, VERSION_EVENT_ACTIONS, type AuditIndexRow, type AuditProblem, type AuditTrailInput, type AuditTrailReport, type VersionRef } from './trail-verification.js';
