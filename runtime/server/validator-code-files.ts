import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { FormValidatorCodeStore } from '../../engine/core/index.js';

const KEY_FILE = 'code.key';
const HEADER = '// tongban form validator ';
const KEY_PATTERN = /^[0-9a-f]{64}$/;

/** Why a cached file was not used (tests and logs): its code is then compiled again. */
export type RefusedCode = { key: string; reason: 'unreadable' | 'no-seal' | 'bad-seal' };

/**
 * Generated form-validator code in a runtime's data directory (`<data>/validator-code/`, 0700,
 * files 0600), one file per schema key. Each file is sealed with an HMAC under a key of this
 * directory (code.key, 0600): a file altered, cut short or copied from another installation
 * reads as absent and is compiled again, never run. Writes go to a temporary file renamed into
 * place, so a reader never sees half a file.
 */
export class ValidatorCodeFiles implements FormValidatorCodeStore {
  readonly #dir: string;
  readonly #key: Buffer;
  readonly refused: RefusedCode[] = [];

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
    const expected = Buffer.from(this.#seal(key, source), 'hex');
    if (seal.length !== expected.length || !timingSafeEqual(seal, expected)) {
      this.refused.push({ key, reason: 'bad-seal' });
      return null;
    }
    return source;
  }

  write(key: string, source: string): void {
    try {
      writePrivate(this.#file(key), `${HEADER}${this.#seal(key, source)}\n${source}`);
    } catch {
      // A cache that cannot be written costs the next process a compile, nothing more.
    }
  }
}

/** Writes a file readable by this user only, through a temporary name renamed into place. */
function writePrivate(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}
