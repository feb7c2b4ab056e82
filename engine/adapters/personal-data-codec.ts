import { createCipheriv, createDecipheriv, hkdfSync } from 'node:crypto';
import { isValidIdNumber } from '../core/codes/index.js';
import { StoreUnavailableError } from '../core/errors.js';
import { mayHoldPersonalData, maskPersonalData } from '../core/masking/index.js';
import { pooledRandomBytes } from '../ports/decision-log/index.js';
import { asDataKeyRing, dataKeyId, loadDataKeyRing, type DataKeyMaterial } from './data-key.js';

/** Every stored ciphertext starts with this; the version after it says how to read the rest. */
const CIPHERTEXT_MARK = 'enc:v';
/** Before rotation: `enc:v1:<base64>`, with no key id (any key of the ring that opens it wrote it). */
const V1 = 'enc:v1:';
/** `enc:v2:<key id>:<base64>`: the id names the key of the ring that wrote it. */
const V2 = 'enc:v2:';
const V2_BYTES = Buffer.from(V2, 'latin1');
/** Stored text that `sealJsonText` wrote: a JSON string holding one ciphertext. */
const SEALED_JSON_TEXT = `"${CIPHERTEXT_MARK}`;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** A ciphertext as a JSON string value in stored text (never a key: keys are not encrypted). */
const STORED_CIPHERTEXT = /"(enc:v[12]:[A-Za-z0-9+/=:]*)"(?!\s*:)/g;

/**
 * Whether a form value holds an ID number or a mobile: a valid ID number, or any text the core's
 * masking would change (the same detectors that keep them out of logs, wherever they hide in the
 * text). A value already looking like a ciphertext is sealed too, so it reads back as written.
 */
function isPersonal(value: string): boolean {
  if (value.startsWith(CIPHERTEXT_MARK)) return true;
  return mayHoldPersonalData(value) && (isValidIdNumber(value) || maskPersonalData(value) !== value);
}


/**
 * The AES key as bytes, not a KeyObject: node 20 sets a cipher up from raw bytes in 3.4 µs against
 * 5.2 µs from a KeyObject, and a decision seals two values or more. The ring's own material is
 * in this process's memory either way.
 */
type AesKey = Buffer;

function aesKey(key: Uint8Array): AesKey {
  // The configured key may be longer than 32 bytes; HKDF gives the AES key, bound to this use.
  return Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'tongban personal data v1', 32));
}

const NO_PREFIX = Buffer.alloc(0);

/** `prefix` | iv | ciphertext | tag of `value`, with a random IV, in one buffer. */
function encrypt(secret: AesKey, value: string, prefix: Buffer = NO_PREFIX): Buffer {
  const iv = pooledRandomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  // GCM is a stream mode: final() adds no bytes, so update's output is the whole ciphertext.
  const body = cipher.update(value, 'utf8');
  cipher.final();
  return Buffer.concat([prefix, iv, body, cipher.getAuthTag()], prefix.length + IV_BYTES + body.length + TAG_BYTES);
}

function decrypt(secret: AesKey, bytes: Buffer): string {
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('truncated');
  const decipher = createDecipheriv('aes-256-gcm', secret, bytes.subarray(0, IV_BYTES));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}

interface Keys {
  currentId: string;
  current: AesKey;
  /** `enc:v2:<current id>:` as bytes, the start of every sealed JSON text. */
  currentPrefix: Buffer;
  /** Every key of the ring, current included, by id. */
  byId: Map<string, AesKey>;
}

/**
 * Field-level encryption of form data at rest (AES-256-GCM, a random 12-byte IV per value). A value
 * holding an ID number or mobile is stored as `enc:v2:<key id>:<base64 iv|ciphertext|tag>`;
 * everything else stays as it is, so stored records keep their shape. Values are written with the
 * ring's current key and read with whichever key of the ring wrote them (`enc:v1:` values, from
 * before key ids, with whichever key opens them), so a rotated installation reads old records.
 * A value whose key is not in the ring fails loudly (StoreUnavailableError) rather than handing
 * back ciphertext as if it were the applicant's data.
 */
