import type { Problem } from '../errors.js';

/** Collects every problem of a document, so that authors see them all at once. */
export class ProblemList {
  readonly problems: Problem[] = [];
  add(pointer: string, code: string, message: string): void {
    this.problems.push({ pointer, code, message });
  }
}

export function escapePointer(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
