import {
  checkVersionSignature,
  contentHash,
  sha256Hex,
  CompiledConfigCache,
  type CompiledConfig,
  DriftDetectedError,
  ephemeralProcessSigning,
  NotFoundError,
  UntrustedVersionError,
  type ClaimRecord,
  type StationRecord,
  type ItemSummary,
  type StoreHealth,
  type TrustedKey,
  type UntrustedReason,
  type VersionMeta,
  type VersionRecord,
  type StatementVerifier,
  type FormValidator,
} from '../../engine/core/index.js';
import type { ConfigReader } from '../../engine/ports/index.js';
import { PointerCache, pointerTtlFromEnv } from './pointer-cache.js';

/** The claim and the version (with its hash) a locality serves an item at. */
interface InForcePointer {
  claim: ClaimRecord;
  ref: { version: number; hash: string };
}

/** A version this runtime refused to serve because its signature is missing or not trusted. */
export interface SignatureAlarm {
  code: string;
  version: number;
  reason: UntrustedReason;
  keyId: string | null;
  message: string;
  /** When this runtime first refused it. */
  since: string;
}

export interface PublishedConfigsOptions {
  /**
   * The public keys whose signatures this runtime accepts (TONGBAN_TRUSTED_KEYS). Without them,
   * only this process's own ephemeral key is trusted — which signs nothing in another process.
   */
  trustedKeys?: readonly TrustedKey[];
  cacheCapacity?: number;
  /** The Ed25519 check (default: the core's pure-JS one; servers hand in node:crypto's, native-crypto.ts). */
  verifyStatement?: StatementVerifier;
  /** The content hash a loaded config is checked against (default: the core's contentHash; the same value either way). */
  hashConfig?: (config: unknown) => string;
  /** SHA-256 hex of a text, for a config the store gives as its canonical text (default: the core's sha256Hex; the same value either way). */
  hashText?: (text: string) => string;
  /** How form schemas become validators (default: ajv each time; runtimes share and cache generated code). */
  compileForm?: (schema: Record<string, unknown>) => FormValidator;
}

export interface OfferedItem {
  item: ItemSummary;
  claim: ClaimRecord;
  /** The version this locality serves: the latest, or the one it pinned. */
  version: number;
}

/**
 * The versions in force at a locality, read through a store the runtime cannot write to. An item
 * is served where it has been claimed (认领), at the latest version or the pinned one. Which
 * version that is (the item and the claim) is re-read at most every TONGBAN_POINTER_TTL_MS; a
 * version's config is loaded, hash-checked and compiled once, so a newly published version is
 * served within a second while requests in flight finish on the compiled version they started with.
 */
export class PublishedConfigs {
  private readonly cache: CompiledConfigCache;
  private readonly trustedKeys: readonly TrustedKey[];
  /** Signature checks by (code, version, hash, signature): each stored signature is verified once. */
  private readonly checked = new Map<string, SignatureAlarm | null>();
  private readonly aliases = new Map<string, string[]>();
  private readonly alarmsByVersion = new Map<string, SignatureAlarm>();

  private readonly verifyStatement: StatementVerifier | undefined;
  private readonly hashConfig: (config: unknown) => string;
  private readonly hashText: (text: string) => string;

  constructor(private readonly reader: ConfigReader, { trustedKeys = ephemeralProcessSigning().trustedKeys, cacheCapacity = 1000, verifyStatement, hashConfig = contentHash, hashText = sha256Hex, compileForm }: PublishedConfigsOptions = {}) {
    this.cache = new CompiledConfigCache(cacheCapacity, compileForm);
    this.trustedKeys = trustedKeys;
    this.verifyStatement = verifyStatement;
    this.hashConfig = hashConfig;
    this.hashText = hashText;
  }

  /** Versions refused for their signature since this runtime started (a version later found good again is dropped). */
  get alarms(): SignatureAlarm[] {
    return [...this.alarmsByVersion.values()];
  }

  /**
   * Refuses (UntrustedVersionError, 409) a version that is not signed by a trusted key valid at
   * its publication time, and raises the alarm that health reports.
   */
  private requireTrusted(meta: VersionMeta): void {
    const memo = `${meta.code}@${meta.version}:${meta.hash}:${meta.publishedAt}:${meta.reviewer}:${meta.signature?.keyId}:${meta.signature?.signature}`;
    let alarm = this.checked.get(memo);
    if (alarm === undefined) {
      const check = checkVersionSignature(meta, this.trustedKeys, this.verifyStatement);
      alarm = check.trusted ? null : { code: meta.code, version: meta.version, reason: check.reason, keyId: check.keyId, message: check.message, since: new Date().toISOString() };
      this.checked.set(memo, alarm);
    }
    const key = `${meta.code}@${meta.version}`;
    if (!alarm) {
      this.alarmsByVersion.delete(key);
      return;
    }
    if (!this.alarmsByVersion.has(key)) this.alarmsByVersion.set(key, alarm);
    throw new UntrustedVersionError(alarm.message, { code: meta.code, version: meta.version, reason: alarm.reason, keyId: alarm.keyId });
  }

