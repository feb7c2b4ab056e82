import { Binary } from 'mongodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { canonicalJson } from '../../core/canonical/index.js';
import { ConflictError, NotFoundError } from '../../core/errors.js';
import { chainAuditEvent } from '../../core/audit/audit-chain.js';
import type { CheckpointPolicy } from '../../core/audit/checkpoint.js';
import type { ConfigStore, DraftPatch, NewDraft, Publication } from '../../ports/config-store/port.js';
import type { PrincipalRecord } from '../../core/access/principal.js';
import type { SessionRecord, SessionWithPrincipal } from '../../core/access/session.js';
import type { CalendarYearRecord } from '../../core/calendar/calendar-year-record.js';
import type { DataListEntry, ReportSnapshot, TemplateFile } from '../../core/model/programme-records.js';
import type { DataListKind, ReportPeriod } from '../../core/vocabulary/data-lists.js';
import { sortDataListEntries } from '../../ports/config-store/data-list-order.js';
import type { AuditEvent, CampaignRecord, ClaimRecord, StationRecord, DraftRecord, ItemRecord, NewAuditEvent, VersionRecord, Withdrawal } from '../../core/model/records.js';
import { fromDraftDocument, toAuditDocument, toDraftDocument, toVersionDocument, withoutUndefined, type DraftDocument } from './config-documents.js';
import { latestDraftRevision, liveDraft } from './drafts.js';
import { guard, unlessDuplicateKey } from './driver-errors.js';
import { MongoConfigReader } from './mongo-config-reader.js';
import { draftChanged } from '../config-store-messages.js';

/** Each losing round means another writer appended, so N concurrent appenders need at most N tries. */
const MAX_AUDIT_ATTEMPTS = 64;
/** Concurrent first upserts of one code race on the unique index; the loser's retry is an update. */
const MAX_UPSERT_ATTEMPTS = 3;

function staleDraft(code: string, expectedRevision: number, current: DraftDocument | null): ConflictError {
  const currentRevision = liveDraft(current)?.revision ?? null;
  return new ConflictError(draftChanged(currentRevision, expectedRevision), { code, expectedRevision, currentRevision });
}

/**
 * The designer's store. No write spans two documents and none needs a transaction: every write
 * that must not lose a race is an insert that a unique index can refuse.
 *
 * Drafts are append-only for that reason. A save, discard or re-creation inserts revision n + 1
 * after reading revision n, and the unique (code, revision) index lets exactly one concurrent
 * writer take n + 1 — a compare-and-set that also means revisions never repeat. The obvious
 * `findOneAndUpdate({ code, revision })` is atomic on MongoDB but not on FerretDB 1.24, whose
 * findAndModify/update read the document and then write it back by _id unconditionally, so
 * concurrent savers would all "win".
 */
export class MongoConfigStore extends MongoConfigReader implements ConfigStore {
  protected override readonly readOnly: boolean = false;
  private checkpoints: CheckpointPolicy | null = null;

  useCheckpoints(policy: CheckpointPolicy | null): void {
    this.checkpoints = policy;
  }

  async upsertItem(item: Omit<ItemRecord, 'withdrawn'>): Promise<void> {
    const { code, name, department, createdAt } = item;
    for (let attempt = 1; attempt <= MAX_UPSERT_ATTEMPTS; attempt++) {
      const done = await unlessDuplicateKey('upsertItem', () =>
        this.collections.items.updateOne({ code }, { $set: { name, department }, $setOnInsert: { createdAt, withdrawn: null } }, { upsert: true }),
      );
      if (done) return;
    }
    throw new ConflictError({ key: 'stores.mongodb.itemBeingRegistered', values: { code } }, { code });
  }

  async setWithdrawn(code: string, withdrawal: Withdrawal | null): Promise<void> {
    const value = withdrawal ? { at: withdrawal.at, by: withdrawal.by, reason: withdrawal.reason } : null;
    const result = await guard('setWithdrawn', () => this.collections.items.updateOne({ code }, { $set: { withdrawn: value } }));
    if (result.matchedCount === 0) throw new NotFoundError({ key: 'services.items.noSuchItem', values: { code } });
  }

  async createDraft(draft: NewDraft): Promise<DraftRecord> {
    const latest = await guard('createDraft', () => latestDraftRevision(this.collections.drafts, draft.code));
    const existing = () => new ConflictError({ key: 'stores.configStore.draftExists', values: { code: draft.code } }, { code: draft.code, currentRevision: liveDraft(latest)?.revision ?? null });
    if (liveDraft(latest)) throw existing();
    const record: DraftRecord = { ...draft, revision: (latest?.revision ?? 0) + 1 };
    await this.insertDraftRevision('createDraft', toDraftDocument(record), existing);
    return record;
  }

