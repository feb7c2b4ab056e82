import { chmodSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { checkpointTrusted, rollbackFrom, uiText, type AuditCheckpoint, type RollbackFinding, type StoreHealth, type TrustedKey } from '../../engine/core/index.js';
import type { ConfigReader } from '../../engine/ports/index.js';

export interface CheckpointWatchOptions {
  reader: ConfigReader;
  trustedKeys: readonly TrustedKey[];
  /**
   * Where the newest checkpoint seen is kept across restarts (the runtime's data directory,
   * `audit-checkpoint-seen.json`, mode 0600). Without it the runtime remembers only while it runs.
   */
  file?: string;
}

interface Alarm {
  kind: RollbackFinding['kind'] | 'untrusted-checkpoint';
  message: string;
  remembered: { count: number; headHash: string } | null;
  current: { count: number; headHash: string } | null;
}

function readRemembered(file: string | undefined): AuditCheckpoint | null {
  if (!file) return null;
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { checkpoint?: AuditCheckpoint };
    return saved.checkpoint ?? null;
  } catch {
    return null;
  }
}

/**
 * A runtime's memory of the region's audit trail: the newest signed checkpoint it has seen in the
 * config store. Should the store later show fewer events than that, or another event at that
 * count (a copy put back, a chain rewritten), health turns degraded and stays so while the store
 * disagrees — the runtime never lowers what it remembers. After a deliberate restore, the
 * operator deletes the file to accept the restored trail.
 */
export class CheckpointWatch {
  readonly #reader: ConfigReader;
  readonly #trustedKeys: readonly TrustedKey[];
  readonly #file: string | undefined;
  #remembered: AuditCheckpoint | null;

  constructor({ reader, trustedKeys, file }: CheckpointWatchOptions) {
    this.#reader = reader;
    this.#trustedKeys = trustedKeys;
    this.#file = file;
    const saved = readRemembered(file);
    this.#remembered = saved && checkpointTrusted(saved, trustedKeys) ? saved : null;
  }

  get remembered(): AuditCheckpoint | null {
    return this.#remembered;
  }

  /** Looks at the store's newest checkpoint: remembers it when it moves forward, names the problem otherwise. */
  async observe(): Promise<Alarm | null> {
    const latest = await this.#reader.latestCheckpoint();
    const head = (c: AuditCheckpoint | null) => (c ? { count: c.count, headHash: c.headHash } : null);
    if (latest && !checkpointTrusted(latest, this.#trustedKeys)) {
      return {
        kind: 'untrusted-checkpoint', remembered: head(this.#remembered), current: head(latest),
        message: uiText('server.runtime.checkpoint.untrusted', 'zh-CN', { count: latest.count, keyId: latest.keyId }),
      };
    }
    const remembered = this.#remembered;
    if (remembered) {
      const [event] = await this.#reader.listAudit({ afterSeq: remembered.count - 1, limit: 1 });
      const finding = rollbackFrom(remembered, head(latest), event && event.seq === remembered.count ? event.hash : null);
      if (finding) return { kind: finding.kind, message: finding.message, remembered: finding.remembered, current: finding.current };
    }
    if (latest && (!remembered || latest.count > remembered.count)) this.#remember(latest);
    return null;
  }

  #remember(checkpoint: AuditCheckpoint): void {
    this.#remembered = checkpoint;
    if (!this.#file) return;
    const temporary = `${this.#file}.tmp`;
    writeFileSync(temporary, JSON.stringify({ checkpoint }, null, 2), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, this.#file);
  }

  async health(): Promise<StoreHealth> {
    try {
      const alarm = await this.observe();
      const remembered = this.#remembered ? { count: this.#remembered.count, headHash: this.#remembered.headHash, at: this.#remembered.at } : null;
      return { ok: alarm === null, adapter: this.#reader.adapter, readOnly: true, details: { remembered, ...(alarm ? { alarm } : {}) } };
    } catch (error) {
      return { ok: false, adapter: this.#reader.adapter, readOnly: true, details: { error: (error as Error).message } };
    }
  }
}