  /**
   * Health of what this runtime serves: the signature of every item's latest version is checked
   * (each stored signature once), so a tampered or unsigned version raises the alarm before any
   * window asks for it. Not ok while any refused version remains.
   */
  async health(): Promise<StoreHealth> {
    try {
      for (const item of await this.reader.listItems()) {
        if (item.latestVersion === null || item.withdrawn) continue;
        const meta = (await this.reader.listVersions(item.code)).find((v) => v.version === item.latestVersion);
        if (!meta) continue;
        try {
          this.requireTrusted(meta);
        } catch (error) {
          if (!(error instanceof UntrustedVersionError)) throw error;
        }
      }
    } catch (error) {
      // The config store's own health entry reports the outage; this one says the check could not run.
      return { ok: false, adapter: this.reader.adapter, readOnly: true, details: { error: (error as Error).message, refusedVersions: this.alarms } };
    }
    const alarms = this.alarms;
    return {
      ok: alarms.length === 0,
      adapter: this.reader.adapter,
      readOnly: true,
      details: { trustedKeys: this.trustedKeys.map((k) => k.keyId), refusedVersions: alarms },
    };
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

  /** The registered service stations (乡镇、村级便民服务站), whose own names the runtime shows. */
  async stations(): Promise<StationRecord[]> {
    return this.reader.listStations();
  }

  /** The aliases (别名) a version's standard carries, for the window's search; versions never change, so kept. */
  async aliasesOf(code: string, version: number): Promise<string[]> {
    const key = `${code}@${version}`;
    let aliases = this.aliases.get(key);
    if (!aliases) {
      aliases = (await this.reader.getVersion(code, version))?.config.standard.aliases ?? [];
      this.aliases.set(key, aliases);
    }
    return aliases;
  }

  async inForce(code: string, division: string): Promise<CompiledConfig & { claim: ClaimRecord }> {
    const { claim, ref } = await this.pointerTo(code, division);
    return { ...(await this.compiled(code, ref)), claim };
  }

  /**
   * One exact version, hash- and signature-checked like the one in force: what a 补正 decides on when
   * the case keeps the version it was opened with, even where that version is no longer in force.
   */
  async exact(code: string, version: number, hash: string): Promise<CompiledConfig> {
    return this.compiled(code, { version, hash });
  }

  /** A stored version, with its config's canonical text where the store keeps one. */
  private async readVersion(code: string, version: number): Promise<{ version: VersionRecord; configText?: string } | null> {
    if (this.reader.getVersionWithConfigText) return this.reader.getVersionWithConfigText(code, version);
    const record = await this.reader.getVersion(code, version);
    return record && { version: record };
  }

  private async compiled(code: string, ref: { version: number; hash: string }): Promise<CompiledConfig> {
    return this.cache.getOrLoad(ref, async () => {
      const stored = await this.readVersion(code, ref.version);
      if (!stored) throw new NotFoundError({ key: 'server.runtime.item.noSuchVersion', values: { code, version: ref.version } }, { code, version: ref.version });
      // A text whose SHA-256 is the recorded hash is that config's canonical JSON, so what was parsed
      // from it is the config that was hashed; any other text (altered, or not canonical) is judged by
      // the parsed config's own canonical hash.
      const { version, configText } = stored;
      const actual = configText !== undefined && this.hashText(configText) === version.hash ? version.hash : this.hashConfig(version.config);
      if (actual !== version.hash || actual !== ref.hash) {
        throw new DriftDetectedError({ key: 'server.runtime.configs.hashMismatch', values: { code, version: ref.version } }, {
          code,
          version: ref.version,
          recordedHash: version.hash,
          actualHash: actual,
        });
      }
      // The hash binds the config; the signature binds the hash, time and reviewer to the region's key.
      this.requireTrusted(version);
      return version.config;
    });
  }

  /**
   * Which version a locality serves for an item, kept briefly (pointer-cache.ts): a request for a
   * version already compiled reads nothing from the store. A store with a change marker (SQLite)
   * has a change served from the next request on; any store within TTL + grace (< 1 s).
   */
  private readonly pointers = new PointerCache<InForcePointer | { refused: NotFoundError }>({ ttlMs: pointerTtlFromEnv() });

  private async pointerTo(code: string, division: string): Promise<InForcePointer> {
    const pointer = await this.pointers.get(`${division}/${code}`, () => this.readPointer(code, division), this.reader.changeMarker?.());
    if ('refused' in pointer) throw pointer.refused;
    return pointer;
  }

  private async readPointer(code: string, division: string): Promise<InForcePointer | { refused: NotFoundError }> {
    try {
      const [item, claims] = await Promise.all([this.reader.getItem(code), this.reader.listClaims({ division, code })]);
      if (!item || item.latestVersion === null || item.latestHash === null) throw new NotFoundError({ key: 'server.runtime.configs.notPublished', values: { code } }, { code });
      if (item.withdrawn) throw new NotFoundError({ key: 'server.runtime.configs.withdrawn', values: { code, at: item.withdrawn.at } }, { code, withdrawn: item.withdrawn });
      const claim = claims[0];
      if (!claim) throw new NotFoundError({ key: 'server.runtime.configs.notClaimed', values: { code, division } }, { code, division });
      const ref = claim.follow === 'latest'
        ? { version: item.latestVersion, hash: item.latestHash }
        : await this.pinnedRef(code, claim.follow);
      return { claim, ref };
    } catch (error) {
      if (error instanceof NotFoundError) return { refused: error };
      throw error;
    }
  }

  private async pinnedRef(code: string, version: number): Promise<{ version: number; hash: string }> {
    const meta = (await this.reader.listVersions(code)).find((v) => v.version === version);
    if (!meta) throw new NotFoundError({ key: 'services.items.noSuchVersion', values: { code, version } }, { code, version });
    return { version, hash: meta.hash };
  }
}
