import { join } from 'node:path';
import type { StoreSettings } from './open-config-store.js';
import type { DecisionLogReader, DecisionLogWriter } from '../ports/decision-log/port.js';
import { openSqliteDecisionLog, openSqliteDecisionLogReader } from './sqlite/index.js';
import { loadDataKeyRing } from './data-key.js';

/** The decision log's own SQLite file, next to (never inside) the config store's tongban.db. */
export function decisionLogFile(settings: Pick<StoreSettings, 'dataDir'>): string {
  return join(settings.dataDir, 'decisions.db');
}

/** Same choice as the config reader: the runtime's own (least-privileged) URI when given. */
function mongoUri(settings: StoreSettings): string | undefined {
  return settings.runtimeMongodbUri ?? settings.mongodbUri;
}

/**
 * A runtime's decision log: MongoDB collection `decisions` under RUNTIME_MONGODB_URI (else
 * MONGODB_URI), or `<TONGBAN_DATA_DIR>/decisions.db`, created if absent. Writable even where the
 * config store is read-only: a runtime may write its own records, never a config. Each record's
 * body is encrypted whole with the data key (TONGBAN_DATA_KEY, else data.key).
 */
export async function openDecisionLog(settings: StoreSettings): Promise<DecisionLogWriter> {
  const uri = mongoUri(settings);
  if (uri) {
    const { openMongoDecisionLog } = await import('./mongodb/index.js');
    return openMongoDecisionLog({ uri, database: settings.mongodbDatabase, key: loadDataKeyRing(settings) });
  }
  return openSqliteDecisionLog({ file: decisionLogFile(settings), key: loadDataKeyRing(settings) });
}

/** The auditor's replay and the reviewer's impact view: an object with no way to write. */
export async function openDecisionLogReader(settings: StoreSettings): Promise<DecisionLogReader> {
  const uri = mongoUri(settings);
  if (uri) {
    const { openMongoDecisionLogReader } = await import('./mongodb/index.js');
    return openMongoDecisionLogReader({ uri, database: settings.mongodbDatabase, key: loadDataKeyRing(settings) });
  }
  return openSqliteDecisionLogReader({ file: decisionLogFile(settings), key: loadDataKeyRing(settings) });
}
