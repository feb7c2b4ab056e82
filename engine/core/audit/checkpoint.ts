import { canonicalJson } from '../canonical/canonical-json.js';
import type { Clock } from '../clock/index.js';
import { uiText } from '../i18n/catalogue/catalogue.js';
import type { Language } from '../vocabulary/index.js';
import { verifyStatement, type Signer } from '../signing/keys.js';
import { keyValidAt, type TrustedKey } from '../signing/trusted-keys.js';

/** Why a checkpoint was written: a publication, or the chain reaching another multiple of N events. */
export type CheckpointTrigger = 'publication' | 'interval';

/** The head of the audit chain: how many events it has and the hash of the last one. */
export interface ChainHead {
  count: number;
  headHash: string;
}

/**
 * A signed statement "the audit trail had `count` events and its last one hashed to `headHash`
 * at `at`". Only the holder of the region's publishing key can make one, so a trail edited and
 * re-chained by someone without the key no longer ends where the checkpoint says, and a trail cut
 * short has fewer events than a checkpoint counted.
 */
export interface AuditCheckpoint extends ChainHead {
  at: string;
  trigger: CheckpointTrigger;
  keyId: string;
  /** Ed25519 over `checkpointStatement`, hex. */
  signature: string;
}

export const CHECKPOINT_STATEMENT_PURPOSE = 'tongban/audit-checkpoint/v1';

/** Default interval: a checkpoint every this many audit events (publications add their own). */
export const DEFAULT_CHECKPOINT_INTERVAL = 50;

/** The exact text that is signed; its purpose keeps it from ever being replayed as a version signature. */
export function checkpointStatement(checkpoint: Omit<AuditCheckpoint, 'signature'>): string {
  return canonicalJson({
    purpose: CHECKPOINT_STATEMENT_PURPOSE,
    count: checkpoint.count,
    headHash: checkpoint.headHash,
    at: checkpoint.at,
    trigger: checkpoint.trigger,
    keyId: checkpoint.keyId,
  });
}

export function signCheckpoint(head: ChainHead, trigger: CheckpointTrigger, at: string, signer: Signer): AuditCheckpoint {
  const unsigned = { count: head.count, headHash: head.headHash, at, trigger, keyId: signer.keyId };
  return { ...unsigned, signature: signer.sign(checkpointStatement(unsigned)) };
}

/** Whether a listed key, valid at the checkpoint's time, signed exactly this checkpoint. */
export function checkpointTrusted(checkpoint: AuditCheckpoint, trustedKeys: readonly TrustedKey[]): boolean {
  const statement = checkpointStatement(checkpoint);
  return trustedKeys.some((key) => key.keyId === checkpoint.keyId && keyValidAt(key, checkpoint.at) && verifyStatement(statement, checkpoint.signature, key.publicKey));
}

/**
 * What a store is handed to sign checkpoints as it appends: it asks `checkpointFor` after every
 * event it chains, inside the same write, and stores what it answers. Signing is synchronous so
 * that a SQLite transaction can include it.
 */
export interface CheckpointPolicy {
  readonly every: number;
  /** The checkpoint to write for this new head, or null when none is due. */
  checkpointFor(head: ChainHead, publication: boolean): AuditCheckpoint | null;
}

export function checkpointPolicy({ signer, clock, every = DEFAULT_CHECKPOINT_INTERVAL }: { signer: Signer; clock: Clock; every?: number }): CheckpointPolicy {
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`checkpoint interval must be a positive integer, got ${every}`);
  return {
    every,
    checkpointFor(head, publication) {
      if (!publication && head.count % every !== 0) return null;
      return signCheckpoint(head, publication ? 'publication' : 'interval', clock().toISOString(), signer);
    },
  };
}

/** What a reader that remembers a checkpoint finds when the store no longer agrees with it. */
export interface RollbackFinding {
  kind: 'count-went-down' | 'head-changed';
  remembered: ChainHead;
  /** The store's newest checkpoint now (null: none at all). */
  current: ChainHead | null;
  message: string;
}

/**
 * Compares a remembered checkpoint with the store: its newest checkpoint must count at least as
 * many events, and its event number `remembered.count` must still hash to the remembered head
 * (`hashAtRememberedCount`, null when that event is gone). Anything else is a store put back to an
 * older copy, or a chain rewritten since.
 */
export function rollbackFrom(remembered: ChainHead, current: ChainHead | null, hashAtRememberedCount: string | null, language: Language = 'zh-CN'): RollbackFinding | null {
  if (!current || current.count < remembered.count || hashAtRememberedCount === null) {
    return {
      kind: 'count-went-down', remembered, current,
      message: uiText('core.audit.countWentDown', language, { remembered: remembered.count, current: current?.count ?? 0 }),
    };
  }
  if (hashAtRememberedCount !== remembered.headHash) {
    return {
      kind: 'head-changed', remembered, current,
      message: uiText('core.audit.headChanged', language, { remembered: remembered.count }),
    };
  }
  return null;
}
