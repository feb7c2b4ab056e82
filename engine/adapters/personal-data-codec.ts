import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { isValidIdNumber } from '../core/codes/index.js';
import { StoreUnavailableError } from '../core/errors.js';
import { maskPersonalData } from '../core/masking/index.js';
import { loadDataKey } from './data-key.js';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Whether a form value holds an ID number or a mobile: a valid ID number, or any text the core's
 * masking would change (the same detectors that keep them out of logs, wherever they hide in the
 * text). A value already looking like a ciphertext is sealed too, so it reads back as written.
 */
function isPersonal(value: string): boolean {
  return isValidIdNumber(value) || value.startsWith(PREFIX) || maskPersonalData(value) !== value;
}

/**
 * Field-level encryption of form data at rest (AES-256-GCM, a random 12-byte IV per value). A value
 * holding an ID number or mobile is stored as `enc:v1:<base64 iv|ciphertext|tag>`; everything else
 * stays as it is, so stored records keep their shape. Reading with another key fails loudly
 * (StoreUnavailableError) rather than handing back ciphertext as if it were the applicant's data.
 */
export class PersonalDataCodec {
  readonly #keySource: () => Uint8Array;
  #key: KeyObject | undefined;

  /** The key is asked for at first use: a reader of a log nobody wrote yet needs none. */
  constructor(key: Uint8Array | (() => Uint8Array)) {
    this.#keySource = typeof key === 'function' ? key : () => key;
  }

  #secret(): KeyObject {
    // The configured key may be longer than 32 bytes; HKDF gives the AES key, bound to this use.
    this.#key ??= createSecretKey(Buffer.from(hkdfSync('sha256', this.#keySource(), new Uint8Array(0), 'tongban personal data v1', 32)));
    return this.#key;
  }

  sealText(value: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#secret(), iv);
    const body = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
  }

  openText(stored: string): string {
    const bytes = Buffer.from(stored.slice(PREFIX.length), 'base64');
    try {
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('truncated');
      const decipher = createDecipheriv('aes-256-gcm', this.#secret(), bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new StoreUnavailableError('个人信息无法解密：数据密钥（TONGBAN_DATA_KEY 或 data.key）与写入时不同', { reason: 'data-key-mismatch' });
    }
  }

  /** A copy of form data with every personal value encrypted (the input is not changed). */
  seal<T>(value: T): T {
    return walk(value, (text) => (isPersonal(text) ? this.sealText(text) : text)) as T;
  }

  /** Form data as it was before `seal`. */
  open<T>(value: T): T {
    return walk(value, (text) => (text.startsWith(PREFIX) ? this.openText(text) : text)) as T;
  }
}

/** An adapter's codec: the key from its options, else (at first use) TONGBAN_DATA_KEY or `<dataDir>/data.key`. */
export function personalDataCodec(key: Uint8Array | undefined, dataDir: () => string): PersonalDataCodec {
  return new PersonalDataCodec(key ?? (() => loadDataKey({ dataDir: dataDir() })));
}

function walk(value: unknown, onText: (text: string) => string): unknown {
  if (typeof value === 'string') return onText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => walk(item, onText));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = walk((value as Record<string, unknown>)[key], onText);
    // A form may name a field `__proto__` (JSON.parse makes it an own key): keep it one, never a prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}
