/**
 * The adapters: one folder per driver (`sqlite/`, `mongodb/`), each implementing every store port.
 * The openers below choose the driver from configuration (MONGODB_URI set → MongoDB, else the
 * embedded SQLite files under TONGBAN_DATA_DIR).
 */
export { openConfigReader, openConfigStore, sqliteFile, storeSettingsFromEnv, type StoreSettings } from './open-config-store.js';
export { decisionLogFile, openDecisionLog, openDecisionLogReader } from './open-decision-log.js';
export { intakeFile, openIntakeStore } from './open-intake-store.js';
export { ensureRuntimeIndexes } from './runtime-indexes.js';
export { loadLookupKey } from './lookup-key.js';
export { loadDataKey, loadDataKeyRing, type DataKeyRing, type DataKeyMaterial } from './data-key.js';
export { rotateDataKey, type DataKeyRotation } from './data-key-rotation.js';
