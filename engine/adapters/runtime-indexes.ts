import type { StoreSettings } from './open-config-store.js';

/**
 * Runtimes append decisions and intakes with an insert-only MongoDB user that cannot create
 * indexes; the designer's readWrite user creates them once at start-up. Nothing to do on SQLite,
 * whose files carry their own schema.
 */
export async function ensureRuntimeIndexes(settings: StoreSettings): Promise<void> {
  if (!settings.mongodbUri) return;
  const { ensureMongoDecisionIndexes, ensureMongoIntakeIndexes } = await import('./mongodb/index.js');
  const options = { uri: settings.mongodbUri, database: settings.mongodbDatabase };
  await ensureMongoDecisionIndexes(options);
  await ensureMongoIntakeIndexes(options);
}
