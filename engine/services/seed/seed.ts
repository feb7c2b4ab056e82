import { systemClock, type Clock } from '../../core/clock/index.js';
import { contentHash } from '../../core/canonical/content-hash.js';
import type { ItemConfig } from '../../core/config/types.js';
import { validateConfig } from '../../core/config/validate-config.js';
import { ConflictError, ValidationFailedError } from '../../core/errors.js';
import type { ConfigStore } from '../../ports/config-store/port.js';
import { ephemeralProcessSigning, signVersion, type Signer } from '../../core/signing/index.js';
import type { VersionRecord } from '../../core/model/records.js';

export const SEED_ACTOR = 'system:seed';

/**
 * Loads a catalogue into an empty store, each item published as version 1, so a new
 * installation shows a working system at once. A store that has any item is left alone, which
 * makes seeding idempotent across restarts (and harmless when two processes start together).
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
  if ((await store.listItems()).length > 0) return { seeded: [] };
  for (const config of catalogue) {
    const problems = validateConfig(config);
    if (problems.length > 0) throw new ValidationFailedError(`种子事项 ${config.code} 不合规`, problems);
  }
  const seeded: string[] = [];
  for (const config of catalogue) {
    const at = now();
    await store.upsertItem({ code: config.code, name: config.standard.name, department: config.standard.department.name, createdAt: at });
    try {
      const version: VersionRecord = {
        code: config.code,
        version: 1,
        hash: contentHash(config),
        baseVersion: null,
        publishedAt: at,
        publishedBy: SEED_ACTOR,
        author: SEED_ACTOR,
        reviewer: null,
        reason: config.meta?.sample ? '初始化样例事项' : '初始化事项目录',
        legalBasis: config.standard.legalBasis.provisions.map((p) => [p.law, p.article].filter(Boolean).join(' ')).join('；'),
        changeKind: 'establish',
        config,
      };
      await store.insertVersion({ ...version, signature: signVersion(version, signer) });
    } catch (error) {
      if (error instanceof ConflictError) continue;
      throw error;
    }
    seeded.push(config.code);
    await store.insertClaims(claimFor.map((division) => ({ division, code: config.code, follow: 'latest' as const, local: {}, claimedAt: at, claimedBy: SEED_ACTOR, updatedAt: at, updatedBy: SEED_ACTOR })));
    await store.appendAudit({ at, actor: SEED_ACTOR, action: 'store.seeded', code: config.code, version: 1, reason: '初始化', details: { hash: contentHash(config), claimedBy: claimFor.length } });
  }
  return { seeded };
}
