/**
 * One error type per failure a caller can act on. The HTTP layers map `status` and `code`
 * straight into `{ error: { code, message, details } }`.
 */
import { uiText, type CatalogueKey } from './i18n/catalogue/catalogue.js';
import type { Language } from './vocabulary/index.js';

export interface Problem {
  /** JSON pointer (RFC 6901) into the document at fault, '' for the whole document. */
  pointer: string;
  /** Machine-readable reason, e.g. 'schema.required', 'rule.unknown-fact'. */
  code: string;
  message: string;
}

/**
 * A message from the UI catalogue, kept as its key and values so that an answer can be rendered in the
 * caller's language (Accept-Language); `message` holds its Chinese (the source) for logs and callers.
 */
export interface CatalogueMessage {
  key: CatalogueKey;
  values?: Record<string, string | number>;
}

/**
 * A problem whose message comes from the catalogue. The key rides along as a non-enumerable property: it
 * never appears in JSON (the answer's shape stays `{ pointer, code, message }`), but an error answer can
 * render the message in the caller's language. A copy made by spreading keeps the Chinese message.
 */
export function catalogueProblem(pointer: string, code: string, message: CatalogueMessage): Problem {
  const problem: Problem = { pointer, code, message: uiText(message.key, 'zh-CN', message.values) };
  Object.defineProperty(problem, 'catalogueMessage', { value: message, enumerable: false });
  return problem;
}

/** A problem's message in `language`, when it came from the catalogue; else as recorded. */
export function problemIn(problem: Problem, language: Language): Problem {
  const message = (problem as Problem & { catalogueMessage?: CatalogueMessage }).catalogueMessage;
  return message && language !== 'zh-CN' ? { ...problem, message: uiText(message.key, language, message.values) } : problem;
}

export abstract class TongbanError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly details: unknown;
  /** Set when the message came from the catalogue: what `messageIn` renders in another language. */
  readonly catalogueMessage: CatalogueMessage | null;
  constructor(message: string | CatalogueMessage, details?: unknown) {
    super(typeof message === 'string' ? message : uiText(message.key, 'zh-CN', message.values));
    this.name = new.target.name;
    this.details = details;
    this.catalogueMessage = typeof message === 'string' ? null : message;
  }

  /** The message in `language`: the catalogue's translation when it came from the catalogue, else as thrown. */
  messageIn(language: Language): string {
    return this.catalogueMessage ? uiText(this.catalogueMessage.key, language, this.catalogueMessage.values) : this.message;
  }
}

/** The input is well-formed JSON but breaks the item standard, a form or a rule. */
export class ValidationFailedError extends TongbanError {
  readonly status = 422;
  readonly code = 'validation_failed';
  constructor(message: string | CatalogueMessage, readonly problems: Problem[]) {
    super(message, { problems });
  }
}

/** The request itself is malformed (bad JSON, forbidden keys, wrong parameter type). */
export class BadRequestError extends TongbanError {
  readonly status = 400;
  readonly code: string;
  constructor(message: string | CatalogueMessage, details?: unknown, code = 'bad_request') {
    super(message, details);
    this.code = code;
  }
}

export class NotFoundError extends TongbanError {
  readonly status = 404;
  readonly code = 'not_found';
}

/** Someone else changed the thing first (stale revision, stale base version, duplicate version). */
export class ConflictError extends TongbanError {
  readonly status = 409;
  readonly code = 'conflict';
}

/** The lifecycle does not allow this step from the current state (e.g. publishing an unapproved draft). */
export class InvalidStateError extends TongbanError {
  readonly status = 409;
  readonly code = 'invalid_state';
}

/** Replacing a draft requires the revision the caller last saw. */
export class PreconditionRequiredError extends TongbanError {
  readonly status = 428;
  readonly code = 'precondition_required';
}

/** Examples of a draft fail, so it cannot move on. */
export class ExamplesFailedError extends TongbanError {
  readonly status = 422;
  readonly code = 'examples_failed';
}

/** The store is unreachable or refused the operation for a reason the caller cannot fix. */
export class StoreUnavailableError extends TongbanError {
  readonly status = 503;
  readonly code = 'store_unavailable';
}

/** A runtime was asked to serve a config whose content no longer matches its recorded hash. */
export class DriftDetectedError extends TongbanError {
  readonly status = 409;
  readonly code = 'drift_detected';
}

/** No credentials, or credentials that name nobody (unknown or revoked token). */
export class UnauthorizedError extends TongbanError {
  readonly status = 401;
  readonly code = 'unauthorized';
}

/** Authenticated, but this role or organisation may not do this. */
export class ForbiddenError extends TongbanError {
  readonly status = 403;
  readonly code = 'forbidden';
}

/** A case event that does not fit the case's current status: details name the status and the events allowed now. */
export class CaseEventNotAllowedError extends TongbanError {
  readonly status = 409;
  readonly code = 'case_event_not_allowed';
}

/** Another event was recorded on the case first (two windows acting at once): read the case again. */
export class CaseChangedError extends TongbanError {
  readonly status = 409;
  readonly code = 'case_changed';
}
