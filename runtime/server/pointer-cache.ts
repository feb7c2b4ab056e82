/** How long a pointer is served without asking the store again (TONGBAN_POINTER_TTL_MS, default 250 ms). */
export const DEFAULT_POINTER_TTL_MS = 250;

/**
 * How much longer a pointer past its time may still be served while it is being re-read in the
 * background: together with the TTL it bounds how late a publication, withdrawal or claim change
 * reaches a runtime (250 + 500 ms < 1 s).
 */
export const DEFAULT_POINTER_GRACE_MS = 500;

export function pointerTtlFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.TONGBAN_POINTER_TTL_MS;
  if (raw === undefined || raw === '') return DEFAULT_POINTER_TTL_MS;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`TONGBAN_POINTER_TTL_MS must be a number of milliseconds ≥ 0, got "${raw}"`);
  return value;
}

interface Entry<T> {
  /** The last answer read (a "not found" is an answer too, if `read` returns it as a value). */
  settled: { ok: true; value: T } | null;
  readAt: number;
  /** The store's change marker when `settled` was read, if the store has one. */
  marker: number | undefined;
  refreshing: Promise<T> | null;
  refreshingMarker: number | undefined;
}

/**
 * Small answers read from the store (which version of an item a locality serves), kept for a
 * short time so that a request for a version already compiled asks the store nothing. Past the
 * TTL an entry is re-read once, shared by every request that needs it; within the grace after
 * that, requests keep the previous answer while the re-read runs, so none waits on the store.
 * Nothing outlives TTL + grace: a change in the store is served everywhere within that bound.
 */
export class PointerCache<T> {
  readonly #entries = new Map<string, Entry<T>>();
  readonly #ttlMs: number;
  readonly #graceMs: number;
  readonly #capacity: number;
  readonly #now: () => number;
  #reads = 0;

  constructor({ ttlMs = DEFAULT_POINTER_TTL_MS, graceMs = DEFAULT_POINTER_GRACE_MS, capacity = 10_000, now = () => performance.now() }: { ttlMs?: number; graceMs?: number; capacity?: number; now?: () => number } = {}) {
    this.#ttlMs = ttlMs;
    this.#graceMs = Math.min(graceMs, ttlMs === 0 ? 0 : graceMs);
    this.#capacity = capacity;
    this.#now = now;
  }

  /** How many times the store was read (for tests and the bench). */
  get reads(): number {
    return this.#reads;
  }

  /**
   * `marker` is the store's change marker now (ConfigReader.changeMarker), when it has one: an
   * answer read under another marker is not served at all, so a change committed elsewhere is
   * seen by the very next request.
   */
  async get(key: string, read: () => Promise<T>, marker?: number): Promise<T> {
    let entry = this.#entries.get(key);
    const now = this.#now();
    if (!entry) {
      if (this.#entries.size >= this.#capacity) this.#entries.delete(this.#entries.keys().next().value as string);
      entry = { settled: null, readAt: 0, marker: undefined, refreshing: null, refreshingMarker: undefined };
      this.#entries.set(key, entry);
    }
    const current = entry.settled !== null && entry.marker === marker;
    if (current && now - entry.readAt <= this.#ttlMs) return unwrap(entry.settled!);
    const refreshing = this.#refresh(entry, read, marker);
    if (current && now - entry.readAt <= this.#ttlMs + this.#graceMs) {
      refreshing.catch(() => undefined);
      return unwrap(entry.settled!);
    }
    return refreshing;
  }

  #refresh(entry: Entry<T>, read: () => Promise<T>, marker: number | undefined): Promise<T> {
    if (entry.refreshing && entry.refreshingMarker === marker) return entry.refreshing;
    const startedAt = this.#now();
    this.#reads++;
    const refreshing: Promise<T> = read().then(
      (value) => {
        // A read started later (under a newer marker) has the last word.
        if (entry.refreshing === refreshing) {
          entry.settled = { ok: true, value };
          entry.readAt = startedAt;
          entry.marker = marker;
          entry.refreshing = null;
        }
        return value;
      },
      (error: unknown) => {
        // A failed read is not an answer: the next request tries again.
        if (entry.refreshing === refreshing) entry.refreshing = null;
        throw error;
      },
    );
    entry.refreshing = refreshing;
    entry.refreshingMarker = marker;
    return refreshing;
  }
}

function unwrap<T>(settled: { ok: true; value: T }): T {
  return settled.value;
}
