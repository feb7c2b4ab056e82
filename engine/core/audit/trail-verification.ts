import { uiText, type CatalogueKey } from '../i18n/catalogue/catalogue.js';
import type { AuditEvent } from '../model/records.js';
import type { Language } from '../vocabulary/index.js';
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
  /** The language of each problem's message (the auditor's); Chinese by default. */
  language?: Language;
}

type Say = (key: CatalogueKey, values?: Record<string, string | number>) => string;

const INDEX_FIELDS: (keyof AuditIndexRow)[] = ['seq', 'at', 'actor', 'action', 'code', 'version', 'hash', 'prevHash'];

const versionKey = (code: string, version: number): string => `${code}@${version}`;

function checkpointProblems(events: readonly AuditEvent[], checkpoints: readonly AuditCheckpoint[], trustedKeys: readonly TrustedKey[], say: Say): { problems: AuditProblem[]; trusted: AuditCheckpoint[] } {
  const problems: AuditProblem[] = [];
  const trusted: AuditCheckpoint[] = [];
  for (const checkpoint of checkpoints) {
    if (checkpointTrusted(checkpoint, trustedKeys)) trusted.push(checkpoint);
    else problems.push({ kind: 'untrusted-checkpoint', checkpointCount: checkpoint.count, message: say('core.audit.untrustedCheckpoint', { count: checkpoint.count, keyId: checkpoint.keyId }) });
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
        message: say('core.audit.rewritten', { fromSeq, toSeq: checkpoint.count, at: checkpoint.at, recorded: checkpoint.headHash.slice(0, 12), now: event?.hash.slice(0, 12) ?? say('designer.examples.nothing') }),
      });
    }
  }
  const furthest = trusted[trusted.length - 1];
  if (furthest && furthest.count > present) {
    problems.push({
      kind: 'missing-tail', fromSeq: present + 1, toSeq: furthest.count, checkpointCount: furthest.count,
      message: say('core.audit.missingTail', { fromSeq: present + 1, toSeq: furthest.count, at: furthest.at, present }),
    });
  }
  return { problems, trusted };
}

function publicationProblems(events: readonly AuditEvent[], versions: readonly VersionRef[], laterEvents: readonly AuditEvent[], say: Say): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const stored = new Map(versions.map((v) => [versionKey(v.code, v.version), v]));
  const recorded = new Set<string>();
  for (const event of events) {
    if (!VERSION_EVENT_ACTIONS.includes(event.action) || event.code === null || event.version === null) continue;
    const key = versionKey(event.code, event.version);
    recorded.add(key);
    const version = stored.get(key);
    if (!version) {
      problems.push({ kind: 'event-without-version', seq: event.seq, code: event.code, version: event.version, message: say('core.audit.eventWithoutVersion', { seq: event.seq, action: event.action, code: event.code, version: event.version }) });
      continue;
    }
    const hash = event.details?.hash;
    if (typeof hash === 'string' && hash !== version.hash) {
      problems.push({ kind: 'version-hash-mismatch', seq: event.seq, code: event.code, version: event.version, message: say('core.audit.versionHashMismatch', { code: event.code, version: event.version, seq: event.seq }) });
    }
  }
  for (const event of laterEvents) {
    if (VERSION_EVENT_ACTIONS.includes(event.action) && event.code !== null && event.version !== null) recorded.add(versionKey(event.code, event.version));
  }
  for (const version of versions) {
    if (recorded.has(versionKey(version.code, version.version))) continue;
    problems.push({ kind: 'version-without-event', code: version.code, version: version.version, message: say('core.audit.versionWithoutEvent', { code: version.code, version: version.version }) });
  }
  return problems;
}

function indexProblems(events: readonly AuditEvent[], index: readonly AuditIndexRow[], say: Say): AuditProblem[] {
  const problems: AuditProblem[] = [];
  index.forEach((row, i) => {
    const event = events[i];
    if (!event) return;
    for (const field of INDEX_FIELDS) {
      const recorded = event[field];
      if (row[field] === recorded) continue;
      problems.push({
        kind: 'index-mismatch', seq: event.seq, field, indexed: row[field], recorded,
        message: say('core.audit.indexMismatch', { seq: event.seq, field, indexed: String(row[field]), recorded: String(recorded) }),
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
export function verifyAuditTrail({ events, index = [], checkpoints, remembered = [], trustedKeys, versions, laterEvents = [], language = 'zh-CN' }: AuditTrailInput): AuditTrailReport {
  const say: Say = (key, values) => uiText(key, language, values);
  const chain = verifyAuditChain(events);
  const problems: AuditProblem[] = [];
  if (chain.firstBroken) {
    problems.push({ kind: 'broken-link', seq: chain.firstBroken.seq, message: say('core.audit.brokenLink', { seq: chain.firstBroken.seq, problem: chain.firstBroken.problem }) });
  }
  // Two genuine checkpoints of one count with different heads mean a fork: both are kept, one fails.
  const known = new Map<string, AuditCheckpoint>();
  for (const checkpoint of [...remembered, ...checkpoints]) known.set(`${checkpoint.count}:${checkpoint.headHash}`, checkpoint);
  const checked = checkpointProblems(events, [...known.values()], trustedKeys, say);
  problems.push(...checked.problems, ...publicationProblems(events, versions, laterEvents, say), ...indexProblems(events, index, say));
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
