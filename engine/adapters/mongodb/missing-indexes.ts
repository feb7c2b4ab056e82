import type { Collection, Document, IndexDescription } from 'mongodb';

const NAMESPACE_NOT_FOUND = 26;

/**
 * Creates only the indexes a collection does not have yet. MongoDB treats re-creating an
 * identical index as a no-op, but FerretDB 1.24 drops the connection on it, so start-up asks first.
 */
export async function createMissingIndexes<T extends Document>(collection: Collection<T>, indexes: IndexDescription[]): Promise<void> {
  let existing: string[] = [];
  try {
    existing = (await collection.listIndexes().toArray()).map((index) => String(index.name));
  } catch (error) {
    if ((error as { code?: number }).code !== NAMESPACE_NOT_FOUND) throw error;
  }
  const missing = indexes.filter((index) => !existing.includes(String(index.name)));
  if (missing.length > 0) await collection.createIndexes(missing);
}
