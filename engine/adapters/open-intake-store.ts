import { join } from 'node:path';
import type { StoreSettings } from './open-config-store.js';
import type { IntakeStore } from '../ports/intake-store/port.js';
import { openSqliteIntakeStore } from './sqlite/index.js';
import { loadDataKeyRing } from './data-key.js';

/** The intake store's own SQLite file, next to (never inside) tongban.db and decisions.db. */
export function intakeFile(settings: Pick<StoreSettings, 'dataDir'>): string {
  return join(settings.dataDir, 'intake.db');
}

/**
 * A runtime's intake records (办件): MongoDB collections `intakes` and `intake_attachments` under
 * RUNTIME_MONGODB_URI (else MONGODB_URI), or `<TONGBAN_DATA_DIR>/intake.db`, created if absent.
 * ID numbers and mobiles in form data are encrypted with the data key (TONGBAN_DATA_KEY, else data.key).
 */
export async function openIntakeStore(settings: StoreSettings): Promise<IntakeStore> {
  const uri = settings.runtimeMongodbUri ?? settings.mongodbUri;
  if (uri) {
    const { openMongoIntakeStore } = await import('./mongodb/index.js');
    return openMongoIntakeStore({ uri, database: settings.mongodbDatabase, key: loadDataKeyRing(settings) });
  }
  return openSqliteIntakeStore({ file: intakeFile(settings), key: loadDataKeyRing(settings) });
}