export class PersonalDataCodec {
  readonly #keySource: () => DataKeyMaterial;
  #keys: Keys | undefined;

  /** The key is asked for at first use: a reader of a log nobody wrote yet needs none. */
  constructor(key: DataKeyMaterial | (() => DataKeyMaterial)) {
    this.#keySource = typeof key === 'function' ? key : () => key;
  }

  #ring(): Keys {
    if (!this.#keys) {
      const ring = asDataKeyRing(this.#keySource());
      const currentId = dataKeyId(ring.current);
      const current = aesKey(ring.current);
      const byId = new Map<string, AesKey>([[currentId, current]]);
      for (const key of ring.previous) if (!byId.has(dataKeyId(key))) byId.set(dataKeyId(key), aesKey(key));
      this.#keys = { currentId, current, currentPrefix: Buffer.from(`${V2}${currentId}:`, 'latin1'), byId };
    }
    return this.#keys;
  }

  /** The id of the key new values are written with. */
  get currentKeyId(): string {
    return this.#ring().currentId;
  }

  sealText(value: string): string {
    const { current, currentId } = this.#ring();
    return `${V2}${currentId}:${encrypt(current, value).toString('base64')}`;
  }

  /** iv | ciphertext | tag opened with the ring's key `keyId`, or StoreUnavailableError naming what is wrong. */
  #openWith(keyId: string, bytes: Buffer): string {
    const secret = this.#ring().byId.get(keyId);
    if (!secret) {
      throw new StoreUnavailableError(keyId ? { key: 'stores.personalData.keyMissing', values: { keyId } } : { key: 'stores.personalData.unnamedKeyMissing' }, { reason: 'data-key-missing', keyId });
    }
    try {
      return decrypt(secret, bytes);
    } catch {
      throw new StoreUnavailableError({ key: 'stores.personalData.keyMismatch', values: { keyId } }, { reason: 'data-key-mismatch', keyId });
    }
  }

  openText(stored: string): string {
    const keys = this.#ring();
    if (stored.startsWith(V2)) {
      const separator = stored.indexOf(':', V2.length);
      const keyId = separator < 0 ? '' : stored.slice(V2.length, separator);
      return this.#openWith(keyId, Buffer.from(stored.slice(separator + 1), 'base64'));
    }
    const bytes = Buffer.from(stored.slice(V1.length), 'base64');
    for (const secret of keys.byId.values()) {
      try {
        return decrypt(secret, bytes);
      } catch {
        // Not this key: an enc:v1 value names none, so the ring is tried in turn.
      }
    }
    throw new StoreUnavailableError({ key: 'stores.personalData.ringMismatch' }, { reason: 'data-key-mismatch' });
  }

  /** Whether a stored ciphertext was written with the current key (rotation leaves those as they are). */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${V2}${this.#ring().currentId}:`);
  }

  /** Form data with every personal value encrypted: a copy where anything changed (the input is not changed). */
  seal<T>(value: T): T {
    return this.sealer()(value);
  }

  /**
   * `seal` for the parts of one record: a value met twice in it (the form's ID number, echoed in the
   * decision's facts) is encrypted once and stored as the same ciphertext — equal within the record, as
   * the plain values were; records never share one.
   */
  sealer(): <T>(value: T) => T {
    const sealed = new Map<string, string>();
    const sealOnce = (text: string): string => {
      if (!isPersonal(text)) return text;
      let ciphertext = sealed.get(text);
      if (ciphertext === undefined) sealed.set(text, (ciphertext = this.sealText(text)));
      return ciphertext;
    };
    return <T>(value: T) => walk(value, sealOnce) as T;
  }

  /**
   * A whole JSON text as one ciphertext, itself written as a JSON string (`"enc:v2:<key id>:…"`): one
   * AES-GCM encryption for a record, with no search for the values that need it, and everything in it
   * unreadable at rest, not only ID numbers and mobiles. The stored text stays JSON, and key rotation's
   * scan (`reencryptStoredJson`) finds it as it finds a sealed value.
   */
  sealJsonText(json: string): string {
    return JSON.stringify(this.sealText(json));
  }

  /**
   * What `sealJsonText` sealed, as the JSON text it was; null for stored text written otherwise (plain,
   * or with its values sealed one by one), which is read as it is.
   */
  openJsonText(stored: string): string | null {
    if (!stored.startsWith(SEALED_JSON_TEXT)) return null;
    return this.openText(JSON.parse(stored) as string);
  }

  /**
   * A whole JSON text as one ciphertext in bytes: `enc:v2:<key id>:` then iv | ciphertext | tag, for a
   * store that keeps bytes (a third smaller than base64 text, and no encoding to pay).
   */
  sealJsonBytes(json: string): Buffer {
    const { current, currentPrefix } = this.#ring();
    return encrypt(current, json, currentPrefix);
  }

  /** The JSON text `sealJsonBytes` sealed. */
  openJsonBytes(stored: Uint8Array): string {
    const bytes = Buffer.isBuffer(stored) ? stored : Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    const separator = bytes.indexOf(0x3a, V2.length);
    // Bytes that do not start as sealJsonBytes writes them cannot be opened with any key of the ring.
    if (!bytes.subarray(0, V2.length).equals(V2_BYTES) || separator < 0) throw new StoreUnavailableError({ key: 'stores.personalData.ringMismatch' }, { reason: 'data-key-mismatch' });
    const keyId = bytes.toString('latin1', V2.length, separator);
    return this.#openWith(keyId, bytes.subarray(separator + 1));
  }

  /** `sealJsonBytes`'s bytes under the current key; null when they already are. */
  reencryptJsonBytes(stored: Uint8Array): Buffer | null {
    const bytes = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
    const { currentPrefix } = this.#ring();
    if (bytes.subarray(0, currentPrefix.length).equals(currentPrefix)) return null;
    return this.sealJsonBytes(this.openJsonBytes(bytes));
  }

  /** Form data as it was before `seal`. */
  open<T>(value: T): T {
    return walk(value, (text) => (text.startsWith(CIPHERTEXT_MARK) ? this.openText(text) : text)) as T;
  }

  /**
   * Stored JSON text with every ciphertext not written by the current key re-encrypted with it;
   * null when there is none (the record is already rotated). Plain values are left byte for byte.
   */
  reencryptStoredJson(text: string): string | null {
    let changed = false;
    const next = text.replace(STORED_CIPHERTEXT, (whole, stored: string) => {
      if (this.isCurrent(stored)) return whole;
      changed = true;
      return JSON.stringify(this.sealText(this.openText(stored)));
    });
    return changed ? next : null;
  }
}

