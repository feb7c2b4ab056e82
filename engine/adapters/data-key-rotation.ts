import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationFailedError } from '../core/errors.js';
import { dataKeyId, dataKeySource, loadDataKeyRing, newDataKey, ringWithNewKey, writeDataKeyFile, type DataKeyRing } from './data-key.js';
import { decisionLogFile } from './open-decision-log.js';
import { intakeFile } from './open-intake-store.js';
import type { StoreSettings } from './open-config-store.js';
import { PersonalDataCodec } from './personal-data-codec.js';
import { reencryptSqlitePersonalData, type ReencryptionCount } from './sqlite/index.js';

/** Left in the data directory while a rotation re-encrypts: a run killed part-way is resumed, not begun again with yet another key. */
const ROTATION_MARKER = 'data-key-rotation.json';

export interface DataKeyRotation {
  /** The key every value is now encrypted with. */
  keyId: string;
  /** Whether this run made that key (false: it resumed a rotation, or only re-encrypted). */
  created: boolean;
  /** Ids of the keys still kept for reading (they can be dropped once no copy of the stores needs them). */
  previousKeyIds: string[];
  decisions: ReencryptionCount;
  intakes: ReencryptionCount;
}

function markerFile(dataDir: string): string {
  return join(dataDir, ROTATION_MARKER);
}

function unfinishedRotation(dataDir: string, ring: DataKeyRing): boolean {
  const file = markerFile(dataDir);
  if (!existsSync(file)) return false;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { keyId?: string }).keyId === dataKeyId(ring.current);
  } catch {
    return false;
  }
}

/**
 * Rotates the data key that encrypts personal data at rest, and re-encrypts every ciphertext
 * of the decision log and the intake store with it (SQLite files or MongoDB collections).
 *
 * With `<dataDir>/data.key` (no TONGBAN_DATA_KEY): a new key becomes the first line of data.key,
 * the old ones stay below it for reading, then every value is re-encrypted. The file is replaced in
 * one rename, and a marker names the key until re-encryption has finished, so a run killed at any
 * point is finished by running it again (no second new key). Values are readable throughout.
 *
 * With TONGBAN_DATA_KEY the key list is the operator's: `reencryptOnly` re-encrypts with its first
 * key (after the operator put a new key first and kept the old ones after it); a new key is never
 * made here. Without `reencryptOnly` in that case, ValidationFailedError says what to do.
 */
export async function rotateDataKey(settings: StoreSettings, { env = process.env, reencryptOnly = false, newKey = newDataKey }: {
  env?: NodeJS.ProcessEnv;
  reencryptOnly?: boolean;
  newKey?: () => Uint8Array;
} = {}): Promise<DataKeyRotation> {
  const source = dataKeySource(settings, env);
  let ring = loadDataKeyRing(settings, env);
  let created = false;
  if (!reencryptOnly) {
    if (source.kind === 'environment') {
      throw new ValidationFailedError({ key: 'stores.keys.dataKeyInEnvironment' }, [{
        pointer: '', code: 'config.data-key-in-environment',
        message: 'TONGBAN_DATA_KEY is set: put a new key first in it (keep the old ones after it, comma-separated), restart every process, then run `tongban key rotate-data --reencrypt`',
      }]);
    }
    if (!unfinishedRotation(settings.dataDir, ring)) {
      ring = ringWithNewKey(ring, newKey());
      // The marker is written first: should the run stop before data.key is replaced, the marker names a key that is not current and is ignored.
      writeFileSync(markerFile(settings.dataDir), `${JSON.stringify({ keyId: dataKeyId(ring.current), startedAt: new Date().toISOString() })}\n`, { mode: 0o600 });
      writeDataKeyFile(settings.dataDir, ring);
      created = true;
    }
  }
  const codec = new PersonalDataCodec(ring);
  const counts = await reencrypt(settings, codec);
  rmSync(markerFile(settings.dataDir), { force: true });
  return { keyId: codec.currentKeyId, created, previousKeyIds: ring.previous.map(dataKeyId), ...counts };
}

async function reencrypt(settings: StoreSettings, codec: PersonalDataCodec): Promise<{ decisions: ReencryptionCount; intakes: ReencryptionCount }> {
  // The designer's URI (read-write), else the runtime's: the runtime's user may only insert.
  const uri = settings.mongodbUri ?? settings.runtimeMongodbUri;
  if (uri) {
    const { reencryptMongoPersonalData } = await import('./mongodb/index.js');
    return reencryptMongoPersonalData({ uri, database: settings.mongodbDatabase }, codec);
  }
  return reencryptSqlitePersonalData({ decisionLog: decisionLogFile(settings), intake: intakeFile(settings) }, codec);
}
