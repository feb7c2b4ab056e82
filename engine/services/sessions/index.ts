export { DEFAULT_SESSION_HOURS, Sessions, type OpenedSession, type SessionOptions } from './sessions.js';
export { SessionEndedError } from './session-errors.js';
export { generateSessionId, isWellFormedSessionId, sessionIdHash } from './session-id.js';
