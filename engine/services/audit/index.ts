export { AuditTrailAuditor } from './audit-trail-auditor.js';
