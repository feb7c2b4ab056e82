import type { Collection } from 'mongodb';
import type { DraftDocument, LiveDraftDocument } from './config-documents.js';

/** The newest revision of a draft, tombstone included: the state every draft write builds on. */
export async function latestDraftRevision(drafts: Collection<DraftDocument>, code: string): Promise<DraftDocument | null> {
  return drafts.findOne<DraftDocument>({ code }, { projection: { _id: 0 }, sort: { revision: -1 } });
}

/** The draft a reader sees: the newest revision, unless that is a tombstone. */
export function liveDraft(latest: DraftDocument | null): LiveDraftDocument | null {
  return latest && !latest.deleted ? latest : null;
}
