import { catalogueProblem, type CatalogueMessage, type Problem } from '../errors.js';

/** Collects every problem of a document, so that authors see them all at once. */
export class ProblemList {
  readonly problems: Problem[] = [];
  /** A catalogue message renders in the caller's language later (see catalogueProblem); a plain string stays as given. */
  add(pointer: string, code: string, message: string | CatalogueMessage): void {
    this.problems.push(typeof message === 'string' ? { pointer, code, message } : catalogueProblem(pointer, code, message));
  }
}

/**
 * `problem` with more properties, keeping its catalogue message (non-enumerable, so a spread would drop it):
 * a located or copied problem still answers in the caller's language.
 */
export function extendProblem<P extends Problem, E extends object>(problem: P, extra: E): P & E {
  const copy = { ...problem, ...extra };
  const message = (problem as { catalogueMessage?: CatalogueMessage }).catalogueMessage;
  if (message) Object.defineProperty(copy, 'catalogueMessage', { value: message, enumerable: false });
  return copy;
}

export function escapePointer(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
