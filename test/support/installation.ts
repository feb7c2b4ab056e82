import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Express } from 'express';
import { createDesignerApp } from '../../designer/server/designer-app.js';
import { createLogger } from '../../engine/http/index.js';
import { openConfigReader, openConfigStore, type StoreSettings } from '../../engine/store/open-store.js';
import type { ConfigReader, ConfigStore } from '../../engine/store/index.js';

/** A whole installation for a test: a real store (SQLite file or MongoDB database), the designer app and the runtime reader. */
export interface TestInstallation {
  settings: StoreSettings;
  store: ConfigStore;
  reader: ConfigReader;
  app: Express;
  /** Every log line the app wrote, for tests that check what logs may contain. */
  logs: string[];
  close(): Promise<void>;
}

export type InstallationFactory = (options?: { bodyLimit?: number }) => Promise<TestInstallation>;

async function install(settings: StoreSettings, cleanup: () => Promise<void>, bodyLimit?: number): Promise<TestInstallation> {
  const store = await openConfigStore(settings);
  const reader = await openConfigReader(settings);
  const logs: string[] = [];
  const logger = createLogger((line) => logs.push(line));
  const app = createDesignerApp({ store, runtimeReader: reader, logger, ...(bodyLimit ? { bodyLimit } : {}) });
  return {
    settings, store, reader, app, logs,
    close: async () => {
      await reader.close();
      await store.close();
      await cleanup();
    },
  };
}

export const sqliteInstallation: InstallationFactory = async (options = {}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-test-'));
  return install({ dataDir, mongodbDatabase: 'unused' }, async () => rmSync(dataDir, { recursive: true, force: true }), options.bodyLimit);
};

let counter = 0;

export function mongoInstallation(uri: string): InstallationFactory {
  return async (options = {}) => {
    const database = `tongban_test_${process.pid}_${Date.now()}_${counter++}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'tongban-test-'));
    return install({ dataDir, mongodbUri: uri, mongodbDatabase: database }, async () => {
      const { MongoClient } = await import('mongodb');
      const client = new MongoClient(uri);
      await client.db(database).dropDatabase().catch(() => undefined);
      await client.close();
      rmSync(dataDir, { recursive: true, force: true });
    }, options.bodyLimit);
  };
}
