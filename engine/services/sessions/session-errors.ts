import { TongbanError } from '../../core/errors.js';

/** The browser's session has ended (expired, signed out, or its principal revoked): sign in again. */
export class SessionEndedError extends TongbanError {
  readonly status = 401;
  readonly code = 'session_ended';
}
