import { contentHash, CompiledConfigCache, type CompiledConfig, DriftDetectedError, NotFoundError, type ClaimRecord, type ItemSummary } from '../../engine/core/index.js';
import type { ConfigReader } from '../../engine/ports/index.js';

export interface OfferedItem {
  item: ItemSummary;
  claim: ClaimRecord;
  /** The version this locality serves: the latest, or the one it pinned. */
  version: number;
}

/**
 * The versions in force at a locality, read through a store the runtime cannot write to. An item
 * is served where it has been claimed (认领), at the latest version or the pinned one. Each request
 * asks the store only for the item and the claim (cheap); a version's config is loaded,
 * hash-checked and compiled once, so a newly published version is served from the next request on
 * while requests in flight finish on the compiled version they started with.
 */
export class PublishedConfigs {
  private readonly cache: CompiledConfigCache;

  constructor(private readonly reader: ConfigReader, cacheCapacity = 1000) {
    this.cache = new CompiledConfigCache(cacheCapacity);
  }

  get compilations(): number {
    return this.cache.compilations;
  }

  /** Items offered at a locality: claimed there, published and not withdrawn. */
  async offered(division: string): Promise<OfferedItem[]> {
    const claims = new Map((await this.reader.listClaims({ division })).map((c) => [c.code, c]));
    if (claims.size === 0) return [];
    return (await this.reader.listItems())
      .filter((item) => item.latestVersion !== null && !item.withdrawn && claims.has(item.code))
      .map((item) => {
        const claim = claims.get(item.code) as ClaimRecord;
        return { item, claim, version: claim.follow === 'latest' ? (item.latestVersion as number) : claim.follow };
      });
  }

  async inForce(code: string, division: string): Promise<CompiledConfig & { claim: ClaimRecord }> {
    const [item, claims] = await Promise.all([this.reader.getItem(code), this.reader.listClaims({ division, code })]);
    if (!item || item.latestVersion === null || item.latestHash === null) throw new NotFoundError(`事项 ${code} 不存在或尚未发布`, { code });
    if (item.withdrawn) throw new NotFoundError(`事项 ${code} 已于 ${item.withdrawn.at} 撤销，不再受理`, { code, withdrawn: item.withdrawn });
    const claim = claims[0];
    if (!claim) throw new NotFoundError(`本地（${division}）尚未认领事项 ${code}`, { code, division });
    const ref = claim.follow === 'latest'
      ? { version: item.latestVersion, hash: item.latestHash }
      : await this.pinnedRef(code, claim.follow);
    const compiled = await this.cache.getOrLoad(ref, async () => {
      const version = await this.reader.getVersion(code, ref.version);
      if (!version) throw new NotFoundError(`事项 ${code} 第 ${ref.version} 版不存在`, { code, version: ref.version });
      const actual = contentHash(version.config);
      if (actual !== version.hash || actual !== ref.hash) {
        throw new DriftDetectedError(`事项 ${code} 第 ${ref.version} 版的内容与其登记的哈希不符，拒绝使用`, {
          code,
          version: ref.version,
          recordedHash: version.hash,
          actualHash: actual,
        });
      }
      return version.config;
    });
    return { ...compiled, claim };
  }

  private async pinnedRef(code: string, version: number): Promise<{ version: number; hash: string }> {
    const meta = (await this.reader.listVersions(code)).find((v) => v.version === version);
    if (!meta) throw new NotFoundError(`事项 ${code} 没有第 ${version} 版`, { code, version });
    return { version, hash: meta.hash };
  }
}
