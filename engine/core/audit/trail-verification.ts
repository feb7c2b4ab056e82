import type { AuditEvent } from '../model/records.js';
import type { TrustedKey } from '../signing/trusted-keys.js';
import { verifyAuditChain, type ChainVerification } from './audit-chain.js';
import { checkpointTrusted, type AuditCheckpoint } from './checkpoint.js';

/** The audit actions that record a version coming into the store: each version has exactly one. */
export const VERSION_EVENT_ACTIONS: readonly AuditEvent['action'][] = ['version.published', 'store.seeded', 'item.imported'];

/**
 * What a store indexes an audit event by, read from its own columns or fields (SQLite: the
 * `seq`, `actor`, `action` … columns beside `event_json`). Listings filter on these, so each must
 * say what the event itself says.
 */
export interface AuditIndexRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  code: string | null;
  version: number | null;
  hash: string;
  prevHash: string;
}

export interface VersionRef {
  code: string;
  version: number;
  hash: string;
}

export type AuditProblem =
  | { kind: 'broken-link'; seq: number; message: string }
  | { kind: 'missing-tail'; fromSeq: number; toSeq: number; checkpointCount: number; message: string }
  | { kind: 'rewritten'; fromSeq: number; toSeq: number; checkpointCount: number; message: string }
  | { kind: 'untrusted-checkpoint'; checkpointCount: number; message: string }
  | { kind: 'version-without-event'; code: string; version: number; message: string }
  | { kind: 'event-without-version'; seq: number; code: string; version: number; message: string }
  | { kind: 'version-hash-mismatch'; seq: number; code: string; version: number; message: string }
  | { kind: 'index-mismatch'; seq: number; field: keyof AuditIndexRow; indexed: unknown; recorded: unknown; message: string };

export interface AuditTrailReport extends ChainVerification {
  /** Events in the store. */
  events: number;
  checkpoints: { stored: number; trusted: number; latest: AuditCheckpoint | null };
  /** Every problem found, each naming its sequence number, item code or version; [] when ok. */
  problems: AuditProblem[];
}

export interface AuditTrailInput {
  /** Every event, in sequence order, as the store keeps its content. */
  events: readonly AuditEvent[];
  /** The store's index of the same events, in the same order; omit when the store has none of its own. */
  index?: readonly AuditIndexRow[];
  checkpoints: readonly AuditCheckpoint[];
  /** Checkpoints the verifier saw earlier (its memory): a store that lost them together with the events still fails. */
  remembered?: readonly AuditCheckpoint[];
  trustedKeys: readonly TrustedKey[];
  /** Every version in the store. */
  versions: readonly VersionRef[];
  /** Events appended after `events` were read (and after `versions`): they only pair with versions, nothing else is checked on them. */
  laterEvents?: readonly AuditEvent[];
}

const INDEX_FIELDS: (keyof AuditIndexRow)[] = ['seq', 'at', 'actor', 'action', 'code', 'version', 'hash', 'prevHash'];

const versionKey = (code: string, version: number): string => `${code}@${version}`;

function checkpointProblems(events: readonly AuditEvent[], checkpoints: readonly AuditCheckpoint[], trustedKeys: readonly TrustedKey[]): { problems: AuditProblem[]; trusted: AuditCheckpoint[] } {
  const problems: AuditProblem[] = [];
  const trusted: AuditCheckpoint[] = [];
  for (const checkpoint of checkpoints) {
    if (checkpointTrusted(checkpoint, trustedKeys)) trusted.push(checkpoint);
    else problems.push({ kind: 'untrusted-checkpoint', checkpointCount: checkpoint.count, message: `第 ${checkpoint.count} 条处的检查点签名无效或密钥 ${checkpoint.keyId} 不受信任，不能作为依据` });
  }
  trusted.sort((a, b) => a.count - b.count);
  const present = events.length;
  let lastMatching = 0;
  let rewritten = false;
  for (const checkpoint of trusted) {
    if (checkpoint.count > present) continue;
    const event = events[checkpoint.count - 1];
    if (event && event.seq === checkpoint.count && event.hash === checkpoint.headHash) {
      lastMatching = Math.max(lastMatching, checkpoint.count);
    } else if (!rewritten) {
      rewritten = true;
      const fromSeq = lastMatching + 1;
      problems.push({
        kind: 'rewritten', fromSeq, toSeq: checkpoint.count, checkpointCount: checkpoint.count,
        message: `审计日志第 ${fromSeq}–${checkpoint.count} 条之间被改写：${checkpoint.at} 签名的检查点记录第 ${checkpoint.count} 条的哈希为 ${checkpoint.headHash.slice(0, 12)}…，现为 ${event?.hash.slice(0, 12) ?? '（无）'}…`,
      });
    }
  }
  const furthest = trusted[trusted.length - 1];
  if (furthest && furthest.count > present) {
    problems.push({
      kind: 'missing-tail', fromSeq: present + 1, toSeq: furthest.count, checkpointCount: furthest.count,
      message: `审计日志缺少第 ${present + 1}–${furthest.count} 条：${furthest.at} 签名的检查点记录了 ${furthest.count} 条，现只有 ${present} 条`,
    });
  }
  return { problems, trusted };
}

