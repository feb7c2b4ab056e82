import type { DraftStatus, ItemSummary } from '../../core/model/records.js';
import type { MongoCollections } from './collections.js';
import type { ItemDocument } from './config-documents.js';

interface LatestVersion {
  code: string;
  version: number;
  hash: string;
  publishedAt: string;
}

interface DraftState {
  code: string;
  revision: number;
  deleted: boolean;
  status: DraftStatus;
  updatedAt: string;
  updatedBy: string;
}

const LATEST_FIELDS = { _id: 0, code: 1, version: 1, hash: 1, publishedAt: 1 } as const;
const DRAFT_FIELDS = { _id: 0, code: 1, revision: 1, deleted: 1, status: 1, updatedAt: 1, updatedBy: 1 } as const;
const ITEM_FIELDS = { _id: 0, code: 1, name: 1, department: 1, createdAt: 1, withdrawn: 1 } as const;

function toSummary(item: ItemDocument, latest: LatestVersion | undefined, draft: DraftState | undefined): ItemSummary {
  return {
    code: item.code,
    name: item.name,
    department: item.department,
    createdAt: item.createdAt,
    withdrawn: item.withdrawn ?? null,
    latestVersion: latest?.version ?? null,
    latestHash: latest?.hash ?? null,
    latestPublishedAt: latest?.publishedAt ?? null,
    draft: draft && !draft.deleted ? { revision: draft.revision, status: draft.status, updatedAt: draft.updatedAt, updatedBy: draft.updatedBy } : null,
  };
}

/** Keeps the last entry per code of a list sorted by (code, number): the newest one. */
function newestByCode<T extends { code: string }>(sorted: readonly T[]): Map<string, T> {
  const newest = new Map<string, T>();
  for (const entry of sorted) newest.set(entry.code, entry);
  return newest;
}

/**
 * Three bulk queries instead of a join: FerretDB 1.24 implements neither `$lookup` nor the
 * `$group` accumulators (`$first`, `$max`, `$top`) that would pick the newest version server-side.
 * The version and draft scans read only a few small fields in unique-index order (code, number),
 * so the last entry per code is its newest; that stays cheap for the ~1000 items a region has
 * (superseded draft revisions are pruned after each save, so drafts add about one entry per item).
 */
export async function listItemSummaries(collections: MongoCollections): Promise<ItemSummary[]> {
  const [items, versions, drafts] = await Promise.all([
    collections.items.find<ItemDocument>({}, { projection: ITEM_FIELDS }).sort({ code: 1 }).toArray(),
    collections.versions.find<LatestVersion>({}, { projection: LATEST_FIELDS }).sort({ code: 1, version: 1 }).toArray(),
    collections.drafts.find<DraftState>({}, { projection: DRAFT_FIELDS }).sort({ code: 1, revision: 1 }).toArray(),
  ]);
  const latestByCode = newestByCode(versions);
  const draftByCode = newestByCode(drafts);
  return items.map((item) => toSummary(item, latestByCode.get(item.code), draftByCode.get(item.code)));
}

/** One item: the same shape, with the newest version fetched by walking the unique index backwards. */
export async function getItemSummary(collections: MongoCollections, code: string): Promise<ItemSummary | null> {
  const [item, latest, draft] = await Promise.all([
    collections.items.findOne<ItemDocument>({ code }, { projection: ITEM_FIELDS }),
    collections.versions.findOne<LatestVersion>({ code }, { projection: LATEST_FIELDS, sort: { version: -1 } }),
    collections.drafts.findOne<DraftState>({ code }, { projection: DRAFT_FIELDS, sort: { revision: -1 } }),
  ]);
  return item ? toSummary(item, latest ?? undefined, draft ?? undefined) : null;
}