  async updateDraft(code: string, expectedRevision: number, patch: DraftPatch): Promise<DraftRecord> {
    const latest = await guard('updateDraft', () => latestDraftRevision(this.collections.drafts, code));
    const current = liveDraft(latest);
    if (!current || current.revision !== expectedRevision) throw staleDraft(code, expectedRevision, latest);
    // Same merge as the SQLite adapter: a key patched to undefined disappears from the record.
    const record: DraftRecord = { ...fromDraftDocument(current), ...patch, code, revision: expectedRevision + 1 };
    await this.insertDraftRevision('updateDraft', toDraftDocument(record), () => staleDraft(code, expectedRevision, null));
    return record;
  }

  async deleteDraft(code: string, expectedRevision: number): Promise<void> {
    const conflict = () => new ConflictError({ key: 'stores.configStore.draftChangedOrGone' }, { code, expectedRevision });
    const current = liveDraft(await guard('deleteDraft', () => latestDraftRevision(this.collections.drafts, code)));
    if (!current || current.revision !== expectedRevision) throw conflict();
    await this.insertDraftRevision('deleteDraft', { code, revision: expectedRevision + 1, deleted: true }, conflict);
  }

  async insertVersion(version: VersionRecord): Promise<void> {
    await guard(
      'insertVersion',
      () => this.collections.versions.insertOne(toVersionDocument(version)),
      () => new ConflictError({ key: 'stores.configStore.versionPublishedByOthers', values: { code: version.code, version: version.version } }, { code: version.code, version: version.version }),
    );
  }

  /**
   * MongoDB without transactions (FerretDB has none) cannot write two documents atomically, so the
   * version document is the publication's commit record: it is inserted with its audit event
   * inside (the unique (code, version) index picks one winner), and the event is then chained
   * onto the trail. A crash between the two leaves a version whose event is in its own document;
   * `completePublications` — run whenever the store is opened — chains it, so no version stays
   * without its event and no event exists without its version (the event is only ever written
   * after its version).
   */
  async publishVersion({ version, event, draftRevision, item }: Publication): Promise<AuditEvent> {
    const current = liveDraft(await guard('publishVersion', () => latestDraftRevision(this.collections.drafts, version.code)));
    if (!current || current.revision !== draftRevision) {
      throw new ConflictError({ key: 'stores.configStore.draftChangedNotPublished' }, { code: version.code, expectedRevision: draftRevision });
    }
    await guard(
      'publishVersion',
      () => this.collections.versions.insertOne({ ...toVersionDocument(version), publicationJson: canonicalJson(event) }),
      () => new ConflictError({ key: 'stores.configStore.versionPublishedByOthers', values: { code: version.code, version: version.version } }, { code: version.code, version: version.version }),
    );
    const chained = await this.chainAudit(event, true);
    // The draft and the item record follow from the version; were these writes lost, the next
    // publication of the item is refused as based on a stale version, never silently wrong.
    await this.insertDraftRevision('publishVersion', { code: version.code, revision: draftRevision + 1, deleted: true }, () => new ConflictError({ key: 'stores.mongodb.draftChanged' }))
      .catch(() => undefined);
    await this.upsertItem(item);
    await guard('publishVersion', () => this.collections.items.updateOne({ code: item.code }, { $set: { withdrawn: null } }));
    return chained;
  }

  /** Chains the event of every version whose publication stopped between its two writes. */
  async completePublications(): Promise<number> {
    const published = await guard('completePublications', () =>
      this.collections.versions
        .find<{ code: string; version: number; publicationJson: string }>({ publicationJson: { $exists: true } }, { projection: { _id: 0, code: 1, version: 1, publicationJson: 1 } })
        .toArray(),
    );
    if (published.length === 0) return 0;
    const chained = new Set(
      (await guard('completePublications', () =>
        this.collections.audit.find<{ code: string; version: number }>({ action: 'version.published' }, { projection: { _id: 0, code: 1, version: 1 } }).toArray(),
      )).map((e) => `${e.code}@${e.version}`),
    );
    let completed = 0;
    for (const v of published) {
      if (chained.has(`${v.code}@${v.version}`)) continue;
      await this.chainAudit(JSON.parse(v.publicationJson) as NewAuditEvent, true);
      completed++;
    }
    return completed;
  }

  async appendAudit(event: NewAuditEvent): Promise<AuditEvent> {
    return this.chainAudit(event, false);
  }

  /**
   * Appends, then stores the checkpoint the policy signs for the new head. Without transactions
   * the checkpoint is a second write: a crash in between loses only that checkpoint, and the next
   * one (every N events, or the next publication) covers the event.
   */
  private async chainAudit(event: NewAuditEvent, publication: boolean): Promise<AuditEvent> {
    const chained = await this.appendOnce(event);
    const checkpoint = this.checkpoints?.checkpointFor({ count: chained.seq, headHash: chained.hash }, publication) ?? null;
    if (checkpoint) await unlessDuplicateKey('appendAudit', () => this.collections.checkpoints.insertOne({ ...checkpoint }));
    return chained;
  }