function publicationProblems(events: readonly AuditEvent[], versions: readonly VersionRef[], laterEvents: readonly AuditEvent[]): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const stored = new Map(versions.map((v) => [versionKey(v.code, v.version), v]));
  const recorded = new Set<string>();
  for (const event of events) {
    if (!VERSION_EVENT_ACTIONS.includes(event.action) || event.code === null || event.version === null) continue;
    const key = versionKey(event.code, event.version);
    recorded.add(key);
    const version = stored.get(key);
    if (!version) {
      problems.push({ kind: 'event-without-version', seq: event.seq, code: event.code, version: event.version, message: `审计日志第 ${event.seq} 条（${event.action}）记录了事项 ${event.code} 第 ${event.version} 版，但库中没有该版本` });
      continue;
    }
    const hash = event.details?.hash;
    if (typeof hash === 'string' && hash !== version.hash) {
      problems.push({ kind: 'version-hash-mismatch', seq: event.seq, code: event.code, version: event.version, message: `事项 ${event.code} 第 ${event.version} 版的内容哈希与审计日志第 ${event.seq} 条记录的不一致` });
    }
  }
  for (const event of laterEvents) {
    if (VERSION_EVENT_ACTIONS.includes(event.action) && event.code !== null && event.version !== null) recorded.add(versionKey(event.code, event.version));
  }
  for (const version of versions) {
    if (recorded.has(versionKey(version.code, version.version))) continue;
    problems.push({ kind: 'version-without-event', code: version.code, version: version.version, message: `事项 ${version.code} 第 ${version.version} 版没有对应的发布（或导入、初始化）审计记录：未经发布流程写入` });
  }
  return problems;
}

function indexProblems(events: readonly AuditEvent[], index: readonly AuditIndexRow[]): AuditProblem[] {
  const problems: AuditProblem[] = [];
  index.forEach((row, i) => {
    const event = events[i];
    if (!event) return;
    for (const field of INDEX_FIELDS) {
      const recorded = event[field];
      if (row[field] === recorded) continue;
      problems.push({
        kind: 'index-mismatch', seq: event.seq, field, indexed: row[field], recorded,
        message: `审计日志第 ${event.seq} 条的索引字段 ${field} 为「${String(row[field])}」，与记录内容「${String(recorded)}」不一致（按该字段的查询结果不可信）`,
      });
    }
  });
  return problems;
}

/**
 * The whole audit trail, checked against itself, its signed checkpoints, the versions in the
 * store and the store's own index: a link that does not chain, a tail cut off after a checkpoint,
 * a chain edited and recomputed before one, versions and their events that do not pair up, and
 * index columns that say something else than the event.
 */
export function verifyAuditTrail({ events, index = [], checkpoints, remembered = [], trustedKeys, versions, laterEvents = [] }: AuditTrailInput): AuditTrailReport {
  const chain = verifyAuditChain(events);
  const problems: AuditProblem[] = [];
  if (chain.firstBroken) {
    problems.push({ kind: 'broken-link', seq: chain.firstBroken.seq, message: `审计日志第 ${chain.firstBroken.seq} 条校验不通过：${chain.firstBroken.problem}` });
  }
  // Two genuine checkpoints of one count with different heads mean a fork: both are kept, one fails.
  const known = new Map<string, AuditCheckpoint>();
  for (const checkpoint of [...remembered, ...checkpoints]) known.set(`${checkpoint.count}:${checkpoint.headHash}`, checkpoint);
  const checked = checkpointProblems(events, [...known.values()], trustedKeys);
  problems.push(...checked.problems, ...publicationProblems(events, versions, laterEvents), ...indexProblems(events, index));
  const latest = checked.trusted[checked.trusted.length - 1] ?? null;
  return {
    ok: problems.length === 0,
    checked: chain.checked,
    firstBroken: chain.firstBroken,
    events: events.length,
    checkpoints: { stored: checkpoints.length, trusted: checked.trusted.length, latest },
    problems,
  };
}
