import { systemClock, type Clock } from '../../core/clock/index.js';
import { contentHash } from '../../core/canonical/content-hash.js';
import type { ItemConfig } from '../../core/config/types.js';
import { validateConfig } from '../../core/config/validate-config.js';
import { ConflictError, ValidationFailedError } from '../../core/errors.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';
import type { ConfigStore } from '../../ports/config-store/port.js';
import { ephemeralProcessSigning, signVersion, type Signer } from '../../core/signing/index.js';
import type { VersionRecord } from '../../core/model/records.js';

export const SEED_ACTOR = 'system:seed';

/**
 * Loads a catalogue into a new store, each item published as version 1 and claimed by
 * `claimFor`, so a new installation shows a working system at once.
 *
 * Seeding is resumable rather than one transaction (FerretDB has none): every step is written so
 * that doing it again is a no-op (item upserted, version 1 inserted unless there, missing claims
 * only, the item's `store.seeded` event only once), and the store counts as unfinished until the
 * first administrator exists. A first start killed at any point therefore leaves a store the next
 * start completes — the whole catalogue, then the administrator. A store holding any item that is
 * not one of the catalogue's, any version not seeded, or any principal, is left alone.
 */
export async function seedEmptyStore({
  store,
  clock = systemClock,
  catalogue,
  claimFor = [],
  signer = ephemeralProcessSigning().signer,
}: {
  store: ConfigStore;
  clock?: Clock;
  catalogue: readonly ItemConfig[];
  /** Localities that claim every seeded item (following the latest version), so windows serve them at once. */
  claimFor?: readonly string[];
  /** The region's publishing key: seeded versions are signed like published ones, so runtimes serve them. */
  signer?: Signer;
}): Promise<{ seeded: string[] }> {
  const now = () => clock().toISOString();
  for (const config of catalogue) {
    const problems = validateConfig(config);
    if (problems.length > 0) throw new ValidationFailedError({ key: 'services.seed.invalidItem', values: { code: config.code } }, problems);
  }
  if (!(await isUnfinishedSeed(store, catalogue))) return { seeded: [] };
  const seeded: string[] = [];
  for (const config of catalogue) {
    const at = now();
    const hash = contentHash(config);
    if (!(await store.getItem(config.code))) {
      await store.upsertItem({ code: config.code, name: config.standard.name, department: config.standard.department.name, createdAt: at });
    }
    const existing = await store.latestVersionRef(config.code);
    if (existing && (existing.version !== 1 || existing.hash !== hash)) continue;
    if (!existing) {
      const version: VersionRecord = {
        code: config.code,
        version: 1,
        hash,
        baseVersion: null,
        publishedAt: at,
        publishedBy: SEED_ACTOR,
        author: SEED_ACTOR,
        reviewer: null,
        reason: uiText(config.meta?.sample ? 'services.seed.sampleReason' : 'services.seed.catalogueReason'),
        legalBasis: config.standard.legalBasis.provisions.map((p) => [p.law, p.article].filter(Boolean).join(' ')).join(uiText('server.notice.clauseSeparator')),
        changeKind: 'establish',
        config,
      };
      try {
        await store.insertVersion({ ...version, signature: signVersion(version, signer) });
      } catch (error) {
        // Another process seeding at the same moment wrote it first: its version is the same one.
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    const claimed = new Set((await store.listClaims({ code: config.code })).map((c) => c.division));
    const missing = claimFor.filter((division) => !claimed.has(division));
    if (missing.length > 0) {
      await store.insertClaims(missing.map((division) => ({ division, code: config.code, follow: 'latest' as const, local: {}, claimedAt: at, claimedBy: SEED_ACTOR, updatedAt: at, updatedBy: SEED_ACTOR })));
    }
    const events = await store.listAudit({ code: config.code, actor: SEED_ACTOR, limit: 10 });
    if (!events.some((e) => e.action === 'store.seeded')) {
      await store.appendAudit({ at, actor: SEED_ACTOR, action: 'store.seeded', code: config.code, version: 1, reason: uiText('services.seed.seededReason'), details: { hash, claimedBy: claimFor.length } });
      seeded.push(config.code);
    }
  }
  return { seeded };
}

/**
 * A store still to be seeded: empty, or holding only what an interrupted first start wrote — no
 * principal yet, only catalogue items, and versions only the seed's own version 1.
 */
async function isUnfinishedSeed(store: ConfigStore, catalogue: readonly ItemConfig[]): Promise<boolean> {
  const items = await store.listItems();
  if (items.length === 0) return true;
  if ((await store.listPrincipals()).length > 0) return false;
  const codes = new Set(catalogue.map((c) => c.code));
  if (items.some((item) => !codes.has(item.code))) return false;
  for (const item of items) {
    const versions = await store.listVersions(item.code);
    if (versions.some((v) => v.version !== 1 || v.publishedBy !== SEED_ACTOR)) return false;
    if (await store.getDraft(item.code)) return false;
  }
  return true;
}
