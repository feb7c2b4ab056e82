import { canonicalJson } from '../../core/canonical/canonical-json.js';
import type { ItemConfig } from '../../core/config/types.js';
import type { DecisionLogReader, DecisionRecord, RecordedDecision } from '../../ports/decision-log/port.js';
import { compileConfig } from '../../core/decision/compiled-config.js';
import { evaluateCompiled } from '../../core/decision/evaluate.js';
import type { Decision } from '../../core/decision/types.js';
import { DriftDetectedError, NotFoundError } from '../../core/errors.js';
import { contentHash } from '../../core/canonical/content-hash.js';
import type { ConfigReader } from '../../ports/config-store/port.js';

export interface ReplayResult {
  id: string;
  item: { code: string; version: number; hash: string };
  identical: boolean;
  /** Top-level decision fields whose replayed value differs from the recorded one. */
  differences: string[];
  recordedOutcome: Decision['outcome'];
  replayedOutcome: Decision['outcome'];
}

/** The explanation is not recorded (replay recomputes it), so it is not compared. */
function differingFields(a: RecordedDecision, b: Decision): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('explanation');
  return [...keys].filter((key) => canonicalJson((a as unknown as Record<string, unknown>)[key] ?? null) !== canonicalJson((b as unknown as Record<string, unknown>)[key] ?? null)).sort();
}

function replayContext(record: DecisionRecord) {
  return { division: record.division, channel: record.channel as Decision['channel'] };
}

/**
 * Re-evaluates a recorded decision against the exact version it names (refusing a version whose
 * content no longer matches the recorded hash) and says whether the result is identical.
 */
export async function replayDecision({ configs, log, id }: { configs: ConfigReader; log: DecisionLogReader; id: string }): Promise<ReplayResult> {
  const record = await log.get(id);
  if (!record) throw new NotFoundError(`没有编号为 ${id} 的受理决定记录`, { id });
  const version = await configs.getVersion(record.code, record.version);
  if (!version) throw new NotFoundError(`事项 ${record.code} 第 ${record.version} 版不存在`, { code: record.code, version: record.version });
  const actual = contentHash(version.config);
  if (actual !== record.hash || version.hash !== record.hash) {
    throw new DriftDetectedError(`事项 ${record.code} 第 ${record.version} 版的内容与决定所记录的哈希不符`, { code: record.code, version: record.version, recordedHash: record.hash, actualHash: actual });
  }
  const replayed = await evaluateCompiled(compileConfig(version.config, { version: record.version, hash: record.hash }), record.input, replayContext(record));
  const differences = differingFields(record.decision, replayed);
  return {
    id,
    item: { code: record.code, version: record.version, hash: record.hash },
    identical: differences.length === 0,
    differences,
    recordedOutcome: record.outcome,
    replayedOutcome: replayed.outcome,
  };
}

export interface ImpactEntry {
  id: string;
  division: string;
  date: string;
  before: Decision['outcome'];
  after: Decision['outcome'] | 'error';
  /** Why the draft decides differently: its reasons (rule names and messages). */
  reasons: { rule: string; type: string; message: string }[];
}

export interface ImpactReport {
  code: string;
  version: number;
  examined: number;
  changed: ImpactEntry[];
}

/**
 * The reviewer's "what would this change do": every recorded decision of the current version,
 * re-evaluated with the draft, and those whose outcome would change.
 */
export async function decisionImpact({ log, code, version, draft, limit = 5000 }: { log: DecisionLogReader; code: string; version: number; draft: ItemConfig; limit?: number }): Promise<ImpactReport> {
  const compiled = compileConfig(draft, { version: null });
  const changed: ImpactEntry[] = [];
  let examined = 0;
  let afterId: string | undefined;
  while (examined < limit) {
    const page = await log.list({ code, version, limit: Math.min(500, limit - examined), ...(afterId ? { afterId } : {}) });
    if (page.length === 0) break;
    for (const record of page) {
      examined++;
      let after: ImpactEntry['after'];
      let reasons: ImpactEntry['reasons'] = [];
      try {
        const decision = await evaluateCompiled(compiled, record.input, replayContext(record));
        after = decision.outcome;
        reasons = decision.reasons.map((r) => ({ rule: r.rule, type: r.type, message: r.message }));
      } catch {
        // The draft no longer accepts this input at all (e.g. a scenario it removed).
        after = 'error';
      }
      if (after !== record.outcome) changed.push({ id: record.id, division: record.division, date: record.input.date, before: record.outcome, after, reasons });
    }
    afterId = page[page.length - 1]?.id;
  }
  return { code, version, examined, changed };
}
