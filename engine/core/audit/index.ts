export { auditEventHash, chainAuditEvent, GENESIS_HASH, verifyAuditChain, type ChainVerification } from './audit-chain.js';
