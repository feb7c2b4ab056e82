import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import type { FormValidatorCodeStore } from '../../engine/core/index.js';

const KEY_FILE = 'code.key';
const HEADER = '// tongban form validator ';
const KEY_PATTERN = /^[0-9a-f]{64}$/;
/** V8's compiled code of a validator, beside its source: `<key>.v8cache`, a 32-byte seal then V8's bytes. */
const CACHE_SUFFIX = '.v8cache';
const CACHE_SEAL_BYTES = 32;
/** What a code cache's seal covers first, so no seal of a source file can pass for one of a cache. */
const CACHE_DOMAIN = 'tongban v8 code cache\n';
/**
 * V8's code is taken this long after a validator was loaded (so it holds the functions the first
 * validations compiled), in small batches off the request path.
 */
export const CODE_CACHE_DELAY_MS = 1000;
const CACHE_BATCH = 10;

/** Why a cached file was not used (tests and logs): its code is then compiled again. */
export type RefusedCode = { key: string; reason: 'unreadable' | 'no-seal' | 'bad-seal' | 'cache-unreadable' | 'cache-bad-seal' | 'cache-rejected' };

/** Stores with caches not yet written: what is left is written when the process exits (a stop is a good time; the validators have run). */
const unwritten = new Set<{ flushCodeCaches(): void }>();
let exitHook = false;
function writeAtExit(files: { flushCodeCaches(): void }): void {
  unwritten.add(files);
  if (exitHook) return;
  exitHook = true;
  process.once('exit', () => {
    for (const each of unwritten) each.flushCodeCaches();
  });
}

interface PendingCache {
  script: Script;
  /** The seal of the source the script was compiled from, and its parameters: what the cache's seal binds. */
  sourceSeal: string;
  parameters: string;
  loadedAt: number;
}

/**
 * Generated form-validator code in a runtime's data directory (`<data>/validator-code/`, 0700,
 * files 0600), one file per schema key. Each file is sealed with an HMAC under a key of this
 * directory (code.key, 0600): a file altered, cut short or copied from another installation
 * reads as absent and is compiled again, never run. Writes go to a temporary file renamed into
 * place, so a reader never sees half a file.
 *
 * Code is run through node:vm, and V8's compiled code of it is kept too (`<key>.v8cache`, 0600),
 * taken once the validator has run: a restart then neither parses the source nor compiles the
 * validator on its first call. V8 checks a cache only against its own version, flags and the
 * source's length, so each cache is sealed as well, under the same key, bound to the seal of the
 * exact source (and parameters) it was made from: a cache altered, cut, made for other code or
 * copied from elsewhere is never handed to V8; the source is compiled and the cache made again.
 * A sealed cache V8 rejects (another node, other flags) is made again the same way.
 */
export class ValidatorCodeFiles implements FormValidatorCodeStore {
  readonly #dir: string;
  readonly #key: Buffer;
  readonly refused: RefusedCode[] = [];
  /** The seal of the source last read or written under each key (the cache binds it). */
  readonly #sealed = new Map<string, { source: string; seal: string }>();
  readonly #pending = new Map<string, PendingCache>();
  #timer: NodeJS.Timeout | null = null;
  /** Counters for tests and the bench: loaded with V8's cache, compiled from source, caches written. */
  readonly cacheCounts = { used: 0, compiled: 0, written: 0 };

  constructor(dir: string) {
    this.#dir = dir;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    this.#key = ValidatorCodeFiles.#loadKey(join(dir, KEY_FILE));
  }

