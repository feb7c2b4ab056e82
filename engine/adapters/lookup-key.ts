import { loadInstallationKey } from './installation-key.js';
import type { StoreSettings } from './open-config-store.js';

/**
 * The key of the applicant index (keyed hashes of ID numbers). Every centre sharing one intake
 * store must use the same key: TONGBAN_LOOKUP_KEY (base64, at least 32 bytes). Without it, a key is
 * made once in `<TONGBAN_DATA_DIR>/lookup.key` (mode 0600) — enough for a single installation.
 */
export function loadLookupKey(settings: Pick<StoreSettings, 'dataDir'>, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  return loadInstallationKey({ dataDir: settings.dataDir, env, variable: 'TONGBAN_LOOKUP_KEY', fileName: 'lookup.key' });
}
