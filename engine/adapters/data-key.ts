import { resolve } from 'node:path';
import { loadInstallationKey } from './installation-key.js';
import type { StoreSettings } from './open-config-store.js';

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
  return loadInstallationKey({ dataDir: settings.dataDir, env, variable: 'TONGBAN_DATA_KEY', fileName: 'data.key' });
}