  /**
   * Optimistic append: chain onto the current tail and insert with seq = tail + 1. The unique seq
   * index lets exactly one of several concurrent appenders take each number; the others re-read
   * the new tail and try again, so the chain never forks and never skips a number.
   */
  private async appendOnce(event: NewAuditEvent): Promise<AuditEvent> {
    for (let attempt = 1; attempt <= MAX_AUDIT_ATTEMPTS; attempt++) {
      const tail = await guard('appendAudit', () =>
        this.collections.audit.findOne<{ seq: number; hash: string }>({}, { projection: { _id: 0, seq: 1, hash: 1 }, sort: { seq: -1 } }),
      );
      const chained = chainAuditEvent(event, tail);
      if (await unlessDuplicateKey('appendAudit', () => this.collections.audit.insertOne(toAuditDocument(chained)))) return chained;
      // Jitter spreads the losers out so they do not collide again on the next number.
      await sleep(Math.random() * Math.min(2 ** attempt, 50));
    }
    throw new ConflictError({ key: 'stores.mongodb.auditConflicts', values: { attempts: MAX_AUDIT_ATTEMPTS } }, { action: event.action, code: event.code });
  }

  /**
   * The compare-and-set step shared by every draft write. Once the new revision is in, the older
   * ones are only history nobody reads, so they are pruned; the newest revision is never pruned,
   * which keeps the unique index guarding the next write. Pruning is best effort: a failure
   * leaves a few extra documents that the next save removes.
   */
  async createPrincipal(principal: PrincipalRecord): Promise<void> {
    await guard('createPrincipal', () => this.collections.principals.insertOne({ ...principal }), () => new ConflictError({ key: 'stores.configStore.principalExists', values: { id: principal.id } }, { id: principal.id }));
  }

  async revokePrincipal(id: string, at: string, by: string): Promise<PrincipalRecord> {
    const current = await guard('revokePrincipal', () => this.collections.principals.findOne<PrincipalRecord>({ id }, { projection: { _id: 0 } }));
    if (!current) throw new NotFoundError({ key: 'stores.configStore.noSuchPrincipal', values: { id } }, { id });
    if (current.revokedAt) return current;
    // Filtering on revokedAt: null keeps the first revocation when two admins revoke at once.
    await guard('revokePrincipal', () => this.collections.principals.updateOne({ id, revokedAt: null }, { $set: { revokedAt: at, revokedBy: by } }));
    return (await guard('revokePrincipal', () => this.collections.principals.findOne<PrincipalRecord>({ id }, { projection: { _id: 0 } }))) ?? current;
  }

  async createSession(session: SessionRecord): Promise<void> {
    await guard('createSession', () => this.collections.sessions.insertOne({ ...session }), () => new ConflictError({ key: 'stores.configStore.sessionExists' }, { session: 'exists' }));
  }

  async findSession(idHash: string): Promise<SessionWithPrincipal | null> {
    const session = await guard('findSession', () => this.collections.sessions.findOne<SessionRecord>({ idHash }, { projection: { _id: 0 } }));
    if (!session) return null;
    const principal = await guard('findSession', () => this.collections.principals.findOne<PrincipalRecord>({ id: session.principalId }, { projection: { _id: 0 } }));
    return principal ? { session, principal } : null;
  }

  async revokeSession(idHash: string, at: string): Promise<boolean> {
    // Filtering on revokedAt: null keeps the first revocation; a second one still finds the session.
    await guard('revokeSession', () => this.collections.sessions.updateOne({ idHash, revokedAt: null }, { $set: { revokedAt: at } }));
    return (await guard('revokeSession', () => this.collections.sessions.countDocuments({ idHash }))) > 0;
  }

  async purgeSessions(before: string): Promise<number> {
    // revokedAt: { $lte } never matches null, so live sessions are kept.
    const result = await guard('purgeSessions', () => this.collections.sessions.deleteMany({ $or: [{ expiresAt: { $lte: before } }, { revokedAt: { $lte: before } }] }));
    return result.deletedCount;
  }

  async putClaim(claim: ClaimRecord): Promise<ClaimRecord> {
    const { division, code } = claim;
    for (let attempt = 1; attempt <= MAX_UPSERT_ATTEMPTS; attempt++) {
      const previous = await guard('putClaim', () => this.collections.claims.findOne<ClaimRecord>({ division, code }, { projection: { _id: 0 } }));
      const record: ClaimRecord = previous ? { ...claim, claimedAt: previous.claimedAt, claimedBy: previous.claimedBy } : claim;
      const done = await unlessDuplicateKey('putClaim', () => this.collections.claims.replaceOne({ division, code }, { ...record }, { upsert: true }));
      if (done) return record;
    }
    throw new ConflictError({ key: 'stores.mongodb.claimBusy', values: { division, code } }, { division, code });
  }

