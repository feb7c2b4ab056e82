import { contentHash } from '../../engine/canonical/index.js';
import { CompiledConfigCache, type CompiledConfig } from '../../engine/decision/index.js';
import { DriftDetectedError, NotFoundError } from '../../engine/errors.js';
import type { ConfigReader, ItemSummary } from '../../engine/store/index.js';

/**
 * The versions in force, read through a store the runtime cannot write to. Each request asks the
 * store only for the latest version's number and hash (cheap); the config itself is loaded,
 * hash-checked and compiled once per version, so a newly published version is served from the
 * next request on while requests in flight finish on the compiled version they started with.
 */
export class PublishedConfigs {
  private readonly cache: CompiledConfigCache;

  constructor(private readonly reader: ConfigReader, cacheCapacity = 1000) {
    this.cache = new CompiledConfigCache(cacheCapacity);
  }

  get compilations(): number {
    return this.cache.compilations;
  }

  /** Items offered: published and not withdrawn. */
  async offered(): Promise<ItemSummary[]> {
    return (await this.reader.listItems()).filter((item) => item.latestVersion !== null && !item.withdrawn);
  }

  async inForce(code: string): Promise<CompiledConfig> {
    const item = await this.reader.getItem(code);
    if (!item || item.latestVersion === null || item.latestHash === null) throw new NotFoundError(`本地未提供事项 ${code}`, { code });
    if (item.withdrawn) throw new NotFoundError(`事项 ${code} 已于 ${item.withdrawn.at} 撤销，不再受理`, { code, withdrawn: item.withdrawn });
    const ref = { version: item.latestVersion, hash: item.latestHash };
    return this.cache.getOrLoad(ref, async () => {
      const version = await this.reader.getVersion(code, ref.version);
      if (!version) throw new NotFoundError(`事项 ${code} 第 ${ref.version} 版不存在`, { code, version: ref.version });
      const actual = contentHash(version.config);
      if (actual !== version.hash) {
        throw new DriftDetectedError(`事项 ${code} 第 ${ref.version} 版的内容与其登记的哈希不符，拒绝使用`, {
          code,
          version: ref.version,
          recordedHash: version.hash,
          actualHash: actual,
        });
      }
      return version.config;
    });
  }
}
