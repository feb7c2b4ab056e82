import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ValidationFailedError } from '../core/errors.js';
import type { StoreSettings } from './open-config-store.js';

const MIN_KEY_BYTES = 32;

/** The data directory of a store opened without settings (a MongoDB adapter): TONGBAN_DATA_DIR, default ./data, as storeSettingsFromEnv. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.TONGBAN_DATA_DIR || './data');
}

/**
 * The key that encrypts ID numbers and mobiles in the decision log and the intake store. Every
 * process reading one store must use the same key: TONGBAN_DATA_KEY (base64, at least 32 bytes).
 * Without it, a key is made once in `<TONGBAN_DATA_DIR>/data.key` (mode 0600) — enough for a single
 * installation. Rotation is not supported yet: a changed key cannot read what the old one wrote.
 */
export function loadDataKey(settings: Pick<StoreSettings, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const configured = env.TONGBAN_DATA_KEY;
  if (configured !== undefined && configured !== '') {
    const key = Buffer.from(configured, 'base64');
    if (key.length < MIN_KEY_BYTES) {
      throw new ValidationFailedError('TONGBAN_DATA_KEY 有误', [{ pointer: '', code: 'config.data-key', message: `TONGBAN_DATA_KEY 应为至少 ${MIN_KEY_BYTES} 字节的 base64 密钥（可用 openssl rand -base64 32 生成）` }]);
    }
    return key;
  }
  const file = join(settings.dataDir, 'data.key');
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
