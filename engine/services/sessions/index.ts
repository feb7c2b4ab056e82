export { DEFAULT_SESSION_HOURS, SESSION_PURGE_INTERVAL_MS, Sessions, type OpenedSession, type SessionOptions } from './sessions.js';
export { SessionEndedError } from './session-errors.js';
export { generateSessionId, isWellFormedSessionId, sessionIdHash } from './session-id.js';
