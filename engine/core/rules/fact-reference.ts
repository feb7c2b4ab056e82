/** A condition value that names another fact (`value: { fact, path? }`) instead of a literal. */
export interface FactReference {
  fact: string;
  path?: string;
}

export function referencedFact(value: unknown): FactReference | null {
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { fact?: unknown }).fact === 'string') {
    const v = value as { fact: string; path?: unknown };
    return typeof v.path === 'string' ? { fact: v.fact, path: v.path } : { fact: v.fact };
  }
  return null;
}