/** An adapter's codec: the key from its options, else (at first use) TONGBAN_DATA_KEY or `<dataDir>/data.key`. */
export function personalDataCodec(key: DataKeyMaterial | undefined, dataDir: () => string): PersonalDataCodec {
  return new PersonalDataCodec(key ?? (() => loadDataKeyRing({ dataDir: dataDir() })));
}

/**
 * `value` with `onText` applied to every string at any depth. What holds no changed string is returned
 * as it is (not copied): most of a record holds none, and a decision is sealed on every request.
 */
function walk(value: unknown, onText: (text: string) => string): unknown {
  if (typeof value === 'string') return onText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item = walk(value[i], onText);
      if (item !== value[i] && out === null) out = value.slice(0, i);
      if (out !== null) out.push(item);
    }
    return out ?? value;
  }
  const keys = Object.keys(value);
  let out: Record<string, unknown> | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const original = (value as Record<string, unknown>)[key];
    const item = walk(original, onText);
    if (item !== original && out === null) {
      out = {};
      for (let j = 0; j < i; j++) put(out, keys[j]!, (value as Record<string, unknown>)[keys[j]!]);
    }
    if (out !== null) put(out, key, item);
  }
  return out ?? value;
}

function put(out: Record<string, unknown>, key: string, item: unknown): void {
  // A form may name a field `__proto__` (JSON.parse makes it an own key): keep it one, never a prototype.
  if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
  else out[key] = item;
}