  async deleteClaim(division: string, code: string): Promise<boolean> {
    const result = await guard('deleteClaim', () => this.collections.claims.deleteOne({ division, code }));
    return result.deletedCount > 0;
  }

  async insertClaims(claims: readonly ClaimRecord[]): Promise<void> {
    if (claims.length === 0) return;
    await guard('insertClaims', () => this.collections.claims.insertMany(claims.map((c) => ({ ...c }))), () => new ConflictError({ key: 'stores.mongodb.claimsExist' }, { count: claims.length }));
  }

  async addStation(station: StationRecord): Promise<void> {
    await guard('addStation', () => this.collections.stations.insertOne({ ...station }), () => new ConflictError({ key: 'stores.configStore.stationExists', values: { code: station.code } }, { code: station.code }));
  }

  async putCalendarYear(record: CalendarYearRecord): Promise<CalendarYearRecord | null> {
    const { year } = record;
    for (let attempt = 1; attempt <= MAX_UPSERT_ATTEMPTS; attempt++) {
      const previous = await guard('putCalendarYear', () => this.collections.calendarYears.findOne<CalendarYearRecord>({ year }, { projection: { _id: 0 } }));
      // A copy, because the driver writes the generated _id into the object it is given.
      const done = await unlessDuplicateKey('putCalendarYear', () => this.collections.calendarYears.replaceOne({ year }, withoutUndefined({ ...record }), { upsert: true }));
      if (done) return previous;
    }
    throw new ConflictError({ key: 'stores.mongodb.calendarBusy', values: { year } }, { year });
  }

  async putDataListEntry(entry: DataListEntry): Promise<DataListEntry | null> {
    const { kind, id } = entry;
    for (let attempt = 1; attempt <= MAX_UPSERT_ATTEMPTS; attempt++) {
      const previous = await guard('putDataListEntry', () => this.collections.dataListEntries.findOne<DataListEntry>({ kind, id }, { projection: { _id: 0 } }));
      // A copy, because the driver writes the generated _id into the object it is given.
      const done = await unlessDuplicateKey('putDataListEntry', () => this.collections.dataListEntries.replaceOne({ kind, id }, withoutUndefined({ ...entry }), { upsert: true }));
      if (done) return previous;
    }
    throw new ConflictError({ key: 'stores.mongodb.dataListEntryBusy', values: { id } }, { kind, id });
  }

  async deleteDataListEntry(kind: DataListKind, id: string): Promise<boolean> {
    const result = await guard('deleteDataListEntry', () => this.collections.dataListEntries.deleteOne({ kind, id }));
    return result.deletedCount > 0;
  }

  async listDataListEntries(kind: DataListKind): Promise<DataListEntry[]> {
    return sortDataListEntries(await guard('listDataListEntries', () => this.collections.dataListEntries.find<DataListEntry>({ kind }, { projection: { _id: 0 } }).toArray()));
  }

  async insertReportSnapshot(snapshot: ReportSnapshot): Promise<void> {
    await guard('insertReportSnapshot', () => this.collections.reportSnapshots.insertOne(withoutUndefined({ ...snapshot })), () => new ConflictError({ key: 'stores.configStore.reportSnapshotExists', values: { key: snapshot.key } }, { period: snapshot.period, key: snapshot.key }));
  }

  async listReportSnapshots(period: ReportPeriod): Promise<ReportSnapshot[]> {
    return guard('listReportSnapshots', () => this.collections.reportSnapshots.find<ReportSnapshot>({ period }, { projection: { _id: 0 } }).sort({ key: 1 }).toArray());
  }

  async putTemplateFile(file: TemplateFile): Promise<boolean> {
    // Content-addressed: the same content stored twice is one document, the first one kept.
    return unlessDuplicateKey('putTemplateFile', () => this.collections.templateFiles.insertOne({ ...file, content: new Binary(file.content) }));
  }

  async setCampaign(campaign: CampaignRecord): Promise<void> {
    await guard('setCampaign', () => this.collections.campaign.replaceOne({ _id: 'current' }, { ...campaign }, { upsert: true }));
  }

  private async insertDraftRevision(operation: string, document: DraftDocument, onConflict: () => ConflictError): Promise<void> {
    // A copy, because insertOne writes the generated _id into the object it is given.
    await guard(operation, () => this.collections.drafts.insertOne({ ...document }), onConflict);
    await this.collections.drafts.deleteMany({ code: document.code, revision: { $lt: document.revision } }).catch(() => undefined);
  }
}
