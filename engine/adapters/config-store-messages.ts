import type { CatalogueMessage } from '../core/errors.js';

/** Both config stores' refusal of a stale draft revision (the current one may be gone: 无). */
export function draftChanged(current: number | null | undefined, submitted: number): CatalogueMessage {
  return current === null || current === undefined
    ? { key: 'stores.configStore.draftChangedNoCurrent', values: { submitted } }
    : { key: 'stores.configStore.draftChanged', values: { current, submitted } };
}
