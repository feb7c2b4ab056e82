import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { catalogueProblem, ValidationFailedError } from '../core/errors.js';
import { loadInstallationKey } from './installation-key.js';
import type { StoreSettings } from './open-config-store.js';

const MIN_KEY_BYTES = 32;
const DATA_KEY_FILE = 'data.key';

/** The data directory of a store opened without settings (a MongoDB adapter): TONGBAN_DATA_DIR, default ./data, as storeSettingsFromEnv. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.TONGBAN_DATA_DIR || './data');
}

/**
 * The data keys of an installation: `current` encrypts every value written from now on; the
 * `previous` ones (older first to newer, in any order) are kept only to read what they wrote,
 * until `tongban key rotate-data` has re-encrypted it all.
 */
export interface DataKeyRing {
  current: Uint8Array;
  previous: readonly Uint8Array[];
}

/** What an adapter is given: one key (no rotation yet), or a ring. */
export type DataKeyMaterial = Uint8Array | DataKeyRing;

export function isDataKeyRing(key: DataKeyMaterial): key is DataKeyRing {
  return !(key instanceof Uint8Array);
}

export function asDataKeyRing(key: DataKeyMaterial): DataKeyRing {
  return isDataKeyRing(key) ? key : { current: key, previous: [] };
}

/** A key's id, stored with each value it encrypts (16 hex digits of a SHA-256 of the key; no key can be derived from it). */
export function dataKeyId(key: Uint8Array): string {
  return createHash('sha256').update('tongban data key id\0').update(key).digest('hex').slice(0, 16);
}

function parseKeyList(text: string, source: string): Uint8Array[] {
  const entries = text.split(/[\s,]+/).filter((entry) => entry !== '');
  const keys = entries.map((entry) => Buffer.from(entry, 'base64'));
  if (keys.length === 0 || keys.some((key) => key.length < MIN_KEY_BYTES)) {
    throw new ValidationFailedError({ key: 'stores.keys.invalid', values: { source } }, [
      catalogueProblem('', 'config.key', { key: 'stores.keys.invalidDataKeyRing', values: { source, bytes: MIN_KEY_BYTES } }),
    ]);
  }
  return keys;
}

/**
 * The key ring that encrypts the decision log's records and the intake store's ID numbers and mobiles.
 * Every process reading one store must use the same ring: TONGBAN_DATA_KEY (base64 keys, at least
 * 32 bytes each, separated by commas; the first is current, the others are kept for reading).
 * Without it, `<TONGBAN_DATA_DIR>/data.key` (mode 0600) holds one key a line, current first; it
 * is made with one key at first use — enough for a single installation.
 */
export function loadDataKeyRing(settings: Pick<StoreSettings, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): DataKeyRing {
  const configured = env.TONGBAN_DATA_KEY;
  if (configured !== undefined && configured !== '') {
    const [current, ...previous] = parseKeyList(configured, 'TONGBAN_DATA_KEY');
    return { current: current as Uint8Array, previous };
  }
  // Makes the file with one key when there is none yet (shared with the lookup key's reader).
  loadInstallationKey({ dataDir: settings.dataDir, env: {}, variable: 'TONGBAN_DATA_KEY', fileName: DATA_KEY_FILE });
  const [current, ...previous] = parseKeyList(readFileSync(join(settings.dataDir, DATA_KEY_FILE), 'utf8'), DATA_KEY_FILE);
  return { current: current as Uint8Array, previous };
}

/** The current data key alone (what a single-key caller needs); see loadDataKeyRing. */
export function loadDataKey(settings: Pick<StoreSettings, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  return loadDataKeyRing(settings, env).current;
}

/** Where the data keys come from: the environment (an operator must change it) or data.key (rotation writes it). */
export function dataKeySource(settings: Pick<StoreSettings, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): { kind: 'environment' } | { kind: 'file'; file: string } {
  return env.TONGBAN_DATA_KEY ? { kind: 'environment' } : { kind: 'file', file: join(settings.dataDir, DATA_KEY_FILE) };
}

export function newDataKey(): Uint8Array {
  return randomBytes(MIN_KEY_BYTES);
}

/** The ring with `key` as the new current key and every key it had kept for reading. */
export function ringWithNewKey(ring: DataKeyRing, key: Uint8Array): DataKeyRing {
  return { current: key, previous: [ring.current, ...ring.previous] };
}

/** The ring as TONGBAN_DATA_KEY or data.key spells it: base64 keys, current first. */
export function formatDataKeyRing(ring: DataKeyRing, separator: ',' | '\n'): string {
  return [ring.current, ...ring.previous].map((key) => Buffer.from(key).toString('base64')).join(separator);
}

/** Replaces data.key with `ring` in one rename (mode 0600), so a crash leaves the old file or the new one. */
export function writeDataKeyFile(dataDir: string, ring: DataKeyRing): void {
  const file = join(dataDir, DATA_KEY_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${formatDataKeyRing(ring, '\n')}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
}

export function dataKeyFileExists(dataDir: string): boolean {
  return existsSync(join(dataDir, DATA_KEY_FILE));
}