  static #loadKey(file: string): Buffer {
    try {
      const text = readFileSync(file, 'utf8').trim();
      if (KEY_PATTERN.test(text)) return Buffer.from(text, 'hex');
    } catch {
      // absent: made below
    }
    const key = randomBytes(32);
    writePrivate(file, key.toString('hex'));
    return key;
  }

  #seal(key: string, source: string): string {
    return createHmac('sha256', this.#key).update(key).update('\n').update(source).digest('hex');
  }

  #file(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new TypeError(`not a validator key: ${key}`);
    return join(this.#dir, `${key}.js`);
  }

  read(key: string): string | null {
    let text: string;
    try {
      text = readFileSync(this.#file(key), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.refused.push({ key, reason: 'unreadable' });
      return null;
    }
    const newline = text.indexOf('\n');
    if (!text.startsWith(HEADER) || newline === -1) {
      this.refused.push({ key, reason: 'no-seal' });
      return null;
    }
    const seal = Buffer.from(text.slice(HEADER.length, newline), 'hex');
    const source = text.slice(newline + 1);
    const expectedHex = this.#seal(key, source);
    const expected = Buffer.from(expectedHex, 'hex');
    if (seal.length !== expected.length || !timingSafeEqual(seal, expected)) {
      this.refused.push({ key, reason: 'bad-seal' });
      return null;
    }
    this.#sealed.set(key, { source, seal: expectedHex });
    return source;
  }

  write(key: string, source: string): void {
    const seal = this.#seal(key, source);
    this.#sealed.set(key, { source, seal });
    try {
      writePrivate(this.#file(key), `${HEADER}${seal}\n${source}`);
    } catch {
      // A cache that cannot be written costs the next process a compile, nothing more.
    }
  }

  /**
   * The function that runs `source` (taking `parameters`), compiled with V8's kept code when a
   * cache sealed for exactly this source is there and V8 accepts it; otherwise compiled from the
   * source, and its cache made once it has run.
   */
  load(key: string, source: string, parameters: readonly string[]): (...args: unknown[]) => unknown {
    const known = this.#sealed.get(key);
    const sourceSeal = known && known.source === source ? known.seal : this.#seal(key, source);
    const names = parameters.join(', ');
    const cachedData = this.#readCache(key, sourceSeal, names);
    const script = new Script(`(function (${names}) {\n${source}\n})`, { filename: this.#file(key), ...(cachedData ? { cachedData } : {}) });
    if (cachedData && !script.cachedDataRejected) {
      this.cacheCounts.used++;
    } else {
      if (cachedData) this.refused.push({ key, reason: 'cache-rejected' });
      this.cacheCounts.compiled++;
      this.#pending.delete(key);
      this.#pending.set(key, { script, sourceSeal, parameters: names, loadedAt: performance.now() });
      writeAtExit(this);
      this.#schedule();
    }
    return script.runInThisContext() as (...args: unknown[]) => unknown;
  }

  /** Writes V8's code of every validator loaded without a usable cache (now; tests and the bench). */
  flushCodeCaches(): void {
    for (const key of [...this.#pending.keys()]) this.#writeCache(key);
  }

  /** Validators whose cache is still to be written. */
  get pendingCodeCaches(): number {
    return this.#pending.size;
  }

  #cacheSeal(key: string, sourceSeal: string, parameters: string, data: Uint8Array): Buffer {
    return createHmac('sha256', this.#key).update(CACHE_DOMAIN).update(key).update('\n').update(sourceSeal).update('\n').update(parameters).update('\n').update(data).digest();
  }

  #readCache(key: string, sourceSeal: string, parameters: string): Buffer | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(this.#dir, `${key}${CACHE_SUFFIX}`));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.refused.push({ key, reason: 'cache-unreadable' });
      return undefined;
    }
    const data = bytes.subarray(CACHE_SEAL_BYTES);
    if (bytes.length <= CACHE_SEAL_BYTES || !timingSafeEqual(bytes.subarray(0, CACHE_SEAL_BYTES), this.#cacheSeal(key, sourceSeal, parameters, data))) {
      this.refused.push({ key, reason: 'cache-bad-seal' });
      return undefined;
    }
    return data;
  }

  #writeCache(key: string): void {
    const pending = this.#pending.get(key);
    if (!pending) return;
    this.#pending.delete(key);
    if (this.#pending.size === 0) unwritten.delete(this);
    try {
      const data = pending.script.createCachedData();
      writePrivate(join(this.#dir, `${key}${CACHE_SUFFIX}`), Buffer.concat([this.#cacheSeal(key, pending.sourceSeal, pending.parameters, data), data]));
      this.cacheCounts.written++;
    } catch {
      // No cache: the next process compiles this validator from its source, as before.
    }
  }

  /** Caches are taken CODE_CACHE_DELAY_MS after their validator was loaded, a batch per turn of the event loop. */
  #schedule(): void {
    const oldest = this.#pending.values().next().value;
    if (this.#timer || !oldest) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      const due = performance.now() - CODE_CACHE_DELAY_MS;
      let written = 0;
      for (const [key, pending] of this.#pending) {
        if (written >= CACHE_BATCH || pending.loadedAt > due) break;
        this.#writeCache(key);
        written++;
      }
      this.#schedule();
    }, Math.max(0, oldest.loadedAt + CODE_CACHE_DELAY_MS - performance.now()));
    this.#timer.unref();
  }
}

/** Writes a file readable by this user only, through a temporary name renamed into place. */
function writePrivate(file: string, text: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    if (typeof text === 'string') writeSync(fd, text);
    else writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}
