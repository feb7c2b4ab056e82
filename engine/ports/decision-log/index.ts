/**
 * The decision log: every decision a runtime makes, with the exact version and hash it used,
 * append-only and separate from the config store. Serves the auditor's replay and the reviewer's
 * impact view.
 *
 * @module
 */
export type { DecisionLogReader, DecisionLogWriter, DecisionMaker, DecisionQuery, DecisionRecord, NewDecisionRecord, RecordedInput } from './port.js';
export { DECISION_LOG_WRITE_METHODS } from './port.js';
export { decisionIdGenerator, isDecisionId, newDecisionId } from './ids.js';
export { pooledRandomBytes } from './random-pool.js';
export { MAX_PAGE as MAX_DECISION_PAGE, normalizeDecisionQuery, prepareDecisionRecord, decisionBodyJson, recordFromBody, type DecisionBody, type NormalizedQuery } from './records.js';
