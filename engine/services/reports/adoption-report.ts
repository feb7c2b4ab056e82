import { systemClock, type Clock } from '../../core/clock/index.js';
import { contentHash } from '../../core/canonical/content-hash.js';
import { findDivision } from '../../core/divisions/index.js';
import type { ConfigReader } from '../../ports/config-store/port.js';
import type { VersionMeta } from '../../core/model/records.js';
import { checkVersionSignature, ephemeralProcessSigning, type TrustedKey, type UntrustedReason } from '../../core/signing/index.js';

export interface LocalityAdoption {
  division: string;
  name: string;
  follow: 'latest' | number;
  /** The version this locality's windows serve. */
  serves: number;
  hash: string;
  upToDate: boolean;
  /** When a newer version than the one served was published: how long the locality has lagged. */
  laggingSince: string | null;
  /** The served version's content no longer matches its recorded hash: runtimes refuse it. */
  drift: boolean;
}

export interface ItemAdoption {
  code: string;
  name: string;
  latestVersion: number;
  latestHash: string;
  latestPublishedAt: string;
  withdrawn: boolean;
  localities: LocalityAdoption[];
  summary: { claimed: number; upToDate: number; lagging: number; drift: number };
}

export interface AdoptionReport {
  generatedAt: string;
  items: ItemAdoption[];
  /** Every (item, version) whose stored content does not hash to its recorded hash. */
  drift: { code: string; version: number; recordedHash: string; actualHash: string; servedAt: string[] }[];
  /** Every served (item, version) without a signature of a trusted key: the runtimes refuse it. */
  untrusted: { code: string; version: number; reason: UntrustedReason; message: string; servedAt: string[] }[];
}

/**
 * Is every centre applying the current standard unchanged? For each published item: which
 * localities serve which version (following the latest or pinned), who lags and since when, and
 * whether any served version's content has drifted from its recorded hash.
 */
export async function adoptionReport({ store, clock = systemClock, trustedKeys = ephemeralProcessSigning().trustedKeys }: { store: ConfigReader; clock?: Clock; trustedKeys?: readonly TrustedKey[] }): Promise<AdoptionReport> {
  const now = clock();
  const untrusted: AdoptionReport['untrusted'] = [];
  const items = (await store.listItems()).filter((item) => item.latestVersion !== null);
  const claims = await store.listClaims();
  const drift: AdoptionReport['drift'] = [];
  const report: ItemAdoption[] = [];
  for (const item of items) {
    const versions = new Map<number, VersionMeta>((await store.listVersions(item.code)).map((v) => [v.version, v]));
    const actualHashes = new Map<number, string>();
    const actualHashOf = async (version: number): Promise<string> => {
      let hash = actualHashes.get(version);
      if (hash === undefined) {
        const record = await store.getVersion(item.code, version);
        hash = record ? contentHash(record.config) : '';
        actualHashes.set(version, hash);
      }
      return hash;
    };
    const localities: LocalityAdoption[] = [];
    for (const claim of claims.filter((c) => c.code === item.code)) {
      const serves = claim.follow === 'latest' ? (item.latestVersion as number) : claim.follow;
      const meta = versions.get(serves);
      if (!meta) continue;
      const actual = await actualHashOf(serves);
      const drifted = actual !== meta.hash;
      const upToDate = serves === item.latestVersion;
      localities.push({
        division: claim.division,
        name: findDivision(claim.division.slice(0, 6))?.name ?? claim.division,
        follow: claim.follow,
        serves,
        hash: meta.hash,
        upToDate,
        laggingSince: upToDate ? null : versions.get(serves + 1)?.publishedAt ?? null,
        drift: drifted,
      });
      const signature = checkVersionSignature(meta, trustedKeys);
      if (!signature.trusted) {
        const entry = untrusted.find((u) => u.code === item.code && u.version === serves);
        if (entry) entry.servedAt.push(claim.division);
        else untrusted.push({ code: item.code, version: serves, reason: signature.reason, message: signature.message, servedAt: [claim.division] });
      }
      if (drifted) {
        const entry = drift.find((d) => d.code === item.code && d.version === serves);
        if (entry) entry.servedAt.push(claim.division);
        else drift.push({ code: item.code, version: serves, recordedHash: meta.hash, actualHash: actual, servedAt: [claim.division] });
      }
    }
    report.push({
      code: item.code,
      name: item.name,
      latestVersion: item.latestVersion as number,
      latestHash: item.latestHash as string,
      latestPublishedAt: item.latestPublishedAt as string,
      withdrawn: item.withdrawn !== null,
      localities,
      summary: {
        claimed: localities.length,
        upToDate: localities.filter((l) => l.upToDate && !l.drift).length,
        lagging: localities.filter((l) => !l.upToDate).length,
        drift: localities.filter((l) => l.drift).length,
      },
    });
  }
  return { generatedAt: now.toISOString(), items: report, drift, untrusted };
}
