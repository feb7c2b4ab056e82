import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationFailedError } from '../core/errors.js';
import type { StoreSettings } from './open-config-store.js';

const MIN_KEY_BYTES = 32;

/**
 * The key of the applicant index (keyed hashes of ID numbers). Every centre sharing one intake
 * store must use the same key: TONGBAN_LOOKUP_KEY (base64, at least 32 bytes). Without it, a key is
 * made once in `<TONGBAN_DATA_DIR>/lookup.key` (mode 0600) — enough for a single installation.
 */
export function loadLookupKey(settings: Pick<StoreSettings, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const configured = env.TONGBAN_LOOKUP_KEY;
  if (configured !== undefined && configured !== '') {
    const key = Buffer.from(configured, 'base64');
    if (key.length < MIN_KEY_BYTES) {
      throw new ValidationFailedError('TONGBAN_LOOKUP_KEY 有误', [{ pointer: '', code: 'config.lookup-key', message: `TONGBAN_LOOKUP_KEY 应为至少 ${MIN_KEY_BYTES} 字节的 base64 密钥（可用 openssl rand -base64 32 生成）` }]);
    }
    return key;
  }
  const file = join(settings.dataDir, 'lookup.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(settings.dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(MIN_KEY_BYTES);
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process of this installation made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    throw error;
  }
  chmodSync(file, 0o600);
  return key;
}
