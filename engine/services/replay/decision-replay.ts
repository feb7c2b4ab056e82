import { canonicalJson } from '../../core/canonical/canonical-json.js';
import type { ItemConfig } from '../../core/config/types.js';
import type { DecisionLogReader, DecisionRecord } from '../../ports/decision-log/port.js';
import { compileConfig } from '../../core/decision/compiled-config.js';
import { evaluateCompiled } from '../../core/decision/evaluate.js';
import type { Decision, LeanDecision } from '../../core/decision/types.js';
import { DriftDetectedError, NotFoundError } from '../../core/errors.js';
import { contentHash } from '../../core/canonical/content-hash.js';
import type { ConfigReader } from '../../ports/config-store/port.js';
import { ruleDisplayName, sideFacts } from '../../core/diff/index.js';
import { labelOf, ruleEventTypes, type Language, type RuleEventType } from '../../core/vocabulary/index.js';
import { uiText } from '../../core/i18n/catalogue/catalogue.js';

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
function differingFields(a: LeanDecision, b: Decision): string[] {
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
  if (!record) throw new NotFoundError({ key: 'services.replay.noSuchDecision', values: { id } }, { id });
  const version = await configs.getVersion(record.code, record.version);
  if (!version) throw new NotFoundError({ key: 'server.runtime.item.noSuchVersion', values: { code: record.code, version: record.version } }, { code: record.code, version: record.version });
  const actual = contentHash(version.config);
  if (actual !== record.hash || version.hash !== record.hash) {
    throw new DriftDetectedError({ key: 'services.replay.hashMismatch', values: { code: record.code, version: record.version } }, { code: record.code, version: record.version, recordedHash: record.hash, actualHash: actual });
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

/**
 * What makes a recorded decision come out differently under the draft, in the reviewer's words:
 * a rule whose firing changed, a form field that now fails (a new required field) or passes, a
 * material that is now missing or no longer, 容缺受理 granted or refused, the channel.
 */
export type ImpactCause =
  | { kind: 'rule'; rule: string; title: string; change: 'fires' | 'stops' | 'undecidable' | 'decidable'; event?: string; text: string }
  | { kind: 'field'; field: string; title: string; change: 'fails' | 'passes'; message: string; text: string }
  | { kind: 'material'; material: string; name: string; change: 'missing' | 'supplied'; text: string }
  | { kind: 'deferral'; change: 'granted' | 'refused'; text: string }
  | { kind: 'channel'; text: string }
  | { kind: 'input'; text: string };

export interface ImpactEntry {
  id: string;
  division: string;
  date: string;
  before: Decision['outcome'];
  after: Decision['outcome'] | 'error';
  /** Why the draft decides differently: its reasons (rule names and messages). */
  reasons: { rule: string; type: string; message: string }[];
  /** What causes the change, each with a Chinese sentence naming the rule, field or material. */
  causes: ImpactCause[];
}

export interface ImpactTransition {
  before: Decision['outcome'];
  after: Decision['outcome'] | 'error';
  count: number;
}

export interface ImpactReport {
  code: string;
  version: number;
  examined: number;
  changed: ImpactEntry[];
  /** The changes counted by their outcome before and after (予以受理 → 需补正: 2), most frequent first. */
  transitions: ImpactTransition[];
}

const EVENT_TYPES = new Set(['reject', 'supplement', 'requireMaterial']);

/** Rules by their Chinese names: the draft's first, the current version's for rules the draft dropped. */
function ruleTitles(...configs: (ItemConfig | undefined)[]): (rule: string) => string {
  const titles = new Map<string, string>();
  for (const config of configs) for (const rule of config?.rules ?? []) if (!titles.has(rule.name)) titles.set(rule.name, ruleDisplayName(rule));
  return (rule) => titles.get(rule) ?? rule;
}

function fieldTitles(...configs: (ItemConfig | undefined)[]): (path: string) => string {
  const sides = configs.map((c) => sideFacts(c));
  return (path) => {
    const key = (path.split('/')[1] ?? '').replace(/~1/g, '/').replace(/~0/g, '~');
    for (const side of sides) {
      const title = side.facts.get(key)?.title;
      if (title) return title;
    }
    return key || uiText('services.replay.form');
  };
}

type Outcomeish = Pick<Decision, 'reasons' | 'fieldErrors' | 'missingMaterials' | 'deferredAcceptance' | 'redirect'>;

/** The differences between the recorded decision and the draft's that explain the new outcome. */
export function impactCauses(before: Outcomeish, after: Outcomeish, names: { rule: (id: string) => string; field: (path: string) => string }, language: Language = 'zh-CN'): ImpactCause[] {
  const text = (key: Parameters<typeof uiText>[0], values?: Record<string, string | number>) => uiText(key, language, values);
  const causes: ImpactCause[] = [];
  const fired = (d: Outcomeish) => new Map(d.reasons.filter((r) => EVENT_TYPES.has(r.type)).map((r) => [r.rule, r.type]));
  const undecided = (d: Outcomeish) => new Map(d.reasons.filter((r) => r.type === 'undecided').map((r) => [r.rule, r.message]));
  const firedBefore = fired(before);
  const firedAfter = fired(after);
  for (const [rule, type] of firedAfter) {
    if (firedBefore.has(rule)) continue;
    const title = names.rule(rule);
    causes.push({ kind: 'rule', rule, title, change: 'fires', event: type, text: text('services.replay.ruleFires', { title, event: labelOf(ruleEventTypes, type as RuleEventType, language) }) });
  }
  for (const [rule] of firedBefore) {
    if (firedAfter.has(rule)) continue;
    const title = names.rule(rule);
    causes.push({ kind: 'rule', rule, title, change: 'stops', text: text('services.replay.ruleStops', { title }) });
  }
  const undecidedBefore = undecided(before);
  const undecidedAfter = undecided(after);
  for (const [rule, message] of undecidedAfter) {
    if (undecidedBefore.has(rule)) continue;
    const title = names.rule(rule);
    causes.push({ kind: 'rule', rule, title, change: 'undecidable', text: text('services.replay.ruleUndecidable', { title, message }) });
  }
  for (const [rule] of undecidedBefore) {
    if (undecidedAfter.has(rule)) continue;
    const title = names.rule(rule);
    causes.push({ kind: 'rule', rule, title, change: 'decidable', text: text('services.replay.ruleDecidable', { title }) });
  }
  const errorKey = (e: { path: string; keyword: string }) => `${e.path}\u0000${e.keyword}`;
  const errorsBefore = new Set(before.fieldErrors.map(errorKey));
  const errorsAfter = new Set(after.fieldErrors.map(errorKey));
  for (const e of after.fieldErrors) {
    if (errorsBefore.has(errorKey(e))) continue;
    const title = names.field(e.path);
    const sentence = e.keyword === 'required' ? 'services.replay.requiredMissing' : 'services.replay.fieldFails';
    causes.push({ kind: 'field', field: e.path, title, change: 'fails', message: e.message, text: text(sentence, { title, message: e.message }) });
  }
  for (const e of before.fieldErrors) {
    if (errorsAfter.has(errorKey(e))) continue;
    const title = names.field(e.path);
    causes.push({ kind: 'field', field: e.path, title, change: 'passes', message: e.message, text: text('services.replay.fieldPasses', { title, message: e.message }) });
  }
  const missingBefore = new Map(before.missingMaterials.map((m) => [m.id, m.name]));
  const missingAfter = new Map(after.missingMaterials.map((m) => [m.id, m.name]));
  for (const [material, name] of missingAfter) {
    if (!missingBefore.has(material)) causes.push({ kind: 'material', material, name, change: 'missing', text: text('services.replay.materialMissing', { name }) });
  }
  for (const [material, name] of missingBefore) {
    if (!missingAfter.has(material)) causes.push({ kind: 'material', material, name, change: 'supplied', text: text('services.replay.materialSupplied', { name }) });
  }
  const grantedBefore = before.deferredAcceptance?.granted === true;
  const grantedAfter = after.deferredAcceptance?.granted === true;
  if (grantedBefore !== grantedAfter) {
    causes.push(grantedAfter
      ? { kind: 'deferral', change: 'granted', text: text('services.replay.deferralGranted') }
      : { kind: 'deferral', change: 'refused', text: after.deferredAcceptance ? text('services.replay.deferralRefused', { message: after.deferredAcceptance.message }) : text('services.replay.deferralDropped') });
  }
  if ((before.redirect === undefined) !== (after.redirect === undefined)) {
    causes.push({ kind: 'channel', text: after.redirect ? text('services.replay.channelRedirect', { message: after.reasons.find((r) => r.type === 'redirect')?.message ?? text('services.replay.otherChannel') }) : text('services.replay.channelHere') });
  }
  return causes;
}

function transitionsOf(changed: ImpactEntry[]): ImpactTransition[] {
  const counts = new Map<string, ImpactTransition>();
  for (const entry of changed) {
    const key = `${entry.before}\u0000${entry.after}`;
    const t = counts.get(key) ?? { before: entry.before, after: entry.after, count: 0 };
    t.count++;
    counts.set(key, t);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || (a.before < b.before ? -1 : a.before > b.before ? 1 : a.after < b.after ? -1 : 1));
}

/**
 * The reviewer's "what would this change do": every recorded decision of the current version,
 * re-evaluated with the draft, and those whose outcome would change, each with its causes. The
 * current version's config, when given, names the rules and fields the draft dropped.
 */
export async function decisionImpact({ log, code, version, draft, current, limit = 5000 }: { log: DecisionLogReader; code: string; version: number; draft: ItemConfig; current?: ItemConfig; limit?: number }): Promise<ImpactReport> {
  const compiled = compileConfig(draft, { version: null });
  const names = { rule: ruleTitles(draft, current), field: fieldTitles(draft, current) };
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
      let causes: ImpactCause[];
      try {
        const decision = await evaluateCompiled(compiled, record.input, replayContext(record));
        after = decision.outcome;
        reasons = decision.reasons.map((r) => ({ rule: r.rule, type: r.type, message: r.message }));
        causes = impactCauses(record.decision, decision, names);
      } catch (error) {
        // The draft no longer accepts this input at all (e.g. a scenario it removed).
        after = 'error';
        causes = [{ kind: 'input', text: uiText('services.replay.draftCannotEvaluate', 'zh-CN', { error: error instanceof Error ? error.message : String(error) }) }];
      }
      if (after !== record.outcome) changed.push({ id: record.id, division: record.division, date: record.input.date, before: record.outcome, after, reasons, causes });
    }
    afterId = page[page.length - 1]?.id;
  }
  return { code, version, examined, changed, transitions: transitionsOf(changed) };
}
