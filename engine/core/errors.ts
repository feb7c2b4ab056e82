/**
 * One error type per failure a caller can act on. The HTTP layers map `status` and `code`
 * straight into `{ error: { code, message, details } }`.
 */
import { uiText, type CatalogueKey } from './i18n/catalogue/catalogue.js';
import type { Language } from './vocabulary/index.js';
import { labelOf, type Vocabulary } from './vocabulary/vocabulary.js';

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
 * Plain data (safe to store or send); a message whose values are written in the reader's language is a
 * `ComposedMessage`, which every typed error and `catalogueProblem` also take.
 */
export interface CatalogueMessage {
  key: CatalogueKey;
  values?: Record<string, string | number>;
}

/**
 * A value of a catalogue sentence: plain (a code, a number, a name — the same in every language), or
 * text that is itself written in the reader's language (a vocabulary label, a catalogue phrase, a list
 * joined by the language's separator): then a function of the language, made with `labelValue`,
 * `textValue` or `listValue`. Such values live only in the message; an answer carries the rendered text.
 */
export type CatalogueValue = string | number | InLanguage;

/** Text written in the reader's language: what `labelValue`, `textValue` and `listValue` make. */
export type InLanguage = (language: Language) => string;

/** A catalogue message whose values may be written in the reader's language (see `CatalogueValue`). */
export interface ComposedMessage {
  key: CatalogueKey;
  values?: Record<string, CatalogueValue>;
}

/** A value written in `language`. */
export function valueIn(value: CatalogueValue, language: Language): string | number {
  return typeof value === 'function' ? value(language) : value;
}

/** The catalogue message in `language` (Chinese by default), each of its values written in it too. */
export function catalogueText(message: ComposedMessage, language: Language = 'zh-CN'): string {
  const values = Object.fromEntries(Object.entries(message.values ?? {}).map(([name, value]) => [name, valueIn(value, language)]));
  return uiText(message.key, language, values);
}

/** A vocabulary's label as a value: `labelValue(draftStatuses, 'submitted')` is 待审核 in Chinese. */
export function labelValue<Code extends string>(vocabulary: Vocabulary<Code>, code: Code): InLanguage {
  return (language) => labelOf(vocabulary, code, language);
}

/** A catalogue text (a phrase, or a sentence with values of its own) as a value of another message. */
export function textValue(key: CatalogueKey, values?: Record<string, CatalogueValue>): InLanguage {
  return (language) => catalogueText(values ? { key, values } : { key }, language);
}

/**
 * A list as a value, its items joined by the language's separator: `server.listSeparator` (、 in Chinese)
 * unless another is named (e.g. `server.notice.clauseSeparator`, ；, between whole clauses).
 */
export function listValue(items: readonly CatalogueValue[], separator: CatalogueKey = 'server.listSeparator'): InLanguage {
  return (language) => items.map((item) => valueIn(item, language)).join(uiText(separator, language));
}

/**
 * A problem whose message comes from the catalogue. The key rides along as a non-enumerable property: it
 * never appears in JSON (the answer's shape stays `{ pointer, code, message }`), but an error answer can
 * render the message in the caller's language. A copy made by spreading keeps the Chinese message.
 */
export function catalogueProblem(pointer: string, code: string, message: ComposedMessage): Problem {
  const problem: Problem = { pointer, code, message: catalogueText(message) };
  Object.defineProperty(problem, 'catalogueMessage', { value: message, enumerable: false });
  return problem;
}

/** A problem's message in `language`, when it came from the catalogue; else as recorded. */
export function problemIn(problem: Problem, language: Language): Problem {
  const message = (problem as Problem & { catalogueMessage?: ComposedMessage }).catalogueMessage;
  return message && language !== 'zh-CN' ? { ...problem, message: catalogueText(message, language) } : problem;
}

export abstract class TongbanError extends Error {
  abstract readonly status: number;
  abstract readonly code: string;
  readonly details: unknown;
  /**
   * Set when the message came from the catalogue: what `messageIn` renders in another language. Not
   * enumerable: its values may be functions of the language, which have no place in a log or an answer.
   */
  declare readonly catalogueMessage: ComposedMessage | null;
  constructor(message: string | ComposedMessage, details?: unknown) {
    super(typeof message === 'string' ? message : catalogueText(message));
    this.name = new.target.name;
    this.details = details;
    Object.defineProperty(this, 'catalogueMessage', { value: typeof message === 'string' ? null : message, enumerable: false });
  }

  /** The message in `language`: the catalogue's translation when it came from the catalogue, else as thrown. */
  messageIn(language: Language): string {
    return this.catalogueMessage ? catalogueText(this.catalogueMessage, language) : this.message;
  }
}

/** The input is well-formed JSON but breaks the item standard, a form or a rule. */
export class ValidationFailedError extends TongbanError {
  readonly status = 422;
  readonly code = 'validation_failed';
  constructor(message: string | ComposedMessage, readonly problems: Problem[]) {
    super(message, { problems });
  }
}

/** The request itself is malformed (bad JSON, forbidden keys, wrong parameter type). */
export class BadRequestError extends TongbanError {
  readonly status = 400;
  readonly code: string;
  constructor(message: string | ComposedMessage, details?: unknown, code = 'bad_request') {
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
