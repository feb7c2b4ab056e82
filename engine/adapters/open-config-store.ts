import { join, resolve } from 'node:path';
import type { ConfigReader, ConfigStore } from '../ports/config-store/port.js';
import { openSqliteReader, openSqliteStore } from './sqlite/index.js';

export interface StoreSettings {
  /** Directory of the embedded SQLite file (TONGBAN_DATA_DIR, default ./data). */
  dataDir: string;
  /** MONGODB_URI: when set, MongoDB is the config store instead of SQLite. */
  mongodbUri?: string;
  /** MONGODB_DB, default "tongban". */
  mongodbDatabase: string;
  /** RUNTIME_MONGODB_URI: a runtime's own URI, normally a user with only the `read` role. */
  runtimeMongodbUri?: string;
}

export function storeSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): StoreSettings {
  return {
    dataDir: resolve(env.TONGBAN_DATA_DIR || './data'),
    ...(env.MONGODB_URI ? { mongodbUri: env.MONGODB_URI } : {}),
    mongodbDatabase: env.MONGODB_DB || 'tongban',
    ...(env.RUNTIME_MONGODB_URI ? { runtimeMongodbUri: env.RUNTIME_MONGODB_URI } : {}),
  };
}

export function sqliteFile(settings: StoreSettings): string {
  return join(settings.dataDir, 'tongban.db');
}

/** The designer's writable store, chosen by configuration. */
export async function openConfigStore(settings: StoreSettings): Promise<ConfigStore> {
  if (settings.mongodbUri) {
    const { openMongoStore } = await import('./mongodb/index.js');
    return openMongoStore({ uri: settings.mongodbUri, database: settings.mongodbDatabase });
  }
  return openSqliteStore({ file: sqliteFile(settings) });
}

/** A runtime's read-only store: the runtime URI when given, else the designer's, read-only. */
export async function openConfigReader(settings: StoreSettings): Promise<ConfigReader> {
  const uri = settings.runtimeMongodbUri ?? settings.mongodbUri;
  if (uri) {
    const { openMongoReader } = await import('./mongodb/index.js');
    return openMongoReader({ uri, database: settings.mongodbDatabase });
  }
  return openSqliteReader({ file: sqliteFile(settings) });
}
